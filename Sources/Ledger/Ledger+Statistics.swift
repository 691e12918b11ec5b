import LMDB

/// Sizes and counts of a ledger, for `tthc stats`.
public struct LedgerStatistics: Sendable, Hashable {
    public var head: LedgerPosition
    public var streamCount: Int
    /// Events per type, by type name.
    public var eventsByType: [String: Int]
    /// Bytes used by the event log's pages, and by everything in the environment.
    public var logBytes: Int
    public var mapSize: Int
    public var usedBytes: Int
    public var firstRecordedAt: Timestamp?
    public var lastRecordedAt: Timestamp?
}

extension Ledger {
    /// Counts events by type, streams and bytes in use.
    public func statistics() throws -> LedgerStatistics {
        try storageGuard("reading statistics") {
            try environment.read { txn in
                let head = try Self.head(in: txn, events: events)
                var byType: [String: Int] = [:]
                try txn.withCursor(types) { cursor in
                    while let entry = try cursor.next() {
                        guard entry.key.count > 9 else { continue }
                        let name = String(
                            decoding: UnsafeRawBufferPointer(rebasing: entry.key.dropLast(9)), as: UTF8.self)
                        byType[name, default: 0] += 1
                    }
                }
                let first: Timestamp? = try txn.withCursor(events) { cursor in
                    try cursor.first().flatMap { EventView(stored: $0.value)?.recordedAt }
                }
                let info = environment.info()
                return LedgerStatistics(
                    head: head.position, streamCount: try txn.statistics(streamIds).entries, eventsByType: byType,
                    logBytes: try txn.statistics(events).bytesInUse, mapSize: info.mapSize,
                    usedBytes: (info.lastPage + 1) * environment.pageSize, firstRecordedAt: first,
                    lastRecordedAt: head.position.seq == 0 ? nil : head.recordedAt)
            }
        }
    }

    /// Flushes every commit to disk (needed only after writes with ``Options/unsafeNoSync``).
    public func sync() throws {
        try storageGuard("syncing") { try environment.sync(force: true) }
    }

    /// Copies the ledger to `directory` (which must exist and be empty) while it stays open for
    /// writing: a compact, consistent snapshot at one transaction.
    public func backup(to directory: String) throws {
        try storageGuard("backing up to \(directory)") { try environment.copy(to: directory, compact: true) }
    }
}
