import Crypto
import LMDB

/// Writes events at the head of the chain inside one write transaction.
///
/// It reads the head once, then keeps `seq`, the previous hash, `recordedAt` and the stream
/// versions it has touched in memory for the rest of the batch.
struct ChainWriter {
    private let ledger: Ledger
    private let txn: Transaction
    private(set) var head: LedgerPosition
    private var recordedAt: Timestamp
    private var streamVersions: [String: UInt64] = [:]
    private var idsInBatch: [String: UInt64] = [:]
    private var canonical: [UInt8] = []
    private var keyBuffer: [UInt8] = []
    private var generator = SystemRandomNumberGenerator()
    private(set) var writtenCount = 0

    init(ledger: Ledger, transaction: Transaction) throws {
        self.ledger = ledger
        self.txn = transaction
        let current = try Ledger.head(in: transaction, events: ledger.events)
        head = current.position
        // recordedAt never decreases, even when the wall clock steps back.
        recordedAt = max(ledger.clock(), current.recordedAt)
        canonical.reserveCapacity(512)
    }

    /// Writes one draft; returns its `seq`, or the first `seq` of a repeated event id.
    mutating func write(_ draft: EventDraft) throws -> UInt64 {
        let eventId: String
        if let given = draft.eventId {
            if let seq = idsInBatch[given] { return seq }
            if let stored = try txn.value(ledger.eventIds, forKey: Array(given.utf8)) {
                guard let seq = stored.withUnsafeBytes({ readUInt64($0) }) else {
                    throw LedgerError(.integrity, "the eventIds entry of \(given) is damaged")
                }
                return seq
            }
            eventId = given
        } else {
            eventId = generateEventId()
        }

        let current = try streamVersion(draft.stream)
        switch draft.expectedVersion {
        case .any: break
        case .noStream where current != 0:
            throw LedgerError(
                .conflict, "stream \(draft.stream) already exists (version \(current)); expected no stream")
        case .exactly(let expected) where expected != current:
            throw LedgerError(
                .conflict, "stream \(draft.stream) is at version \(current); expected version \(expected)")
        default: break
        }

        let seq = head.seq + 1
        let version = current + 1
        canonical.removeAll(keepingCapacity: true)
        CanonicalEncoding.encode(
            seq: seq, streamVersion: version, schemaVersion: draft.schemaVersion, occurredAt: draft.occurredAt,
            recordedAt: recordedAt, stream: draft.stream, eventId: eventId, type: draft.type, actor: draft.actor,
            payload: draft.payload, into: &canonical)
        let digest = head.hash.withUnsafeBytes { previous in
            canonical.withUnsafeBytes { CanonicalEncoding.chainHash(previous: previous, canonical: $0) }
        }
        let hash = Array(digest)
        let seqBytes = seqKey(seq)

        try seqBytes.withUnsafeBytes { key in
            try txn.put(
                ledger.events, key: key, reservingCount: CanonicalEncoding.storedPrefixCount + canonical.count,
                flags: .append
            ) { value in
                head.hash.withUnsafeBytes { value.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: 32) }
                hash.withUnsafeBytes { (value.baseAddress! + 32).copyMemory(from: $0.baseAddress!, byteCount: 32) }
                canonical.withUnsafeBytes {
                    (value.baseAddress! + 64).copyMemory(from: $0.baseAddress!, byteCount: $0.count)
                }
            }
        }

        keyBuffer.removeAll(keepingCapacity: true)
        keyBuffer.append(contentsOf: draft.stream.utf8)
        keyBuffer.append(0)
        keyBuffer.appendBigEndian(version)
        try txn.put(ledger.streams, key: keyBuffer, value: seqBytes, flags: .noOverwrite)

        try txn.put(ledger.eventIds, key: Array(eventId.utf8), value: seqBytes, flags: .noOverwrite)

        keyBuffer.removeAll(keepingCapacity: true)
        keyBuffer.append(contentsOf: draft.type.utf8)
        keyBuffer.append(0)
        keyBuffer.appendBigEndian(seq)
        try txn.put(ledger.types, key: keyBuffer, value: [UInt8](), flags: .noOverwrite)

        streamVersions[draft.stream] = version
        idsInBatch[eventId] = seq
        writtenCount += 1
        head = LedgerPosition(seq: seq, hash: hash)
        return seq
    }

    /// Records the new head version of every stream the batch touched.
    mutating func finish() throws {
        for (stream, version) in streamVersions {
            try txn.put(ledger.streamHeads, key: Array(stream.utf8), value: seqKey(version))
        }
    }

    private mutating func streamVersion(_ stream: String) throws -> UInt64 {
        if let version = streamVersions[stream] { return version }
        guard let stored = try txn.value(ledger.streamHeads, forKey: Array(stream.utf8)) else { return 0 }
        guard let version = stored.withUnsafeBytes({ readUInt64($0) }) else {
            throw LedgerError(.integrity, "the streamHeads entry of \(stream) is damaged")
        }
        return version
    }

    /// A random version-4 UUID in its usual text form.
    private mutating func generateEventId() -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        withUnsafeBytes(of: high) { bytes.replaceSubrange(0..<8, with: $0) }
        withUnsafeBytes(of: low) { bytes.replaceSubrange(8..<16, with: $0) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = hexString(bytes)
        let h = Array(hex)
        return String(h[0..<8]) + "-" + String(h[8..<12]) + "-" + String(h[12..<16]) + "-" + String(h[16..<20]) + "-"
            + String(h[20..<32])
    }
}
