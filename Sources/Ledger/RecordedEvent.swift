/// An event as the ledger stored it: the envelope of SPEC §1 and the opaque payload.
public struct RecordedEvent: Sendable, Hashable {
    /// Global position, dense from 1, in commit order.
    public var seq: UInt64
    public var stream: String
    /// 1, 2, … within the stream.
    public var streamVersion: UInt64
    public var eventId: String
    public var type: String
    public var schemaVersion: UInt32
    /// Business (valid) time.
    public var occurredAt: Timestamp
    /// Ledger (transaction) time; never decreases with `seq`.
    public var recordedAt: Timestamp
    public var actor: String
    public var payload: [UInt8]
    /// The previous event's hash (32 zero bytes for `seq` 1).
    public var prevHash: [UInt8]
    /// SHA-256 of `prevHash` followed by the canonical bytes; see ``CanonicalEncoding``.
    public var hash: [UInt8]

    public init(
        seq: UInt64, stream: String, streamVersion: UInt64, eventId: String, type: String, schemaVersion: UInt32,
        occurredAt: Timestamp, recordedAt: Timestamp, actor: String, payload: [UInt8], prevHash: [UInt8], hash: [UInt8]
    ) {
        self.seq = seq
        self.stream = stream
        self.streamVersion = streamVersion
        self.eventId = eventId
        self.type = type
        self.schemaVersion = schemaVersion
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.actor = actor
        self.payload = payload
        self.prevHash = prevHash
        self.hash = hash
    }

    /// This event's position in the chain.
    public var position: LedgerPosition { LedgerPosition(seq: seq, hash: hash) }
}
