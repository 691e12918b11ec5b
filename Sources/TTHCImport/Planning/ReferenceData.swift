import TTHCDomain

/// The units, procedures, calendar and plan tasks an import checks rows against: the ledger's,
/// plus those planned by earlier rows of the same file.
struct ReferenceData {
    struct Unit {
        var merged: Bool
        var successor: String
    }

    var units: [String: Unit] = [:]
    var procedures: [String: ProcedureState] = [:]
    /// The level each procedure is carried out at now: its published level, or the level of the
    /// latest row of the file (a scope change has no level of its own; see ``ProcedurePlanner``).
    var procedureLevels: [String: UnitLevel] = [:]
    var calendar = WorkingCalendar()
    var planTasks: [String: PlanTaskState] = [:]
    /// The `seq` given to changes planned but not yet appended, which must sort after every
    /// recorded one (``ProcedureState/attributes(on:)`` orders by it).
    var plannedSeq: UInt64 = 1 << 62

    init() {}

    /// What `state` holds; `kind` limits the loading to what that kind of file needs.
    init(state: DomainState, kind: ImportKind) throws {
        for unit in try state.units() {
            units[unit.code] = Unit(merged: unit.merged, successor: unit.successor)
        }
        if kind == .procedures || kind == .dossiers {
            for procedure in try state.procedures() {
                procedures[procedure.code] = procedure
                procedureLevels[procedure.code] = procedure.level
            }
        }
        if kind == .calendar || kind == .dossiers {
            calendar = try state.calendar()
        }
        if kind == .plan {
            for task in try state.planTasks() { planTasks[task.taskID] = task }
        }
    }

    mutating func nextSeq() -> UInt64 {
        plannedSeq += 1
        return plannedSeq
    }
}
