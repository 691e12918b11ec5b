import Ledger
import TTHCDomain
import TTHCReports
import Testing

/// The dossier figures, targets and plan-task statuses of the monthly TTHC-reform report
/// (SPEC §5.2), one small ledger per rule.
///
/// Month 2025-05 runs 2025-04-15 … 2025-05-14. The seeded procedure takes 10 working days;
/// 30 April, 1 and 2 May are days off and Saturday 26 April is a make-up working day.
@Suite struct CountingMonthlyTests {
    typealias L = CountingLedger

    // MARK: Receipts

    @Test func receivedExcludesCarriedOverDossiers() throws {
        try withCountingLedger { ledger in
            // C: received 10 April, before the month, by a business online, with documents: carried over.
            try ledger.receive(
                "C", at: "2025-04-10 09:00", channel: .online, applicant: .business, digitized: true,
                documentsRequired: 5, documentsReused: 5)
            // A: received in the month at the desk.
            try ledger.receive("A", at: "2025-04-20 09:00")

            // received = 1 (A only): C's channel, applicant and documents are not the month's receipts.
            let dossiers = try ledger.monthly(2025, 5).dossiers
            #expect(dossiers.received == 1)
            #expect(dossiers.online == 0)
            #expect(dossiers.onlineRatePct == 0.0)  // 0 / 1
            #expect(dossiers.business == 0)
            #expect(dossiers.digitized == 0)
            #expect(dossiers.documentsRequired == 0)
            #expect(dossiers.reuseRatePct == nil)
            // C still counts in the quarterly rules' pending column, within the deadline (no due date).
            #expect(dossiers.pendingOverdue == 0)
        }
    }

    @Test func onlineAndBusinessReceiptsAreCountedWithTheOnlineRate() throws {
        try withCountingLedger { ledger in
            try ledger.receive("A", at: "2025-04-21 09:00", channel: .online, applicant: .business)
            try ledger.receive("B", at: "2025-04-22 09:00", channel: .direct, applicant: .business)
            try ledger.receive("D", at: "2025-05-14 23:59", channel: .online, applicant: .citizen)

            // received 3; online A + D = 2; onlineRatePct = 2 / 3 × 100 = 66.666… → 66.67;
            // business A + B = 2; businessOnline A = 1.
            let dossiers = try ledger.monthly(2025, 5).dossiers
            #expect(dossiers.received == 3)
            #expect(dossiers.online == 2)
            #expect(JSONValue.optionalDecimal(dossiers.onlineRatePct).serialized() == "66.67")
            #expect(dossiers.business == 2)
            #expect(dossiers.businessOnline == 1)
        }
    }

    @Test func aReceiptAtADeskOtherThanTheCompetentUnitIsLocationIndependent() throws {
        try withCountingLedger { ledger in
            // Filed at the district's desk for the department to resolve.
            try ledger.receive("A", at: "2025-04-21 09:00", unit: L.department, desk: L.district)
            try ledger.receive("B", at: "2025-04-21 09:00", unit: L.department)

            // locationIndependent = 1 (A); both count under the competent unit, none under the desk.
            let report = try ledger.monthly(2025, 5)
            #expect(report.dossiers.locationIndependent == 1)
            #expect(report.units.map(\.unit) == [L.department])
            #expect(report.unit(L.department)?.figures.locationIndependent == 1)
            #expect(report.unit(L.department)?.figures.received == 2)
        }
    }

    @Test func digitizedDossiersAndTheDocumentsReuseRateCountTheMonthsReceipts() throws {
        try withCountingLedger { ledger in
            try ledger.receive("A", at: "2025-04-21 09:00", digitized: true, documentsRequired: 4, documentsReused: 1)
            try ledger.receive("B", at: "2025-04-22 09:00", digitized: false, documentsRequired: 6, documentsReused: 2)
            // Carried over: its documents were counted in its own month.
            try ledger.receive("C", at: "2025-04-10 09:00", digitized: true, documentsRequired: 5, documentsReused: 5)

            // digitized 1 (A); required 4 + 6 = 10; reused 1 + 2 = 3; reuseRatePct = 3 / 10 × 100 = 30.0.
            let dossiers = try ledger.monthly(2025, 5).dossiers
            #expect(dossiers.digitized == 1)
            #expect(dossiers.documentsRequired == 10)
            #expect(dossiers.documentsReused == 3)
            #expect(dossiers.reuseRatePct == 30.0)
        }
    }

    // MARK: Resolutions

    @Test func theOnTimeRateIsEarlyPlusOnTimeOverResolvedAndOverduePendingDossiersAreCounted() throws {
        try withCountingLedger { ledger in
            // Received Monday 21 April: 22–25, Sat 26 (make-up), 28, 29, then 5, 6, 7 May → due 7 May.
            try ledger.receive("X1", at: "2025-04-21 09:00", due: "2025-05-07")
            try ledger.resolve("X1", at: "2025-05-06 10:00")  // early
            try ledger.receive("X2", at: "2025-04-21 09:00", due: "2025-05-07")
            try ledger.resolve("X2", at: "2025-05-07 10:00")  // on time
            try ledger.receive("X3", at: "2025-04-21 09:00", due: "2025-05-07")
            try ledger.resolve("X3", at: "2025-05-08 10:00")  // late
            // Y: due 29 April, open at to = 05-14 → overdue. Z: due 26 May → within the deadline.
            try ledger.receive("Y", at: "2025-04-16 09:00", due: "2025-04-29")
            try ledger.receive("Z", at: "2025-05-12 09:00", due: "2025-05-26")

            // resolved 3 = 1 early + 1 onTime + 1 late; onTimeRatePct = (1 + 1) / 3 × 100 = 66.67.
            let dossiers = try ledger.monthly(2025, 5).dossiers
            #expect(dossiers.received == 5)
            #expect(dossiers.resolved == 3)
            #expect([dossiers.early, dossiers.onTime, dossiers.late] == [1, 1, 1])
            #expect(JSONValue.optionalDecimal(dossiers.onTimeRatePct).serialized() == "66.67")
            #expect(dossiers.pendingOverdue == 1)
        }
    }

    @Test func aRateWhoseDenominatorIsZeroIsNull() throws {
        try withCountingLedger { ledger in
            // One receipt, nothing resolved, no documents required.
            try ledger.receive("A", at: "2025-04-21 09:00")

            let report = try ledger.monthly(2025, 5)
            #expect(report.dossiers.onlineRatePct == 0.0)  // 0 / 1
            #expect(report.dossiers.onTimeRatePct == nil)  // resolved = 0
            #expect(report.dossiers.reuseRatePct == nil)  // documentsRequired = 0
            let json = report.json().serialized()
            #expect(json.contains(#""received":1,"online":0,"onlineRatePct":0.0,"#))
            #expect(json.contains(#""onTime":0,"late":0,"onTimeRatePct":null,"#))
            #expect(json.contains(#""documentsReused":0,"reuseRatePct":null,"#))

            // A month with no dossiers at all: every dossier rate is null.
            let empty = try ledger.monthly(2025, 3).dossiers
            #expect(empty.onlineRatePct == nil)
            #expect(empty.onTimeRatePct == nil)
            #expect(empty.reuseRatePct == nil)
        }
    }

    // MARK: Due date longer than the procedure allows

    @Test func aGivenDueDateLaterThanReceiptPlusTheProcessingDaysIsCounted() throws {
        try withCountingLedger { ledger in
            // Received Monday 21 April under 10 working days: 22, 23, 24, 25, Sat 26 (make-up), 28,
            // 29, (30/4, 1/5, 2/5 off) 5, 6, 7 May → allowed due date 7 May.
            try ledger.receive("OK", at: "2025-04-21 09:00", due: "2025-05-07")
            try ledger.receive("LONG", at: "2025-04-21 09:00", due: "2025-05-08")

            // 05-07 is not later than 05-07; 05-08 is → 1.
            #expect(try ledger.monthly(2025, 5).dossiers.dueDateLongerThanProcedure == 1)
        }
    }

    @Test func theProcessingDaysInForceOnTheReceiptDateDecideTheAllowedDueDate() throws {
        try withCountingLedger { ledger in
            try ledger.cutTime(to: 7, effective: "2025-04-20")
            // Friday 18 April, before the cut, 10 days: 21–25, 26, 28, 29, 5/5, 6/5 → 6 May: not longer.
            try ledger.receive("BEFORE", at: "2025-04-18 09:00", due: "2025-05-06")
            // Monday 21 April, after the cut, 7 days: 22–25, 26, 28, 29 → 29 April.
            try ledger.receive("STALE", at: "2025-04-21 09:00", due: "2025-05-07")  // the old 10 days: longer
            try ledger.receive("CUT", at: "2025-04-21 09:00", due: "2025-04-29")  // the cut applied

            #expect(try ledger.monthly(2025, 5).dossiers.dueDateLongerThanProcedure == 1)
        }
    }

    @Test func aTimeCutRecordedAfterTheReceiptButInForceOnItsDateStillDecides() throws {
        try withCountingLedger { ledger in
            // The desk still promised the 10-day date: 7 May.
            let receipt = try ledger.receive("STALE", at: "2025-04-21 09:00", due: "2025-05-07")
            // The decision cutting the time to 7 days from 20 April reaches the ledger on 25 April.
            let cut = try ledger.cutTime(to: 7, effective: "2025-04-20", recordedAt: "2025-04-25")

            // As the ledger stood before the cut was recorded: 10 days in force → not longer.
            #expect(try ledger.monthly(2025, 5, asOf: receipt).dossiers.dueDateLongerThanProcedure == 0)
            // Once it is recorded, the procedure in force on 21 April allowed 7 days → 29 April < 7 May.
            #expect(try ledger.monthly(2025, 5, asOf: cut).dossiers.dueDateLongerThanProcedure == 1)
            #expect(try ledger.monthly(2025, 5).dossiers.dueDateLongerThanProcedure == 1)
        }
    }

    // MARK: Plan tasks

    @Test func planTaskStatusesAreAsOfThePeriodEnd() throws {
        try withCountingLedger { ledger in
            try ledger.assignTask("T1", deadline: "2025-04-30")
            try ledger.completeTask("T1", on: "2025-04-28")
            try ledger.assignTask("T2", deadline: "2025-04-30")
            try ledger.completeTask("T2", on: "2025-05-05")
            try ledger.assignTask("T3", deadline: "2025-05-31")
            try ledger.assignTask("T4", deadline: "2025-05-10")
            try ledger.assignTask("T5", deadline: "2025-05-10")
            try ledger.completeTask("T5", on: "2025-05-20")
            try ledger.assignTask("T6", deadline: "2025-05-14")

            // Month 5 ends 2025-05-14.
            let may = try ledger.monthly(2025, 5)
            #expect(may.taskStatus("T1") == .doneOnTime)  // 04-28 ≤ 04-30
            #expect(may.taskStatus("T2") == .doneLate)  // 05-05 > 04-30
            #expect(may.taskStatus("T3") == .open)  // deadline 05-31 not reached
            #expect(may.taskStatus("T4") == .overdue)  // 05-10 < 05-14, not done
            #expect(may.taskStatus("T5") == .overdue)  // done 05-20, after to: not yet known on 05-14
            #expect(may.taskStatus("T6") == .open)  // deadline = to: not passed yet
            #expect(may.json().serialized().contains(#"{"id":"T1","deadline":"2025-04-30","status":"done-on-time"}"#))

            // Month 6 ends 2025-06-14: T5's completion is known now, late.
            #expect(try ledger.monthly(2025, 6).taskStatus("T5") == .doneLate)
        }
    }

    // MARK: Targets

    @Test func targetsAreMetWhenTheActualReachesThePercentage() throws {
        try withCountingLedger { ledger in
            // The seeded procedure: business, partly online, location-independent, 10 days and
            // 1,000,000 VND in 2024. Cut to 7 days (−30 %) and 750,000 VND (−25 %).
            try ledger.cutTime(to: 7, effective: "2025-04-20")
            try ledger.cutCost(to: 750_000, effective: "2025-05-01")
            // A second, non-business procedure that must be filed in its own district.
            try ledger.publish("2.000001", days: 5, baselineDays: 5, businessRelated: false, online: .none)

            let may = try ledger.monthly(2025, 5)
            #expect(
                may.targets.map(\.target.id) == [
                    "2025-time-cut", "2025-cost-cut", "2025-business-online", "2025-location-independent",
                ])
            // (10 − 7) / 10 = 30.0 ≥ 30 → met.
            #expect(may.target("2025-time-cut")?.actual == 30.0)
            #expect(may.target("2025-time-cut")?.met == true)
            // (1,000,000 − 750,000) / 1,000,000 = 25.0 < 30 → not met.
            #expect(may.target("2025-cost-cut")?.actual == 25.0)
            #expect(may.target("2025-cost-cut")?.met == false)
            // 1 of 1 business procedure online → 100.0 → met.
            #expect(may.target("2025-business-online")?.actual == 100.0)
            #expect(may.target("2025-business-online")?.met == true)
            // 1 of 2 procedures location-independent → 50.0 → not met.
            #expect(may.target("2025-location-independent")?.actual == 50.0)
            #expect(may.target("2025-location-independent")?.met == false)

            // Month 2026-01 (2025-12-15 … 2026-01-14) measures the 2026 targets: 50 %, 50 %, and
            // full-process online of the eligible: 0 full of 1 online → 0.0.
            let january = try ledger.monthly(2026, 1)
            #expect(january.targets.map(\.target.id) == ["2026-time-cut", "2026-cost-cut", "2026-full-online"])
            #expect(january.target("2026-time-cut")?.met == false)
            #expect(january.target("2026-cost-cut")?.met == false)
            #expect(january.target("2026-full-online")?.actual == 0.0)
            #expect(january.target("2026-full-online")?.met == false)
        }
    }
}
