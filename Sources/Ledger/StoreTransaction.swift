import LMDB

/// A key–value table in the ledger's environment, holding projection state.
///
/// Tables are opened through ``Ledger/table(named:)``; their handles are plain values.
public struct Table: Hashable, Sendable {
    let database: Database
    /// The table's name in the environment.
    public var name: String { database.name ?? "" }
}

/// A transaction over projection tables, lent to a closure; it must not escape it.
///
/// It hides LMDB from the layers above the ledger: they see byte keys and byte values.
/// Keys sort bytewise, so big-endian integers and prefix-structured keys scan in order.
public final class StoreTransaction {
    let transaction: Transaction

    init(_ transaction: Transaction) { self.transaction = transaction }

    /// Whether this transaction may write.
    public var isReadOnly: Bool { transaction.isReadOnly }

    /// The value under `key`, copied out; `nil` when absent.
    public func value(_ table: Table, forKey key: [UInt8]) throws -> [UInt8]? {
        try transaction.value(table.database, forKey: key)
    }

    /// Lends the value under `key` (or `nil`) to `body` without copying it.
    public func withValue<Result>(
        _ table: Table, forKey key: [UInt8], _ body: (UnsafeRawBufferPointer?) throws -> Result
    ) throws -> Result {
        try key.withUnsafeBytes { key in try body(transaction.value(table.database, forKey: key)) }
    }

    /// Stores `value` under `key`.
    public func put(_ table: Table, key: [UInt8], value: [UInt8]) throws {
        try transaction.put(table.database, key: key, value: value)
    }

    /// Stores `value` under `key`, which must sort after every key in the table (bulk loads).
    public func append(_ table: Table, key: [UInt8], value: [UInt8]) throws {
        try transaction.put(table.database, key: key, value: value, flags: .append)
    }

    /// Removes `key`; returns whether it was present.
    @discardableResult
    public func delete(_ table: Table, key: [UInt8]) throws -> Bool {
        try transaction.delete(table.database, key: key)
    }

    /// Removes every entry of `table`.
    public func removeAll(_ table: Table) throws {
        try transaction.removeAll(table.database)
    }

    /// Number of entries in `table`.
    public func count(_ table: Table) throws -> Int {
        try transaction.statistics(table.database).entries
    }

    /// Visits the entries whose keys start with `prefix`, in key order, from the first key ≥
    /// `start` (default: the prefix itself), until `body` returns `false`.
    ///
    /// The buffers are borrowed: copy what must outlive the call.
    public func scan(
        _ table: Table, prefix: [UInt8] = [], from start: [UInt8]? = nil,
        _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        try transaction.withCursor(table.database) { cursor in
            let origin = start ?? prefix
            var entry = origin.isEmpty ? try cursor.first() : try cursor.seek(atOrAfter: origin)
            while let current = entry {
                if !prefix.isEmpty && !current.key.starts(with: prefix) { return }
                guard try body(current.key, current.value) else { return }
                entry = try cursor.next()
            }
        }
    }
}

extension Ledger {
    /// Opens (creating if needed) the projection table `name`.
    public func table(named name: String) throws -> Table {
        try storageGuard("opening table \(name)") {
            if let database = try environment.openDatabase(name, flags: []) { return Table(database: database) }
            guard let database = try environment.openDatabase(name, flags: [.create]) else {
                throw LedgerError(.storage, "cannot open table \(name)")
            }
            return Table(database: database)
        }
    }

    /// Runs `body` in a read transaction over projection tables (and the log, through the
    /// ledger's read methods that take a transaction).
    public func readTables<Result>(_ body: (StoreTransaction) throws -> Result) throws -> Result {
        try storageGuard("reading") { try environment.read { try body(StoreTransaction($0)) } }
    }

    /// Runs `body` in a write transaction over projection tables: commits on return.
    public func writeTables<Result>(_ body: (StoreTransaction) throws -> Result) throws -> Result {
        try storageGuard("writing") { try environment.write { try body(StoreTransaction($0)) } }
    }
}
