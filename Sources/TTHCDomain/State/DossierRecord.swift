/// The fold's working copy of one dossier: the fields of ``DossierState`` as a plain value.
///
/// Folding an event into a ``DossierState`` goes through its message storage for every field it
/// sets; a record sets them in place. A record is encoded by hand (``bytes``) to exactly the
/// bytes `DossierState.serializedBytes()` gives, so the `dossiers` table keeps its layout and
/// readers keep decoding ``DossierState``. Unknown fields of a stored state are not kept: this
/// code writes none.
struct DossierRecord: Sendable, Equatable {
    var dossierID = ""
    var procedureCode = ""
    var competentUnit = ""
    var receivingUnit = ""
    var channel = Channel.unspecified
    var applicantKind = ApplicantKind.unspecified
    var received = false
    var receivedAt: Int64 = 0
    var givenDueKnown = false
    var givenDueAt: Int64 = 0
    var dueChanges: [DueChange] = []
    var pauses: [Pause] = []
    var digitized = false
    var onlinePayment = false
    var documentsRequired: UInt32 = 0
    var documentsReused: UInt32 = 0
    var processingDays: UInt32 = 0
    var processingDaysKnown = false
    var resolved = false
    var resolvedAt: Int64 = 0
    var outcome = Outcome.unspecified
    var electronicResult = false
    var digitallySigned = false
    var returned = false
    var returnedAt: Int64 = 0
    var withdrawn = false
    var withdrawnAt: Int64 = 0
    var notAccepted = false
    var notAcceptedAt: Int64 = 0
    var seqs: [UInt64] = []
    var corrections: [Correction] = []

    init() {}

    init(_ state: DossierState) {
        dossierID = state.dossierID
        procedureCode = state.procedureCode
        competentUnit = state.competentUnit
        receivingUnit = state.receivingUnit
        channel = state.channel
        applicantKind = state.applicantKind
        received = state.received
        receivedAt = state.receivedAt
        givenDueKnown = state.givenDueKnown
        givenDueAt = state.givenDueAt
        dueChanges = state.dueChanges
        pauses = state.pauses
        digitized = state.digitized
        onlinePayment = state.onlinePayment
        documentsRequired = state.documentsRequired
        documentsReused = state.documentsReused
        processingDays = state.processingDays
        processingDaysKnown = state.processingDaysKnown
        resolved = state.resolved
        resolvedAt = state.resolvedAt
        outcome = state.outcome
        electronicResult = state.electronicResult
        digitallySigned = state.digitallySigned
        returned = state.returned
        returnedAt = state.returnedAt
        withdrawn = state.withdrawn
        withdrawnAt = state.withdrawnAt
        notAccepted = state.notAccepted
        notAcceptedAt = state.notAcceptedAt
        seqs = state.seqs
        corrections = state.corrections
    }

    /// The same dossier as a message, for what only ``DossierState`` does (corrections).
    var state: DossierState {
        var state = DossierState()
        state.dossierID = dossierID
        state.procedureCode = procedureCode
        state.competentUnit = competentUnit
        state.receivingUnit = receivingUnit
        state.channel = channel
        state.applicantKind = applicantKind
        state.received = received
        state.receivedAt = receivedAt
        state.givenDueKnown = givenDueKnown
        state.givenDueAt = givenDueAt
        state.dueChanges = dueChanges
        state.pauses = pauses
        state.digitized = digitized
        state.onlinePayment = onlinePayment
        state.documentsRequired = documentsRequired
        state.documentsReused = documentsReused
        state.processingDays = processingDays
        state.processingDaysKnown = processingDaysKnown
        state.resolved = resolved
        state.resolvedAt = resolvedAt
        state.outcome = outcome
        state.electronicResult = electronicResult
        state.digitallySigned = digitallySigned
        state.returned = returned
        state.returnedAt = returnedAt
        state.withdrawn = withdrawn
        state.withdrawnAt = withdrawnAt
        state.notAccepted = notAccepted
        state.notAcceptedAt = notAcceptedAt
        state.seqs = seqs
        state.corrections = corrections
        return state
    }

    /// Whether the dossier counts at all (``DossierState/isAccepted``).
    var isAccepted: Bool { received && !notAccepted }

    /// The encoded ``DossierState``: each field that is not its default, in field-number order,
    /// as the protobuf binary format and swift-protobuf's encoder write it (the repeated `seqs`
    /// packed). The nested messages, rare, go through their own encoder.
    func bytes() throws -> [UInt8] {
        var out = ProtobufWriter()
        out.string(1, dossierID)
        out.string(2, procedureCode)
        out.string(3, competentUnit)
        out.string(4, receivingUnit)
        out.enumeration(5, channel.rawValue)
        out.enumeration(6, applicantKind.rawValue)
        out.bool(7, received)
        out.int64(8, receivedAt)
        out.bool(9, givenDueKnown)
        out.int64(10, givenDueAt)
        for change in dueChanges { out.message(11, try change.serializedBytes()) }
        for pause in pauses { out.message(12, try pause.serializedBytes()) }
        out.bool(13, digitized)
        out.bool(14, onlinePayment)
        out.uint64(15, UInt64(documentsRequired))
        out.uint64(16, UInt64(documentsReused))
        out.uint64(17, UInt64(processingDays))
        out.bool(18, processingDaysKnown)
        out.bool(19, resolved)
        out.int64(20, resolvedAt)
        out.enumeration(21, outcome.rawValue)
        out.bool(22, electronicResult)
        out.bool(23, digitallySigned)
        out.bool(24, returned)
        out.int64(25, returnedAt)
        out.bool(26, withdrawn)
        out.int64(27, withdrawnAt)
        out.bool(28, notAccepted)
        out.int64(29, notAcceptedAt)
        out.packed(30, seqs)
        for correction in corrections { out.message(31, try correction.serializedBytes()) }
        return out.bytes
    }
}

extension DossierRecord {
    /// As ``DossierState/endedAt``: resolution, else withdrawal, else return.
    var endedAt: Int64? {
        if resolved { return resolvedAt }
        if withdrawn { return withdrawnAt }
        if returned { return returnedAt }
        return nil
    }

    /// The local receipt date (R).
    var receivedDay: LocalDate { localDay(receivedAt) }
}

/// The fields of a protobuf message in its binary format, each left out when it holds its
/// default (proto3), as ``DossierRecord/bytes()`` writes them.
private struct ProtobufWriter {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(192) }

    private mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private mutating func tag(_ field: Int, _ wireType: UInt64) { varint(UInt64(field) << 3 | wireType) }

    mutating func string(_ field: Int, _ value: String) {
        guard !value.isEmpty else { return }
        tag(field, 2)
        varint(UInt64(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }

    mutating func bool(_ field: Int, _ value: Bool) {
        guard value else { return }
        tag(field, 0)
        bytes.append(1)
    }

    mutating func int64(_ field: Int, _ value: Int64) {
        guard value != 0 else { return }
        tag(field, 0)
        varint(UInt64(bitPattern: value))
    }

    mutating func uint64(_ field: Int, _ value: UInt64) {
        guard value != 0 else { return }
        tag(field, 0)
        varint(value)
    }

    mutating func enumeration(_ field: Int, _ rawValue: Int) { int64(field, Int64(rawValue)) }

    mutating func message(_ field: Int, _ encoded: [UInt8]) {
        tag(field, 2)
        varint(UInt64(encoded.count))
        bytes.append(contentsOf: encoded)
    }

    mutating func packed(_ field: Int, _ values: [UInt64]) {
        guard !values.isEmpty else { return }
        tag(field, 2)
        varint(UInt64(values.reduce(0) { $0 + Self.varintSize($1) }))
        for value in values { varint(value) }
    }

    private static func varintSize(_ value: UInt64) -> Int {
        value == 0 ? 1 : (64 - value.leadingZeroBitCount + 6) / 7
    }
}
