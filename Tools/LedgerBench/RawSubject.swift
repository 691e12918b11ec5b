import LMDB

/// The baseline: the same puts straight through the LMDB wrapper, one named database, keys the
/// 8-byte big-endian index + 1, values of a fixed size, `PutFlags.append`.
///
/// The wrapper is a thin layer over the C API: `Environment.write` is `mdb_txn_begin` …
/// `mdb_txn_commit`, `Transaction.put` is one `mdb_put`, `Cursor.next` is one `mdb_cursor_get`.
final class RawSubject: Subject {
    static let name = "raw"
    private let environment: Environment
    private let database: Database
    private let value: [UInt8]

    init(directory: String, workload: Workload) throws {
        // The ledger's own defaults: durable commits, a 64 MiB map that grows by itself.
        environment = try Environment(path: directory)
        guard let database = try environment.openDatabase("events", flags: [.create]) else {
            throw BenchmarkError("cannot create the raw database in \(directory)")
        }
        self.database = database
        var value = workload.payload
        while value.count < workload.rawValueCount { value.append(contentsOf: workload.payload) }
        self.value = Array(value.prefix(workload.rawValueCount))
    }

    func prepare(_ events: Range<Int>) -> Range<Int> { events }

    func commit(_ batch: Range<Int>) throws {
        try environment.write { txn in
            try value.withUnsafeBytes { value in
                for index in batch {
                    try withUnsafeBytes(of: UInt64(index + 1).bigEndian) { key in
                        try txn.put(database, key: key, value: value, flags: .append)
                    }
                }
            }
        }
    }

    func scan() throws -> ScanTally {
        try environment.read { txn in
            try txn.withCursor(database) { cursor in
                var tally = ScanTally()
                while let entry = try cursor.next() {
                    let seq = UInt64(bigEndian: entry.key.loadUnaligned(as: UInt64.self))
                    tally.visit(seq: seq, touchedCount: entry.value.count, storedCount: entry.value.count)
                }
                return tally
            }
        }
    }
}
