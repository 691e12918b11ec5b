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

    /// This event's position in the chain.
    public var position: LedgerPosition { LedgerPosition(seq: seq, hash: hash) }
}
