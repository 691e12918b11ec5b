import Ledger
import TTHCDomain

/// The monthly TTHC-reform report: Resolution 66/NQ-CP progress (SPEC §5.2).
public struct MonthlyReport: Sendable, Equatable {
    /// A target and how far the province is.
    public struct TargetResult: Sendable, Equatable {
        public var target: ReformTarget
        public var actual: Double?
        public var met: Bool { actual.map { $0 >= Double(target.target) } ?? false }
    }

    /// A plan task's standing at the period's end.
    public struct PlanTaskResult: Sendable, Equatable {
        public enum Status: String, Sendable {
            case doneOnTime = "done-on-time"
            case doneLate = "done-late"
            case open
            case overdue
        }

        public var id: String
        public var title: String
        public var deadline: LocalDate
        public var completed: LocalDate?
        public var status: Status
    }

    /// One unit's dossier figures.
    public struct UnitRow: Sendable, Equatable {
        public var unit: String
        public var name: String
        public var level: AdministrativeLevel
        public var figures: MonthlyDossierFigures
    }

    public var period: ReportPeriod
    public var position: LedgerPosition
    public var procedures: ProcedureFigures
    public var dossiers: MonthlyDossierFigures
    public var targets: [TargetResult]
    public var planTasks: [PlanTaskResult]
    public var units: [UnitRow]

    /// Computes the report from the domain state at `position`.
    public static func compute(
        state: DomainState, position: LedgerPosition, period: ReportPeriod
    ) throws
        -> MonthlyReport
    {
        let context = try ReportContext(state: state, position: position, period: period)
        let allProcedures = try state.procedures()
        let procedures = ProcedureFigures.compute(
            allProcedures, on: period.to, timeTarget: ReformTarget.timeCutTarget(year: period.year))

        let byUnit = try PeriodTally.compute(context, daysInForce: ProcessingDaysInForce(allProcedures)).figures
        let units = context.ordered(byUnit).filter { !$0.value.isZero }.map { entry in
            UnitRow(
                unit: entry.unit, name: context.unitName(entry.unit), level: context.unitLevel(entry.unit),
                figures: entry.value)
        }
        let dossiers = units.reduce(MonthlyDossierFigures()) { $0 + $1.figures }

        let targets = ReformTarget.resolution66.filter { $0.year == period.year }.map { target in
            TargetResult(target: target, actual: actual(of: target.measure, procedures))
        }
        let planTasks = try state.planTasks().map { task in
            planTaskResult(task, asOf: period.to)
        }
        return MonthlyReport(
            period: period, position: position, procedures: procedures, dossiers: dossiers, targets: targets,
            planTasks: planTasks, units: units)
    }

    static func actual(of measure: ReformTarget.Measure, _ procedures: ProcedureFigures) -> Double? {
        switch measure {
        case .timeReduction: procedures.timeReductionPct
        case .costReduction: procedures.costReductionPct
        case .businessOnline: rate(procedures.businessOnline, procedures.businessRelated)
        case .locationIndependent: rate(procedures.locationIndependent, procedures.inForce)
        case .fullOnlineOfEligible: rate(procedures.onlineFull, procedures.onlineFull + procedures.onlinePartial)
        }
    }

    /// A task's status on `day`: completions after `day` are not yet known then.
    static func planTaskResult(_ task: PlanTaskState, asOf day: LocalDate) -> PlanTaskResult {
        let deadline = LocalDate(dayNumber: task.deadlineDay)
        let completed = task.completed ? LocalDate(dayNumber: task.completedDay) : nil
        let status: PlanTaskResult.Status
        if let completed, completed <= day {
            status = completed <= deadline ? .doneOnTime : .doneLate
        } else {
            status = deadline < day ? .overdue : .open
        }
        return PlanTaskResult(
            id: task.taskID, title: task.title, deadline: deadline,
            completed: completed.flatMap { $0 <= day ? $0 : nil },
            status: status)
    }

    /// The JSON of SPEC §5.2, keys in the specified order.
    public func json() -> JSONValue {
        .object([
            ("report", .string("monthly-tthc-reform")),
            (
                "period",
                .object([
                    ("year", .int(period.year)), ("month", .int(period.number)),
                    ("from", .string(period.from.description)), ("to", .string(period.to.description)),
                ])
            ),
            ("ledger", .object([("seq", .int(position.seq)), ("hash", .string(position.hashHex))])),
            ("procedures", .object(procedures.jsonMembers)),
            ("dossiers", .object(dossiers.jsonMembers)),
            (
                "targets",
                .array(
                    targets.map { result in
                        .object([
                            ("id", .string(result.target.id)), ("target", .int(result.target.target)),
                            ("actual", .optionalDecimal(result.actual)), ("met", .bool(result.met)),
                        ])
                    })
            ),
            (
                "planTasks",
                .array(
                    planTasks.map { task in
                        .object([
                            ("id", .string(task.id)), ("deadline", .string(task.deadline.description)),
                            ("status", .string(task.status.rawValue)),
                        ])
                    })
            ),
            (
                "units",
                .array(
                    units.map { row in
                        .object(
                            [
                                ("unit", .string(row.unit)), ("name", .string(row.name)),
                                ("level", .string(row.level.rawValue)),
                            ] + row.figures.jsonMembers)
                    })
            ),
        ])
    }
}
