import Testing

@testable import TTHCDomain

@Suite struct WorkingCalendarTests {
    let calendar = Holidays.calendar

    @Test func weekdaysWorkUnlessDeclaredOffAndMakeUpSaturdaysWork() {
        #expect(calendar.isWorkingDay(.iso("2025-01-24")))  // Friday before Tết
        #expect(!calendar.isWorkingDay(.iso("2025-01-27")))  // Monday of Tết
        #expect(!calendar.isWorkingDay(.iso("2025-01-31")))
        #expect(calendar.isWorkingDay(.iso("2025-02-03")))
        #expect(!calendar.isWorkingDay(.iso("2025-04-07")))  // Hùng Kings
        #expect(calendar.isWorkingDay(.iso("2025-04-26")))  // make-up Saturday
        #expect(!calendar.isWorkingDay(.iso("2025-04-19")))  // an ordinary Saturday
        #expect(!calendar.isWorkingDay(.iso("2025-04-27")))  // Sunday
        #expect(calendar.isWorkingDay(.iso("2024-05-04")))  // make-up Saturday
        #expect(!calendar.isWorkingDay(.iso("2024-04-29")))  // the Monday it pays for
        #expect(!calendar.isWorkingDay(.iso("2026-02-20")))  // Friday of Tết 2026
    }

    @Test func theNextWorkingDayJumpsOverTetAndLandsOnMakeUpSaturdays() {
        #expect(calendar.nextWorkingDay(after: .iso("2025-01-24")) == .iso("2025-02-03"))
        #expect(calendar.nextWorkingDay(after: .iso("2026-02-13")) == .iso("2026-02-23"))
        #expect(calendar.nextWorkingDay(after: .iso("2025-04-25")) == .iso("2025-04-26"))
        #expect(calendar.nextWorkingDay(after: .iso("2025-04-26")) == .iso("2025-04-28"))
        #expect(calendar.nextWorkingDay(after: .iso("2025-04-29")) == .iso("2025-05-05"))
    }

    @Test func addingNoWorkingDaysIsTheSameDateEvenOnAHoliday() {
        #expect(calendar.addingWorkingDays(0, to: .iso("2025-01-28")) == .iso("2025-01-28"))
        #expect(calendar.addingWorkingDays(0, to: .iso("2025-03-08")) == .iso("2025-03-08"))
    }

    @Test func withoutDeclarationsTheWeekHasFiveWorkingDays() {
        let plain = WorkingCalendar()
        #expect(plain.addingWorkingDays(5, to: .iso("2025-03-03")) == .iso("2025-03-10"))
        #expect(plain.addingWorkingDays(6, to: .iso("2025-03-08")) == .iso("2025-03-17"))
        #expect(plain.addingWorkingDays(1, to: .iso("2025-03-07")) == .iso("2025-03-10"))
        #expect(plain.workingDays(from: .iso("2025-03-01"), through: .iso("2025-03-31")) == 21)
    }

    @Test func aWholeYearOfWorkingDaysEndsOnItsLastWorkingDay() {
        // 2025: 261 weekdays, 12 of them declared off, one make-up Saturday.
        #expect(calendar.workingDays(from: .iso("2025-01-01"), through: .iso("2025-12-31")) == 250)
        #expect(calendar.addingWorkingDays(250, to: .iso("2024-12-31")) == .iso("2025-12-31"))
        #expect(calendar.addingWorkingDays(251, to: .iso("2024-12-31")) == .iso("2026-01-02"))
        // 2024: 262 weekdays, 12 off, one make-up Saturday; 2026: 261, 12 off, one.
        #expect(calendar.workingDays(from: .iso("2024-01-01"), through: .iso("2024-12-31")) == 251)
        #expect(calendar.workingDays(from: .iso("2026-01-01"), through: .iso("2026-12-31")) == 250)
    }

    @Test func workingDaysInAMonthCountHolidaysAndMakeUpDays() {
        // January 2025: 23 weekdays less New Year and the five days of Tết.
        #expect(calendar.workingDays(from: .iso("2025-01-01"), through: .iso("2025-01-31")) == 17)
        // April 2025: 22 weekdays less 7/4 and 30/4, plus Saturday 26/4.
        #expect(calendar.workingDays(from: .iso("2025-04-01"), through: .iso("2025-04-30")) == 21)
        #expect(calendar.workingDays(from: .iso("2025-04-26"), through: .iso("2025-04-26")) == 1)
        #expect(calendar.workingDays(from: .iso("2025-01-27"), through: .iso("2025-02-02")) == 0)
        #expect(calendar.workingDays(from: .iso("2025-02-03"), through: .iso("2025-01-31")) == 0)
    }

    @Test func theLatestDeclarationOfADayWins() {
        var calendar = WorkingCalendar()
        let monday = LocalDate.iso("2025-03-03")
        calendar.declareHoliday(monday)
        #expect(!calendar.isWorkingDay(monday))
        calendar.declareWorkday(monday)
        #expect(calendar.isWorkingDay(monday))
        #expect(calendar.holidays.isEmpty)
        #expect(calendar.workdays == [monday])
        #expect(calendar == WorkingCalendar(holidays: [monday], workdays: [monday]))
        calendar.declareHoliday(monday)
        #expect(calendar.addingWorkingDays(1, to: .iso("2025-02-28")) == .iso("2025-03-04"))
    }

    @Test func aHolidayOnASundayChangesNoCount() {
        var calendar = WorkingCalendar()
        calendar.declareHoliday(.iso("2025-03-09"))
        #expect(calendar.holidays == [.iso("2025-03-09")])
        #expect(calendar.workingDays(from: .iso("2025-03-03"), through: .iso("2025-03-16")) == 10)
        #expect(calendar.addingWorkingDays(5, to: .iso("2025-03-07")) == .iso("2025-03-14"))
    }

    @Test func fastCountingAgreesWithWalkingDayByDayAcross2024To2026() {
        let first = LocalDate.iso("2023-12-01")
        let last = LocalDate.iso("2027-01-10")
        var start = first
        while start <= last {
            for n in [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 22, 30, 45] {
                var expected = start
                var left = n
                while left > 0 {
                    expected = expected.adding(days: 1)
                    if calendar.isWorkingDay(expected) { left -= 1 }
                }
                let actual = calendar.addingWorkingDays(n, to: start)
                let counted = calendar.workingDays(from: start.adding(days: 1), through: actual)
                guard actual == expected, counted == n else {
                    Issue.record("\(start) + \(n) working days: \(actual) (counting \(counted)), expected \(expected)")
                    return
                }
            }
            start = start.adding(days: 1)
        }
    }
}
