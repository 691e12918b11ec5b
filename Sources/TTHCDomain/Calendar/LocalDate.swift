/// A calendar date with no time of day and no time zone, as it reads on a Vietnamese desk.
///
/// Every rule of the ledger — due dates, early/on time/late, report periods — compares local
/// *dates*, never instants, so the date is a value of its own: a count of days since 1970-01-01 in
/// the proleptic Gregorian calendar. Arithmetic is done by hand rather than through Foundation's
/// `Calendar`, which keeps it fast in projections and independent of the process's time zone.
///
/// ```swift
/// let receipt = LocalDate(iso: "2025-01-24")!
/// receipt.weekday            // 5 (Friday)
/// receipt.adding(days: 10)   // 2025-02-03
/// ```
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01; negative before it.
    ///
    /// This is the whole value: equality, order and hashing all follow it, and it is what
    /// projections store.
    public let dayNumber: Int32

    /// The years a date may be built from components in.
    ///
    /// Wide enough for any business date and for a year's arithmetic either side, narrow enough
    /// that every such date fits `dayNumber`.
    public static let supportedYears: ClosedRange<Int> = -5_000_000...5_000_000

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int32) {
        self.dayNumber = dayNumber
    }

    /// The date with these components, or `nil` if there is no such day (2025-02-30, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard Self.supportedYears.contains(year), (1...12).contains(month),
            day >= 1, day <= Self.daysInMonth(month, year: year)
        else { return nil }
        self.init(uncheckedYear: year, month: month, day: day)
    }

    /// Parses `yyyy-MM-dd` (ISO 8601 calendar date, as in calendar CSVs and report JSON).
    ///
    /// Exactly ten characters; anything else, or a day that does not exist, is `nil`.
    public init?(iso text: String) {
        guard let date = DecimalText.withBytes(of: text, Self.parseISO) else { return nil }
        self = date
    }

    /// Parses `yyyyMMdd`, the portal's date-only form (`NgayHieuLuc`, `HanHoanThanh`).
    ///
    /// Exactly eight digits; `20250230` is `nil` because 30 February does not exist.
    public init?(compact text: String) {
        guard let date = DecimalText.withBytes(of: text, { $0.count == 8 ? Self.parseCompact($0, at: 0) : nil })
        else { return nil }
        self = date
    }

    /// The date with these components, which the caller has already checked.
    init(uncheckedYear year: Int, month: Int, day: Int) {
        // Days from civil (H. Hinnant's algorithm): count from 0000-03-01 in 400-year eras so that
        // the leap day falls at the end of each computational year.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        self.dayNumber = Int32(era * 146_097 + dayOfEra - Self.daysFromYearZeroMarchToEpoch)
    }

    /// Reads `yyyy-MM-dd`, all of `bytes`; `nil` unless it names a real day.
    private static func parseISO(_ bytes: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = DecimalText.value(in: bytes, at: 0, count: 4),
            let month = DecimalText.value(in: bytes, at: 5, count: 2),
            let day = DecimalText.value(in: bytes, at: 8, count: 2)
        else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    /// Reads eight digits `yyyyMMdd` starting at `start`; `nil` unless they name a real day.
    static func parseCompact(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> LocalDate? {
        guard let year = DecimalText.value(in: bytes, at: start, count: 4),
            let month = DecimalText.value(in: bytes, at: start + 4, count: 2),
            let day = DecimalText.value(in: bytes, at: start + 6, count: 2)
        else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    /// Year, month (1–12) and day (1–31), computed together.
    public var components: (year: Int, month: Int, day: Int) {
        // Civil from days, the inverse of `init(uncheckedYear:month:day:)`.
        let shifted = Int(dayNumber) + Self.daysFromYearZeroMarchToEpoch
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// The year, e.g. 2025.
    public var year: Int { components.year }

    /// The month, 1 (January) to 12.
    public var month: Int { components.month }

    /// The day of the month, 1 to 31.
    public var day: Int { components.day }

    /// The ISO weekday: 1 is Monday, 7 is Sunday.
    ///
    /// ISO numbering, not Foundation's Sunday-first one, because the working week it tests is
    /// Monday to Friday: `weekday <= 5` is a weekday.
    public var weekday: Int {
        Self.weekday(ofDayNumber: Int(dayNumber))
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> LocalDate {
        LocalDate(dayNumber: Int32(Int(dayNumber) + days))
    }

    /// The number of days from this date to `other`: positive when `other` is later.
    public func days(to other: LocalDate) -> Int {
        Int(other.dayNumber) - Int(dayNumber)
    }

    /// `yyyy-MM-dd`, the form every report and log uses.
    public var description: String {
        let (year, month, day) = components
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        DecimalText.append(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        DecimalText.append(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        DecimalText.append(day, width: 2, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `yyyyMMdd`, the portal's date-only form.
    public var compactDescription: String {
        let (year, month, day) = components
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8)
        DecimalText.append(year, width: 4, to: &bytes)
        DecimalText.append(month, width: 2, to: &bytes)
        DecimalText.append(day, width: 2, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        lhs.dayNumber < rhs.dayNumber
    }

    /// Whether `year` has a 29 February in the proleptic Gregorian calendar.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` (1–12) of `year`.
    public static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The ISO weekday (1 Monday … 7 Sunday) of a day number; 1970-01-01 was a Thursday.
    @inline(__always)
    static func weekday(ofDayNumber dayNumber: Int) -> Int {
        let sinceMonday = (dayNumber + 3) % 7
        return (sinceMonday < 0 ? sinceMonday + 7 : sinceMonday) + 1
    }

    /// Days from 0000-03-01 to 1970-01-01.
    private static let daysFromYearZeroMarchToEpoch = 719_468
}
