import Foundation
import Testing

@testable import TTHCDomain

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The calendar's answers depend on nothing but its inputs: not the process's time zone, not the clock.
///
/// Serialized because the time-zone test changes the process environment; it restores it after.
@Suite(.serialized) struct CalendarIndependenceTests {
    /// Local dates, portal round trips, due dates and periods, written out for comparison.
    static func answers() -> [String] {
        let calendar = Holidays.calendar
        let halfPastMidnight = VietnamTime.parsePortal("20250415003000")
        let lateEvening = VietnamTime.parsePortal("20250126230000")
        return [
            "\(String(describing: halfPastMidnight))",
            "\(VietnamTime.localDate(utcMicroseconds: halfPastMidnight ?? 0))",
            "\(VietnamTime.localDate(utcMicroseconds: lateEvening ?? 0))",
            VietnamTime.formatPortal(utcMicroseconds: halfPastMidnight ?? 0),
            "\(String(describing: dueDate("2025-01-24", 5, calendar)))",
            "\(String(describing: dueDate("2026-02-12", 3, calendar)))",
            ReportPeriod.containing(VietnamTime.localDate(utcMicroseconds: halfPastMidnight ?? 0), kind: .quarter)
                .label,
        ]
    }

    static func dueDate(_ received: String, _ days: Int, _ calendar: WorkingCalendar) -> LocalDate? {
        DueDateRule.dueDate(receivedOn: .iso(received), processingDays: days, calendar: calendar)
    }

    /// Runs `body` with the process's `TZ` set to `zone`, restoring the previous value afterwards.
    static func withTimeZone<Result>(_ zone: String, _ body: () -> Result) -> Result {
        let previous = getenv("TZ").map { String(cString: $0) }
        setenv("TZ", zone, 1)
        tzset()
        defer {
            if let previous { setenv("TZ", previous, 1) } else { unsetenv("TZ") }
            tzset()
        }
        return body()
    }

    /// The hour the C library gives for 2025-04-14T17:30:00Z in the current zone.
    static func libcLocalHour() -> Int32 {
        var instant = time_t(1_744_651_800)
        var fields = tm()
        localtime_r(&instant, &fields)
        return fields.tm_hour
    }

    @Test func localDatesAndDueDatesAreTheSameWhateverTheProcessTimeZone() {
        // Kiritimati (UTC+14) and Pago Pago (UTC−11), in POSIX form so no zone database is needed:
        // 25 hours apart, so any leak of the process zone would move some date.
        let (farEast, farEastHour) = Self.withTimeZone("<+14>-14") { (Self.answers(), Self.libcLocalHour()) }
        let (farWest, farWestHour) = Self.withTimeZone("<-11>11") { (Self.answers(), Self.libcLocalHour()) }
        // The zone really changed for the process…
        #expect(farEastHour == 7)
        #expect(farWestHour == 6)
        // …and nothing the calendar computes did.
        #expect(farEast == farWest)
        #expect(
            farEast == [
                "Optional(1744651800000000)", "2025-04-15", "2025-01-26", "20250415003000",
                "Optional(2025-02-07)", "Optional(2026-02-24)", "2025-Q2",
            ])
    }

    @Test func theCalendarSourcesNeverAskForTheProcessZoneOrClock() throws {
        let domain = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/TTHCDomain")
        var checked: [String] = []
        for folder in ["Calendar", "Units"] {
            let directory = domain.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            for name in names where name.hasSuffix(".swift") {
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                for forbidden in ["TimeZone.current", "Date()", "Calendar.current"] {
                    #expect(!text.contains(forbidden), "\(folder)/\(name) uses \(forbidden)")
                }
                checked.append(name)
            }
        }
        #expect(
            Set(checked).isSuperset(of: [
                "LocalDate.swift", "LocalDateTime.swift", "VietnamTime.swift", "WorkingCalendar.swift",
                "DueDateRule.swift", "ReportPeriod.swift", "UnitRegistry.swift",
            ]))
    }
}
