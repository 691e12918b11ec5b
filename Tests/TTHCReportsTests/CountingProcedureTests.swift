import Ledger
import TTHCDomain
import TTHCReports
import Testing

/// The procedure figures of the monthly report (SPEC §5.2): procedures in force on the period's
/// last day and their time and cost reduction against the 2024 baseline.
@Suite struct CountingProcedureTests {
    typealias L = CountingLedger

    /// The processing days of `code` in force on `day`, as the ledger knows them now.
    private func processingDays(_ ledger: CountingLedger, _ code: String, on day: String) throws -> UInt32? {
        let date = try #require(LocalDate(iso: day))
        return try ledger.domain.withState { state, _ in
            try state.procedure(code)?.attributes(on: date)?.processingDays
        }
    }

    @Test func aProcedureCutTwiceReportsTheCutInForceOnEachPeriodsLastDay() throws {
        try withCountingLedger { ledger in
            // Seeded: 10 working days now and in 2024, 1,000,000 VND now and in 2024.
            try ledger.cutTime(to: 8, effective: "2025-04-20")
            try ledger.cutTime(to: 6, effective: "2025-05-20")
            try ledger.cutCost(to: 700_000, effective: "2025-05-20")

            // Before both (month 4 ends 2025-04-14): 10 days → nothing cut.
            #expect(try processingDays(ledger, L.procedure, on: "2025-04-14") == 10)
            let april = try ledger.monthly(2025, 4).procedures
            #expect([april.inForce, april.businessRelated, april.withBaseline] == [1, 1, 1])
            #expect(april.timeCut == 0)
            #expect(april.timeReductionPct == 0.0)  // (10 − 10) / 10
            #expect(april.costReductionPct == 0.0)
            #expect(april.meetingTimeTarget == 0)

            // Between (month 5 ends 05-14): 8 days → (10 − 8) / 10 = 20.0 %, below the 2025 target of 30 %.
            #expect(try processingDays(ledger, L.procedure, on: "2025-05-14") == 8)
            let may = try ledger.monthly(2025, 5).procedures
            #expect(may.timeCut == 1)
            #expect(may.timeReductionPct == 20.0)
            #expect(may.costReductionPct == 0.0)
            #expect(may.meetingTimeTarget == 0)

            // After both (month 6 ends 06-14): 6 days → (10 − 6) / 10 = 40.0 % ≥ 30 %; cost
            // (1,000,000 − 700,000) / 1,000,000 = 30.0 %.
            #expect(try processingDays(ledger, L.procedure, on: "2025-06-14") == 6)
            let june = try ledger.monthly(2025, 6).procedures
            #expect(june.timeCut == 1)
            #expect(june.timeReductionPct == 40.0)
            #expect(june.costReductionPct == 30.0)
            #expect(june.meetingTimeTarget == 1)

            // In 2026 the target is 50 %: 40.0 % no longer meets it.
            let january2026 = try ledger.monthly(2026, 1).procedures
            #expect(january2026.timeReductionPct == 40.0)
            #expect(january2026.meetingTimeTarget == 0)
        }
    }

    @Test func aProcedureCutByExactlyTheYearsTargetMeetsIt() throws {
        try withCountingLedger(procedure: false) { ledger in
            try ledger.publish("A", days: 7, baselineDays: 10)  // −30 %
            try ledger.publish("B", days: 2, baselineDays: 3)  // −33.33 %
            try ledger.publish("C", days: 8, baselineDays: 10)  // −20 %
            try ledger.publish("D", days: 5, baselineDays: 10)  // −50 %

            // 2025 (≥ 30 %): A, B, D = 3. Σ baseline 33, Σ now 22 → 11 / 33 = 33.33 %.
            let june = try ledger.monthly(2025, 6).procedures
            #expect(june.meetingTimeTarget == 3)
            #expect(june.timeCut == 4)
            #expect(JSONValue.optionalDecimal(june.timeReductionPct).serialized() == "33.33")
            // 2026 (≥ 50 %): D only.
            #expect(try ledger.monthly(2026, 6).procedures.meetingTimeTarget == 1)
        }
    }

    @Test func aCutFromThreeDaysToTwoIsReportedAs33Point33Percent() throws {
        try withCountingLedger(procedure: false) { ledger in
            try ledger.publish("1.000001", days: 3, baselineDays: 3, cost: 300_000, baselineCost: 300_000)
            try ledger.cutTime("1.000001", to: 2, effective: "2025-04-20")
            try ledger.cutCost("1.000001", to: 200_000, effective: "2025-04-20")

            // (3 − 2) / 3 × 100 = 33.333… → 33.33; the same for the cost.
            let json = try ledger.monthly(2025, 5).json().serialized()
            #expect(json.contains(#""timeReductionPct":33.33,"costReductionPct":33.33,"#))
        }
    }

    @Test func aPercentageExactlyHalfwayBetweenTwoHundredthsIsRoundedAwayFromZero() throws {
        try withCountingLedger(procedure: false) { ledger in
            // 1,600,000 → 1,370,000 VND: 230,000 / 1,600,000 × 100 = 14.375 exactly → 14.38.
            // 32 → 31 days: 1 / 32 × 100 = 3.125 exactly → 3.13.
            try ledger.publish("1.000002", days: 31, baselineDays: 32, cost: 1_370_000, baselineCost: 1_600_000)

            let json = try ledger.monthly(2025, 5).json().serialized()
            #expect(json.contains(#""timeReductionPct":3.13,"costReductionPct":14.38,"#))
        }
    }

    @Test func onlyBusinessProceduresWithABaselineCountInTheReduction() throws {
        try withCountingLedger(procedure: false) { ledger in
            try ledger.publish("BIZ", days: 5, baselineDays: 10, cost: 500_000, baselineCost: 1_000_000)
            // Cut much deeper, but not business-related.
            try ledger.publish(
                "CIT", days: 1, baselineDays: 10, cost: 0, baselineCost: 1_000_000, businessRelated: false)
            // Business-related but with no 2024 baseline.
            try ledger.publish("NEW", days: 30, baselineDays: 0, cost: 9_000_000, baselineCost: 0)

            // Over BIZ alone: (10 − 5) / 10 = 50.0 %, (1,000,000 − 500,000) / 1,000,000 = 50.0 %.
            let figures = try ledger.monthly(2025, 5).procedures
            #expect(figures.inForce == 3)
            #expect(figures.businessRelated == 2)
            #expect(figures.withBaseline == 1)
            #expect(figures.timeReductionPct == 50.0)
            #expect(figures.costReductionPct == 50.0)
        }
    }

    @Test func withoutABusinessProcedureWithABaselineTheReductionsAreNull() throws {
        try withCountingLedger(procedure: false) { ledger in
            try ledger.publish("NEW", days: 30, baselineDays: 0)

            let report = try ledger.monthly(2025, 5)
            #expect(report.procedures.timeReductionPct == nil)
            #expect(report.procedures.costReductionPct == nil)
            #expect(report.json().serialized().contains(#""timeReductionPct":null,"costReductionPct":null,"#))
            // A target measured on a null rate is not met.
            #expect(report.target("2025-time-cut")?.actual == nil)
            #expect(report.target("2025-time-cut")?.met == false)
        }
    }

    @Test func onlyProceduresInForceOnThePeriodsLastDayCount() throws {
        try withCountingLedger(procedure: false) { ledger in
            try ledger.publish("OLD", days: 5, baselineDays: 10)
            try ledger.publish("LATER", days: 5, baselineDays: 10, effective: "2025-05-15")

            // Month 5 ends 05-14: LATER is not yet in force. Month 6: both are.
            #expect(try ledger.monthly(2025, 5).procedures.inForce == 1)
            #expect(try ledger.monthly(2025, 6).procedures.inForce == 2)
        }
    }
}
