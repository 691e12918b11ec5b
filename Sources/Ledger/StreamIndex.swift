import LMDB

/// The two databases that version streams: `streamIds` names each stream with a number, and
/// `streams` lists each stream's events under that number.
///
/// | name | key | value |
/// |---|---|---|
/// | `streamIds` | stream | `streamId` (8), dense from 1 in order of the stream's first event |
/// | `streams` | `streamId` (8) ‖ streamVersion (8) | `seq` (8) |
///
/// Keying `streams` by number rather than by name keeps a stream's entries together and puts
/// the streams created about the same time next to each other. The events of one batch mostly
/// belong to dossiers that are open at the same time, so a batch dirties a few neighbouring pages
/// of `streams` instead of one page per stream all over it: with 100,000 streams and batches of
/// 10,000 events, keying by name made every durable commit write most of the index again.
/// A stream's current version is its last key in `streams`, found with one cursor seek, so no
/// separate head entry has to be rewritten at every append either.
struct StreamIndex {
    let streamIds: Database
    let streams: Database

    /// The number of `stream`, if it has events.
    func id(of stream: some Collection<UInt8>, in txn: Transaction) throws -> UInt64? {
        try txn.withValue(streamIds, forKey: stream) { try Self.id(stored: $0, of: stream) }
    }

    /// The number of `stream`, if it has events, found with `cursor` over `streamIds`.
    func id(of stream: some Collection<UInt8>, using cursor: Cursor) throws -> UInt64? {
        try Self.id(stored: cursor.seek(exactly: stream)?.value, of: stream)
    }

    /// The number in the `streamIds` value of `stream` (`nil` when there is none).
    private static func id(stored: UnsafeRawBufferPointer?, of stream: some Collection<UInt8>) throws -> UInt64? {
        guard let stored else { return nil }
        guard let id = readUInt64(stored), stored.count == 8 else {
            throw LedgerError(
                .integrity, "the streamIds entry of \(String(decoding: stream, as: UTF8.self)) is damaged")
        }
        return id
    }

    /// The last version of stream number `id` (0 when it has no events).
    func headVersion(of id: UInt64, in txn: Transaction) throws -> UInt64 {
        try txn.withCursor(streams) { try headVersion(of: id, using: $0) }
    }

    /// The last version of stream number `id`, found with `cursor` over `streams`, which is left
    /// at that version's entry.
    func headVersion(of id: UInt64, using cursor: Cursor) throws -> UInt64 {
        // The first key after every version of the stream, then one step back.
        let after = try Self.withKey(id, UInt64.max) { try cursor.seek(atOrAfter: $0) }
        let last = try after == nil ? cursor.last() : cursor.previous()
        guard let last, readUInt64(last.key) == id else { return 0 }
        guard last.key.count == 16, let version = readUInt64(last.key, at: 8) else {
            throw LedgerError(.integrity, "a key of the streams index is not a stream number and version")
        }
        return version
    }

    /// The number the next new stream gets: ids are dense, so one more than the count.
    func nextId(in txn: Transaction) throws -> UInt64 {
        UInt64(try txn.statistics(streamIds).entries) + 1
    }

    /// The `streams` key of version `version` of stream number `id`.
    static func key(_ id: UInt64, _ version: UInt64) -> [UInt8] {
        withKey(id, version) { Array($0) }
    }

    /// Lends the `streams` key of version `version` of stream number `id` to `body`, built on the
    /// stack.
    @inline(__always)
    static func withKey<Result>(
        _ id: UInt64, _ version: UInt64, _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result {
        try withUnsafeBytes(of: (id.bigEndian, version.bigEndian)) { try body($0) }
    }
}

/// The stream heads of one write transaction: each stream's number and last version, read from
/// the indexes once and then kept in memory while the batch appends to them.
///
/// Each stream name is hashed once per event: ``head(of:)`` finds or makes the stream's slot in
/// one dictionary access, and ``advance(_:from:seq:)`` updates the slot the head carries.
struct StreamHeads {
    struct Head {
        var id: UInt64
        var version: UInt64
        /// Where this head is kept in ``StreamHeads/heads``.
        fileprivate var slot: Int
    }

    /// Cursors over `streamIds` and `streams` kept open for a whole batch.
    struct Cursors {
        let streamIds: Cursor
        let streams: Cursor
    }

    private let index: StreamIndex
    private let txn: Transaction
    /// The batch's cursors, when the caller has them; otherwise each access finds its way from
    /// the root.
    private let cursors: Cursors?
    private var slots: [String: Int] = [:]
    private var heads: [Head] = []
    private var nextId: UInt64?

    init(index: StreamIndex, transaction: Transaction, cursors: Cursors? = nil) {
        self.index = index
        self.txn = transaction
        self.cursors = cursors
    }

    /// The head of `stream`; a stream without events gets the next free number and version 0.
    mutating func head(of stream: String) throws -> Head {
        let slot = Self.claim(&slots[stream, default: -1], next: heads.count)
        if slot < heads.count { return heads[slot] }
        do {
            let head: Head
            if let id = try storedId(of: stream) {
                head = Head(id: id, version: try storedVersion(of: id), slot: slot)
            } else {
                let id = try nextId ?? index.nextId(in: txn)
                nextId = id + 1
                head = Head(id: id, version: 0, slot: slot)
            }
            heads.append(head)
            return head
        } catch {
            slots[stream] = nil
            throw error
        }
    }

    /// The slot of a stream: the one it has, or `next` when it has none yet.
    private static func claim(_ slot: inout Int, next: Int) -> Int {
        if slot < 0 { slot = next }
        return slot
    }

    private func storedId(of stream: String) throws -> UInt64? {
        guard let cursors else { return try index.id(of: stream.utf8, in: txn) }
        return try index.id(of: stream.utf8, using: cursors.streamIds)
    }

    private func storedVersion(of id: UInt64) throws -> UInt64 {
        guard let cursors else { return try index.headVersion(of: id, in: txn) }
        return try index.headVersion(of: id, using: cursors.streams)
    }

    /// Records event `seq` as the version after `head` of `stream`, which ``head(of:)`` returned.
    mutating func advance(_ stream: String, from head: Head, seq: some Collection<UInt8>) throws {
        let version = head.version + 1
        try StreamIndex.withKey(head.id, version) { key in
            if let cursors {
                try cursors.streams.put(key: key, value: seq, flags: .noOverwrite)
            } else {
                try txn.put(index.streams, key: key, value: seq, flags: .noOverwrite)
            }
        }
        if version == 1 {
            try withUnsafeBytes(of: head.id.bigEndian) { id in
                if let cursors {
                    try cursors.streamIds.put(key: stream.utf8, value: id, flags: .noOverwrite)
                } else {
                    try txn.put(index.streamIds, key: stream.utf8, value: id, flags: .noOverwrite)
                }
            }
        }
        heads[head.slot].version = version
    }
}
