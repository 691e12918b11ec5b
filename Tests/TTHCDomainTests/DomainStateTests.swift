import Ledger
import Testing

@testable import TTHCDomain

/// What the domain projection knows after real appends: the ledger's own due dates, procedures
/// as they stood on a day, the units with their mergers, and state that survives a reopen.
@Suite struct DomainStateTests {
    /// Appends `entries` to a seeded ledger, then hands over the live state and the calendar.
    func state<Result>(
        after entries: [DomainLedger.Entry], _ body: (DomainState, WorkingCalendar) throws -> Result
    ) throws -> Result {
        try SeededLedger.with { ledger, _ in
            try ledger.append(entries)
            return try ledger.withState { state, _ in try body(state, try state.calendar()) }
        }
    }

    func timeCut(_ code: String, to days: UInt32, from day: String, decision: String) -> DomainLedger.Entry {
        SeededLedger.entry(
            .procedureTimeCut(
                .with {
                    $0.code = code
                    $0.processingDays = days
                    $0.decision = decision
                    $0.effectiveFrom = day
                }), at: "\(day) 08:00")
    }

    // MARK: The ledger's own due date

    @Test func theCalendarInTheLedgerIsTheDeclaredOne() throws {
        try state(after: []) { state, calendar throws in
            #expect(calendar == Holidays.calendar)
            #expect(try state.dossier("nothing") == nil)
        }
    }

    @Test func theDueDateRunsAcrossTet2025() throws {
        let entries = [
            SeededLedger.publication("2.000005", days: 5),
            Dossier.received("T-250124-00001", at: "2025-01-24 10:00", procedure: "2.000005"),
        ]
        try state(after: entries) { state, calendar throws in
            let dossier = try #require(try state.dossier("T-250124-00001"))
            #expect(dossier.processingDays == 5)
            // Friday before Tết; Monday 27 to Friday 31 January are off.
            #expect(dossier.ledgerDueDay(calendar: calendar) == .iso("2025-02-07"))
        }
    }

    @Test func theDueDateRunsAcrossTet2026AndFromAReceiptOnAHoliday() throws {
        let entries = [
            SeededLedger.publication("2.000003", days: 3),
            Dossier.received("T-260212-00001", at: "2026-02-12 15:00", procedure: "2.000003"),
            Dossier.received("T-260217-00001", at: "2026-02-17 20:15", procedure: "2.000003"),
        ]
        try state(after: entries) { state, calendar throws in
            let beforeTet = try #require(try state.dossier("T-260212-00001"))
            #expect(beforeTet.ledgerDueDay(calendar: calendar) == .iso("2026-02-24"))
            // Filed online during Tết: the count starts on the first working day after it.
            let duringTet = try #require(try state.dossier("T-260217-00001"))
            #expect(duringTet.ledgerDueDay(calendar: calendar) == .iso("2026-02-25"))
        }
    }

    @Test func makeUpSaturdaysAreWorkingDays() throws {
        let entries = [
            SeededLedger.publication("2.000003", days: 3),
            SeededLedger.publication("2.000001", days: 1),
            Dossier.received("S-250425-00001", at: "2025-04-25 09:00", procedure: "2.000003"),
            Dossier.received("S-240503-00001", at: "2024-05-03 09:00", procedure: "2.000001"),
        ]
        try state(after: entries) { state, calendar throws in
            let dossier2025 = try #require(try state.dossier("S-250425-00001"))
            #expect(dossier2025.ledgerDueDay(calendar: calendar) == .iso("2025-04-29"))
            let dossier2024 = try #require(try state.dossier("S-240503-00001"))
            #expect(dossier2024.ledgerDueDay(calendar: calendar) == .iso("2024-05-04"))
        }
    }

    @Test func aPauseStopsTheClockAndAnOpenOneLeavesTheDateUnknown() throws {
        try SeededLedger.with { ledger, _ in
            let id = "P-250303-00001"
            // Monday 3 March 2025, 10 working days; supplement asked Wednesday 5, back Monday 10.
            try ledger.append([
                Dossier.received(id, at: "2025-03-03 10:00", due: "2025-03-17 10:00"),
                Dossier.supplementRequested(id, at: "2025-03-05 09:00"),
            ])
            try ledger.withState { state, _ throws in
                let paused = try #require(try state.dossier(id))
                #expect(paused.ledgerDueDay(calendar: try state.calendar()) == nil)
                #expect(paused.isPaused(on: .iso("2025-03-07")))
            }
            try ledger.append([Dossier.supplementReceived(id, at: "2025-03-10 14:00")])
            try ledger.withState { state, _ throws in
                let resumed = try #require(try state.dossier(id))
                #expect(resumed.ledgerDueDay(calendar: try state.calendar()) == .iso("2025-03-20"))
                #expect(!resumed.isPaused(on: .iso("2025-03-11")))
                #expect(resumed.pauseDays.count == 1)
                // The desk's date, given before the pause, is not "longer than the procedure".
                #expect(!resumed.dueDateLongerThanProcedure(calendar: try state.calendar()))
            }
        }
    }

    @Test func aNewDueDateIsInForceFromWhenItWasGiven() throws {
        let id = "D-250415-00001"
        let entries = [
            Dossier.received(id, at: "2025-04-15 08:30", due: "2025-05-06 08:30"),
            Dossier.dueDateChanged(id, to: "2025-05-09 17:00", at: "2025-05-05 09:00"),
        ]
        try state(after: entries) { state, _ throws in
            let dossier = try #require(try state.dossier(id))
            #expect(dossier.dueDay(asOfEndOf: .iso("2025-05-04")) == .iso("2025-05-06"))
            #expect(dossier.dueDay(asOfEndOf: .iso("2025-05-05")) == .iso("2025-05-09"))
        }
    }

    // MARK: Procedures and their cuts

    @Test func aGivenDueDateLongerThanTheCutProcedureIsFound() throws {
        let code = "1.000206"
        let entries = [
            SeededLedger.publication(code, days: 10),
            timeCut(code, to: 6, from: "2025-06-01", decision: "1042/QĐ-UBND"),
            // Before the cut, with the 10 days then in force.
            Dossier.received("C-250526-00001", at: "2025-05-26 09:00", due: "2025-06-09 09:00", procedure: code),
            // After the cut: the desk still gave 10 days, then one that applied the cut, then none.
            Dossier.received("C-250625-00001", at: "2025-06-25 09:00", due: "2025-07-09 09:00", procedure: code),
            Dossier.received("C-250625-00002", at: "2025-06-25 09:00", due: "2025-07-03 09:00", procedure: code),
            Dossier.received("C-250625-00003", at: "2025-06-25 09:00", procedure: code),
        ]
        try state(after: entries) { state, calendar throws in
            let beforeCut = try #require(try state.dossier("C-250526-00001"))
            #expect(beforeCut.processingDays == 10)
            #expect(beforeCut.ledgerDueDay(calendar: calendar) == .iso("2025-06-09"))
            #expect(!beforeCut.dueDateLongerThanProcedure(calendar: calendar))

            let notApplied = try #require(try state.dossier("C-250625-00001"))
            #expect(notApplied.processingDays == 6)
            #expect(notApplied.ledgerDueDay(calendar: calendar) == .iso("2025-07-03"))
            #expect(notApplied.dueDateLongerThanProcedure(calendar: calendar))

            #expect(try state.dossier("C-250625-00002")?.dueDateLongerThanProcedure(calendar: calendar) == false)
            #expect(try state.dossier("C-250625-00003")?.dueDateLongerThanProcedure(calendar: calendar) == false)
        }
    }

    @Test func aReceiptTakesTheProcessingTimeRecordedBeforeItEvenInTheSameAppend() throws {
        let code = "1.000206"
        let entries = [
            SeededLedger.publication(code, days: 10),
            Dossier.received("C-250625-00001", at: "2025-06-25 09:00", procedure: code),
            // Recorded after the first receipt, in force from before it; the same day's next
            // receipt, in the same write transaction, takes the cut time.
            timeCut(code, to: 6, from: "2025-06-01", decision: "1042/QĐ-UBND"),
            Dossier.received("C-250625-00002", at: "2025-06-25 10:00", procedure: code),
        ]
        try state(after: entries) { state, _ throws in
            #expect(try state.dossier("C-250625-00001")?.processingDays == 10)
            #expect(try state.dossier("C-250625-00002")?.processingDays == 6)
        }
    }

    @Test(arguments: [false, true])
    func aProcedureCutTwiceHasTheAttributesInForceOnEachDay(recordedOutOfOrder: Bool) throws {
        let code = "1.000182"
        var cuts = [
            timeCut(code, to: 2, from: "2025-05-01", decision: "1/QĐ-UBND"),
            timeCut(code, to: 1, from: "2026-02-01", decision: "2/QĐ-UBND"),
        ]
        if recordedOutOfOrder { cuts.reverse() }
        let entries =
            [SeededLedger.publication(code, days: 3)] + cuts + [
                Dossier.received("K-250430-00001", at: "2025-04-30 09:00", procedure: code),
                Dossier.received("K-250807-00001", at: "2025-08-07 09:00", procedure: code),
                Dossier.received("K-260401-00001", at: "2026-04-01 09:00", procedure: code),
            ]
        try state(after: entries) { state, calendar throws in
            let procedure = try #require(try state.procedure(code))
            #expect(procedure.attributes(on: .iso("2023-12-31")) == nil)
            #expect(!procedure.isInForce(on: .iso("2023-12-31")))

            let before = try #require(procedure.attributes(on: .iso("2025-04-30")))
            #expect(before.processingDays == 3)
            #expect(before.timeCuts == 0)
            #expect(before.decisions == ["100/QĐ-UBND"])

            for day in ["2025-05-01", "2026-01-31"] {
                let between = try #require(procedure.attributes(on: .iso(day)))
                #expect(between.processingDays == 2)
                #expect(between.timeCuts == 1)
                #expect(between.decisions == ["100/QĐ-UBND", "1/QĐ-UBND"])
            }

            let after = try #require(procedure.attributes(on: .iso("2026-02-01")))
            #expect(after.processingDays == 1)
            #expect(after.timeCuts == 2)
            #expect(after.decisions == ["100/QĐ-UBND", "1/QĐ-UBND", "2/QĐ-UBND"])
            #expect(after.complianceCostVnd == 500_000)
            #expect(procedure.isInForce(on: .iso("2026-02-01")))

            // The shortcut receipts use agrees with the full fold.
            for day in ["2023-12-31", "2024-01-01", "2025-04-30", "2025-05-01", "2026-01-31", "2026-02-01"] {
                #expect(procedure.processingDays(on: .iso(day)) == procedure.attributes(on: .iso(day))?.processingDays)
            }

            // Each dossier keeps the processing time in force on its receipt date.
            let days = try ["K-250430-00001", "K-250807-00001", "K-260401-00001"].map {
                try #require(try state.dossier($0)).processingDays
            }
            #expect(days == [3, 2, 1])
            #expect(try state.dossier("K-250807-00001")?.ledgerDueDay(calendar: calendar) == .iso("2025-08-11"))
        }
    }

    @Test func anAbolishedProcedureIsNoLongerInForce() throws {
        let entries = [
            SeededLedger.entry(
                .procedureAbolished(
                    .with {
                        $0.code = SeededLedger.procedure
                        $0.decision = "9/QĐ-UBND"
                        $0.effectiveFrom = "2025-07-01"
                    }))
        ]
        try state(after: entries) { state, _ throws in
            let procedure = try #require(try state.procedure(SeededLedger.procedure))
            #expect(procedure.isInForce(on: .iso("2025-06-30")))
            #expect(!procedure.isInForce(on: .iso("2025-07-01")))
            #expect(procedure.attributes(on: .iso("2025-07-01"))?.abolished == true)
        }
    }

    // MARK: Units

    @Test func aMergerChainResolvesThroughTheRegistry() throws {
        func unit(_ code: String, _ name: String, from day: String = "2020-01-01") -> DomainLedger.Entry {
            SeededLedger.entry(
                .unitRegistered(
                    .with {
                        $0.code = code
                        $0.name = name
                        $0.level = .province
                        $0.parent = SeededLedger.province
                        $0.effectiveFrom = day
                    }))
        }
        func merger(_ code: String, into successor: String, from day: String) -> DomainLedger.Entry {
            SeededLedger.entry(
                .unitMerged(
                    .with {
                        $0.code = code
                        $0.successorCode = successor
                        $0.effectiveFrom = day
                    }))
        }
        // Sở Kế hoạch và Đầu tư → Sở Tài chính (1/3/2025) → Sở Tài chính of the merged province (1/7/2025).
        let entries = [
            unit("000.00.14.H23", "Sở Kế hoạch và Đầu tư"),
            unit("000.00.13.H23", "Sở Tài chính"),
            unit("000.00.13.H92", "Sở Tài chính thành phố Cần Thơ", from: "2025-07-01"),
            merger("000.00.13.H23", into: "000.00.13.H92", from: "2025-07-01"),
            merger("000.00.14.H23", into: "000.00.13.H23", from: "2025-03-01"),
        ]
        try state(after: entries) { state, _ throws in
            let registry = try state.unitRegistry()
            #expect(registry.count == 5)
            #expect(registry["000.00.13.H92"]?.effectiveFrom == .iso("2025-07-01"))
            #expect(registry["000.00.14.H23"]?.parent == SeededLedger.province)
            #expect(registry.reportingUnit(for: "000.00.14.H23", periodEndingOn: .iso("2025-02-14")) == "000.00.14.H23")
            #expect(registry.reportingUnit(for: "000.00.14.H23", periodEndingOn: .iso("2025-03-01")) == "000.00.13.H23")
            #expect(registry.reportingUnit(for: "000.00.14.H23", periodEndingOn: .iso("2025-06-14")) == "000.00.13.H23")
            #expect(registry.reportingUnit(for: "000.00.14.H23", periodEndingOn: .iso("2025-09-14")) == "000.00.13.H92")
            #expect(registry.reportingUnit(for: "000.00.13.H23", periodEndingOn: .iso("2025-06-14")) == "000.00.13.H23")
            #expect(registry.successor(of: "000.00.14.H23", on: .iso("2025-09-14")) == "000.00.13.H23")
            #expect(
                registry.reportingUnit(for: SeededLedger.commune, periodEndingOn: .iso("2025-09-14"))
                    == SeededLedger.commune)
        }
    }

    // MARK: Consistency

    @Test func validationStateSurvivesClosingAndReopeningTheLedger() throws {
        let id = "R-250415-00001"
        try withTemporaryDirectory { directory in
            let head: LedgerPosition
            do {
                let ledger = try SeededLedger.open(directory, create: true)
                try ledger.append(SeededLedger.referenceEntries())
                head = try ledger.append([
                    Dossier.received(id), Dossier.withdrawn("R-250415-00001", at: "2025-04-16 09:00"),
                ]).head
            }
            let reopened = try SeededLedger.open(directory)
            try reopened.withState { state, position throws in
                #expect(position == head)
                #expect(try state.dossier(id)?.withdrawn == true)
            }
            try expectRefusal(
                reopened, [Dossier.received(id, at: "2025-04-20 08:00")], field: "dossierId",
                reason: "dossier \(id) was already received (event \(SeededLedger.referenceEntries().count + 1))")
            try expectRefusal(
                reopened, [Dossier.resolved(id, at: "2025-04-20 08:00")], field: "dossierId",
                reason: "dossier \(id) was withdrawn")
        }
    }

    @Test func theLiveProjectionEqualsAReplayOfTheLog() throws {
        try SeededLedger.with { ledger, _ in
            let code = "1.000206"
            try ledger.append([
                SeededLedger.publication(code, days: 10),
                timeCut(code, to: 6, from: "2025-06-01", decision: "1042/QĐ-UBND"),
                Dossier.received("L-250603-00001", at: "2025-06-03 09:00", procedure: code),
                Dossier.supplementRequested("L-250603-00001", at: "2025-06-04 09:00"),
            ])
            try ledger.append([
                Dossier.supplementReceived("L-250603-00001", at: "2025-06-10 09:00"),
                Dossier.resolved("L-250603-00001", at: "2025-06-12 15:00"),
                Dossier.returned("L-250603-00001", at: "2025-06-13 08:00"),
                Dossier.received("L-250603-00002", at: "2025-06-03 10:00", procedure: code),
            ])
            // A refused batch in between must leave no trace in either.
            #expect(throws: DomainValidationError.self) {
                try ledger.append([
                    Dossier.received("L-250603-00003"), Dossier.resolved("nowhere", at: "2025-06-13 08:00"),
                ])
            }
            let head = try ledger.ledger.head()
            let replayed = try ledger.engine.replay(ledger.projection, through: head.seq)
            #expect(try ledger.engine.snapshot(ledger.projection) == replayed.contents)
            let (asOf, position) = try ledger.state(asOf: head.seq)
            #expect(position == head)
            #expect(try asOf.dossier("L-250603-00001")?.returned == true)
            #expect(try asOf.dossier("L-250603-00003") == nil)
        }
    }
}
