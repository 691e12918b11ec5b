import Ledger
import SwiftProtobuf

/// The domain projection: dossiers, procedures, units, calendar, plan tasks and issued reports,
/// folded from the log into the tables of ``DomainTables``, and the validation rules that guard
/// appends (SPEC §2).
///
/// Reports and queries read it through ``DomainState``. Bump ``version`` whenever the fold or the
/// state layout changes: the engine rebuilds it in a shadow copy.
public final class DomainProjection: Projection {
    public let name = "domain"
    /// 4: `dossiersByEnd` entries hold the dossier's ``DossierFacts``; the ``DossierTallies`` tables.
    public let version: UInt32 = 4
    public let tableNames = DomainTables.names
    /// What validation decoded, for the fold that follows it, and the procedures receipts look up.
    let decoded = DecodedMessages()

    public init() {}

    // MARK: Fold

    public func apply(_ view: EventView, to store: any ProjectionStore) throws {
        guard let event = try? decode(view) else { return }  // not a domain event: nothing to fold
        try apply(event, view: view, to: store)
    }

    /// The decoded event; `nil` when it is not a domain event (or not one this code reads).
    public func prepare(_ view: EventView) -> (any Sendable)? {
        try? DomainEvent(typeName: view.type, schemaVersion: view.schemaVersion, payload: Array(view.payload))
    }

    public func apply(_ view: EventView, prepared: (any Sendable)?, to store: any ProjectionStore) throws {
        // Nothing prepared: the engine did not prepare it, or it is not a domain event.
        guard let event = prepared as? DomainEvent else { return try apply(view, to: store) }
        try apply(event, view: view, to: store)
    }

    private func apply(_ event: DomainEvent, view: EventView, to store: any ProjectionStore) throws {
        let seq = view.seq
        switch event {
        case .unitRegistered(let e):
            var unit = UnitState()
            unit.code = e.code
            unit.name = e.name
            unit.level = e.level
            unit.parent = e.parent
            unit.effectiveDay = LocalDate(iso: e.effectiveFrom)?.dayNumber ?? 0
            try store.putMessage(unit, DomainTables.units, e.code)
        case .unitMerged(let e):
            guard var unit = try store.message(UnitState.self, DomainTables.units, e.code) else { return }
            unit.merged = true
            unit.successor = e.successorCode
            unit.mergedDay = LocalDate(iso: e.effectiveFrom)?.dayNumber ?? 0
            try store.putMessage(unit, DomainTables.units, e.code)
        case .holidayDeclared(let e):
            try declare(date: e.date, name: e.name, workday: false, seq: seq, in: store)
        case .workdayDeclared(let e):
            try declare(date: e.date, name: e.name, workday: true, seq: seq, in: store)
        case .procedurePublished(let e):
            var procedure = ProcedureState()
            procedure.code = e.code
            procedure.name = e.name
            procedure.field = e.field
            procedure.level = e.level
            procedure.internal = e.internal
            procedure.baselineDays2024 = e.baselineDays2024
            procedure.baselineCostVnd2024 = e.baselineCostVnd2024
            var change = ProcedureChange()
            change.kind = ProcedureState.ChangeKind.published
            change.processingDays = e.processingDays
            change.complianceCostVnd = e.complianceCostVnd
            change.onlineLevel = e.onlineLevel
            change.businessRelated = e.businessRelated
            change.locationIndependent = e.locationIndependent
            change.competentUnits = e.competentUnits
            try addChange(
                change, code: e.code, effective: e.effectiveFrom, decision: e.decision, seq: seq, to: procedure,
                in: store)
        case .procedureTimeCut(let e):
            try change(e.code, effective: e.effectiveFrom, decision: e.decision, seq: seq, in: store) {
                $0.kind = ProcedureState.ChangeKind.timeCut
                $0.processingDays = e.processingDays
            }
        case .procedureCostCut(let e):
            try change(e.code, effective: e.effectiveFrom, decision: e.decision, seq: seq, in: store) {
                $0.kind = ProcedureState.ChangeKind.costCut
                $0.complianceCostVnd = e.complianceCostVnd
            }
        case .procedureOnlineLevelChanged(let e):
            try change(e.code, effective: e.effectiveFrom, decision: e.decision, seq: seq, in: store) {
                $0.kind = ProcedureState.ChangeKind.onlineLevel
                $0.onlineLevel = e.onlineLevel
            }
        case .procedureScopeChanged(let e):
            try change(e.code, effective: e.effectiveFrom, decision: e.decision, seq: seq, in: store) {
                $0.kind = ProcedureState.ChangeKind.scope
                $0.businessRelated = e.businessRelated
                $0.locationIndependent = e.locationIndependent
                $0.competentUnits = e.competentUnits
            }
        case .procedureAbolished(let e):
            try change(e.code, effective: e.effectiveFrom, decision: e.decision, seq: seq, in: store) {
                $0.kind = ProcedureState.ChangeKind.abolished
            }
        case .planTaskAssigned(let e):
            var task = try store.message(PlanTaskState.self, DomainTables.planTasks, e.taskID) ?? PlanTaskState()
            task.taskID = e.taskID
            task.title = e.title
            task.leadUnit = e.leadUnit
            task.deadlineDay = LocalDate(iso: e.deadline)?.dayNumber ?? 0
            try store.putMessage(task, DomainTables.planTasks, e.taskID)
        case .planTaskCompleted(let e):
            guard var task = try store.message(PlanTaskState.self, DomainTables.planTasks, e.taskID) else { return }
            task.completed = true
            task.completedDay = LocalDate(iso: e.completedAt)?.dayNumber ?? 0
            task.evidence = e.evidence
            try store.putMessage(task, DomainTables.planTasks, e.taskID)
        case .reportIssued(let e):
            try store.put(DomainTables.reports, key: DomainTables.seqKey(seq), value: try e.serializedBytes())
        default:
            try applyDossierEvent(event, view: view, to: store)
        }
    }

    private func declare(date: String, name: String, workday: Bool, seq: UInt64, in store: any ProjectionStore) throws {
        guard let day = LocalDate(iso: date) else { return }
        var state = CalendarDayState()
        state.day = day.dayNumber
        state.workday = workday
        state.name = name
        state.seq = seq
        try store.put(DomainTables.calendar, key: DomainTables.dayKey(day), value: try state.serializedBytes())
    }

    private func change(
        _ code: String, effective: String, decision: String, seq: UInt64, in store: any ProjectionStore,
        _ fill: (inout ProcedureChange) -> Void
    ) throws {
        guard let procedure = try store.message(ProcedureState.self, DomainTables.procedures, code) else { return }
        var change = ProcedureChange()
        fill(&change)
        try addChange(change, code: code, effective: effective, decision: decision, seq: seq, to: procedure, in: store)
    }

    private func addChange(
        _ change: ProcedureChange, code: String, effective: String, decision: String, seq: UInt64,
        to procedure: ProcedureState, in store: any ProjectionStore
    ) throws {
        var change = change
        var procedure = procedure
        change.effectiveDay = LocalDate(iso: effective)?.dayNumber ?? 0
        change.decision = decision
        change.seq = seq
        procedure.changes.append(change)
        try store.putMessage(procedure, DomainTables.procedures, code)
    }

    // MARK: Dossiers

    private func applyDossierEvent(_ event: DomainEvent, view: EventView, to store: any ProjectionStore) throws {
        guard let id = Self.dossierId(of: event) else { return }
        // Written when the engine flushes the store, with the index entry and the tallies.
        let entry = try DossierBuffer.attached(to: store).entry(id) {
            try store.message(DossierState.self, DomainTables.dossiers, id).map(DossierRecord.init)
        }
        if try apply(event, view: view, to: &entry.record, in: store) { entry.changed = true }
    }

    /// Folds a dossier event into its state; `false` when the event does not change a dossier.
    private func apply(
        _ event: DomainEvent, view: EventView, to dossier: inout DossierRecord, in store: any ProjectionStore
    ) throws -> Bool {
        let seq = view.seq
        switch event {
        case .dossierReceived(let e):
            dossier.dossierID = e.dossierID
            dossier.procedureCode = e.procedureCode
            dossier.competentUnit = e.competentUnit
            dossier.receivingUnit = e.receivingUnit.isEmpty ? e.competentUnit : e.receivingUnit
            dossier.channel = e.channel
            dossier.applicantKind = e.applicantKind
            dossier.received = true
            dossier.receivedAt = microseconds(e.receivedAt)
            dossier.givenDueKnown = e.hasDueAt
            dossier.givenDueAt = e.hasDueAt ? microseconds(e.dueAt) : 0
            dossier.digitized = e.digitized
            dossier.onlinePayment = e.onlinePayment
            dossier.documentsRequired = e.documentsRequired
            dossier.documentsReused = e.documentsReused
            try fillProcessingDays(&dossier, in: store)
        case .dossierSupplementRequested(let e):
            var pause = Pause()
            pause.from = microseconds(e.at)
            pause.kind = e.kind
            pause.seq = seq
            dossier.pauses.append(pause)
        case .dossierSupplementReceived(let e):
            if let index = dossier.pauses.lastIndex(where: { !$0.closed }) {
                dossier.pauses[index].closed = true
                dossier.pauses[index].to = microseconds(e.at)
            }
            if e.hasNewDueAt {
                var change = DueChange()
                change.effectiveAt = microseconds(e.at)
                change.dueAt = microseconds(e.newDueAt)
                change.seq = seq
                change.reason = "supplement received"
                dossier.dueChanges.append(change)
            }
        case .dossierDueDateChanged(let e):
            var change = DueChange()
            change.effectiveAt = view.occurredAt.microsecondsSinceEpoch
            change.dueAt = microseconds(e.newDueAt)
            change.seq = seq
            change.reason = e.reason
            dossier.dueChanges.append(change)
        case .dossierResolved(let e):
            dossier.resolved = true
            dossier.resolvedAt = microseconds(e.resolvedAt)
            dossier.outcome = e.outcome
            dossier.electronicResult = e.electronicResult
            dossier.digitallySigned = e.digitallySigned
        case .dossierResultReturned(let e):
            dossier.returned = true
            dossier.returnedAt = microseconds(e.returnedAt)
        case .dossierWithdrawn(let e):
            dossier.withdrawn = true
            dossier.withdrawnAt = microseconds(e.at)
        case .dossierNotAccepted(let e):
            dossier.dossierID = e.dossierID
            dossier.notAccepted = true
            dossier.notAcceptedAt = microseconds(e.at)
            if dossier.competentUnit.isEmpty { dossier.competentUnit = view.actor }
        case .dossierCorrected(let e):
            if let field = DossierCorrectionField(rawValue: e.field) {
                var state = dossier.state
                try field.apply(e.newValue, to: &state)
                dossier = DossierRecord(state)
            }
            var correction = Correction()
            correction.field = e.field
            correction.oldValue = e.oldValue
            correction.newValue = e.newValue
            correction.seq = seq
            correction.recordedAt = view.recordedAt.microsecondsSinceEpoch
            dossier.corrections.append(correction)
            if e.field == DossierCorrectionField.receivedAt.rawValue
                || e.field == DossierCorrectionField.procedureCode.rawValue
            {
                try fillProcessingDays(&dossier, in: store)
            }
        default:
            return false
        }
        dossier.seqs.append(seq)
        return true
    }

    private func fillProcessingDays(_ dossier: inout DossierRecord, in store: any ProjectionStore) throws {
        let procedure = try decoded.procedure(dossier.procedureCode, in: store)
        if let days = procedure?.processingDays(on: dossier.receivedDay) {
            dossier.processingDays = days
            dossier.processingDaysKnown = true
        } else {
            dossier.processingDays = 0
            dossier.processingDaysKnown = false
        }
    }

    // MARK: Decoding

    func decode(_ view: EventView) throws -> DomainEvent {
        try decoded.event(view)
    }

    /// The dossier an event is about, if it is a dossier event.
    public static func dossierId(of event: DomainEvent) -> String? {
        switch event {
        case .dossierReceived(let e): e.dossierID
        case .dossierSupplementRequested(let e): e.dossierID
        case .dossierSupplementReceived(let e): e.dossierID
        case .dossierDueDateChanged(let e): e.dossierID
        case .dossierResolved(let e): e.dossierID
        case .dossierResultReturned(let e): e.dossierID
        case .dossierWithdrawn(let e): e.dossierID
        case .dossierNotAccepted(let e): e.dossierID
        case .dossierCorrected(let e): e.dossierID
        default: nil
        }
    }
}
