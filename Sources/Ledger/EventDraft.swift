/// An event as a caller hands it to ``Ledger/append(_:)``: everything but what the ledger assigns.
///
/// The ledger assigns `seq`, `streamVersion`, `recordedAt` and the hashes, and generates an
/// `eventId` when none is given. The payload is opaque here: bytes with a type name and schema
/// version, given meaning by the domain layer.
public struct EventDraft: Sendable, Hashable {
    /// The stream it belongs to, e.g. `dossier/000.00.31.H23-250415-00012`.
    public var stream: String
    /// The event type name, e.g. `DossierReceived`.
    public var type: String
    /// The payload's schema version.
    public var schemaVersion: UInt32
    /// The encoded payload.
    public var payload: [UInt8]
    /// Business (valid) time: when it happened at the desk.
    public var occurredAt: Timestamp
    /// The unit code that recorded it.
    public var actor: String
    /// A caller-chosen identity; appending the same id again is a no-op that returns the first
    /// `seq`. When `nil`, the ledger generates a random one.
    public var eventId: String?
    /// What the stream's version must be before this event, if anything.
    public var expectedVersion: ExpectedVersion

    public init(
        stream: String, type: String, schemaVersion: UInt32 = 1, payload: [UInt8], occurredAt: Timestamp,
        actor: String, eventId: String? = nil, expectedVersion: ExpectedVersion = .any
    ) {
        self.stream = stream
        self.type = type
        self.schemaVersion = schemaVersion
        self.payload = payload
        self.occurredAt = occurredAt
        self.actor = actor
        self.eventId = eventId
        self.expectedVersion = expectedVersion
    }
}

/// The optimistic-concurrency expectation of an append.
public enum ExpectedVersion: Sendable, Hashable {
    /// No expectation.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream's last event must have exactly this version.
    case exactly(UInt64)
}

/// A position in the ledger: the `seq` of an event and its chain hash.
public struct LedgerPosition: Sendable, Hashable, CustomStringConvertible {
    /// 0 for an empty ledger.
    public var seq: UInt64
    /// 32 bytes; all zero for an empty ledger.
    public var hash: [UInt8]

    public init(seq: UInt64, hash: [UInt8]) {
        self.seq = seq
        self.hash = hash
    }

    public static let genesis = LedgerPosition(seq: 0, hash: [UInt8](repeating: 0, count: 32))

    /// The hash as lowercase hexadecimal.
    public var hashHex: String { hexString(hash) }
    public var description: String { "\(seq) \(hashHex)" }
}

/// What an append did.
public struct AppendOutcome: Sendable, Hashable {
    /// For each draft, in order, its `seq`: the new one, or the first one for a repeated id.
    public var seqs: [UInt64]
    /// How many events were written (drafts whose id was already present write nothing).
    public var appendedCount: Int
    /// The ledger's head after the append.
    public var head: LedgerPosition
}

private let hexDigits = Array("0123456789abcdef".utf8)

/// Lowercase hexadecimal of `bytes`.
public func hexString(_ bytes: some Sequence<UInt8>) -> String {
    var out = [UInt8]()
    out.reserveCapacity(64)
    for byte in bytes {
        out.append(hexDigits[Int(byte >> 4)])
        out.append(hexDigits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
}

/// Bytes of a hexadecimal string; `nil` if it is not one.
public func bytes(fromHex text: String) -> [UInt8]? {
    let digits = Array(text.utf8)
    guard digits.count % 2 == 0 else { return nil }
    func value(_ d: UInt8) -> UInt8? {
        switch d {
        case 48...57: d - 48
        case 97...102: d - 87
        case 65...70: d - 55
        default: nil
        }
    }
    var out = [UInt8]()
    out.reserveCapacity(digits.count / 2)
    var index = 0
    while index < digits.count {
        guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
        out.append(high << 4 | low)
        index += 2
    }
    return out
}
