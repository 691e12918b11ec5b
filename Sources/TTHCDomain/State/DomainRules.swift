/// Bounds every recorded date must respect (SPEC §2: dates outside 2000–2100 are refused).
enum DomainRules {
    static let earliest = VietnamTime.utcMicroseconds(startOf: LocalDate(year: 2000, month: 1, day: 1)!)
    static let latest = VietnamTime.utcMicroseconds(startOf: LocalDate(year: 2101, month: 1, day: 1)!) - 1

    static func yearProblem(_ microseconds: Int64) -> String? {
        (earliest...latest).contains(microseconds) ? nil : "is outside the years 2000–2100"
    }

    /// Whether `text` is empty or holds only tabs and spaces (Unicode category Zs): the characters
    /// Foundation's `CharacterSet.whitespaces` trims.
    ///
    /// Checked on every required field of every event: trimming through Foundation bridged each
    /// string to `NSString` and cost more than the rest of the validation together.
    static func isBlank(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                if scalar != " " && scalar != "\t" { return false }
            } else if scalar.properties.generalCategory != .spaceSeparator {
                return false
            }
        }
        return true
    }

    static func dateProblem(_ text: String) -> String? {
        guard let day = LocalDate(iso: text) else { return "is not a date yyyy-MM-dd" }
        return (2000...2100).contains(day.year) ? nil : "is outside the years 2000–2100"
    }
}
