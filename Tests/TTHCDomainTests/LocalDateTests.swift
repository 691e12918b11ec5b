import Testing

@testable import TTHCDomain

@Suite struct LocalDateTests {
    @Test func theEpochIsDayZeroAndAThursday() {
        let epoch = LocalDate(year: 1970, month: 1, day: 1)
        #expect(epoch?.dayNumber == 0)
        #expect(epoch?.weekday == 4)
        #expect(LocalDate(dayNumber: -1).description == "1969-12-31")
        #expect(LocalDate(dayNumber: -1).weekday == 3)
    }

    @Test func knownDatesHaveTheirDayNumbersAndWeekdays() {
        #expect(LocalDate(year: 2000, month: 3, day: 1)?.dayNumber == 11_017)
        #expect(LocalDate(year: 2025, month: 1, day: 1)?.dayNumber == 20_089)
        #expect(LocalDate(year: 2025, month: 1, day: 1)?.weekday == 3)
        #expect(LocalDate(year: 2025, month: 4, day: 15)?.dayNumber == 20_193)
        #expect(LocalDate(year: 2025, month: 4, day: 15)?.weekday == 2)
        #expect(LocalDate(year: 2025, month: 1, day: 27)?.weekday == 1)
        #expect(LocalDate(year: 2025, month: 4, day: 26)?.weekday == 6)
        #expect(LocalDate(year: 2026, month: 2, day: 22)?.weekday == 7)
        #expect(LocalDate(year: 0, month: 3, day: 1)?.dayNumber == -719_468)
    }

    @Test func everyDayFrom1600To2400RoundTripsThroughItsComponents() {
        // Walk day by day with month lengths alone, away from the epoch in both directions, and
        // check the arithmetic agrees with the walk on every day.
        var (year, month, day) = (1970, 1, 1)
        var weekday = 4
        for dayNumber in Int32(0)...Int32(157_000) {
            let date = LocalDate(dayNumber: dayNumber)
            guard date.components == (year, month, day), date.weekday == weekday,
                LocalDate(year: year, month: month, day: day) == date
            else {
                Issue.record("day \(dayNumber): \(date) is not \(year)-\(month)-\(day) weekday \(weekday)")
                return
            }
            day += 1
            if day > LocalDate.daysInMonth(month, year: year) {
                (month, day) = (month + 1, 1)
                if month > 12 { (year, month) = (year + 1, 1) }
            }
            weekday = weekday % 7 + 1
        }
        #expect(year == 2399)

        (year, month, day) = (1970, 1, 1)
        weekday = 4
        for dayNumber in stride(from: Int32(0), through: -135_000, by: -1) {
            let date = LocalDate(dayNumber: dayNumber)
            guard date.components == (year, month, day), date.weekday == weekday,
                LocalDate(year: year, month: month, day: day) == date
            else {
                Issue.record("day \(dayNumber): \(date) is not \(year)-\(month)-\(day) weekday \(weekday)")
                return
            }
            day -= 1
            if day < 1 {
                month -= 1
                if month < 1 { (year, month) = (year - 1, 12) }
                day = LocalDate.daysInMonth(month, year: year)
            }
            weekday = weekday == 1 ? 7 : weekday - 1
        }
        #expect(year == 1600)
    }

    @Test func daysThatDoNotExistAreRejected() {
        #expect(LocalDate(year: 2025, month: 2, day: 30) == nil)
        #expect(LocalDate(year: 2025, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2025, month: 4, day: 31) == nil)
        #expect(LocalDate(year: 2025, month: 13, day: 1) == nil)
        #expect(LocalDate(year: 2025, month: 0, day: 1) == nil)
        #expect(LocalDate(year: 2025, month: 1, day: 0) == nil)
        #expect(LocalDate(year: 2024, month: 2, day: 29)?.description == "2024-02-29")
        #expect(LocalDate(year: 2000, month: 2, day: 29)?.description == "2000-02-29")
    }

    @Test func isoTextRoundTripsAndMalformedTextIsRejected() {
        #expect(LocalDate(iso: "2025-04-15")?.description == "2025-04-15")
        #expect(LocalDate(iso: "2025-04-15") == LocalDate(year: 2025, month: 4, day: 15))
        #expect(LocalDate(iso: "0999-01-01")?.description == "0999-01-01")
        for malformed in [
            "2025-02-30", "2025-4-15", "2025-04-15 ", " 2025-04-15", "2025/04/15", "20250415", "+025-04-15",
            "2025-0a-15", "", "2025-04-150",
        ] {
            #expect(LocalDate(iso: malformed) == nil, "\(malformed)")
        }
    }

    @Test func compactTextRoundTripsAndTheThirtiethOfFebruaryIsRejected() {
        #expect(LocalDate(compact: "20250415")?.description == "2025-04-15")
        #expect(LocalDate(compact: "20240229")?.compactDescription == "20240229")
        for malformed in ["20250230", "20251301", "20250400", "2025041", "202504155", "2025-04-15", "2025041a"] {
            #expect(LocalDate(compact: malformed) == nil, "\(malformed)")
        }
    }

    @Test func addingDaysCrossesMonthsLeapDaysAndYears() {
        #expect(LocalDate.iso("2024-02-28").adding(days: 1) == .iso("2024-02-29"))
        #expect(LocalDate.iso("2024-02-28").adding(days: 2) == .iso("2024-03-01"))
        #expect(LocalDate.iso("2025-02-28").adding(days: 1) == .iso("2025-03-01"))
        #expect(LocalDate.iso("2024-12-31").adding(days: 1) == .iso("2025-01-01"))
        #expect(LocalDate.iso("2025-01-01").adding(days: -1) == .iso("2024-12-31"))
        #expect(LocalDate.iso("2025-01-24").days(to: .iso("2025-02-03")) == 10)
    }

    @Test func datesOrderByDay() {
        #expect(LocalDate.iso("2024-12-31") < .iso("2025-01-01"))
        #expect(LocalDate.iso("1969-12-31") < .iso("1970-01-01"))
        #expect(!(LocalDate.iso("2025-01-01") < .iso("2025-01-01")))
        #expect(
            [LocalDate.iso("2025-03-01"), .iso("2024-05-04"), .iso("2025-01-27")].sorted() == [
                .iso("2024-05-04"), .iso("2025-01-27"), .iso("2025-03-01"),
            ])
    }
}
