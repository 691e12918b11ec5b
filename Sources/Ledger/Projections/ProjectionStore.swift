/// One of a projection's tables, by its index in ``Projection/tableNames``.
public struct ProjectionTable: Hashable, Sendable {
    public let index: Int
    public init(_ index: Int) { self.index = index }
}

/// The storage a projection folds events into and reports read from: byte keys and byte values
/// in a few tables, sorted bytewise.
///
/// Two kinds exist: LMDB tables inside a ledger transaction (the live state, written in the same
/// transaction as the checkpoint) and ``MemoryProjectionStore`` (state as of a past position, and
/// unit tests of projections). A projection cannot tell them apart.
public protocol ProjectionStore: AnyObject {
    /// The value under `key`, or `nil`.
    func value(_ table: ProjectionTable, forKey key: [UInt8]) throws -> [UInt8]?
    /// Stores `value` under `key`. Read-only stores throw.
    func put(_ table: ProjectionTable, key: [UInt8], value: [UInt8]) throws
    /// Removes `key` if present. Read-only stores throw.
    func delete(_ table: ProjectionTable, key: [UInt8]) throws
    /// Visits the entries whose keys start with `prefix` in key order, from the first key ≥
    /// `start` (default: the prefix), until `body` returns `false`. Buffers are borrowed.
    func scan(
        _ table: ProjectionTable, prefix: [UInt8], from start: [UInt8]?,
        _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Bool
    ) throws
    /// Writes a projection keeps in memory while it folds the events of one transaction, and
    /// writes through ``flushBuffer()`` before the checkpoint is stored. It lives as long as the
    /// store, so that writes of a transaction that was given up are given up with it.
    var buffer: (any ProjectionBuffer)? { get set }
}

/// What a projection folded but has not written yet (``ProjectionStore/buffer``).
///
/// The projection that buffers must read its own buffered entries before the store's, and the
/// engine flushes the buffer after the last event of each write transaction, catch-up, rebuild
/// chunk, append or replay, before anything else reads the store.
public protocol ProjectionBuffer: AnyObject {
    /// Writes every buffered change to `store`.
    func flush(to store: any ProjectionStore) throws
}

extension ProjectionStore {
    /// Writes and forgets what the projection buffered.
    public func flushBuffer() throws {
        guard let pending = buffer else { return }
        buffer = nil
        try pending.flush(to: self)
    }

    /// Visits every entry whose key starts with `prefix`, in key order.
    public func scan(
        _ table: ProjectionTable, prefix: [UInt8] = [],
        _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        try scan(table, prefix: prefix, from: nil, body)
    }
}

/// Projection tables in LMDB, inside one ledger transaction.
final class LMDBProjectionStore: ProjectionStore {
    let transaction: StoreTransaction
    let tables: [Table]
    var buffer: (any ProjectionBuffer)?

    init(transaction: StoreTransaction, tables: [Table]) {
        self.transaction = transaction
        self.tables = tables
    }

    func value(_ table: ProjectionTable, forKey key: [UInt8]) throws -> [UInt8]? {
        try transaction.value(tables[table.index], forKey: key)
    }

    func put(_ table: ProjectionTable, key: [UInt8], value: [UInt8]) throws {
        try transaction.put(tables[table.index], key: key, value: value)
    }

    func delete(_ table: ProjectionTable, key: [UInt8]) throws {
        try transaction.delete(tables[table.index], key: key)
    }

    func scan(
        _ table: ProjectionTable, prefix: [UInt8], from start: [UInt8]?,
        _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        try transaction.scan(tables[table.index], prefix: prefix, from: start, body)
    }
}

/// Projection tables in memory: state as of a past position, and projection unit tests.
///
/// A replay writes a few million entries and then serves reports, which scan: each table keeps
/// its keys sorted once, on the first scan after a key was added or removed, so that a scan costs
/// a binary search and the entries it visits, not a sort of the whole table.
public final class MemoryProjectionStore: ProjectionStore {
    private var tables: [[[UInt8]: [UInt8]]]
    /// Each table's keys in order, or `nil` until the next scan sorts them.
    private var sortedKeys: [[[UInt8]]?]
    public var buffer: (any ProjectionBuffer)?

    public init(tableCount: Int) {
        tables = Array(repeating: [:], count: tableCount)
        sortedKeys = Array(repeating: nil, count: tableCount)
    }

    public func value(_ table: ProjectionTable, forKey key: [UInt8]) throws -> [UInt8]? {
        tables[table.index][key]
    }

    public func put(_ table: ProjectionTable, key: [UInt8], value: [UInt8]) throws {
        if tables[table.index].updateValue(value, forKey: key) == nil { sortedKeys[table.index] = nil }
    }

    public func delete(_ table: ProjectionTable, key: [UInt8]) throws {
        if tables[table.index].removeValue(forKey: key) != nil { sortedKeys[table.index] = nil }
    }

    public func scan(
        _ table: ProjectionTable, prefix: [UInt8], from start: [UInt8]?,
        _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        let origin = start ?? prefix
        // A copy of the order: `body` may add or remove keys, as over a snapshot.
        let keys = sorted(table)
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle].lexicographicallyPrecedes(origin) { low = middle + 1 } else { high = middle }
        }
        for key in keys[low...] {
            if !key.starts(with: prefix) {
                // Keys before the prefix's range are skipped; the first one after it ends the scan.
                if key.lexicographicallyPrecedes(prefix) { continue } else { return }
            }
            guard let value = tables[table.index][key] else { continue }
            let keepGoing = try key.withUnsafeBytes { key in try value.withUnsafeBytes { try body(key, $0) } }
            if !keepGoing { return }
        }
    }

    private func sorted(_ table: ProjectionTable) -> [[UInt8]] {
        if let keys = sortedKeys[table.index] { return keys }
        let keys = tables[table.index].keys.sorted { $0.lexicographicallyPrecedes($1) }
        sortedKeys[table.index] = keys
        return keys
    }

    /// Every entry of every table, for comparing two states.
    public var contents: [[[UInt8]: [UInt8]]] { tables }
}
