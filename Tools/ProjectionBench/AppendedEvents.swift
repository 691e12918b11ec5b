import Ledger
import TTHCDomain
import TTHCWorkload

/// The events appended to the measured ledger before the catch-up: the first `count` dossier
/// events of a small workload of the same province, their dossiers renamed so that they are new
/// to the ledger (a generated ledger already holds dossiers of the same ids, and re-recording an
/// event id appends nothing).
enum AppendedEvents {
    /// Appended to every dossier id, and to the event ids through it.
    static let suffix = "-X"

    static func drafts(count: Int, seed: UInt64) throws -> [EventDraft] {
        var drafts = [EventDraft]()
        drafts.reserveCapacity(count)
        guard count > 0 else { return drafts }
        // About three events a dossier: this many dossiers give more than enough.
        let workload = Workload(seed: seed, dossiers: count / 2 + 1)
        struct Enough: Error {}
        do {
            try workload.forEachDossierBatch(size: 1_000) { entries in
                for entry in entries {
                    var renamed = entry
                    renamed.event = Self.renamed(entry.event)
                    renamed.eventId = entry.eventId.map { "\($0)\(suffix)" }
                    drafts.append(try renamed.draft())
                    if drafts.count == count { throw Enough() }
                }
            }
        } catch is Enough {}
        return drafts
    }

    /// `event` about the dossier `<id>-X` instead of `<id>`.
    static func renamed(_ event: DomainEvent) -> DomainEvent {
        switch event {
        case .dossierReceived(var e):
            e.dossierID += suffix
            return .dossierReceived(e)
        case .dossierSupplementRequested(var e):
            e.dossierID += suffix
            return .dossierSupplementRequested(e)
        case .dossierSupplementReceived(var e):
            e.dossierID += suffix
            return .dossierSupplementReceived(e)
        case .dossierDueDateChanged(var e):
            e.dossierID += suffix
            return .dossierDueDateChanged(e)
        case .dossierResolved(var e):
            e.dossierID += suffix
            return .dossierResolved(e)
        case .dossierResultReturned(var e):
            e.dossierID += suffix
            return .dossierResultReturned(e)
        case .dossierWithdrawn(var e):
            e.dossierID += suffix
            return .dossierWithdrawn(e)
        case .dossierNotAccepted(var e):
            e.dossierID += suffix
            return .dossierNotAccepted(e)
        case .dossierCorrected(var e):
            e.dossierID += suffix
            return .dossierCorrected(e)
        default:
            return event
        }
    }
}
