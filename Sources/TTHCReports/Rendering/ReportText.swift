import Ledger
import TTHCDomain

/// How the human formats (Markdown, CSV, HTML) write values and the lines every report states.
///
/// Nothing here consults a locale or the clock: the same report gives the same text on any
/// machine, which is what lets a signed report be reproduced from its ledger position.
enum ReportText {
    /// A percentage rounded half away from zero to two decimals, or "—" for a rate whose
    /// denominator is 0 (SPEC §5.2).
    static func percent(_ value: Double?) -> String {
        value.map(JSONValue.formatDecimal2) ?? "—"
    }

    /// A percentage with its sign, for prose and chart labels: `87.5%`, or "—".
    static func percentSign(_ value: Double?) -> String {
        value.map { JSONValue.formatDecimal2($0) + "%" } ?? "—"
    }

    /// A date as the language writes it on forms: `15/03/2025` in Vietnamese, ISO 8601 in English
    /// (unambiguous for readers used to month-first dates).
    static func date(_ date: LocalDate, _ language: ReportLanguage) -> String {
        switch language {
        case .vi:
            let (year, month, day) = date.components
            return padded(day, 2) + "/" + padded(month, 2) + "/" + padded(year, 4)
        case .en:
            return date.description
        }
    }

    /// The reporting-period line of form 06's header: `Kỳ báo cáo: từ ngày 15/03/2025 đến ngày 14/06/2025`.
    static func periodLine(_ period: ReportPeriod, _ language: ReportLanguage) -> String {
        periodLabel(language) + ": " + periodRange(period, language)
    }

    /// `Kỳ báo cáo` / `Reporting period`.
    static func periodLabel(_ language: ReportLanguage) -> String {
        language == .vi ? "Kỳ báo cáo" : "Reporting period"
    }

    /// The period's dates: `từ ngày 15/03/2025 đến ngày 14/06/2025`, `from 2025-03-15 to 2025-06-14`.
    static func periodRange(_ period: ReportPeriod, _ language: ReportLanguage) -> String {
        switch language {
        case .vi: "từ ngày \(date(period.from, .vi)) đến ngày \(date(period.to, .vi))"
        case .en: "from \(date(period.from, .en)) to \(date(period.to, .en))"
        }
    }

    /// The period by its name: `Quý 2 năm 2025`, `Tháng 5 năm 2025`; `Quarter 2, 2025`, `May 2025`.
    static func periodName(_ period: ReportPeriod, _ language: ReportLanguage) -> String {
        switch (period.kind, language) {
        case (.quarter, .vi): "Quý \(period.number) năm \(period.year)"
        case (.month, .vi): "Tháng \(period.number) năm \(period.year)"
        case (.quarter, .en): "Quarter \(period.number), \(period.year)"
        case (.month, .en): "\(englishMonths[(period.number - 1) % 12]) \(period.year)"
        }
    }

    /// The ledger position the report was computed at, so anyone can recompute it with `--as-of`.
    static func positionLine(_ position: LedgerPosition, _ language: ReportLanguage) -> String {
        switch language {
        case .vi: "Vị trí sổ cái: seq \(position.seq), hash \(position.hashHex)"
        case .en: "Ledger position: seq \(position.seq), hash \(position.hashHex)"
        }
    }

    /// The group heading of a level on form 06: *Sở, ban, ngành*, *Cấp huyện*, *Cấp xã*.
    static func levelName(_ level: AdministrativeLevel, _ language: ReportLanguage) -> String {
        switch (level, language) {
        case (.province, .vi): "Sở, ban, ngành"
        case (.district, .vi): "Cấp huyện"
        case (.commune, .vi): "Cấp xã"
        case (.province, .en): "Departments"
        case (.district, .en): "District level"
        case (.commune, .en): "Commune level"
        }
    }

    /// The totals row's label.
    static func totalLabel(_ language: ReportLanguage) -> String {
        language == .vi ? "Tổng cộng" : "Total"
    }

    /// The roman numeral numbering a group of rows on Vietnamese forms (I, II, III …), for 1…39.
    static func romanNumeral(_ number: Int) -> String {
        let tens = ["", "X", "XX", "XXX"]
        let units = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
        guard (1...39).contains(number) else { return String(number) }
        return tens[number / 10] + units[number % 10]
    }

    /// Shortens `text` to at most `limit` characters by replacing its middle with "…": unit names
    /// share their beginnings (*UBND xã …*, *Sở …*) and differ at the end, so both ends are kept.
    static func truncated(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let tail = (limit - 1) * 2 / 5
        let head = limit - 1 - tail
        return String(text.prefix(head)) + "…" + String(text.suffix(tail))
    }

    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
