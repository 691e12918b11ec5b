/// The public-sector working days: Monday to Friday, less declared holidays, plus make-up days.
///
/// Processing times are stated in working days (*ngày làm việc*), and which days those are is
/// decided year by year: Tết, the Hùng Kings' day and the bridges around 30/4–1/5 and 2/9 are
/// declared days off, and a bridge is often paid back by working a Saturday (2024-05-04,
/// 2025-04-26). The calendar holds only what was declared — it is built from `HolidayDeclared` and
/// `WorkdayDeclared` events — so that a due date can always be explained by the declarations in
/// force when it was computed.
///
/// It runs for every dossier in every projection, so the loops read a short sorted list of the days
/// that differ from the Monday–Friday rule instead of hashing each day they pass.
///
/// ```swift
/// var calendar = WorkingCalendar()
/// calendar.declareHoliday(LocalDate(iso: "2025-04-07")!)     // Hùng Kings' day
/// calendar.addingWorkingDays(1, to: LocalDate(iso: "2025-04-04")!)   // 2025-04-08
/// ```
public struct WorkingCalendar: Sendable, Equatable {
    /// Days declared off (*ngày nghỉ lễ, Tết*), including those that fall on a weekend.
    public private(set) var holidays: Set<LocalDate> = []

    /// Days declared worked (*ngày làm bù*), usually make-up Saturdays.
    public private(set) var workdays: Set<LocalDate> = []

    /// The days whose status differs from the Monday–Friday rule, sorted by day.
    ///
    /// A weekday holiday or a weekend workday; a holiday on a Sunday changes nothing and is not
    /// here. Kept sorted so that a loop walks it with a cursor.
    private var exceptions: [Exception] = []

    private struct Exception: Equatable, Sendable {
        var dayNumber: Int32
        var isWorkingDay: Bool
    }

    /// An empty calendar: every Monday to Friday is a working day.
    public init() {}

    /// A calendar with these declarations, holidays first, so a day in both lists is worked.
    public init(holidays: [LocalDate], workdays: [LocalDate] = []) {
        for date in holidays { declareHoliday(date) }
        for date in workdays { declareWorkday(date) }
    }

    /// Declares `date` a day off.
    ///
    /// The latest declaration of a day wins: declaring a day off that was declared worked makes it
    /// off again, which is how a revised declaration replays.
    public mutating func declareHoliday(_ date: LocalDate) {
        workdays.remove(date)
        holidays.insert(date)
        setException(date, isWorkingDay: false)
    }

    /// Declares `date` a working day, usually a make-up Saturday.
    ///
    /// The latest declaration wins, as for ``declareHoliday(_:)``.
    public mutating func declareWorkday(_ date: LocalDate) {
        holidays.remove(date)
        workdays.insert(date)
        setException(date, isWorkingDay: true)
    }

    /// Whether public offices work on `date`.
    public func isWorkingDay(_ date: LocalDate) -> Bool {
        let index = firstException(notBefore: date.dayNumber)
        if index < exceptions.count, exceptions[index].dayNumber == date.dayNumber {
            return exceptions[index].isWorkingDay
        }
        return date.weekday <= 5
    }

    /// The first working day strictly after `date`.
    public func nextWorkingDay(after date: LocalDate) -> LocalDate {
        addingWorkingDays(1, to: date)
    }

    /// The `n`-th working day after `date`, counting from the next working day.
    ///
    /// This is how processing time runs: a dossier received on Friday 24 January 2025 with one
    /// working day is due on Monday 3 February, after Tết. `n == 0` is `date` itself, whether or not
    /// it is a working day.
    ///
    /// - Precondition: `n >= 0`.
    public func addingWorkingDays(_ n: Int, to date: LocalDate) -> LocalDate {
        precondition(n >= 0, "a number of working days to add cannot be negative: \(n)")
        var day = Int(date.dayNumber)
        var weekday = date.weekday
        var next = firstException(notBefore: date.dayNumber + 1)
        var remaining = n
        while remaining > 0 {
            let nextException = next < exceptions.count ? Int(exceptions[next].dayNumber) : Int.max
            // Seven plain days hold exactly five working days; when the answer lies beyond them,
            // step over the whole week.
            if remaining > 5, nextException > day + 7 {
                day += 7
                remaining -= 5
                continue
            }
            day += 1
            weekday = weekday == 7 ? 1 : weekday + 1
            var isWorking = weekday <= 5
            if day == nextException {
                isWorking = exceptions[next].isWorkingDay
                next += 1
            }
            if isWorking {
                remaining -= 1
            }
        }
        return LocalDate(dayNumber: Int32(day))
    }

    /// The number of working days in `from...through`, both included; 0 when `from > through`.
    public func workingDays(from: LocalDate, through: LocalDate) -> Int {
        guard from <= through else { return 0 }
        var count =
            Self.weekdays(through: Int(through.dayNumber)) - Self.weekdays(through: Int(from.dayNumber) - 1)
        var index = firstException(notBefore: from.dayNumber)
        while index < exceptions.count, exceptions[index].dayNumber <= through.dayNumber {
            count += exceptions[index].isWorkingDay ? 1 : -1
            index += 1
        }
        return count
    }

    /// A running count of Mondays to Fridays: the difference of two values is the number in between.
    ///
    /// Counted from Monday 1970-01-05 (day 4), in whole weeks plus the weekdays of the last one.
    private static func weekdays(through dayNumber: Int) -> Int {
        let sinceMonday = dayNumber - 4
        var weeks = sinceMonday / 7
        var dayOfWeek = sinceMonday % 7
        if dayOfWeek < 0 {
            weeks -= 1
            dayOfWeek += 7
        }
        return weeks * 5 + min(dayOfWeek + 1, 5)
    }

    /// The index of the first exception on or after `dayNumber`.
    private func firstException(notBefore dayNumber: Int32) -> Int {
        var low = 0
        var high = exceptions.count
        while low < high {
            let middle = (low + high) / 2
            if exceptions[middle].dayNumber < dayNumber {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    private mutating func setException(_ date: LocalDate, isWorkingDay: Bool) {
        let index = firstException(notBefore: date.dayNumber)
        let isPresent = index < exceptions.count && exceptions[index].dayNumber == date.dayNumber
        let differsFromWeek = isWorkingDay != (date.weekday <= 5)
        switch (isPresent, differsFromWeek) {
        case (true, true): exceptions[index].isWorkingDay = isWorkingDay
        case (true, false): exceptions.remove(at: index)
        case (false, true):
            exceptions.insert(Exception(dayNumber: date.dayNumber, isWorkingDay: isWorkingDay), at: index)
        case (false, false): break
        }
    }
}
