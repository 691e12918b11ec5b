import Testing

@testable import TTHCDomain

@Suite struct DueDateRuleTests {
    let calendar = Holidays.calendar

    func dueDate(_ received: String, _ days: Int, pauses: [DueDateRule.Pause] = []) -> LocalDate? {
        DueDateRule.dueDate(receivedOn: .iso(received), processingDays: days, pauses: pauses, calendar: calendar)
    }

    @Test func countingStartsTheNextWorkingDay() {
        // Monday 3 March 2025, 10 days: Tue 4 … Fri 14 is nine, Monday 17 the tenth.
        #expect(dueDate("2025-03-03", 10) == .iso("2025-03-17"))
        // Received on a Saturday: Monday is the first day.
        #expect(dueDate("2025-03-08", 1) == .iso("2025-03-10"))
        #expect(dueDate("2025-03-03", 0) == .iso("2025-03-03"))
    }

    @Test func dueDateSkipsTet2025() {
        // Friday 24 January, 5 days: Mon 27 – Fri 31 off, the weekend, then Mon 3 … Fri 7 February.
        #expect(dueDate("2025-01-24", 5) == .iso("2025-02-07"))
        // Wednesday 22 January, 3 days: Thu 23, Fri 24, Mon 3 February.
        #expect(dueDate("2025-01-22", 3) == .iso("2025-02-03"))
    }

    @Test func dueDateSkipsTet2026() {
        // Thursday 12 February, 3 days: Fri 13, then Sat 14 – Sun 22 off, Mon 23, Tue 24.
        #expect(dueDate("2026-02-12", 3) == .iso("2026-02-24"))
        #expect(dueDate("2026-02-13", 1) == .iso("2026-02-23"))
    }

    @Test func theMakeUpSaturdayOf4May2024CanBeTheDueDate() {
        // Friday 26 April 2024: Sat 27 – Wed 1 May off, Thu 2, Fri 3, Sat 4 (worked), Mon 6.
        #expect(dueDate("2024-04-26", 2) == .iso("2024-05-03"))
        #expect(dueDate("2024-04-26", 3) == .iso("2024-05-04"))
        #expect(dueDate("2024-04-26", 4) == .iso("2024-05-06"))
    }

    @Test func theMakeUpSaturdayOf26April2025CountsBeforeTheMayBridge() {
        // Thursday 24 April 2025: Fri 25, Sat 26 (worked).
        #expect(dueDate("2025-04-24", 2) == .iso("2025-04-26"))
        // Friday 25 April: Sat 26, Mon 28, Tue 29, then Wed 30 – Sun 4 May off, Mon 5 May.
        #expect(dueDate("2025-04-25", 3) == .iso("2025-04-29"))
        #expect(dueDate("2025-04-25", 4) == .iso("2025-05-05"))
    }

    @Test func aPauseStopsTheClockFromTheDayAfterTheRequestThroughTheDayOfTheSupplement() {
        // Monday 3 March 2025, 10 days, supplement requested Wed 5 and received Mon 10: Thu 6, Fri 7
        // and Mon 10 are paused; Tue 4 and Wed 5 are days 1 and 2, Tue 11 day 3 … Thu 20 day 10.
        let pause: DueDateRule.Pause = (from: .iso("2025-03-05"), to: .iso("2025-03-10"))
        #expect(dueDate("2025-03-03", 10, pauses: [pause]) == .iso("2025-03-20"))
    }

    @Test func aPauseOverTetCostsOnlyItsWorkingDays() {
        // Monday 20 January 2025, 5 days, paused Wed 22 January → Wed 5 February: the paused working
        // days are Thu 23, Fri 24, Mon 3, Tue 4 and Wed 5; Tết's days cost nothing more.
        // Tue 21 and Wed 22 are days 1–2, Thu 6, Fri 7, Mon 10 February days 3–5.
        let pause: DueDateRule.Pause = (from: .iso("2025-01-22"), to: .iso("2025-02-05"))
        #expect(dueDate("2025-01-20", 5, pauses: [pause]) == .iso("2025-02-10"))
    }

    @Test func aPauseOpenedAndClosedOnTheSameDayCostsNothing() {
        let pause: DueDateRule.Pause = (from: .iso("2025-03-05"), to: .iso("2025-03-05"))
        #expect(dueDate("2025-03-03", 10, pauses: [pause]) == .iso("2025-03-17"))
    }

    @Test func overlappingPausesAreCountedOnce() {
        // Paused (5, 10] and (7, 12] March: together Thu 6 … Wed 12, five working days.
        let pauses: [DueDateRule.Pause] = [
            (from: .iso("2025-03-07"), to: .iso("2025-03-12")),
            (from: .iso("2025-03-05"), to: .iso("2025-03-10")),
        ]
        #expect(dueDate("2025-03-03", 10, pauses: pauses) == .iso("2025-03-24"))
    }

    @Test func twoSeparatePausesAddUp() {
        // Paused Thu 6 – Fri 7 and Wed 12 – Thu 13 March: four working days after Monday 17.
        let pauses: [DueDateRule.Pause] = [
            (from: .iso("2025-03-11"), to: .iso("2025-03-13")),
            (from: .iso("2025-03-05"), to: .iso("2025-03-07")),
        ]
        #expect(dueDate("2025-03-03", 10, pauses: pauses) == .iso("2025-03-21"))
    }

    @Test func anOpenPauseLeavesTheDueDateUnknown() {
        let pause: DueDateRule.Pause = (from: .iso("2025-03-05"), to: nil)
        #expect(dueDate("2025-03-03", 10, pauses: [pause]) == nil)
    }

    @Test func aPauseAfterTheDueDateWasReachedDoesNotMoveIt() {
        // Due Wednesday 5 March; a supplement requested on that day or later changes nothing.
        #expect(dueDate("2025-03-03", 2, pauses: [(from: .iso("2025-03-05"), to: nil)]) == .iso("2025-03-05"))
        #expect(
            dueDate("2025-03-03", 2, pauses: [(from: .iso("2025-03-10"), to: .iso("2025-03-20"))])
                == .iso("2025-03-05"))
    }

    @Test func daysBeforeTheReceiptAreNeverPaused() {
        // A pause recorded from before the receipt only stops the clock from the receipt on:
        // paused through Wed 5 March, so Thu 6 is day 1 and Fri 7 day 2.
        let pause: DueDateRule.Pause = (from: .iso("2025-02-25"), to: .iso("2025-03-05"))
        #expect(dueDate("2025-03-03", 2, pauses: [pause]) == .iso("2025-03-07"))
    }

    @Test func aGivenDueDateLaterThanTheLedgersIsFlagged() {
        let ledgers = LocalDate.iso("2025-02-07")
        #expect(DueDateRule.givenDueDate(.iso("2025-02-10"), exceeds: ledgers))
        #expect(!DueDateRule.givenDueDate(.iso("2025-02-07"), exceeds: ledgers))
        #expect(!DueDateRule.givenDueDate(.iso("2025-02-06"), exceeds: ledgers))
        #expect(!DueDateRule.givenDueDate(nil, exceeds: ledgers))
        #expect(!DueDateRule.givenDueDate(.iso("2025-02-10"), exceeds: nil))
    }
}
