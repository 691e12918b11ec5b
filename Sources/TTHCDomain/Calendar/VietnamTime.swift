/// Conversions between UTC instants and Vietnamese local time (Asia/Ho_Chi_Minh).
///
/// Vietnam keeps UTC+07:00 all year with no daylight saving, so the conversion is a fixed offset
/// and needs no time-zone database. Doing it here, rather than through `TimeZone`, keeps every
/// local date the ledger computes identical on a laptop in Paris, a CI runner on UTC and a server
/// in Hà Nội. Instants are microseconds since 1970-01-01T00:00:00Z, as the ledger stores them.
///
/// ```swift
/// let receivedAt = VietnamTime.parsePortal("20250415003000")!   // 2025-04-14T17:30:00Z
/// VietnamTime.localDate(utcMicroseconds: receivedAt)             // 2025-04-15
/// ```
public enum VietnamTime {
    /// The offset of Vietnamese local time from UTC: +07:00.
    public static let utcOffsetSeconds = 25_200

    static let utcOffsetMicroseconds = Int64(utcOffsetSeconds) * LocalDateTime.microsecondsPerSecond

    /// The local calendar date at an instant.
    ///
    /// Rounds toward the past, also before 1970: one microsecond before local midnight is still the
    /// previous day.
    public static func localDate(utcMicroseconds: Int64) -> LocalDate {
        localDateTime(utcMicroseconds: utcMicroseconds).date
    }

    /// The local wall-clock reading at an instant.
    public static func localDateTime(utcMicroseconds: Int64) -> LocalDateTime {
        let perDay = LocalDateTime.microsecondsPerDay
        // Split before adding the offset so that no instant, however extreme, overflows.
        var day = utcMicroseconds / perDay
        var microsecondOfDay = utcMicroseconds % perDay
        if microsecondOfDay < 0 {
            day -= 1
            microsecondOfDay += perDay
        }
        microsecondOfDay += utcOffsetMicroseconds
        if microsecondOfDay >= perDay {
            day += 1
            microsecondOfDay -= perDay
        }
        return LocalDateTime(date: LocalDate(dayNumber: Int32(day)), microsecondOfDay: microsecondOfDay)
    }

    /// The instant of a local wall-clock reading.
    public static func utcMicroseconds(of reading: LocalDateTime) -> Int64 {
        Int64(reading.date.dayNumber) * LocalDateTime.microsecondsPerDay + reading.microsecondOfDay
            - utcOffsetMicroseconds
    }

    /// The instant local `date` begins: 00:00 in Vietnam, 17:00 UTC the day before.
    public static func utcMicroseconds(startOf date: LocalDate) -> Int64 {
        Int64(date.dayNumber) * LocalDateTime.microsecondsPerDay - utcOffsetMicroseconds
    }

    /// Parses the portal's local `yyyyMMddHHmmss` into an instant.
    ///
    /// `nil` unless it is exactly fourteen digits naming a real day (month 1–12, a day the month
    /// has) and time (hour < 24, minute and second < 60).
    public static func parsePortal(_ text: String) -> Int64? {
        LocalDateTime(portal: text).map(utcMicroseconds(of:))
    }

    /// Formats an instant as the portal's local `yyyyMMddHHmmss`, dropping sub-second digits.
    public static func formatPortal(utcMicroseconds: Int64) -> String {
        localDateTime(utcMicroseconds: utcMicroseconds).portalDescription
    }

    /// Formats an instant as ISO 8601 local time with its offset, `2025-04-15T00:30:00+07:00`.
    ///
    /// For people reading logs and reports: the wall-clock time the desk saw, unambiguous anywhere.
    public static func formatISO8601(utcMicroseconds: Int64) -> String {
        localDateTime(utcMicroseconds: utcMicroseconds).description + "+07:00"
    }
}
