import Ledger
import SwiftProtobuf
import TTHCDomain
import TTHCWorkload

/// The events appended to the measured ledger before a catch-up: the first `count` dossier
/// events of a small workload of the same province, their dossiers made new to the ledger (a
/// generated ledger already holds dossiers of the same ids, and re-recording an event id appends
/// nothing) in one of two ways.
enum AppendedEvents {
    enum Kind {
        /// Renamed `<id>-X`: old dossiers recorded late, whose keys fall next to those of the
        /// province's first days, in every desk's range of the tables.
        case backfilled
        /// Moved ``later`` weeks on, past the ledger's last day, with the ids of their new receipt
        /// days: what the province records next, whose keys fall at the ends of those ranges.
        case next
    }

    /// Appended to every dossier id, and to the event ids through it (``Kind/backfilled``).
    static let suffix = "-X"
    /// How far ``Kind/next`` moves the events: 81 weeks, so that weekdays stay weekdays.
    static let later: Int64 = 81 * 7 * 86_400

    static func drafts(count: Int, seed: UInt64, kind: Kind = .backfilled) throws -> [EventDraft] {
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
                    switch kind {
                    case .backfilled:
                        renamed.event = Self.remade(entry.event, rename: { $0 + suffix })
                        renamed.eventId = entry.eventId.map { "\($0)\(suffix)" }
                    case .next:
                        renamed.event = Self.remade(entry.event, rename: Self.movedId) { $0.seconds += later }
                        renamed.occurredAt = Timestamp(
                            microsecondsSinceEpoch: entry.occurredAt.microsecondsSinceEpoch + later * 1_000_000)
                        renamed.eventId = entry.eventId.map { "\($0)-next" }
                    }
                    drafts.append(try renamed.draft())
                    if drafts.count == count { throw Enough() }
                }
            }
        } catch is Enough {}
        return drafts
    }

    /// `event` about the dossier `rename(id)` instead of `id`, each instant it gives changed by
    /// `shift`; a correction's values are left as they are.
    static func remade(
        _ event: DomainEvent, rename: (String) -> String,
        shift: (inout Google_Protobuf_Timestamp) -> Void = { _ in }
    ) -> DomainEvent {
        switch event {
        case .dossierReceived(var e):
            e.dossierID = rename(e.dossierID)
            if e.hasReceivedAt { shift(&e.receivedAt) }
            if e.hasDueAt { shift(&e.dueAt) }
            return .dossierReceived(e)
        case .dossierSupplementRequested(var e):
            e.dossierID = rename(e.dossierID)
            if e.hasAt { shift(&e.at) }
            return .dossierSupplementRequested(e)
        case .dossierSupplementReceived(var e):
            e.dossierID = rename(e.dossierID)
            if e.hasAt { shift(&e.at) }
            if e.hasNewDueAt { shift(&e.newDueAt) }
            return .dossierSupplementReceived(e)
        case .dossierDueDateChanged(var e):
            e.dossierID = rename(e.dossierID)
            if e.hasNewDueAt { shift(&e.newDueAt) }
            return .dossierDueDateChanged(e)
        case .dossierResolved(var e):
            e.dossierID = rename(e.dossierID)
            if e.hasResolvedAt { shift(&e.resolvedAt) }
            return .dossierResolved(e)
        case .dossierResultReturned(var e):
            e.dossierID = rename(e.dossierID)
            if e.hasReturnedAt { shift(&e.returnedAt) }
            return .dossierResultReturned(e)
        case .dossierWithdrawn(var e):
            e.dossierID = rename(e.dossierID)
            if e.hasAt { shift(&e.at) }
            return .dossierWithdrawn(e)
        case .dossierNotAccepted(var e):
            e.dossierID = rename(e.dossierID)
            if e.hasAt { shift(&e.at) }
            return .dossierNotAccepted(e)
        case .dossierCorrected(var e):
            e.dossierID = rename(e.dossierID)
            return .dossierCorrected(e)
        default:
            return event
        }
    }

    /// A workload id `<desk>-<yyMMdd>-<number>` with the day ``later`` weeks on; any other id
    /// with `-next` added.
    static func movedId(_ id: String) -> String {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].count == 6, let day = LocalDate(compact: "20" + parts[1]) else {
            return id + "-next"
        }
        let stamp = day.adding(days: Int(later / 86_400)).compactDescription.dropFirst(2)
        return "\(parts[0])-\(stamp)-\(parts[2])"
    }
}
