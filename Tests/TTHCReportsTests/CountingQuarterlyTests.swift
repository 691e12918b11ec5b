import Ledger
import TTHCDomain
import TTHCReports
import Testing

/// The counting rules of form 06/VPCP/KSTT (SPEC §5.1), one small ledger per rule.
///
/// 2025-Q1 runs 2024-12-15 … 2025-03-14, Q2 2025-03-15 … 2025-06-14 and Q3 2025-06-15 … 2025-09-14.
/// Unless a test says otherwise, dossiers belong to the department (a provincial sở) and were
/// received at its desk. The seeded procedure takes 10 working days.
@Suite struct CountingQuarterlyTests {
    typealias L = CountingLedger

    // MARK: Receipt on the period's edges

    @Test func aReceiptAt0030LocalOnTheFirstDayCountsInThePeriod() throws {
        try withCountingLedger { ledger in
            // 00:30 in Hậu Giang on 15 March is still 14 March in UTC (17:30Z): the UTC date would
            // wrongly put it in Q1.
            #expect(LocalInstant.timestamp("2025-03-15 00:30").iso8601 == "2025-03-14T17:30:00.000000Z")
            try ledger.receive("D1", at: "2025-03-15 00:30")

            // Q2: R = 2025-03-15 = from → received in the period at the desk, open at `to` with no
            // due date → within the deadline. 1 = 1 + 0 + 0 received; 1 = 0 + 1.
            let q2 = try ledger.quarterly(2025, 2)
            #expect(q2.row(L.department)?.counts == DossierCounts(directOrPostal: 1, withinDeadline: 1))
            #expect(q2.totals == DossierCounts(directOrPostal: 1, withinDeadline: 1))
            expectRowIdentity(q2)

            // Q1 ends 2025-03-14 < R: not in it, not even as pending.
            let q1 = try ledger.quarterly(2025, 1)
            #expect(q1.rows.isEmpty)
            #expect(q1.totals == DossierCounts())
        }
    }

    @Test func aReceiptAt2359OnTheLastDayCountsInThePeriodAndIsCarriedOverIntoTheNext() throws {
        try withCountingLedger { ledger in
            try ledger.receive("D1", at: "2025-06-14 23:59", channel: .online)

            // Q2: R = 2025-06-14 = to → online in the period; pending (no E) within the deadline.
            let q2 = try ledger.quarterly(2025, 2)
            #expect(q2.totals == DossierCounts(online: 1, withinDeadline: 1))
            expectRowIdentity(q2)

            // Q3: R < 2025-06-15 = from and still open → carried over, not online.
            let q3 = try ledger.quarterly(2025, 3)
            #expect(q3.totals == DossierCounts(carriedOver: 1, withinDeadline: 1))
            expectRowIdentity(q3)
        }
    }

    // MARK: Carried over

    @Test func aDossierReceivedBeforeThePeriodAndOpenAtItsStartIsCarriedOver() throws {
        try withCountingLedger { ledger in
            // Received Monday 10 March; 10 working days from Tuesday 11 → due Monday 24 March.
            try ledger.receive("D1", at: "2025-03-10 10:00", due: "2025-03-24")

            // Q1 (to 2025-03-14): received in the period, pending, D = 03-24 ≥ to → within deadline.
            let q1 = try ledger.quarterly(2025, 1)
            #expect(q1.totals == DossierCounts(directOrPostal: 1, withinDeadline: 1))

            // Q2: R = 03-10 < from = 03-15, no E → carried over; pending, D = 03-24 < to = 06-14 → overdue.
            let q2 = try ledger.quarterly(2025, 2)
            #expect(q2.row(L.department)?.counts == DossierCounts(carriedOver: 1, overdue: 1))
            expectRowIdentity(q2)
        }
    }

    @Test func aCarriedOverDossierResolvedOnTheFirstDayIsCarriedOverAndResolved() throws {
        try withCountingLedger { ledger in
            try ledger.receive("D1", at: "2025-03-10 10:00", due: "2025-03-24")
            // 00:30 on 15 March local is 14 March in UTC: by the local date E = from.
            try ledger.resolve("D1", at: "2025-03-15 00:30")

            // Q2: R < from and E = 03-15 ≥ from → carried over; from ≤ E ≤ to → resolved;
            // E = 03-15 < D = 03-24 → early. 1 carried over = 1 resolved + 0 pending.
            let q2 = try ledger.quarterly(2025, 2)
            #expect(q2.totals == DossierCounts(carriedOver: 1, early: 1))
            expectRowIdentity(q2)

            // Q1: E = 03-15 > to = 03-14 → still pending at Q1's end, within the deadline.
            let q1 = try ledger.quarterly(2025, 1)
            #expect(q1.totals == DossierCounts(directOrPostal: 1, withinDeadline: 1))
        }
    }

    @Test func aDossierThatEndedBeforeThePeriodIsNotInTheReport() throws {
        try withCountingLedger { ledger in
            try ledger.receive("D1", at: "2025-02-03 09:00", due: "2025-02-17")
            try ledger.resolve("D1", at: "2025-03-10 15:00")

            // Q2: E = 03-10 < from = 03-15 → neither carried over nor resolved nor pending: no row at all.
            let q2 = try ledger.quarterly(2025, 2)
            #expect(q2.rows.isEmpty)
            #expect(q2.totals == DossierCounts())

            // Q1 has it: received at the desk, resolved 03-10 > D = 02-17 → late.
            let q1 = try ledger.quarterly(2025, 1)
            #expect(q1.totals == DossierCounts(directOrPostal: 1, late: 1))
        }
    }

    // MARK: Resolved: early, on time, late

    // Received Tuesday 1 April; 10 working days from Wednesday 2 April, Hùng Kings' day (Monday
    // 7 April) off: 2, 3, 4, 8, 9, 10, 11, 14, 15, 16 → due Wednesday 16 April.

    @Test func aDossierResolvedOnItsDueDateIsOnTime() throws {
        try withCountingLedger { ledger in
            try ledger.receive("D1", at: "2025-04-01 08:00", due: "2025-04-16")
            try ledger.resolve("D1", at: "2025-04-16 16:30")

            // E = 04-16 = D → onTime.
            let q2 = try ledger.quarterly(2025, 2)
            #expect(q2.totals == DossierCounts(directOrPostal: 1, onTime: 1))
            expectRowIdentity(q2)
        }
    }

    @Test func aDossierResolvedTheDayBeforeItsDueDateIsEarly() throws {
        try withCountingLedger { ledger in
            try ledger.receive("D1", at: "2025-04-01 08:00", due: "2025-04-16")
            try ledger.resolve("D1", at: "2025-04-15 10:00")

            // E = 04-15 < D = 04-16 → early.
            let q2 = try ledger.quarterly(2025, 2)
            #expect(q2.totals == DossierCounts(directOrPostal: 1, early: 1))
            expectRowIdentity(q2)
        }
    }

    @Test func aDossierResolvedTheDayAfterItsDueDateIsLateEvenHalfAnHourPastMidnight() throws {
        try withCountingLedger { ledger in
            try ledger.receive("D1", at: "2025-04-01 08:00", due: "2025-04-16")
            // 00:30 on 17 April local = 16 April 17:30Z: the UTC date equals the due date, the
            // local date does not.
            try ledger.resolve("D1", at: "2025-04-17 00:30")

            // E = 04-17 > D = 04-16 → late.
            let q2 = try ledger.quarterly(2025, 2)
            #expect(q2.totals == DossierCounts(directOrPostal: 1, late: 1))
            expectRowIdentity(q2)
        }
    }

    @Test func aWithdrawnDossierCountsAsResolvedOnTimeEvenAfterItsDueDate() throws {
        try withCountingLedger { ledger in
            try ledger.receive("D1", at: "2025-04-01 08:00", due: "2025-04-16")
            try ledger.withdraw("D1", at: "2025-05-05 09:00")

            // E = withdrawal date 05-05 > D = 04-16, but withdrawn → resolved.onTime, never late.
            let q2 = try ledger.quarterly(2025, 2)
            #expect(q2.totals == DossierCounts(directOrPostal: 1, onTime: 1))
            expectRowIdentity(q2)

            // Q3: E = 05-05 < from → gone.
            #expect(try ledger.quarterly(2025, 3).totals == DossierCounts())
        }
    }

    // MARK: No due date

    @Test func aResolvedDossierWithoutADueDateIsOnTime() throws {
        try withCountingLedger { ledger in
            try ledger.receive("D1", at: "2025-03-20 09:00", due: nil)
            try ledger.resolve("D1", at: "2025-06-10 09:00")

            // No D → onTime, however long it took (82 days here).
            let q2 = try ledger.quarterly(2025, 2)
            #expect(q2.totals == DossierCounts(directOrPostal: 1, onTime: 1))
            expectRowIdentity(q2)
        }
    }

    @Test func aPendingDossierWithoutADueDateIsWithinDeadline() throws {
        try withCountingLedger { ledger in
            try ledger.receive("D1", at: "2025-03-20 09:00", due: nil)

            // Open at to = 06-14, no D → withinDeadline; in Q3 it is carried over and still within.
            #expect(try ledger.quarterly(2025, 2).totals == DossierCounts(directOrPostal: 1, withinDeadline: 1))
            #expect(try ledger.quarterly(2025, 3).totals == DossierCounts(carriedOver: 1, withinDeadline: 1))
        }
    }

    @Test func aPendingDossierDueOnTheLastDayIsWithinDeadlineAndOverdueTheDayAfter() throws {
        try withCountingLedger { ledger in
            // Received Friday 30 May, promised for Saturday 14 June = to.
            try ledger.receive("D1", at: "2025-05-30 09:00", due: "2025-06-14")

            // Q2: D = 06-14 ≥ to = 06-14 → withinDeadline.
            #expect(try ledger.quarterly(2025, 2).totals == DossierCounts(directOrPostal: 1, withinDeadline: 1))
            // Q3: still open, D = 06-14 < to = 09-14 → overdue.
            #expect(try ledger.quarterly(2025, 3).totals == DossierCounts(carriedOver: 1, overdue: 1))
        }
    }

    // MARK: Pauses and moved due dates

    @Test func aDossierPausedForASupplementOnTheLastDayIsWithinDeadlineEvenPastItsDueDate() throws {
        try withCountingLedger { ledger in
            // Three dossiers due Monday 19 May, all past due at to = 06-14.
            // A: clock stopped 2 June and still stopped on 06-14 → withinDeadline.
            try ledger.receive("A", at: "2025-05-05 09:00", due: "2025-05-19")
            try ledger.pause("A", at: "2025-06-02 10:00")
            // B: clock stopped 2 June, restarted 5 June without a new date → not paused on 06-14,
            // D = 05-19 < 06-14 → overdue.
            try ledger.receive("B", at: "2025-05-05 09:00", due: "2025-05-19")
            try ledger.pause("B", at: "2025-06-02 10:00")
            try ledger.resume("B", at: "2025-06-05 10:00")
            // C: clock stopped on to itself → paused on 06-14 → withinDeadline.
            try ledger.receive("C", at: "2025-05-05 09:00", due: "2025-05-19")
            try ledger.pause("C", at: "2025-06-14 10:00")

            // received 3 at the desk = pending 3 = 2 within + 1 overdue.
            let q2 = try ledger.quarterly(2025, 2)
            #expect(q2.totals == DossierCounts(directOrPostal: 3, withinDeadline: 2, overdue: 1))
            expectRowIdentity(q2)
        }
    }

    @Test func aNewDueDateGivenWithTheSupplementDecidesWhetherTheResolutionIsLate() throws {
        try withCountingLedger { ledger in
            try ledger.receive("D1", at: "2025-04-01 08:00", due: "2025-04-16")
            try ledger.pause("D1", at: "2025-04-03 10:00")
            try ledger.resume("D1", at: "2025-04-10 10:00", newDue: "2025-04-23")
            try ledger.resolve("D1", at: "2025-04-22 10:00")

            // D in force at E is the new 04-23, not the 04-16 given at receipt:
            // E = 04-22 < 04-23 → early (against 04-16 it would be late).
            let q2 = try ledger.quarterly(2025, 2)
            #expect(q2.totals == DossierCounts(directOrPostal: 1, early: 1))
            expectRowIdentity(q2)
        }
    }

    @Test func aDueDateMovedWithAnApologyLetterDecidesWhetherTheResolutionIsLate() throws {
        try withCountingLedger { ledger in
            try ledger.receive("D1", at: "2025-04-01 08:00", due: "2025-04-16")
            try ledger.moveDue("D1", to: "2025-04-25", at: "2025-04-15 16:00")
            try ledger.resolve("D1", at: "2025-04-25 11:00")

            // D in force at E = 04-25 → E = D → onTime (against 04-16 it would be late).
            let q2 = try ledger.quarterly(2025, 2)
            #expect(q2.totals == DossierCounts(directOrPostal: 1, onTime: 1))
            expectRowIdentity(q2)
        }
    }

    @Test func aDueDateMovedAfterThePeriodEndDoesNotChangeItsPendingStatus() throws {
        try withCountingLedger { ledger in
            // Received Monday 2 June, promised for Friday 13 June; on 20 June the desk moves it to 27 June.
            try ledger.receive("D1", at: "2025-06-02 08:00", due: "2025-06-13")
            try ledger.moveDue("D1", to: "2025-06-27", at: "2025-06-20 09:00")
            try ledger.resolve("D1", at: "2025-06-26 15:00")

            // Q2: open at to = 06-14 and the D in force then is 06-13 < to → overdue. The later
            // move is recorded, but it was not in force on 06-14.
            let q2 = try ledger.quarterly(2025, 2)
            #expect(q2.totals == DossierCounts(directOrPostal: 1, overdue: 1))

            // Q3: carried over; E = 06-26 and the D in force then is 06-27 → early.
            let q3 = try ledger.quarterly(2025, 3)
            #expect(q3.totals == DossierCounts(carriedOver: 1, early: 1))
        }
    }

    // MARK: Units

    @Test func aDistrictMergedInTheMiddleOfAQuarterReportsUnderItsSuccessorOnlyForPeriodsEndingAfterTheMerger() throws {
        // The district merges into the commune on 2025-07-01, in the middle of Q3 (06-15 … 09-14).
        try withCountingLedger(districtMergesOn: "2025-07-01") { ledger in
            try ledger.receive("Y", at: "2025-06-10 09:00", unit: L.district)  // Q2, stays open
            try ledger.receive("X", at: "2025-06-20 09:00", channel: .online, unit: L.district)  // Q3, before 07-01
            try ledger.receive("Z", at: "2025-07-10 09:00", unit: L.commune)  // Q3, the commune's own

            // Q2 ends 06-14, before the merger: the district is its own row, at district level.
            let q2 = try ledger.quarterly(2025, 2)
            #expect(q2.rows.map(\.unit) == [L.district])
            #expect(q2.rows.first?.level == .district)
            #expect(q2.row(L.district)?.counts == DossierCounts(directOrPostal: 1, withinDeadline: 1))

            // Q3 ends 09-14, after it: the district's dossiers join the commune's row.
            // Y carried over + X online + Z at the desk = 3, all pending without a due date.
            let q3 = try ledger.quarterly(2025, 3)
            #expect(q3.rows.map(\.unit) == [L.commune])
            #expect(q3.rows.first?.level == .commune)
            #expect(q3.rows.first?.name == "UBND xã Châu Thành")
            #expect(
                q3.row(L.commune)?.counts
                    == DossierCounts(online: 1, directOrPostal: 1, carriedOver: 1, withinDeadline: 3))
            expectRowIdentity(q3)
        }
    }

    @Test func rowsAreOrderedByLevelThenUnitCode() throws {
        try withCountingLedger(districtMergesOn: nil) { ledger in
            try ledger.receive("C", at: "2025-04-10 09:00", unit: L.commune)
            try ledger.receive("D", at: "2025-04-10 09:00", unit: L.district)
            try ledger.receive("S", at: "2025-04-10 09:00", unit: L.department)
            try ledger.receive("P", at: "2025-04-10 09:00", unit: L.province)

            // province level: 000.00.00 < 000.00.14; then the district; then the commune.
            let q2 = try ledger.quarterly(2025, 2)
            #expect(q2.rows.map(\.unit) == [L.province, L.department, L.district, L.commune])
            #expect(q2.rows.map(\.level) == [.province, .province, .district, .commune])
        }
    }

    // MARK: Channels and acceptance

    @Test func aPostalReceiptCountsAsDirectOrPostalAndADossierNotAcceptedDoesNotCount() throws {
        try withCountingLedger { ledger in
            try ledger.receive("P", at: "2025-04-10 09:00", channel: .postal)
            try ledger.receive("O", at: "2025-04-10 09:00", channel: .online)
            try ledger.receive("D", at: "2025-04-10 09:00", channel: .direct)
            try ledger.refuseAtDesk("N", at: "2025-04-11 09:00")  // TrangThaiHoSo 3

            // P + D at the desk or by post = 2, O online = 1; N is not a dossier under processing.
            let q2 = try ledger.quarterly(2025, 2)
            #expect(q2.totals == DossierCounts(online: 1, directOrPostal: 2, withinDeadline: 3))
            #expect(q2.totals.receivedTotal == 3)
            expectRowIdentity(q2)
        }
    }

    // MARK: Identity

    @Test func receivedEqualsResolvedPlusPendingOnEveryRowAndInTheTotals() throws {
        try withCountingLedger(districtMergesOn: nil) { ledger in
            // Department: carried over and resolved late; received online and resolved early;
            // received at the desk and still open past its due date.
            try ledger.receive("S1", at: "2025-03-03 09:00", due: "2025-03-17")
            try ledger.resolve("S1", at: "2025-03-20 09:00")
            try ledger.receive("S2", at: "2025-04-21 09:00", channel: .online, due: "2025-05-07")
            try ledger.resolve("S2", at: "2025-05-06 09:00")
            try ledger.receive("S3", at: "2025-05-26 09:00", due: "2025-06-09")
            // District: by post, withdrawn; received, paused and open.
            try ledger.receive("H1", at: "2025-04-02 09:00", channel: .postal, due: "2025-04-17", unit: L.district)
            try ledger.withdraw("H1", at: "2025-04-03 09:00")
            try ledger.receive("H2", at: "2025-06-02 09:00", due: "2025-06-13", unit: L.district)
            try ledger.pause("H2", at: "2025-06-05 09:00")
            // Commune: resolved on its due date.
            try ledger.receive("X1", at: "2025-06-02 09:00", channel: .online, due: "2025-06-05", unit: L.commune)
            try ledger.resolve("X1", at: "2025-06-05 09:00")

            let q2 = try ledger.quarterly(2025, 2)
            // Department: received 1 online + 1 desk + 1 carried over = 3 = resolved 2 (S1 late, S2 early)
            // + pending 1 (S3: D = 06-09 < 06-14 → overdue).
            #expect(
                q2.row(L.department)?.counts
                    == DossierCounts(online: 1, directOrPostal: 1, carriedOver: 1, early: 1, late: 1, overdue: 1))
            // District: 2 at the desk or by post = resolved 1 (withdrawn → on time) + pending 1 (paused → within).
            #expect(q2.row(L.district)?.counts == DossierCounts(directOrPostal: 2, onTime: 1, withinDeadline: 1))
            // Commune: 1 online = 1 on time.
            #expect(q2.row(L.commune)?.counts == DossierCounts(online: 1, onTime: 1))
            // Totals: 6 = 4 resolved + 2 pending.
            #expect(
                q2.totals
                    == DossierCounts(
                        online: 2, directOrPostal: 3, carriedOver: 1, early: 1, onTime: 2, late: 1, withinDeadline: 1,
                        overdue: 1))
            #expect(q2.totals.receivedTotal == 6)
            #expect(q2.totals.resolvedTotal == 4)
            #expect(q2.totals.pendingTotal == 2)
            expectRowIdentity(q2)
        }
    }

    // MARK: As of a past position

    @Test func aReportAsOfAPositionBeforeALateRecordedReceiptGivesTheOldFiguresAndAfterItTheNew() throws {
        try withCountingLedger { ledger in
            let first = try ledger.receive("D1", at: "2025-04-10 09:00")
            // Recorded later, but it happened at the desk on 12 April, inside Q2.
            let late = try ledger.receive("D2", at: "2025-04-12 09:00", channel: .online)
            #expect(late == first + 1)

            // As the ledger stood after `first`: only D1.
            let before = try ledger.quarterly(2025, 2, asOf: first)
            #expect(before.position.seq == first)
            #expect(before.totals == DossierCounts(directOrPostal: 1, withinDeadline: 1))

            // After the late receipt: both, as the live report says too.
            let after = try ledger.quarterly(2025, 2, asOf: late)
            #expect(after.position.seq == late)
            #expect(after.totals == DossierCounts(online: 1, directOrPostal: 1, withinDeadline: 2))
            let live = try ledger.quarterly(2025, 2)
            #expect(live.totals == after.totals)
            #expect(live.position == after.position)
            #expect(live.json() == after.json())
            #expect(before.json() != after.json())
        }
    }
}
