/// What the reports count of one accepted dossier, in a compact binary layout: the value of its
/// `dossiersByEnd` entry.
///
/// Reports sum the day tallies (``DossierTallies``) for most figures, but classify the dossiers
/// still open at a period's end one by one: tens of thousands on a provincial ledger, read here
/// in one cursor pass over the index, with fixed-width fields, instead of a protobuf
/// ``DossierState`` looked up by id and decoded. The facts are derived from the ``DossierState``
/// by the fold (``init(_:)``) and hold exactly what ``DossierState`` answers the counting rules
/// with: receipt, end, due dates in force, pauses, channel and the monthly report's attributes.
///
/// Layout (little-endian): flags (1), channel (4), applicant kind (4), received at (8), ended at
/// (8), given due at (8), documents required (4), reused (4), processing days (4), competent unit
/// and procedure code (2-byte length ‖ UTF-8 each), due changes (2-byte count ‖ effective at (8) ‖
/// due at (8) each), pauses (2-byte count ‖ from (8) ‖ to (8) ‖ closed (1) each). Instants are UTC
/// microseconds. Changing it is a change of the domain projection's layout: bump its version.
public struct DossierFacts: Sendable, Equatable {
    /// A due date in force from an instant on (``DueChange``).
    public struct DueChange: Sendable, Equatable {
        public var effectiveAt: Int64
        public var dueAt: Int64
    }

    /// A stopped clock (``Pause``); `to` is meaningful only when `closed`.
    public struct Pause: Sendable, Equatable {
        public var from: Int64
        public var to: Int64
        public var closed: Bool
    }

    public var competentUnit: String
    public var procedureCode: String
    public var channel: Channel
    public var applicantKind: ApplicantKind
    public var receivedAt: Int64
    /// E as an instant: resolution, else withdrawal, else return (``DossierState/endedAt``).
    public var endedAt: Int64?
    public var resolved: Bool
    public var withdrawn: Bool
    /// The due date given at receipt.
    public var givenDueAt: Int64?
    public var dueChanges: [DueChange]
    public var pauses: [Pause]
    public var digitized: Bool
    /// Received at another desk than the competent unit's.
    public var locationIndependent: Bool
    public var documentsRequired: UInt32
    public var documentsReused: UInt32
    /// The processing days known when the receipt was recorded.
    public var processingDays: UInt32?

    /// The facts of `dossier`.
    public init(_ dossier: DossierState) { self.init(DossierRecord(dossier)) }

    /// The facts of `dossier`, as the fold keeps it.
    init(_ dossier: DossierRecord) {
        competentUnit = dossier.competentUnit
        procedureCode = dossier.procedureCode
        channel = dossier.channel
        applicantKind = dossier.applicantKind
        receivedAt = dossier.receivedAt
        endedAt = dossier.endedAt
        resolved = dossier.resolved
        withdrawn = dossier.withdrawn
        givenDueAt = dossier.givenDueKnown ? dossier.givenDueAt : nil
        dueChanges = dossier.dueChanges.map { DueChange(effectiveAt: $0.effectiveAt, dueAt: $0.dueAt) }
        pauses = dossier.pauses.map { Pause(from: $0.from, to: $0.to, closed: $0.closed) }
        digitized = dossier.digitized
        locationIndependent = dossier.receivingUnit != dossier.competentUnit
        documentsRequired = dossier.documentsRequired
        documentsReused = dossier.documentsReused
        processingDays = dossier.processingDaysKnown ? dossier.processingDays : nil
    }

    private enum Flag: UInt8 {
        case resolved = 1
        case withdrawn = 2
        case ended = 4
        case givenDue = 8
        case processingDays = 16
        case digitized = 32
        case locationIndependent = 64
    }

    /// The stored bytes.
    public var bytes: [UInt8] {
        var flags: UInt8 = 0
        func flag(_ on: Bool, _ flag: Flag) { if on { flags |= flag.rawValue } }
        flag(resolved, .resolved)
        flag(withdrawn, .withdrawn)
        flag(endedAt != nil, .ended)
        flag(givenDueAt != nil, .givenDue)
        flag(processingDays != nil, .processingDays)
        flag(digitized, .digitized)
        flag(locationIndependent, .locationIndependent)

        var out = [UInt8]()
        out.reserveCapacity(
            Self.fixedSize + 4 + competentUnit.utf8.count + procedureCode.utf8.count + 4 + dueChanges.count * 16
                + pauses.count * 17)
        func append<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
        }
        func append(_ text: String) {
            append(UInt16(truncatingIfNeeded: text.utf8.count))
            out.append(contentsOf: text.utf8.prefix(Int(UInt16.max)))
        }
        out.append(flags)
        append(Int32(truncatingIfNeeded: channel.rawValue))
        append(Int32(truncatingIfNeeded: applicantKind.rawValue))
        append(receivedAt)
        append(endedAt ?? 0)
        append(givenDueAt ?? 0)
        append(documentsRequired)
        append(documentsReused)
        append(processingDays ?? 0)
        append(competentUnit)
        append(procedureCode)
        append(UInt16(truncatingIfNeeded: dueChanges.count))
        for change in dueChanges.prefix(Int(UInt16.max)) {
            append(change.effectiveAt)
            append(change.dueAt)
        }
        append(UInt16(truncatingIfNeeded: pauses.count))
        for pause in pauses.prefix(Int(UInt16.max)) {
            append(pause.from)
            append(pause.to)
            out.append(pause.closed ? 1 : 0)
        }
        return out
    }

    private static let fixedSize = 45

    /// Reads facts stored by ``bytes``; `nil` when `bytes` is not such a record.
    public init?(bytes: UnsafeRawBufferPointer) {
        var offset = 0
        func read<T: FixedWidthInteger>(_: T.Type) -> T? {
            guard offset + MemoryLayout<T>.size <= bytes.count else { return nil }
            defer { offset += MemoryLayout<T>.size }
            return T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
        }
        func readText() -> String? {
            guard let count = read(UInt16.self), offset + Int(count) <= bytes.count else { return nil }
            defer { offset += Int(count) }
            return String(
                decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + Int(count)]), as: UTF8.self)
        }
        guard let flags = read(UInt8.self), let channel = read(Int32.self), let applicantKind = read(Int32.self),
            let receivedAt = read(Int64.self), let endedAt = read(Int64.self), let givenDueAt = read(Int64.self),
            let documentsRequired = read(UInt32.self), let documentsReused = read(UInt32.self),
            let processingDays = read(UInt32.self), let competentUnit = readText(), let procedureCode = readText(),
            let changeCount = read(UInt16.self)
        else { return nil }
        func has(_ flag: Flag) -> Bool { flags & flag.rawValue != 0 }
        var dueChanges = [DueChange]()
        if changeCount > 0 {
            dueChanges.reserveCapacity(Int(changeCount))
            for _ in 0..<changeCount {
                guard let effectiveAt = read(Int64.self), let dueAt = read(Int64.self) else { return nil }
                dueChanges.append(DueChange(effectiveAt: effectiveAt, dueAt: dueAt))
            }
        }
        guard let pauseCount = read(UInt16.self) else { return nil }
        var pauses = [Pause]()
        if pauseCount > 0 {
            pauses.reserveCapacity(Int(pauseCount))
            for _ in 0..<pauseCount {
                guard let from = read(Int64.self), let to = read(Int64.self), let closed = read(UInt8.self) else {
                    return nil
                }
                pauses.append(Pause(from: from, to: to, closed: closed != 0))
            }
        }
        guard offset == bytes.count else { return nil }
        self.competentUnit = competentUnit
        self.procedureCode = procedureCode
        self.channel = Channel(rawValue: Int(channel)) ?? .UNRECOGNIZED(Int(channel))
        self.applicantKind = ApplicantKind(rawValue: Int(applicantKind)) ?? .UNRECOGNIZED(Int(applicantKind))
        self.receivedAt = receivedAt
        self.endedAt = has(.ended) ? endedAt : nil
        resolved = has(.resolved)
        withdrawn = has(.withdrawn)
        self.givenDueAt = has(.givenDue) ? givenDueAt : nil
        self.dueChanges = dueChanges
        self.pauses = pauses
        digitized = has(.digitized)
        locationIndependent = has(.locationIndependent)
        self.documentsRequired = documentsRequired
        self.documentsReused = documentsReused
        self.processingDays = has(.processingDays) ? processingDays : nil
    }
}

/// The due-date and pause rules of ``DossierTimeline``, shared with ``DossierState``.
extension DossierFacts: DossierTimeline {
    @inlinable public var givenDue: Int64? { givenDueAt }
    @inlinable public var dueChangeTimeline: some Sequence<(effectiveAt: Int64, dueAt: Int64)> {
        dueChanges.lazy.map { (effectiveAt: $0.effectiveAt, dueAt: $0.dueAt) }
    }
    @inlinable public var pauseTimeline: some Sequence<(from: Int64, to: Int64, closed: Bool)> {
        pauses.lazy.map { (from: $0.from, to: $0.to, closed: $0.closed) }
    }
}
