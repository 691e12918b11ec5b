import Testing

@testable import TTHCDomain

/// The public-sector days off and make-up days of 2024–2026, as DOMAIN.md's table declares them.
///
/// Ranges include their weekend days, as the declarations are written; the unconfirmed 2026
/// entries are included because the tests only need a plausible calendar, not the legal one.
enum Holidays {
    /// One line of the table: a run of days off, or a single make-up workday.
    struct Declaration {
        enum Kind { case holiday, workday }

        let kind: Kind
        let from: String
        let through: String
        let name: String
    }

    static let declarations: [Declaration] = [
        off("2024-01-01", "2024-01-01", "Tết Dương lịch"),
        off("2024-02-08", "2024-02-14", "Tết Nguyên đán"),
        off("2024-04-18", "2024-04-18", "Giỗ Tổ Hùng Vương"),
        off("2024-04-27", "2024-05-01", "30/4 – 1/5"),
        worked("2024-05-04", "Làm bù cho 29/4"),
        off("2024-08-31", "2024-09-03", "Quốc khánh"),

        off("2025-01-01", "2025-01-01", "Tết Dương lịch"),
        off("2025-01-25", "2025-02-02", "Tết Nguyên đán"),
        off("2025-04-07", "2025-04-07", "Giỗ Tổ Hùng Vương"),
        off("2025-04-30", "2025-05-04", "30/4 – 1/5"),
        worked("2025-04-26", "Làm bù cho 2/5"),
        off("2025-08-30", "2025-09-02", "Quốc khánh"),

        off("2026-01-01", "2026-01-01", "Tết Dương lịch"),
        off("2026-02-14", "2026-02-22", "Tết Nguyên đán"),
        off("2026-04-27", "2026-04-27", "Giỗ Tổ Hùng Vương"),
        off("2026-04-30", "2026-05-01", "30/4 – 1/5"),
        off("2026-08-29", "2026-09-02", "Quốc khánh"),
        worked("2026-08-22", "Làm bù cho 31/8"),
    ]

    /// The working calendar of 2024–2026, declarations applied in table order.
    static let calendar: WorkingCalendar = {
        var calendar = WorkingCalendar()
        for declaration in declarations {
            var day = LocalDate.iso(declaration.from)
            while day <= .iso(declaration.through) {
                switch declaration.kind {
                case .holiday: calendar.declareHoliday(day)
                case .workday: calendar.declareWorkday(day)
                }
                day = day.adding(days: 1)
            }
        }
        return calendar
    }()

    private static func off(_ from: String, _ through: String, _ name: String) -> Declaration {
        Declaration(kind: .holiday, from: from, through: through, name: name)
    }

    private static func worked(_ day: String, _ name: String) -> Declaration {
        Declaration(kind: .workday, from: day, through: day, name: name)
    }
}
