import BenchSupport

/// Runs the measurements, each in a fresh directory, and collects their samples.
struct Benchmark {
    let options: BenchmarkOptions
    let workload: Workload
    let scratch: ScratchDirectory
    private(set) var samples = Samples()
    /// Mean stored bytes per event seen by the ledger scan, to compare with the raw value size.
    private(set) var ledgerStoredCount: Double?

    init(options: BenchmarkOptions, scratch: ScratchDirectory) {
        self.options = options
        self.scratch = scratch
        workload = Workload(events: options.events, rawValueCount: options.rawValueCount)
    }

    /// One repetition of everything. Raw and ledger runs alternate, and which goes first
    /// alternates between repetitions, so that neither always follows the other's writeback.
    mutating func runRepetition(_ repetition: Int) throws {
        let ledgerFirst = repetition % 2 == 1
        for batchSize in options.batchSizes {
            let scans = batchSize == options.batchSizes.last
            for store in ledgerFirst ? [Store.ledger, .raw] : [.raw, .ledger] {
                try appendRun(store, batchSize: batchSize, givenIds: false, scans: scans)
            }
            if options.withGivenIds {
                try appendRun(.ledger, batchSize: batchSize, givenIds: true, scans: false)
            }
        }
        for store in ledgerFirst ? [Store.ledger, .raw] : [.raw, .ledger] {
            try latencyRun(store)
        }
    }

    private mutating func appendRun(_ store: Store, batchSize: Int, givenIds: Bool, scans: Bool) throws {
        switch store {
        case .raw: try appendRun(RawSubject.self, store, batchSize: batchSize, givenIds: givenIds, scans: scans)
        case .ledger: try appendRun(LedgerSubject.self, store, batchSize: batchSize, givenIds: givenIds, scans: scans)
        }
    }

    private mutating func appendRun<S: Subject>(
        _: S.Type, _ store: Store, batchSize: Int, givenIds: Bool, scans: Bool
    ) throws {
        var workload = self.workload
        workload.givesEventIds = givenIds
        let events = workload.events
        let run = try scratch.withFreshDirectory { directory in
            let subject = try S(directory: directory, workload: workload)
            let clock = ContinuousClock()
            var run = AppendRunFigures()
            let writtenBefore = WrittenBytes.current()
            var start = 0
            while start < events {
                let end = min(start + batchSize, events)
                let batch = subject.prepare(start..<end)
                run.appendTime += try clock.measure { try subject.commit(batch) }
                start = end
            }
            if let writtenBefore, let writtenAfter = WrittenBytes.current() {
                run.passedToWritesPerEvent =
                    Double(writtenAfter.passedToWrites - writtenBefore.passedToWrites) / Double(events)
                run.sentToStoragePerEvent =
                    Double(writtenAfter.sentToStorage - writtenBefore.sentToStorage) / Double(events)
            }
            if scans {
                var tally = ScanTally()
                run.scanTime = try clock.measure { tally = try subject.scan() }
                try tally.check(events: events, store: S.name)
                run.storedPerEvent = Double(tally.storedBytes) / Double(tally.count)
            }
            return run
        }
        let appendRate = Double(events) / run.appendTime.seconds
        samples.add(appendRate, for: Metric(store: store, kind: .append(batchSize: batchSize, givenIds: givenIds)))
        var line = "\(S.name) append, batches of \(grouped(batchSize))\(givenIds ? ", given ids" : ""): "
        line += "\(grouped(appendRate)) events/s"
        if let passed = run.passedToWritesPerEvent, let sent = run.sentToStoragePerEvent {
            let kinds: [Metric.Kind] = [
                .passedToWritesPerEvent(batchSize: batchSize, givenIds: givenIds),
                .sentToStoragePerEvent(batchSize: batchSize, givenIds: givenIds),
            ]
            samples.add(passed, for: Metric(store: store, kind: kinds[0]))
            samples.add(sent, for: Metric(store: store, kind: kinds[1]))
            line += ", per event \(grouped(passed)) bytes written, \(grouped(sent)) sent to storage"
        }
        if let scanTime = run.scanTime {
            let scanRate = Double(events) / scanTime.seconds
            samples.add(scanRate, for: Metric(store: store, kind: .scan))
            line += "; scan \(grouped(scanRate)) events/s"
            if store == .ledger { ledgerStoredCount = run.storedPerEvent }
        }
        progress(line)
    }

    private mutating func latencyRun(_ store: Store) throws {
        switch store {
        case .raw: try latencyRun(RawSubject.self, store)
        case .ledger: try latencyRun(LedgerSubject.self, store)
        }
    }

    private mutating func latencyRun<S: Subject>(_: S.Type, _ store: Store) throws {
        let count = options.singleAppends
        let workload = self.workload
        let microseconds = try scratch.withFreshDirectory { directory in
            let subject = try S(directory: directory, workload: workload)
            let clock = ContinuousClock()
            return try (0..<count).map { index in
                let batch = subject.prepare(index..<index + 1)
                return try clock.measure { try subject.commit(batch) }.seconds * 1e6
            }
        }.sorted()
        let p50 = percentile(microseconds, 50)
        let p99 = percentile(microseconds, 99)
        samples.add(p50, for: Metric(store: store, kind: .latency(percentile: 50)))
        samples.add(p99, for: Metric(store: store, kind: .latency(percentile: 99)))
        progress("\(S.name) single durable append ×\(grouped(count)): p50 \(fixed(p50, 0)) µs, p99 \(fixed(p99, 0)) µs")
    }
}

/// What one append run measured.
struct AppendRunFigures {
    var appendTime = Duration.zero
    var passedToWritesPerEvent: Double?
    var sentToStoragePerEvent: Double?
    var scanTime: Duration?
    var storedPerEvent: Double?
}

/// Which store a sample was taken from.
enum Store: Hashable {
    case raw, ledger
}

/// One figure of the result table.
struct Metric: Hashable {
    enum Kind: Hashable {
        case append(batchSize: Int, givenIds: Bool)
        case scan
        case latency(percentile: Int)
        /// Bytes passed to write calls per event appended.
        case passedToWritesPerEvent(batchSize: Int, givenIds: Bool)
        /// Bytes sent to storage per event appended.
        case sentToStoragePerEvent(batchSize: Int, givenIds: Bool)
    }

    var store: Store
    var kind: Kind
}

/// The values each metric took across repetitions.
struct Samples {
    private var values: [Metric: [Double]] = [:]

    mutating func add(_ value: Double, for metric: Metric) { values[metric, default: []].append(value) }

    /// The median across repetitions of `numerator / denominator`, each repetition's pair taken
    /// close together in time, or `nil` if either was not measured.
    func medianRatio(_ numerator: Metric, _ denominator: Metric) -> Double? {
        guard let top = values[numerator], let bottom = values[denominator], top.count == bottom.count else {
            return nil
        }
        return Samples.median(zip(top, bottom).map { $0 / $1 })
    }

    /// The median across repetitions, or `nil` if the metric was not measured.
    func median(_ metric: Metric) -> Double? { values[metric].flatMap(Samples.median) }

    private static func median(_ values: [Double]) -> Double? {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// The nearest-rank percentile of sorted values.
func percentile(_ sorted: [Double], _ percent: Int) -> Double {
    let rank = (sorted.count * percent + 99) / 100
    return sorted[max(rank, 1) - 1]
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
