/// A store the benchmark appends to and scans: the ledger, or the raw LMDB baseline.
///
/// Building a batch is not timed; committing it and scanning are.
protocol Subject {
    associatedtype Batch

    /// How the table names this store.
    static var name: String { get }

    /// Creates an empty store in `directory` (which exists and is empty).
    init(directory: String, workload: Workload) throws

    /// Builds what one commit writes: the events with indexes in `events`.
    func prepare(_ events: Range<Int>) -> Batch

    /// Writes `batch` in one durable write transaction.
    func commit(_ batch: Batch) throws

    /// Visits every stored event once, touching its key and value.
    func scan() throws -> ScanTally
}

/// What a scan saw, summed so that the work cannot be skipped and can be checked.
struct ScanTally {
    var count = 0
    var seqSum: UInt64 = 0
    /// Bytes of what was touched: the ledger's payloads, the raw values.
    var touchedBytes = 0
    /// Bytes of the stored values, so that the raw value size can be compared with the ledger's.
    var storedBytes = 0

    mutating func visit(seq: UInt64, touchedCount: Int, storedCount: Int) {
        count += 1
        seqSum &+= seq
        touchedBytes += touchedCount
        storedBytes += storedCount
    }

    /// Fails unless exactly the seqs `1...events` were visited.
    func check(events: Int, store: String) throws {
        let expected = UInt64(events) * UInt64(events + 1) / 2
        guard count == events, seqSum == expected else {
            throw BenchmarkError("\(store) scan saw \(count) events (seq sum \(seqSum)); expected \(events)")
        }
    }
}

/// A benchmark that could not be carried out.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
