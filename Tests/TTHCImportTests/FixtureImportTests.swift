import Foundation
import Ledger
import TTHCDomain
import TTHCImport
import Testing

/// The real `Fixtures/` files, imported into a fresh ledger.
@Suite struct FixtureImportTests {
    @Test func referenceFilesBecomeUnitsCalendarProceduresAndPlanTasks() throws {
        try withImportLedger { ledger, _ in
            let summaries = try importReferenceFixtures(into: ledger)
            #expect(summaries.map(\.rowsRead) == [205, 39, 535, 10])
            #expect(summaries.map(\.rowsRejected) == [0, 0, 0, 0])
            #expect(summaries[0].eventsByType == ["UnitRegistered": 124, "UnitMerged": 81])
            #expect(summaries[1].eventsByType == ["HolidayDeclared": 36, "WorkdayDeclared": 3])
            #expect(
                summaries[2].eventsByType == [
                    "ProcedurePublished": 181, "ProcedureTimeCut": 147, "ProcedureCostCut": 146,
                    "ProcedureOnlineLevelChanged": 53, "ProcedureScopeChanged": 111,
                ])
            #expect(summaries[3].eventsByType == ["PlanTaskAssigned": 10, "PlanTaskCompleted": 7])
            #expect(summaries[2].warnings.isEmpty)

            try ledger.withState { state, position in
                #expect(position.seq == 899)
                let units = Dictionary(uniqueKeysWithValues: try state.units().map { ($0.code, $0) })
                #expect(units.count == 124)
                #expect(units["000.00.14.H23"]?.merged == true)
                #expect(units["000.00.14.H23"]?.successor == "000.00.13.H23")
                #expect(units["000.20.31.H23"]?.successor == "001.40.31.H23")
                #expect(units["001.40.31.H23"]?.level == .commune)

                // 1.000182 was cut twice: 3 → 2 days (2025-06-26), then → 1 (2026-03-18).
                let procedure = try #require(try state.procedure("1.000182"))
                #expect(procedure.attributes(on: LocalDate(iso: "2025-01-01")!)?.processingDays == 3)
                #expect(procedure.attributes(on: LocalDate(iso: "2025-08-07")!)?.processingDays == 2)
                #expect(procedure.attributes(on: LocalDate(iso: "2026-04-01")!)?.processingDays == 1)
                #expect(procedure.attributes(on: LocalDate(iso: "2025-08-07")!)?.complianceCostVnd == 469_000)
                #expect(procedure.attributes(on: LocalDate(iso: "2025-03-01")!)?.competentUnits == ["000.00.13.H23"])
                #expect(procedure.baselineDays2024 == 3)

                let calendar = try state.calendar()
                #expect(calendar.isWorkingDay(LocalDate(iso: "2025-04-26")!))
                #expect(!calendar.isWorkingDay(LocalDate(iso: "2025-05-02")!))

                let tasks = Dictionary(uniqueKeysWithValues: try state.planTasks().map { ($0.taskID, $0) })
                #expect(tasks["II.3.a"]?.completedDay == LocalDate(iso: "2025-05-12")!.dayNumber)
                #expect(tasks["II.3.a"]?.deadlineDay == LocalDate(iso: "2025-04-30")!.dayNumber)
                #expect(tasks["III.2.b"]?.completed == false)
            }
        }
    }

    @Test func dossierFilesBecomeEveryDossierWithItsPausesAndEnds() throws {
        try withImportLedger { ledger, _ in
            try importReferenceFixtures(into: ledger)
            let importer = Importer(ledger: ledger)
            let csv = try importer.run(fixture("dossiers.csv"))
            let jsonl = try importer.run(fixture("dossiers.jsonl"))
            #expect(csv.rowsRead == 1800)
            #expect(csv.rowsSkipped == 6)
            #expect(
                csv.eventsByType == [
                    "DossierReceived": 1761, "DossierNotAccepted": 33, "DossierResolved": 1662,
                    "DossierResultReturned": 1617, "DossierWithdrawn": 55, "DossierSupplementRequested": 144,
                    "DossierSupplementReceived": 124,
                ])
            #expect(jsonl.rowsRead == 1200)
            #expect(jsonl.rowsSkipped == 1)
            #expect(
                jsonl.eventsByType == [
                    "DossierReceived": 1175, "DossierNotAccepted": 24, "DossierResolved": 1137,
                    "DossierResultReturned": 1113, "DossierWithdrawn": 23, "DossierSupplementRequested": 92,
                    "DossierSupplementReceived": 85,
                ])
            #expect(csv.warnings.isEmpty && jsonl.warnings.isEmpty)

            try ledger.withState { state, _ in
                var accepted = 0
                var statusCounts: [String: Int] = [:]
                var longer = 0
                let calendar = try state.calendar()
                try state.forEachDossier { dossier in
                    if dossier.isAccepted { accepted += 1 }
                    if dossier.dueDateLongerThanProcedure(calendar: calendar) { longer += 1 }
                    let status =
                        dossier.notAccepted
                        ? "3" : dossier.returned ? "10" : dossier.resolved ? "9" : dossier.withdrawn ? "7" : "open"
                    statusCounts[status, default: 0] += 1
                }
                // Fixtures/README.md: statuses 1: 7, 2: 4, 3: 57, 4: 28, 5: 22, 6: 3, 7: 78, 8: 2, 9: 69, 10: 2730.
                #expect(accepted == 3000 - 7 - 57)
                #expect(statusCounts == ["3": 57, "10": 2730, "9": 69, "7": 78, "open": 4 + 28 + 22 + 3 + 2])
                // Fixtures/README.md: 104 dossiers carry a due date computed with the processing days
                // before the latest cut (one of them, resolved-day-after, received after a cut its
                // procedure was picked before).
                #expect(longer == 104)

                // department-merged: received at Sở KH&ĐT before the merger, competent unit kept.
                let merged = try #require(try state.dossier("000.00.14.H23-250228-00038"))
                #expect(merged.competentUnit == "000.00.14.H23")
                #expect(merged.resolvedAt == portal("20250304091000"))

                // withdrawn: NgayKetThucXuLy is the withdrawal date.
                let withdrawn = try #require(try state.dossier("000.00.19.H23-250506-00014"))
                #expect(withdrawn.withdrawn && !withdrawn.resolved)
                #expect(withdrawn.withdrawnAt == portal("20250508100541"))

                // returned-without-end-date: resolution defaults to NgayTra.
                let returned = try #require(try state.dossier("000.00.21.H23-250923-00012"))
                #expect(returned.resolvedAt == portal("20251001103201"))
                #expect(returned.returnedAt == portal("20251001103201"))

                // no-due-date (department and commune): no due date at all.
                #expect(try state.dossier("000.00.21.H23-251007-00014")?.givenDueKnown == false)
                #expect(try state.dossier("001.40.31.H23-250812-00007")?.givenDueKnown == false)

                // desk-public-service-centre: receiving desk differs from the competent unit.
                let desk = try #require(try state.dossier("000.00.11.H23-251014-00048"))
                #expect(desk.receivingUnit == "000.00.11.H23")
                #expect(desk.competentUnit == "000.00.31.H23")

                // still-paused: the clock stopped on 28/5/2026 and has not restarted (status 5).
                let paused = try #require(try state.dossier("000.00.20.H23-260525-00027"))
                #expect(paused.pauses.count == 1)
                #expect(paused.pauses.first?.closed == false)
                #expect(paused.pauses.first?.kind == .supplement)
                #expect(paused.isPaused(on: LocalDate(iso: "2026-06-14")!))

                // paused-across-period (CSV, latest pause only): the due date given at receipt is
                // worked back; the one in force after the supplement is NgayHenTra.
                let across = try #require(try state.dossier("000.00.15.H23-250603-00081"))
                #expect(across.pauses.count == 1 && across.pauses[0].closed)
                #expect(across.dueAt(asOf: portal("20250620140027")) == portal("20250702084500"))
                let given = try #require(across.givenDueKnown ? across.givenDueAt : nil)
                #expect(given < portal("20250702084500"))
                #expect(!across.dueDateLongerThanProcedure(calendar: calendar))

                // paused-across-period-commune (JSON lines): NgayHenTraTruoc and NgayHenTraMoi.
                let commune = try #require(try state.dossier("007.22.31.H23-250609-00005"))
                #expect(commune.givenDueAt == portal("20250612100500"))
                #expect(commune.dueAt(asOf: portal("20250621000000")) == portal("20250624100500"))

                // still-paused-twice: one closed pause, then one still open.
                let twice = try #require(try state.dossier("006.40.31.H23-260420-00014"))
                #expect(twice.pauses.map(\.closed) == [true, false])
                #expect(twice.givenDueAt == portal("20260511142000"))
                #expect(twice.dueAt(asOf: portal("20260601000000")) == portal("20260514142000"))
            }
        }
    }

    @Test func reimportingEveryFixtureAppendsNothing() throws {
        try withImportLedger { ledger, _ in
            try importReferenceFixtures(into: ledger)
            let importer = Importer(ledger: ledger)
            try importer.run(fixture("dossiers.csv"))
            try importer.run(fixture("dossiers.jsonl"))
            let head = try ledger.ledger.head()
            let again =
                try importReferenceFixtures(into: ledger) + [
                    try importer.run(fixture("dossiers.csv")), try importer.run(fixture("dossiers.jsonl")),
                ]
            #expect(again.map(\.eventsAppended) == [0, 0, 0, 0, 0, 0])
            #expect(again.allSatisfy { $0.rowsChanged == 0 && $0.warnings.isEmpty })
            #expect(again[4].rowsUnchanged == 1794)
            #expect(try ledger.ledger.head() == head)
        }
    }

    @Test func aDryRunCountsWhatTheImportThenAppendsAndWritesNothing() throws {
        try withImportLedger { ledger, _ in
            try importReferenceFixtures(into: ledger)
            let importer = Importer(ledger: ledger)
            let head = try ledger.ledger.head()
            let dry = try importer.run(fixture("dossiers.jsonl"), options: ImportOptions(dryRun: true))
            #expect(try ledger.ledger.head() == head)
            #expect(dry.dryRun)
            let real = try importer.run(fixture("dossiers.jsonl"))
            #expect(dry.eventsByType == real.eventsByType)
            #expect(dry.rowsChanged == real.rowsChanged)
            let again = try importer.run(fixture("dossiers.jsonl"), options: ImportOptions(dryRun: true))
            #expect(again.eventsAppended == 0)
        }
    }
}
