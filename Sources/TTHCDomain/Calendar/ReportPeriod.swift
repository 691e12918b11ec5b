/// A reporting period (*kỳ báo cáo*): a month or quarter under the 15th-to-14th cut-off.
///
/// Periodic reports on administrative procedures are closed on the 14th so that they can reach the
/// province before the month ends (Decree 09/2019/NĐ-CP art. 12, as provinces apply it). Month M
/// therefore runs from the 15th of M−1 to the 14th of M, and a quarter from the 15th of the month
/// before it to the 14th of its last month. Both ends are inclusive local dates.
///
/// ```swift
/// ReportPeriod.quarter(year: 2025, quarter: 2)!   // 2025-Q2: 2025-03-15 … 2025-06-14
/// ReportPeriod.month(year: 2025, month: 1)!       // 2025-01: 2024-12-15 … 2025-01-14
/// ```
public struct ReportPeriod: Hashable, Sendable, CustomStringConvertible {
    /// How long a period runs.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The monthly TTHC-reform report's period.
        case month
        /// The quarterly TTHC-control report's period (form 06/VPCP/KSTT).
        case quarter
    }

    /// Month or quarter.
    public let kind: Kind

    /// The year the period is named after, which its last day falls in.
    public let year: Int

    /// The month (1–12) or quarter (1–4) within `year`.
    public let number: Int

    /// The first day, inclusive.
    public let from: LocalDate

    /// The last day, inclusive.
    public let to: LocalDate

    /// The period of month `month` (1–12) of `year`, or `nil` for a month that does not exist.
    public static func month(year: Int, month: Int) -> ReportPeriod? {
        guard (1...12).contains(month), let from = startOfPeriod(endingInMonth: month, year: year),
            let to = LocalDate(year: year, month: month, day: 14)
        else { return nil }
        return ReportPeriod(kind: .month, year: year, number: month, from: from, to: to)
    }

    /// The period of quarter `quarter` (1–4) of `year`, or `nil` for a quarter that does not exist.
    public static func quarter(year: Int, quarter: Int) -> ReportPeriod? {
        guard (1...4).contains(quarter),
            let from = startOfPeriod(endingInMonth: quarter * 3 - 2, year: year),
            let to = LocalDate(year: year, month: quarter * 3, day: 14)
        else { return nil }
        return ReportPeriod(kind: .quarter, year: year, number: quarter, from: from, to: to)
    }

    /// The period of `kind` that `date` falls in.
    ///
    /// From the 15th on, a date belongs to the next month's period: 2024-12-20 is in 2025-01 and in
    /// 2025-Q1.
    public static func containing(_ date: LocalDate, kind: Kind) -> ReportPeriod {
        var (year, month, day) = date.components
        if day >= 15 {
            if month == 12 {
                year += 1
                month = 1
            } else {
                month += 1
            }
        }
        let period: ReportPeriod? =
            switch kind {
            case .month: .month(year: year, month: month)
            case .quarter: .quarter(year: year, quarter: (month - 1) / 3 + 1)
            }
        guard let period else {
            preconditionFailure("no report period for \(date): its year is outside LocalDate.supportedYears")
        }
        return period
    }

    /// Whether `date` is within the period, both ends included.
    public func contains(_ date: LocalDate) -> Bool {
        from <= date && date <= to
    }

    /// The period's name in file names and report keys: `2025-05` for a month, `2025-Q2` for a quarter.
    public var label: String {
        var bytes: [UInt8] = []
        DecimalText.append(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        switch kind {
        case .month:
            DecimalText.append(number, width: 2, to: &bytes)
        case .quarter:
            bytes.append(UInt8(ascii: "Q"))
            DecimalText.append(number, width: 1, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The label followed by the dates, `2025-Q2 (2025-03-15 … 2025-06-14)`.
    public var description: String {
        "\(label) (\(from) … \(to))"
    }

    /// The 15th of the month before `month` of `year`, where a period ending in `month` starts.
    private static func startOfPeriod(endingInMonth month: Int, year: Int) -> LocalDate? {
        month == 1
            ? LocalDate(year: year - 1, month: 12, day: 15)
            : LocalDate(year: year, month: month - 1, day: 15)
    }
}
