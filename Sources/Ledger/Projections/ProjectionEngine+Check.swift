/// What ``ProjectionEngine/check(_:)`` found of one projection's stored state.
public enum ProjectionCheck: Sendable, Equatable {
    /// The stored tables equal what the log gives through the checkpoint.
    case matches(checkpoint: UInt64)
    /// Nothing to compare: never built, or built by another version of its fold (the next
    /// command that reads it rebuilds it).
    case notComparable(reason: String)
    /// The stored state differs from what the events give.
    case differs(problem: String)
}

extension ProjectionEngine {
    /// Compares the stored state of `projection` with what the log gives: the log through the
    /// stored checkpoint is folded in memory (as ``replay(_:through:)`` does) and every entry of
    /// every active table is compared with it, in one read transaction.
    ///
    /// A flipped byte in a projection's pages changes a key or a value, or removes an entry from
    /// LMDB's view: each shows as an entry that differs, is missing or is extra. A projection
    /// that a writer moved past the checkpoint meanwhile is compared after folding the events it
    /// took in too, so an honest ledger matches whatever is written during the check.
    public func check(_ projection: any Projection) throws -> ProjectionCheck {
        let stored = try ledger.readTables { txn in try self.record(of: projection, in: txn) }
        guard let stored, stored.generation != 0 else { return .notComparable(reason: "never built") }
        guard stored.version == projection.version else {
            return .notComparable(reason: "stored at version \(stored.version), folded at \(projection.version)")
        }
        let replayed = try replay(projection, through: stored.checkpoint)
        let tables = [try tables(of: projection, generation: 1), try tables(of: projection, generation: 2)]
        return try ledger.readTables { txn in
            guard let record = try self.record(of: projection, in: txn), record.version == projection.version,
                record.checkpoint >= stored.checkpoint
            else { return .notComparable(reason: "rebuilt while it was checked") }
            if record.checkpoint > stored.checkpoint {
                try fold(projection, stored.checkpoint + 1..<record.checkpoint + 1, in: txn, into: replayed)
                try replayed.flushBuffer()
            }
            let active = LMDBProjectionStore(transaction: txn, tables: tables[Int(record.generation) - 1])
            for (index, name) in projection.tableNames.enumerated() {
                if let problem = try difference(active, replayed.contents[index], table: ProjectionTable(index)) {
                    return .differs(problem: "projection \(projection.name), table \(name): \(problem)")
                }
            }
            return .matches(checkpoint: record.checkpoint)
        }
    }

    /// The first difference between the stored `table` and the `expected` entries, in words.
    private func difference(
        _ stored: LMDBProjectionStore, _ expected: [[UInt8]: [UInt8]], table: ProjectionTable
    ) throws -> String? {
        var seen = 0
        var problem: String?
        try stored.scan(table) { key, value in
            guard let wanted = expected[Array(key)] else {
                problem = "entry \(Self.describe(key)) is not what the events give"
                return false
            }
            guard wanted.elementsEqual(value) else {
                problem = "the value of entry \(Self.describe(key)) differs from what the events give"
                return false
            }
            seen += 1
            return true
        }
        if let problem { return problem }
        guard seen == expected.count else {
            var missing: [UInt8]?
            for key in expected.keys where try stored.value(table, forKey: key) == nil {
                if missing.map({ key.lexicographicallyPrecedes($0) }) ?? true { missing = key }
            }
            return "entry \(missing.map { Self.describe($0) } ?? "?") that the events give is missing"
        }
        return nil
    }

    /// A key as text where it is printable, in hexadecimal where it is not.
    private static func describe(_ key: some Collection<UInt8>) -> String {
        if key.allSatisfy({ (0x20..<0x7F).contains($0) }) { return "\"\(String(decoding: key, as: UTF8.self))\"" }
        return "0x" + hexString(key)
    }
}
