/// Bounds every recorded date must respect (SPEC §2: dates outside 2000–2100 are refused).
enum DomainRules {
    static let earliest = VietnamTime.utcMicroseconds(startOf: LocalDate(year: 2000, month: 1, day: 1)!)
    static let latest = VietnamTime.utcMicroseconds(startOf: LocalDate(year: 2101, month: 1, day: 1)!) - 1

    static func yearProblem(_ microseconds: Int64) -> String? {
        (earliest...latest).contains(microseconds) ? nil : "is outside the years 2000–2100"
    }

    static func dateProblem(_ text: String) -> String? {
        guard let day = LocalDate(iso: text) else { return "is not a date yyyy-MM-dd" }
        return (2000...2100).contains(day.year) ? nil : "is outside the years 2000–2100"
    }
}
