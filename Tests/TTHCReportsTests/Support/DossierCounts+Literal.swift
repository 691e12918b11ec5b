import TTHCReports
import Testing

extension DossierCounts {
    /// Form 06 figures stated in a test; every figure not named is 0.
    init(
        online: Int = 0, directOrPostal: Int = 0, carriedOver: Int = 0, early: Int = 0, onTime: Int = 0,
        late: Int = 0, withinDeadline: Int = 0, overdue: Int = 0
    ) {
        self.init()
        self.online = online
        self.directOrPostal = directOrPostal
        self.carriedOver = carriedOver
        self.early = early
        self.onTime = onTime
        self.late = late
        self.withinDeadline = withinDeadline
        self.overdue = overdue
    }
}

extension QuarterlyReport {
    /// The row of `unit`, if the report has one.
    func row(_ unit: String) -> Row? { rows.first { $0.unit == unit } }
}

extension MonthlyReport {
    /// The unit row of `unit`, if the report has one.
    func unit(_ code: String) -> UnitRow? { units.first { $0.unit == code } }

    /// The result of target `id`, if the period's year has it.
    func target(_ id: String) -> TargetResult? { targets.first { $0.target.id == id } }

    /// The status of plan task `id`.
    func taskStatus(_ id: String) -> PlanTaskResult.Status? { planTasks.first { $0.id == id }?.status }
}

/// Checks SPEC §5.1's identity, received.total = resolved.total + pending.total, on every row and
/// on the totals, and that the totals are the sums of the rows.
func expectRowIdentity(_ report: QuarterlyReport, sourceLocation: SourceLocation = #_sourceLocation) {
    for row in report.rows {
        #expect(
            row.counts.receivedTotal == row.counts.resolvedTotal + row.counts.pendingTotal,
            "row \(row.unit): \(row.counts)", sourceLocation: sourceLocation)
    }
    let totals = report.totals
    #expect(totals.receivedTotal == totals.resolvedTotal + totals.pendingTotal, sourceLocation: sourceLocation)
    for figure in DossierCounts.figureNames {
        let sum = report.rows.reduce(0) { $0 + ($1.counts.value(of: figure) ?? 0) }
        #expect(totals.value(of: figure) == sum, "totals.\(figure)", sourceLocation: sourceLocation)
    }
}
