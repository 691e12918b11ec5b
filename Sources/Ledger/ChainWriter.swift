import Crypto
import LMDB

/// Writes events at the head of the chain inside one write transaction.
///
/// It reads the head once, then keeps `seq`, the previous hash, `recordedAt` and the heads of the
/// streams it has touched in memory for the rest of the batch, and writes through one cursor per
/// database kept open for the batch (``withWriter(ledger:transaction:_:)``): consecutive events
/// mostly land on the pages the cursors are already on.
struct ChainWriter {
    private let events: Cursor
    private let eventIds: Cursor
    private let types: Cursor
    private var seq: UInt64
    /// The last event's hash (32 bytes), overwritten in place by each event.
    private var hash: [UInt8]
    private var recordedAt: Timestamp
    private var streams: StreamHeads
    private var keyBuffer: [UInt8] = []
    /// Random words for event ids, drawn from the OS a buffer at a time (see ``randomWord()``).
    private var entropy: [UInt64] = []
    private var entropyUsed = 0
    /// The random bits of the last id generated in this batch (see ``generateEventId()``).
    private var lastRandomBits: (high: UInt64, low: UInt64)?
    private(set) var writtenCount = 0

    /// The position of the last event written, or the head the writer started from.
    var head: LedgerPosition { LedgerPosition(seq: seq, hash: hash) }

    /// Runs `body` with a writer at the head of the chain, its cursors open until `body` returns.
    static func withWriter<Result>(
        ledger: Ledger, transaction: Transaction, _ body: (inout ChainWriter) throws -> Result
    ) throws -> Result {
        let databases = [ledger.events, ledger.eventIds, ledger.types, ledger.streamIds, ledger.streams]
        return try transaction.withCursors(databases) { cursors in
            var writer = try ChainWriter(ledger: ledger, transaction: transaction, cursors: cursors)
            return try body(&writer)
        }
    }

    /// A writer over `cursors`, which are over `events`, `eventIds`, `types`, `streamIds` and
    /// `streams`, in that order.
    private init(ledger: Ledger, transaction: Transaction, cursors: [Cursor]) throws {
        events = cursors[0]
        eventIds = cursors[1]
        types = cursors[2]
        streams = StreamHeads(
            index: ledger.streamIndex, transaction: transaction,
            cursors: StreamHeads.Cursors(streamIds: cursors[3], streams: cursors[4]))
        let current = try Ledger.head(in: transaction, events: ledger.events)
        seq = current.position.seq
        hash = current.position.hash
        // recordedAt never decreases, even when the wall clock steps back.
        recordedAt = max(ledger.clock(), current.recordedAt)
    }

    /// Writes one draft; returns its `seq`, or the first `seq` of a repeated event id.
    mutating func write(_ draft: EventDraft) throws -> UInt64 {
        let seq = self.seq + 1
        let eventId = draft.eventId ?? generateEventId()
        // Entering the id first finds a repeat in the same search; the transaction sees its own
        // writes, so this also catches an id given earlier in the batch. A later throw aborts
        // the whole append, entry and all.
        let repeated = try withUnsafeBytes(of: seq.bigEndian) { seqBytes in
            try eventIds.putIfAbsent(key: eventId.utf8, value: seqBytes).map { stored in
                guard let first = readUInt64(stored) else {
                    throw LedgerError(.integrity, "the eventIds entry of \(eventId) is damaged")
                }
                return first
            }
        }
        if let repeated {
            // A generated id cannot have been recorded before.
            guard draft.eventId != nil else { throw LMDBError.keyExists }
            return repeated
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

        let canonicalCount = CanonicalEncoding.encodedCount(
            stream: draft.stream, eventId: eventId, type: draft.type, actor: draft.actor, payload: draft.payload)
        try withUnsafeBytes(of: seq.bigEndian) { seqBytes in
            try events.put(
                key: seqBytes, reservingCount: CanonicalEncoding.storedPrefixCount + canonicalCount, flags: .append
            ) { value in
                // prevHash ‖ hash ‖ canonical, encoded and hashed where LMDB will keep it.
                let previous = UnsafeMutableRawBufferPointer(rebasing: value[0..<32])
                let canonical = UnsafeMutableRawBufferPointer(rebasing: value[CanonicalEncoding.storedPrefixCount...])
                hash.withUnsafeBytes { previous.copyMemory(from: $0) }
                CanonicalEncoding.encode(
                    seq: seq, streamVersion: current + 1, schemaVersion: draft.schemaVersion,
                    occurredAt: draft.occurredAt, recordedAt: recordedAt, stream: draft.stream, eventId: eventId,
                    type: draft.type, actor: draft.actor, payload: draft.payload, into: canonical)
                let digest = CanonicalEncoding.chainHash(
                    previous: UnsafeRawBufferPointer(previous), canonical: UnsafeRawBufferPointer(canonical))
                let stored = UnsafeMutableRawBufferPointer(rebasing: value[32..<64])
                digest.withUnsafeBytes { stored.copyMemory(from: $0) }
                hash.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(stored)) }
            }
            try streams.advance(draft.stream, from: stream, seq: seqBytes)
        }

        keyBuffer.removeAll(keepingCapacity: true)
        keyBuffer.append(contentsOf: draft.type.utf8)
        keyBuffer.append(0)
        keyBuffer.appendBigEndian(seq)
        try types.put(key: keyBuffer, value: [UInt8](), flags: .noOverwrite)

        writtenCount += 1
        self.seq = seq
        return seq
    }

    /// A new event id: a version-7 UUID (RFC 9562) in its usual text form, the milliseconds of
    /// `recordedAt` followed by 74 bits that are random and, within a batch, increasing.
    ///
    /// Time-ordered ids land at the end of the `eventIds` index, as `seq` keys do in `events`, so
    /// a batch touches a few adjacent pages there. Random (version-4) ids touched one page per
    /// event all over the index, and every durable commit had to write each of them.
    ///
    /// All ids of a batch share its `recordedAt`, so the 74 bits order them. They follow RFC
    /// 9562's monotonic random method (§6.2, method 2): the first is drawn at random with its top
    /// bit clear, each next one is the previous plus a random step of 1 to 2³². Each id then lands
    /// just after the previous one in the index, on the page the batch's cursor is on, rather
    /// than anywhere among the batch's ids.
    private mutating func generateEventId() -> String {
        let milliseconds = UInt64(max(recordedAt.microsecondsSinceEpoch, 0) / 1000) & 0xFFFF_FFFF_FFFF
        let random = nextRandomBits()
        // The version (7) is the 13th hex digit; the variant (binary 10) leads the 17th.
        let high = milliseconds << 16 | 0x7000 | random.high
        let low = random.low | 0x8000_0000_0000_0000
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

    /// The 74 bits after the timestamp of the next generated id: 12 in `high`, 62 in `low`.
    private mutating func nextRandomBits() -> (high: UInt64, low: UInt64) {
        let lowBits: UInt64 = 0x3FFF_FFFF_FFFF_FFFF
        if let (high, low) = lastRandomBits {
            let next = low + (randomWord() & 0xFFFF_FFFF) + 1
            // Carry into the 12 high bits. Running past all 74 takes over 2⁴¹ ids in one batch;
            // then the next id starts afresh.
            let carried = (high: high + (next >> 62), low: next & lowBits)
            if carried.high <= 0x0FFF {
                lastRandomBits = carried
                return carried
            }
        }
        let first = (high: randomWord() & 0x07FF, low: randomWord() & lowBits)
        lastRandomBits = first
        return first
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
