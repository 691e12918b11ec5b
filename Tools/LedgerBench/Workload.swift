/// The events every run writes: the same streams, type, actor and payload for ledger and raw.
///
/// Event `i` (from 0) belongs to stream `dossier/<i % 100000>`, so a long run revisits each of
/// 100,000 streams, as a province's dossiers accumulate events.
struct Workload {
    /// Events per throughput run.
    let events: Int
    /// The payload of every event: 200 bytes standing in for an encoded protobuf message.
    let payload: [UInt8]
    /// Whether ledger drafts carry an `eventId` (`bench-<i>`) or let the ledger generate one.
    var givesEventIds = false
    /// Bytes of each raw baseline value.
    let rawValueCount: Int

    static let payloadCount = 200
    static let streamCount = 100_000
    static let type = "DossierReceived"
    static let actor = "000.00.31.H23"
    /// Length of a generated event id (a UUID in text form).
    static let generatedIdCount = 36

    init(events: Int, rawValueCount: Int?) {
        self.events = events
        // Deterministic bytes that do not repeat in short runs, as real payloads would not.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        payload = (0..<Self.payloadCount).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
        self.rawValueCount = rawValueCount ?? Self.ledgerStoredCount(streamCount: "dossier/99999".utf8.count)
    }

    /// The stream of event `index`.
    static func stream(_ index: Int) -> String { "dossier/\(index % streamCount)" }

    /// The bytes the ledger stores for one event of this workload with a generated id: the two
    /// hashes, the fixed header and the length-prefixed fields of ``CanonicalEncoding``.
    static func ledgerStoredCount(streamCount: Int) -> Int {
        let hashes = 64
        let header = 37
        let strings = 2 + streamCount + 2 + generatedIdCount + 2 + type.utf8.count + 2 + actor.utf8.count
        return hashes + header + strings + 4 + payloadCount
    }
}
