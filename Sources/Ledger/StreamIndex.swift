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
        guard let stored = try txn.value(streamIds, forKey: stream) else { return nil }
        guard let id = stored.withUnsafeBytes({ readUInt64($0) }), stored.count == 8 else {
            throw LedgerError(
                .integrity, "the streamIds entry of \(String(decoding: stream, as: UTF8.self)) is damaged")
        }
        return id
    }

    /// The last version of stream number `id` (0 when it has no events).
    func headVersion(of id: UInt64, in txn: Transaction) throws -> UInt64 {
        try txn.withCursor(streams) { cursor in
            // The first key after every version of the stream, then one step back.
            let after = try Self.key(id, UInt64.max).withUnsafeBytes { try cursor.seek(atOrAfter: $0) }
            let last = try after == nil ? cursor.last() : cursor.previous()
            guard let last, readUInt64(last.key) == id else { return 0 }
            guard last.key.count == 16, let version = readUInt64(last.key, at: 8) else {
                throw LedgerError(.integrity, "a key of the streams index is not a stream number and version")
            }
            return version
        }
    }

    /// The number the next new stream gets: ids are dense, so one more than the count.
    func nextId(in txn: Transaction) throws -> UInt64 {
        UInt64(try txn.statistics(streamIds).entries) + 1
    }

    /// The `streams` key of version `version` of stream number `id`.
    static func key(_ id: UInt64, _ version: UInt64) -> [UInt8] {
        var key = [UInt8]()
        key.reserveCapacity(16)
        key.appendBigEndian(id)
        key.appendBigEndian(version)
        return key
    }
}

/// The stream heads of one write transaction: each stream's number and last version, read from
/// the indexes once and then kept in memory while the batch appends to them.
struct StreamHeads {
    struct Head {
        var id: UInt64
        var version: UInt64
    }

    private let index: StreamIndex
    private let txn: Transaction
    private var heads: [String: Head] = [:]
    private var nextId: UInt64?
    private var keyBuffer: [UInt8] = []

    init(index: StreamIndex, transaction: Transaction) {
        self.index = index
        self.txn = transaction
        keyBuffer.reserveCapacity(16)
    }

    /// The head of `stream`; a stream without events gets the next free number and version 0.
    mutating func head(of stream: String) throws -> Head {
        if let head = heads[stream] { return head }
        let head: Head
        if let id = try index.id(of: stream.utf8, in: txn) {
            head = Head(id: id, version: try index.headVersion(of: id, in: txn))
        } else {
            let id = try nextId ?? index.nextId(in: txn)
            nextId = id + 1
            head = Head(id: id, version: 0)
        }
        heads[stream] = head
        return head
    }

    /// Records event `seq` as the version after `head` of `stream`, which ``head(of:)`` returned.
    mutating func advance(_ stream: String, from head: Head, seq: some Collection<UInt8>) throws {
        let version = head.version + 1
        keyBuffer.removeAll(keepingCapacity: true)
        keyBuffer.appendBigEndian(head.id)
        keyBuffer.appendBigEndian(version)
        try txn.put(index.streams, key: keyBuffer, value: seq, flags: .noOverwrite)
        if version == 1 {
            keyBuffer.removeAll(keepingCapacity: true)
            keyBuffer.appendBigEndian(head.id)
            try txn.put(index.streamIds, key: stream.utf8, value: keyBuffer, flags: .noOverwrite)
        }
        heads[stream] = Head(id: head.id, version: version)
    }
}
