import Ledger
import TTHCDomain

/// The quarterly TTHC-control report, form 06/VPCP/KSTT (SPEC §5.1): per competent unit, dossiers
/// received, resolved and pending in the quarter.
public struct QuarterlyReport: Sendable, Equatable {
    /// One unit's row.
    public struct Row: Sendable, Equatable {
        public var unit: String
        public var name: String
        public var level: AdministrativeLevel
        public var counts: DossierCounts
    }

    public var period: ReportPeriod
    public var position: LedgerPosition
    /// Units with a non-zero figure, by level then code.
    public var rows: [Row]
    public var totals: DossierCounts

    /// Computes the report from the domain state at `position`.
    public static func compute(
        state: DomainState, position: LedgerPosition, period: ReportPeriod
    ) throws
        -> QuarterlyReport
    {
        let context = try ReportContext(state: state, position: position, period: period)
        let byUnit = try PeriodTally.compute(context, daysInForce: nil).counts
        let rows = context.ordered(byUnit).filter { !$0.value.isZero }.map { entry in
            Row(
                unit: entry.unit, name: context.unitName(entry.unit), level: context.unitLevel(entry.unit),
                counts: entry.value)
        }
        let totals = rows.reduce(DossierCounts()) { $0 + $1.counts }
        return QuarterlyReport(period: period, position: position, rows: rows, totals: totals)
    }

    /// The JSON of SPEC §5.1, keys in the specified order.
    public func json() -> JSONValue {
        .object([
            ("report", .string("quarterly-tthc-control")),
            ("form", .string("06/VPCP/KSTT")),
            (
                "period",
                .object([
                    ("year", .int(period.year)), ("quarter", .int(period.number)),
                    ("from", .string(period.from.description)), ("to", .string(period.to.description)),
                ])
            ),
            ("ledger", .object([("seq", .int(position.seq)), ("hash", .string(position.hashHex))])),
            (
                "rows",
                .array(
                    rows.map { row in
                        .object(
                            [
                                ("unit", .string(row.unit)), ("name", .string(row.name)),
                                ("level", .string(row.level.rawValue)),
                            ] + Self.countsMembers(row.counts))
                    })
            ),
            ("totals", .object(Self.countsMembers(totals))),
        ])
    }

    static func countsMembers(_ counts: DossierCounts) -> [(String, JSONValue)] {
        [
            (
                "received",
                .object([
                    ("total", .int(counts.receivedTotal)), ("online", .int(counts.online)),
                    ("directOrPostal", .int(counts.directOrPostal)), ("carriedOver", .int(counts.carriedOver)),
                ])
            ),
            (
                "resolved",
                .object([
                    ("total", .int(counts.resolvedTotal)), ("early", .int(counts.early)),
                    ("onTime", .int(counts.onTime)), ("late", .int(counts.late)),
                ])
            ),
            (
                "pending",
                .object([
                    ("total", .int(counts.pendingTotal)), ("withinDeadline", .int(counts.withinDeadline)),
                    ("overdue", .int(counts.overdue)),
                ])
            ),
        ]
    }
}
