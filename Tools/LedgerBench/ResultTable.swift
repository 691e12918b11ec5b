import BenchSupport

/// The printed result: medians of every figure, and the ledger/raw ratios against their targets.
struct ResultTable {
    /// Ledger append throughput must be at least this share of raw.
    static let appendTarget = 0.40
    /// Ledger scan throughput must be at least this share of raw.
    static let scanTarget = 0.50

    let options: BenchmarkOptions
    let workload: Workload
    let samples: Samples
    let ledgerStoredCount: Double?

    var text: String {
        let repetitions = options.repetitions == 1 ? "1 repetition" : "median of \(options.repetitions) repetitions"
        var lines = [
            "ledger-bench: \(grouped(workload.events)) events per append run, \(Workload.payloadCount)-byte payloads, "
                + "durable commits (fsync), \(repetitions)",
            "  ledger: Ledger.append, generated event ids (eventId nil) unless marked, streams dossier/<i % 100000>;",
            "          Ledger.scan touching seq and payload count",
            "  raw:    LMDB wrapper, one database, 8-byte big-endian keys, \(workload.rawValueCount)-byte values"
                + storedNote + ", PutFlags.append;",
            "          Cursor.next touching key and value count",
            "",
        ]
        var rows: [[String]] = [["", "raw", "ledger", "ledger/raw", "target", ""]]
        for batchSize in options.batchSizes {
            let raw = Metric(store: .raw, kind: .append(batchSize: batchSize, givenIds: false))
            for givenIds in options.withGivenIds ? [false, true] : [false] {
                let ledger = Metric(store: .ledger, kind: .append(batchSize: batchSize, givenIds: givenIds))
                let label = "append, batches of \(grouped(batchSize))" + (givenIds ? ", given ids" : "")
                rows.append(throughputRow(label, raw: raw, ledger: ledger, target: Self.appendTarget))
            }
        }
        rows.append(
            throughputRow(
                "scan, every event", raw: Metric(store: .raw, kind: .scan), ledger: Metric(store: .ledger, kind: .scan),
                target: Self.scanTarget))
        for percentile in [50, 99] {
            let kind = Metric.Kind.latency(percentile: percentile)
            let raw = Metric(store: .raw, kind: kind)
            let ledger = Metric(store: .ledger, kind: kind)
            rows.append([
                "single durable append, p\(percentile)", samples.median(raw).map { "\(fixed($0, 0)) µs" } ?? "—",
                samples.median(ledger).map { "\(fixed($0, 0)) µs" } ?? "—",
                samples.medianRatio(ledger, raw).map { fixed($0, 2) } ?? "—", "lower is better", "",
            ])
        }
        lines += aligned(rows)
        lines += writtenLines
        lines += [
            "",
            "events/s are medians over repetitions, ledger/raw the median of each repetition's ratio; append times",
            "cover the commits only, not building the batches; rows with given ids compare with the same raw runs",
            "as the rows above them. \"written\" counts the bytes passed to write calls, \"sent to storage\" what the",
            "kernel wrote back for them (Linux /proc/self/io). The scan reads the databases written by the batches",
            "of \(grouped(options.batchSizes.last!)); latency is \(grouped(options.singleAppends)) "
                + "one-event appends to an empty store.",
        ]
        return lines.joined(separator: "\n")
    }

    /// Bytes written per event, where the platform reports them.
    private var writtenLines: [String] {
        var rows: [[String]] = []
        let measures: [(String, (Int, Bool) -> Metric.Kind)] = [
            ("written per event", { .passedToWritesPerEvent(batchSize: $0, givenIds: $1) }),
            ("sent to storage per event", { .sentToStoragePerEvent(batchSize: $0, givenIds: $1) }),
        ]
        for (name, kind) in measures {
            for batchSize in options.batchSizes {
                let raw = samples.median(Metric(store: .raw, kind: kind(batchSize, false)))
                for givenIds in options.withGivenIds ? [false, true] : [false] {
                    guard let raw, let ledger = samples.median(Metric(store: .ledger, kind: kind(batchSize, givenIds)))
                    else { continue }
                    rows.append([
                        "\(name), batches of \(grouped(batchSize))" + (givenIds ? ", given ids" : ""),
                        "\(grouped(raw)) B", "\(grouped(ledger)) B", fixed(ledger / raw, 2), "lower is better",
                    ])
                }
            }
        }
        guard !rows.isEmpty else { return [] }
        return [""] + aligned([["", "raw", "ledger", "ledger/raw", ""]] + rows)
    }

    private var storedNote: String {
        guard let ledgerStoredCount else { return "" }
        return " (the ledger stores \(fixed(ledgerStoredCount, 1)) bytes per event)"
    }

    /// Medians of both throughputs, and the median of their per-repetition ratios.
    private func throughputRow(_ label: String, raw: Metric, ledger: Metric, target: Double) -> [String] {
        let ratio = samples.medianRatio(ledger, raw)
        return [
            label, samples.median(raw).map { "\(grouped($0)) ev/s" } ?? "—",
            samples.median(ledger).map { "\(grouped($0)) ev/s" } ?? "—", ratio.map { fixed($0, 2) } ?? "—",
            "≥ \(fixed(target, 2))", ratio.map { $0 >= target ? "met" : "BELOW" } ?? "",
        ]
    }

    /// The first column left-aligned, the others right-aligned, two spaces apart.
    private func aligned(_ rows: [[String]]) -> [String] {
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            var line = ""
            for (column, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                line += column == 0 ? cell + padding : "  " + padding + cell
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}

/// `value` with `digits` decimals, rounded half away from zero; `n/a` when it is not a finite
/// number (a ratio of nothing to nothing, as when no byte reaches storage on a memory file system).
func fixed(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return "n/a" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((value.magnitude * scale).rounded())
    let whole = grouped(scaled / Int(scale))
    let sign = value < 0 && scaled != 0 ? "-" : ""
    guard digits > 0 else { return sign + whole }
    let fraction = String(scaled % Int(scale))
    return sign + whole + "." + String(repeating: "0", count: digits - fraction.count) + fraction
}
