import Ledger
import TTHCDomain

/// What the ledger holds about one dossier — as far as an import compares snapshots with it —
/// plus the events planned for it and not yet appended.
///
/// It follows the domain projection's fold (``DossierState``) for the fields it keeps, so that
/// planning against it gives the same events as planning against the ledger once they are
/// appended: that is what makes a re-run after a crash converge on the same events.
struct DossierFacts {
    struct Pause {
        var from: Int64
        var to: Int64?
    }

    var received = false
    var notAccepted = false
    var procedureCode = ""
    var competentUnit = ""
    var receivingUnit = ""
    var channel = Channel.unspecified
    var applicantKind = ApplicantKind.unspecified
    var receivedAt: Int64 = 0
    /// The due date given at receipt, if any.
    var givenDue: Int64?
    /// Later due dates: (effective at, due at), in recording order.
    var dueChanges: [(effectiveAt: Int64, dueAt: Int64)] = []
    var digitized = false
    var onlinePayment = false
    var documentsRequired: UInt32 = 0
    var documentsReused: UInt32 = 0
    var pauses: [Pause] = []
    var resolvedAt: Int64?
    var returnedAt: Int64?
    var withdrawnAt: Int64?
    /// Corrections recorded, by field.
    var corrections: [String: Int] = [:]

    init() {}

    init(_ state: DossierState) {
        received = state.received
        notAccepted = state.notAccepted
        procedureCode = state.procedureCode
        competentUnit = state.competentUnit
        receivingUnit = state.receivingUnit
        channel = state.channel
        applicantKind = state.applicantKind
        receivedAt = state.receivedAt
        givenDue = state.givenDueKnown ? state.givenDueAt : nil
        dueChanges = state.dueChanges.map { ($0.effectiveAt, $0.dueAt) }
        digitized = state.digitized
        onlinePayment = state.onlinePayment
        documentsRequired = state.documentsRequired
        documentsReused = state.documentsReused
        pauses = state.pauses.map { Pause(from: $0.from, to: $0.closed ? $0.to : nil) }
        resolvedAt = state.resolved ? state.resolvedAt : nil
        returnedAt = state.returned ? state.returnedAt : nil
        withdrawnAt = state.withdrawn ? state.withdrawnAt : nil
        for correction in state.corrections { corrections[correction.field, default: 0] += 1 }
    }

    /// Whether the clock is stopped now.
    var openPause: Pause? { pauses.last { $0.to == nil } }

    /// The due date in force after everything recorded: the latest change, else the given one
    /// (``DossierState/dueAt(asOf:)`` at the end of time).
    var currentDue: Int64? {
        var due = givenDue
        var latest = Int64.min
        for change in dueChanges where change.effectiveAt >= latest {
            latest = change.effectiveAt
            due = change.dueAt
        }
        return due
    }

    /// Folds a planned event in, as the domain projection will once it is appended.
    mutating func apply(_ event: DomainEvent, occurredAt: Int64) {
        switch event {
        case .dossierReceived(let e):
            received = true
            procedureCode = e.procedureCode
            competentUnit = e.competentUnit
            receivingUnit = e.receivingUnit.isEmpty ? e.competentUnit : e.receivingUnit
            channel = e.channel
            applicantKind = e.applicantKind
            receivedAt = micros(e.receivedAt.seconds, e.receivedAt.nanos)
            givenDue = e.hasDueAt ? micros(e.dueAt.seconds, e.dueAt.nanos) : nil
            digitized = e.digitized
            onlinePayment = e.onlinePayment
            documentsRequired = e.documentsRequired
            documentsReused = e.documentsReused
        case .dossierNotAccepted:
            notAccepted = true
        case .dossierSupplementRequested(let e):
            pauses.append(Pause(from: micros(e.at.seconds, e.at.nanos), to: nil))
        case .dossierSupplementReceived(let e):
            let at = micros(e.at.seconds, e.at.nanos)
            if let index = pauses.lastIndex(where: { $0.to == nil }) { pauses[index].to = at }
            if e.hasNewDueAt { dueChanges.append((at, micros(e.newDueAt.seconds, e.newDueAt.nanos))) }
        case .dossierDueDateChanged(let e):
            dueChanges.append((occurredAt, micros(e.newDueAt.seconds, e.newDueAt.nanos)))
        case .dossierResolved(let e):
            resolvedAt = micros(e.resolvedAt.seconds, e.resolvedAt.nanos)
        case .dossierResultReturned(let e):
            returnedAt = micros(e.returnedAt.seconds, e.returnedAt.nanos)
        case .dossierWithdrawn(let e):
            withdrawnAt = micros(e.at.seconds, e.at.nanos)
        case .dossierCorrected(let e):
            corrections[e.field, default: 0] += 1
            correct(e.field, to: e.newValue)
        default:
            break
        }
    }

    private mutating func correct(_ field: String, to value: String) {
        let instant = Timestamp(iso8601: value)?.microsecondsSinceEpoch
        switch DossierCorrectionField(rawValue: field) {
        case .procedureCode: procedureCode = value
        case .competentUnit: competentUnit = value
        case .receivingUnit: receivingUnit = value
        case .channel: channel = Channel(jsonName: value) ?? channel
        case .applicantKind: applicantKind = ApplicantKind(jsonName: value) ?? applicantKind
        case .receivedAt: if let instant { receivedAt = instant }
        case .dueAt: if let instant { givenDue = instant }
        case .digitized: digitized = value == "true"
        case .onlinePayment: onlinePayment = value == "true"
        case .documentsRequired: documentsRequired = UInt32(value) ?? documentsRequired
        case .documentsReused: documentsReused = UInt32(value) ?? documentsReused
        case .resolvedAt: if let instant, resolvedAt != nil { resolvedAt = instant }
        case .returnedAt: if let instant, returnedAt != nil { returnedAt = instant }
        case .withdrawnAt: if let instant, withdrawnAt != nil { withdrawnAt = instant }
        case nil: break
        }
    }

    /// The value of a correctable field, written as ``DossierCorrectionField/value(in:)`` writes it.
    func value(of field: DossierCorrectionField) -> String {
        switch field {
        case .procedureCode: procedureCode
        case .competentUnit: competentUnit
        case .receivingUnit: receivingUnit
        case .channel: channel.jsonName
        case .applicantKind: applicantKind.jsonName
        case .receivedAt: Self.correctionInstant(receivedAt)
        case .dueAt: givenDue.map(Self.correctionInstant) ?? ""
        case .digitized: String(digitized)
        case .onlinePayment: String(onlinePayment)
        case .documentsRequired: String(documentsRequired)
        case .documentsReused: String(documentsReused)
        case .resolvedAt: resolvedAt.map(Self.correctionInstant) ?? ""
        case .returnedAt: returnedAt.map(Self.correctionInstant) ?? ""
        case .withdrawnAt: withdrawnAt.map(Self.correctionInstant) ?? ""
        }
    }

    /// An instant as corrections write it: local time with its offset.
    static func correctionInstant(_ micros: Int64) -> String {
        VietnamTime.formatISO8601(utcMicroseconds: micros)
    }
}

private func micros(_ seconds: Int64, _ nanos: Int32) -> Int64 {
    seconds * 1_000_000 + Int64(nanos) / 1_000
}
