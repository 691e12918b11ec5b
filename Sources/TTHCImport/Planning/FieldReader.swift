import TTHCDomain

/// An instant read from a portal column: its value and the text it was written as.
struct PortalInstant: Equatable {
    /// UTC microseconds.
    var micros: Int64
    /// `yyyyMMddHHmmss`, local time, as in the file.
    var text: String
}

/// Reads typed values out of a row's columns, collecting one problem per bad column.
///
/// Every accessor returns `nil` (or the default) when the column is absent or bad, and records
/// why in ``problems``; a planner reads all the columns it needs first, then looks at
/// ``problems`` once, so a row with several faults reports them all.
struct FieldReader {
    let row: SourceRow
    private(set) var problems: [RowProblem]

    /// The longest code (unit, procedure, dossier, task) accepted, in bytes: event ids and
    /// stream names built from codes must stay within the ledger's 400-byte field limit.
    static let maximumCodeLength = 100

    init(_ row: SourceRow) {
        self.row = row
        problems = row.problems
    }

    mutating func fail(_ field: String, _ reason: String) {
        problems.append(RowProblem(field, reason))
    }

    var isValid: Bool { problems.isEmpty }

    /// The trimmed text of a column; `nil` when absent, empty, or not a scalar.
    mutating func text(_ column: String) -> String? {
        if let kind = row.malformed[column] {
            fail(column, "is \(kind), not a string or a number")
            return nil
        }
        if row.lists[column] != nil {
            fail(column, "is a list, not a string or a number")
            return nil
        }
        return row.fields[column]
    }

    mutating func required(_ column: String) -> String? {
        let value = text(column)
        if value == nil && row.malformed[column] == nil && row.lists[column] == nil { fail(column, "is required") }
        return value
    }

    /// A code (unit, procedure, dossier, task): no control characters, at most
    /// ``maximumCodeLength`` bytes.
    mutating func code(_ column: String, required: Bool = true, maximumLength: Int = maximumCodeLength) -> String? {
        guard let value = required ? self.required(column) : text(column) else { return nil }
        if value.utf8.count > maximumLength {
            fail(column, "is longer than \(maximumLength) bytes")
            return nil
        }
        if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            fail(column, "contains a control character")
            return nil
        }
        return value
    }

    /// A portal instant `yyyyMMddHHmmss`, local time, in the years 2000–2100.
    mutating func instant(_ column: String, required: Bool = false) -> PortalInstant? {
        guard let value = required ? self.required(column) : text(column) else { return nil }
        return Self.instant(value, column: column, problems: &problems)
    }

    static func instant(_ value: String, column: String, problems: inout [RowProblem]) -> PortalInstant? {
        guard let micros = VietnamTime.parsePortal(value) else {
            problems.append(RowProblem(column, "\(value) is not a date and time yyyyMMddHHmmss"))
            return nil
        }
        guard let date = LocalDateTime(portal: value)?.date, ImportDates.years.contains(date.year) else {
            problems.append(RowProblem(column, "\(value) is outside the years 2000–2100"))
            return nil
        }
        return PortalInstant(micros: micros, text: value)
    }

    /// A day `yyyyMMdd` in the years 2000–2100.
    mutating func compactDate(_ column: String, required: Bool = false) -> LocalDate? {
        guard let value = required ? self.required(column) : text(column) else { return nil }
        guard let date = LocalDate(compact: value) else {
            fail(column, "\(value) is not a date yyyyMMdd")
            return nil
        }
        return checkYear(date, value, column)
    }

    /// A day `yyyy-MM-dd` in the years 2000–2100.
    mutating func isoDate(_ column: String, required: Bool = false) -> LocalDate? {
        guard let value = required ? self.required(column) : text(column) else { return nil }
        guard let date = LocalDate(iso: value) else {
            fail(column, "\(value) is not a date yyyy-MM-dd")
            return nil
        }
        return checkYear(date, value, column)
    }

    private mutating func checkYear(_ date: LocalDate, _ value: String, _ column: String) -> LocalDate? {
        guard ImportDates.years.contains(date.year) else {
            fail(column, "\(value) is outside the years 2000–2100")
            return nil
        }
        return date
    }

    /// A 0/1 flag (`true`/`false` also accepted from JSON); absent is `false`.
    mutating func flag(_ column: String) -> Bool {
        guard let value = text(column) else { return false }
        switch value {
        case "1", "true": return true
        case "0", "false": return false
        default:
            fail(column, "\(value) is not 0 or 1")
            return false
        }
    }

    /// A whole number 0…`maximum`; absent is `nil`.
    mutating func number<T: FixedWidthInteger>(
        _ column: String, as _: T.Type, required: Bool = false, maximum: T = T.max
    ) -> T? {
        guard let value = required ? self.required(column) : text(column) else { return nil }
        guard value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let number = T(value), number <= maximum
        else {
            fail(column, "\(value) is not a whole number from 0 to \(maximum)")
            return nil
        }
        return number
    }

    /// One of a few coded values, e.g. `KenhThucHien` 1, 2 or 3.
    mutating func choice<T>(_ column: String, _ choices: [String: T], expected: String, required: Bool = true) -> T? {
        guard let value = required ? self.required(column) : text(column) else { return nil }
        guard let choice = choices[value] else {
            fail(column, "\(value) is not \(expected)")
            return nil
        }
        return choice
    }
}

/// The date bounds of SPEC.md §2, and conversions of days to instants.
enum ImportDates {
    /// Recorded dates must fall in these years.
    static let years = 2000...2100

    /// 00:00 local time on `date`, in UTC microseconds: the instant a day-dated fact takes effect.
    static func startOf(_ date: LocalDate) -> Int64 {
        VietnamTime.utcMicroseconds(startOf: date)
    }
}
