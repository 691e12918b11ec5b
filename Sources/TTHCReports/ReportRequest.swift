import Ledger
import TTHCDomain

/// Which report for which period: what `tthc report`, `trace` and `report diff` are asked for.
public enum ReportRequest: Sendable, Hashable {
    case quarterly(year: Int, quarter: Int)
    case monthly(year: Int, month: Int)

    /// `quarterly` or `monthly`: the `kind` of its `ReportIssued` event.
    public var kind: String {
        switch self {
        case .quarterly: "quarterly"
        case .monthly: "monthly"
        }
    }

    /// The period, or `nil` for an impossible month or quarter.
    public var period: ReportPeriod? {
        switch self {
        case .quarterly(let year, let quarter): ReportPeriod.quarter(year: year, quarter: quarter)
        case .monthly(let year, let month): ReportPeriod.month(year: year, month: month)
        }
    }

    /// Computes the report over `state` at `position`.
    public func compute(state: DomainState, position: LedgerPosition) throws -> ComputedReport {
        guard let period else {
            throw LedgerError(.invalidInput, "no such \(kind) period: \(self)")
        }
        switch self {
        case .quarterly:
            return .quarterly(try QuarterlyReport.compute(state: state, position: position, period: period))
        case .monthly:
            return .monthly(try MonthlyReport.compute(state: state, position: position, period: period))
        }
    }
}

/// A computed report of either kind.
public enum ComputedReport: Sendable, Equatable {
    case quarterly(QuarterlyReport)
    case monthly(MonthlyReport)

    public var position: LedgerPosition {
        switch self {
        case .quarterly(let report): report.position
        case .monthly(let report): report.position
        }
    }

    public func json() -> JSONValue {
        switch self {
        case .quarterly(let report): report.json()
        case .monthly(let report): report.json()
        }
    }

    /// The rendered bytes of `format`.
    public func render(_ format: ReportFormat, language: ReportLanguage = .vi) -> [UInt8] {
        switch self {
        case .quarterly(let report): ReportRenderer.render(report, format: format, language: language)
        case .monthly(let report): ReportRenderer.render(report, format: format, language: language)
        }
    }

    /// SHA-256 of the rendered JSON: what `ReportIssued.jsonSha256` records.
    public var jsonDigest: String { sha256Hex(render(.json)) }

    /// Every figure as a flat list of paths and values (`rows.000.00.31.H23.resolved.late` = 3),
    /// for comparing an issued report with the same report now.
    public func figures() -> [(path: String, value: String)] {
        var result = [(path: String, value: String)]()
        func walk(_ value: JSONValue, _ path: String) {
            switch value {
            case .object(let members):
                for (key, member) in members
                where !["report", "form", "ledger", "period"].contains(key) || !path.isEmpty {
                    walk(member, path.isEmpty ? key : path + "." + key)
                }
            case .array(let items):
                for (index, item) in items.enumerated() {
                    var name = String(index)
                    if case .object(let members) = item,
                        let id = members.first(where: { $0.0 == "unit" || $0.0 == "id" })?.1,
                        case .string(let text) = id
                    {
                        name = text
                    }
                    walk(item, path + "[" + name + "]")
                }
            default:
                result.append((path, value.serialized()))
            }
        }
        walk(json(), "")
        return result
    }
}

extension ReportRequest {
    /// The request of a `ReportIssued` event: kind `quarterly` with period `2025-Q2`, or kind
    /// `monthly` with period `2025-05`.
    public init?(kind: String, label: String) {
        let parts = label.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]) else { return nil }
        switch kind {
        case "quarterly":
            guard parts[1].hasPrefix("Q"), let quarter = Int(parts[1].dropFirst()) else { return nil }
            self = .quarterly(year: year, quarter: quarter)
        case "monthly":
            guard let month = Int(parts[1]) else { return nil }
            self = .monthly(year: year, month: month)
        default:
            return nil
        }
        guard period != nil else { return nil }
    }
}
