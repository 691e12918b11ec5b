import Crypto
import LMDB

/// Writes events at the head of the chain inside one write transaction.
///
/// It reads the head once, then keeps `seq`, the previous hash, `recordedAt` and the heads of the
/// streams it has touched in memory for the rest of the batch.
struct ChainWriter {
    private let ledger: Ledger
    private let txn: Transaction
    private(set) var head: LedgerPosition
    private var recordedAt: Timestamp
    private var streams: StreamHeads
    private var idsInBatch: [String: UInt64] = [:]
    private var canonical: [UInt8] = []
    private var keyBuffer: [UInt8] = []
    /// Random words for event ids, drawn from the OS a buffer at a time (see ``randomWord()``).
    private var entropy: [UInt64] = []
    private var entropyUsed = 0
    private(set) var writtenCount = 0

    init(ledger: Ledger, transaction: Transaction) throws {
        self.ledger = ledger
        self.txn = transaction
        streams = StreamHeads(index: ledger.streamIndex, transaction: transaction)
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
            if let stored = try txn.value(ledger.eventIds, forKey: given.utf8) {
                guard let seq = stored.withUnsafeBytes({ readUInt64($0) }) else {
                    throw LedgerError(.integrity, "the eventIds entry of \(given) is damaged")
                }
                return seq
            }
            eventId = given
        } else {
            eventId = generateEventId()
        }

        let stream = try streams.head(of: draft.stream)
        let current = stream.version
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
        let hash = digest.withUnsafeBytes { Array($0) }
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

        try streams.advance(draft.stream, from: stream, seq: seqBytes)
        try txn.put(ledger.eventIds, key: eventId.utf8, value: seqBytes, flags: .noOverwrite)

        keyBuffer.removeAll(keepingCapacity: true)
        keyBuffer.append(contentsOf: draft.type.utf8)
        keyBuffer.append(0)
        keyBuffer.appendBigEndian(seq)
        try txn.put(ledger.types, key: keyBuffer, value: [UInt8](), flags: .noOverwrite)

        // A generated id cannot have been given earlier in the batch, and a later draft giving it
        // finds it through the transaction, which sees its own writes: only given ids need the map.
        if draft.eventId != nil { idsInBatch[eventId] = seq }
        writtenCount += 1
        head = LedgerPosition(seq: seq, hash: hash)
        return seq
    }

    /// A new event id: a version-7 UUID (RFC 9562) in its usual text form, the milliseconds of
    /// `recordedAt` followed by 74 random bits.
    ///
    /// Time-ordered ids land at the end of the `eventIds` index, as `seq` keys do in `events`, so
    /// a batch touches a few adjacent pages there. Random (version-4) ids touched one page per
    /// event all over the index, and every durable commit had to write each of them.
    private mutating func generateEventId() -> String {
        let milliseconds = UInt64(max(recordedAt.microsecondsSinceEpoch, 0) / 1000) & 0xFFFF_FFFF_FFFF
        let random = (high: randomWord(), low: randomWord())
        // The version (7) is the 13th hex digit; the variant (binary 10) leads the 17th.
        let high = milliseconds << 16 | 0x7000 | random.high & 0x0FFF
        let low = random.low & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000
        // Formatted straight into the string's UTF-8 storage: this runs once per event, and going
        // through `Character`s and string slices cost more than hashing the event.
        return String(unsafeUninitializedCapacity: 36) { text in
            var index = 0
            for digit in 0..<32 {
                if digit == 8 || digit == 12 || digit == 16 || digit == 20 {
                    text[index] = UInt8(ascii: "-")
                    index += 1
                }
                let word = digit < 16 ? high : low
                let nibble = UInt8(truncatingIfNeeded: word >> (60 - 4 * UInt64(digit % 16))) & 0x0F
                text[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
                index += 1
            }
            return index
        }
    }

    /// A word from the OS's cryptographic random source.
    ///
    /// `SystemRandomNumberGenerator` makes one system call per word, two per id, which cost more
    /// than the rest of the id; `getentropy` fills 256 bytes at once (its limit).
    private mutating func randomWord() -> UInt64 {
        if entropyUsed == entropy.count {
            if entropy.isEmpty { entropy = [UInt64](repeating: 0, count: 32) }
            let filled = entropy.withUnsafeMutableBytes { getentropy($0.baseAddress, $0.count) } == 0
            if !filled {
                var generator = SystemRandomNumberGenerator()
                for index in entropy.indices { entropy[index] = generator.next() }
            }
            entropyUsed = 0
        }
        defer { entropyUsed += 1 }
        return entropy[entropyUsed]
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
