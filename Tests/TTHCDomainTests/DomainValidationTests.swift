import Ledger
import SwiftProtobuf
import Testing

@testable import TTHCDomain

/// The rules of SPEC §2 that guard every append: each refuses with the field at fault and a reason,
/// and a refused append writes nothing, whatever else its batch held.
@Suite struct DomainValidationTests {
    static let id = "000.00.00.H23-250415-00012"

    /// One refusal: what is appended after the seed, and the field and reason it must be refused with.
    struct Refusal: Sendable, CustomTestStringConvertible {
        var testDescription: String
        /// Appended first, and accepted.
        var before: [DomainLedger.Entry] = []
        /// Refused.
        var entries: [DomainLedger.Entry]
        var field: String
        var reason: String
    }

    /// The `seq` of the first event after the seed.
    static let firstSeq = SeededLedger.referenceEntries().count + 1

    static let received = Dossier.received(id, at: "2025-04-15 08:30", due: "2025-04-29 08:30")

    static let refusals: [Refusal] = [
        Refusal(
            testDescription: "unknown procedure",
            entries: [Dossier.received(id, procedure: "9.999999")],
            field: "procedureCode", reason: "unknown procedure 9.999999"),
        Refusal(
            testDescription: "unknown competent unit",
            entries: [Dossier.received(id, competentUnit: "000.99.99.H23")],
            field: "competentUnit", reason: "unknown unit 000.99.99.H23"),
        Refusal(
            testDescription: "unknown receiving unit",
            entries: [Dossier.received(id, receivingUnit: "099.20.31.H23")],
            field: "receivingUnit", reason: "unknown unit 099.20.31.H23"),
        Refusal(
            testDescription: "unknown unit competent for a procedure",
            entries: [SeededLedger.publication("2.000001", days: 5, units: [SeededLedger.province, "000.99.99.H23"])],
            field: "competentUnits", reason: "unknown unit 000.99.99.H23"),
        Refusal(
            testDescription: "cut of an unknown procedure",
            entries: [
                SeededLedger.entry(
                    .procedureTimeCut(
                        .with {
                            $0.code = "9.999999"
                            $0.processingDays = 5
                            $0.decision = "1/QĐ-UBND"
                            $0.effectiveFrom = "2025-05-01"
                        }))
            ],
            field: "code", reason: "unknown procedure 9.999999"),
        Refusal(
            testDescription: "merger into an unknown unit",
            entries: [
                SeededLedger.entry(
                    .unitMerged(
                        .with {
                            $0.code = SeededLedger.commune
                            $0.successorCode = "001.40.31.H23"
                            $0.effectiveFrom = "2025-07-01"
                        }))
            ],
            field: "successorCode", reason: "unknown unit 001.40.31.H23"),
        Refusal(
            testDescription: "resolution before the receipt",
            before: [received], entries: [Dossier.resolved(id, at: "2025-04-14 16:00")],
            field: "resolvedAt", reason: "is before the receipt (2025-04-15)"),
        Refusal(
            testDescription: "result returned before the receipt",
            before: [received], entries: [Dossier.returned(id, at: "2025-04-15 08:29")],
            field: "returnedAt", reason: "is before the receipt (2025-04-15)"),
        Refusal(
            testDescription: "result returned before the resolution",
            before: [received, Dossier.resolved(id, at: "2025-04-20 10:00")],
            entries: [Dossier.returned(id, at: "2025-04-18 10:00")],
            field: "returnedAt", reason: "is before the resolution (2025-04-20)"),
        Refusal(
            testDescription: "due date before the receipt",
            entries: [Dossier.received(id, at: "2025-04-15 08:30", due: "2025-04-14 17:00")],
            field: "dueAt", reason: "is before the receipt (2025-04-15)"),
        Refusal(
            testDescription: "changed due date before the receipt",
            before: [received], entries: [Dossier.dueDateChanged(id, to: "2025-04-10 17:00", at: "2025-04-28 09:00")],
            field: "newDueAt", reason: "is before the receipt (2025-04-15)"),
        Refusal(
            testDescription: "second receipt",
            before: [received], entries: [Dossier.received(id, at: "2025-04-16 09:00")],
            field: "dossierId", reason: "dossier \(id) was already received (event \(firstSeq))"),
        Refusal(
            testDescription: "second receipt in the same batch",
            entries: [received, Dossier.received(id, at: "2025-04-16 09:00")],
            field: "dossierId", reason: "dossier \(id) was already received (event \(firstSeq))"),
        Refusal(
            testDescription: "resolution of a withdrawn dossier",
            before: [received, Dossier.withdrawn(id, at: "2025-04-16 09:00")],
            entries: [Dossier.resolved(id, at: "2025-04-20 10:00")],
            field: "dossierId", reason: "dossier \(id) was withdrawn"),
        Refusal(
            testDescription: "pause of a withdrawn dossier",
            before: [received, Dossier.withdrawn(id, at: "2025-04-16 09:00")],
            entries: [Dossier.supplementRequested(id, at: "2025-04-17 09:00")],
            field: "dossierId", reason: "dossier \(id) was withdrawn"),
        Refusal(
            testDescription: "withdrawal of a finished dossier",
            before: [
                received, Dossier.resolved(id, at: "2025-04-20 10:00"), Dossier.returned(id, at: "2025-04-21 10:00"),
            ],
            entries: [Dossier.withdrawn(id, at: "2025-04-22 09:00")],
            field: "dossierId", reason: "dossier \(id) is finished: its result was returned"),
        Refusal(
            testDescription: "new due date of a finished dossier",
            before: [received, Dossier.returned(id, at: "2025-04-21 10:00")],
            entries: [Dossier.dueDateChanged(id, to: "2025-05-05 17:00", at: "2025-04-22 09:00")],
            field: "dossierId", reason: "dossier \(id) is finished: its result was returned"),
        Refusal(
            testDescription: "second resolution",
            before: [received, Dossier.resolved(id, at: "2025-04-20 10:00")],
            entries: [Dossier.resolved(id, at: "2025-04-21 10:00")],
            field: "dossierId", reason: "dossier \(id) is already resolved"),
        Refusal(
            testDescription: "event of a dossier never received",
            entries: [Dossier.resolved(id, at: "2025-04-20 10:00")],
            field: "dossierId", reason: "dossier \(id) was never received"),
        Refusal(
            testDescription: "receipt before 2000",
            entries: [Dossier.received(id, at: "1999-12-31 23:59")],
            field: "receivedAt", reason: "is outside the years 2000–2100"),
        Refusal(
            testDescription: "receipt after 2100",
            entries: [Dossier.received(id, at: "2101-01-01 00:00")],
            field: "receivedAt", reason: "is outside the years 2000–2100"),
        Refusal(
            testDescription: "due date after 2100",
            entries: [Dossier.received(id, due: "2101-01-02 08:00")],
            field: "dueAt", reason: "is outside the years 2000–2100"),
        Refusal(
            testDescription: "holiday before 2000",
            entries: [
                SeededLedger.entry(
                    .holidayDeclared(
                        .with {
                            $0.date = "1999-12-31"; $0.name = "Tết"
                        }))
            ],
            field: "date", reason: "is outside the years 2000–2100"),
        Refusal(
            testDescription: "holiday on no real day",
            entries: [
                SeededLedger.entry(
                    .holidayDeclared(
                        .with {
                            $0.date = "2025-02-30"; $0.name = "Tết"
                        }))
            ],
            field: "date", reason: "is not a date yyyy-MM-dd"),
        Refusal(
            testDescription: "procedure effective after 2100",
            entries: [
                SeededLedger.entry(
                    .procedureCostCut(
                        .with {
                            $0.code = SeededLedger.procedure
                            $0.complianceCostVnd = 1
                            $0.decision = "1/QĐ-UBND"
                            $0.effectiveFrom = "2101-01-01"
                        }))
            ],
            field: "effectiveFrom", reason: "is outside the years 2000–2100"),
        Refusal(
            testDescription: "empty dossier id",
            entries: [Dossier.received("")],
            field: "dossierId", reason: "is required"),
        Refusal(
            testDescription: "empty competent unit",
            entries: [Dossier.received(id, competentUnit: "")],
            field: "competentUnit", reason: "is required"),
        Refusal(
            testDescription: "empty procedure code",
            entries: [Dossier.received(id, procedure: "")],
            field: "procedureCode", reason: "is required"),
        Refusal(
            testDescription: "missing receipt instant",
            entries: [
                SeededLedger.entry(
                    .dossierReceived(
                        .with {
                            $0.dossierID = id
                            $0.procedureCode = SeededLedger.procedure
                            $0.competentUnit = SeededLedger.province
                            $0.channel = .direct
                        }))
            ],
            field: "receivedAt", reason: "is required"),
        Refusal(
            testDescription: "missing resolution outcome",
            before: [received],
            entries: [
                SeededLedger.entry(
                    .dossierResolved(
                        .with {
                            $0.dossierID = id
                            $0.resolvedAt = SeededLedger.instant("2025-04-20 10:00")
                        }))
            ],
            field: "outcome", reason: "is missing (approved or refused)"),
        Refusal(
            testDescription: "blank unit name",
            entries: [
                SeededLedger.entry(
                    .unitRegistered(
                        .with {
                            $0.code = "002.20.31.H23"
                            $0.name = "   "
                            $0.level = .commune
                            $0.effectiveFrom = "2020-01-01"
                        }))
            ],
            field: "name", reason: "is required"),
        Refusal(
            testDescription: "empty plan task title",
            entries: [
                SeededLedger.entry(
                    .planTaskAssigned(
                        .with {
                            $0.taskID = "II.1"
                            $0.leadUnit = SeededLedger.province
                            $0.deadline = "2025-04-30"
                        }))
            ],
            field: "title", reason: "is required"),
        Refusal(
            testDescription: "supplement received while the clock runs",
            before: [received], entries: [Dossier.supplementReceived(id, at: "2025-04-18 09:00")],
            field: "at", reason: "dossier \(id) is not waiting for a supplement"),
        Refusal(
            testDescription: "second supplement request while paused",
            before: [received, Dossier.supplementRequested(id, at: "2025-04-16 09:00")],
            entries: [Dossier.supplementRequested(id, at: "2025-04-17 09:00")],
            field: "at", reason: "the clock of dossier \(id) is already stopped"),
        Refusal(
            testDescription: "supplement received before it was requested",
            before: [received, Dossier.supplementRequested(id, at: "2025-04-17 09:00")],
            entries: [Dossier.supplementReceived(id, at: "2025-04-16 09:00")],
            field: "at", reason: "is before the clock stopped"),
    ]

    @Test(arguments: refusals)
    func eachRuleRefusesWithItsFieldAndReasonAndWritesNothing(_ refusal: Refusal) throws {
        try SeededLedger.with { ledger, _ in
            if !refusal.before.isEmpty { try ledger.append(refusal.before) }
            try expectRefusal(ledger, refusal.entries, field: refusal.field, reason: refusal.reason)
        }
    }

    @Test func theRefusalNamesTheEventByTypeIdAndSubject() throws {
        try SeededLedger.with { ledger, _ in
            try ledger.append([Self.received])
            do {
                try ledger.append([Dossier.resolved(Self.id, at: "2025-04-14 16:00", eventId: "desk-7/resolution")])
                Issue.record("a resolution before the receipt was appended")
            } catch let error as DomainValidationError {
                #expect(error.type == "DossierResolved")
                #expect(error.eventId == "desk-7/resolution")
                #expect(error.subject == Self.id)
                #expect(
                    error.description == "DossierResolved \(Self.id): resolvedAt: is before the receipt (2025-04-15)")
            }
        }
    }

    @Test func datesOnTheBoundsOfTheYears2000To2100AreAccepted() throws {
        try SeededLedger.with { ledger, _ in
            try ledger.append([
                Dossier.received("A-000101-00001", at: "2000-01-01 00:00"),
                Dossier.received("A-001231-00001", at: "2100-12-31 23:59", due: "2100-12-31 23:59"),
                SeededLedger.entry(
                    .holidayDeclared(
                        .with {
                            $0.date = "2100-12-31"; $0.name = "Tết Dương lịch"
                        })),
            ])
            try ledger.withState { state, _ throws in
                #expect(try state.dossier("A-000101-00001")?.received == true)
                #expect(try state.dossier("A-001231-00001")?.received == true)
            }
        }
    }

    @Test func oneBadEventAmongGoodOnesAppendsNoneOfThem() throws {
        try SeededLedger.with { ledger, _ in
            let good = [
                Dossier.received("A-250415-00001"),
                Dossier.received("A-250415-00002"),
                Dossier.resolved("A-250415-00001", at: "2025-04-16 10:00"),
            ]
            try expectRefusal(
                ledger, good + [Dossier.resolved("A-250415-00003", at: "2025-04-16 10:00")] + good,
                field: "dossierId", reason: "dossier A-250415-00003 was never received")
            try ledger.withState { state, position throws in
                #expect(position.seq == UInt64(Self.firstSeq - 1))
                #expect(try state.dossier("A-250415-00001") == nil)
                #expect(try state.dossier("A-250415-00002") == nil)
            }
            // The refusal left the projection in step: the good events alone go in.
            let outcome = try ledger.append(good)
            #expect(outcome.appendedCount == 3)
            try ledger.withState { state, position throws in
                #expect(position == outcome.head)
                #expect(try state.dossier("A-250415-00001")?.resolved == true)
            }
        }
    }

    @Test func reappendingAnEventIdIsANoOpRatherThanASecondReceipt() throws {
        try SeededLedger.with { ledger, _ in
            let receipt = Dossier.received(Self.id, eventId: "portal/\(Self.id)/received")
            let first = try ledger.append([receipt])
            let again = try ledger.append([receipt])
            #expect(again.appendedCount == 0)
            #expect(again.seqs == first.seqs)
            #expect(again.head == first.head)
        }
    }

    @Test func aDossierRefusedAtTheDeskCannotBeReceivedLater() throws {
        try SeededLedger.with { ledger, _ in
            try ledger.append([
                SeededLedger.entry(
                    .dossierNotAccepted(
                        .with {
                            $0.dossierID = Self.id
                            $0.at = SeededLedger.instant("2025-04-15 08:30")
                            $0.reason = "incomplete"
                        }))
            ])
            try expectRefusal(
                ledger, [Self.received], field: "dossierId", reason: "dossier \(Self.id) was not accepted")
        }
    }

    @Test func aMergerThatClosesACycleIsRefused() throws {
        try SeededLedger.with { ledger, _ in
            try ledger.append([
                SeededLedger.entry(
                    .unitRegistered(
                        .with {
                            $0.code = "001.40.31.H23"
                            $0.name = "UBND phường Vị Thanh"
                            $0.level = .commune
                            $0.parent = SeededLedger.province
                            $0.effectiveFrom = "2025-07-01"
                        })),
                SeededLedger.entry(
                    .unitMerged(
                        .with {
                            $0.code = SeededLedger.commune
                            $0.successorCode = "001.40.31.H23"
                            $0.effectiveFrom = "2025-07-01"
                        })),
            ])
            try expectRefusal(
                ledger,
                [
                    SeededLedger.entry(
                        .unitMerged(
                            .with {
                                $0.code = "001.40.31.H23"
                                $0.successorCode = SeededLedger.commune
                                $0.effectiveFrom = "2026-01-01"
                            }))
                ], field: "successorCode",
                reason: "merging 001.40.31.H23 into \(SeededLedger.commune) makes a cycle")
        }
    }
}
