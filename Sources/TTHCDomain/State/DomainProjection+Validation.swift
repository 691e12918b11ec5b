import Ledger
import SwiftProtobuf

extension DomainProjection {
    /// Refuses an event that breaks the rules of SPEC §2 against the state before it: unknown
    /// procedure or unit, result before receipt, due date before receipt, a second receipt,
    /// events on a withdrawn or finished dossier, dates outside 2000–2100, empty required fields.
    public func validate(_ view: EventView, against store: any ProjectionStore) throws {
        let event: DomainEvent
        do {
            event = try decode(view)
        } catch {
            throw DomainValidationError(
                type: view.type, eventId: view.eventId, subject: view.stream, field: "type", reason: "\(error)")
        }
        try validate(event, view: view, against: store)
    }

    /// ``validate(_:against:)`` with the event as ``prepare(_:)`` decoded it.
    public func validate(_ view: EventView, prepared: (any Sendable)?, against store: any ProjectionStore) throws {
        // Nothing prepared: not prepared by the engine, or not decodable, which the above reports.
        guard let event = prepared as? DomainEvent else { return try validate(view, against: store) }
        try validate(event, view: view, against: store)
    }

    private func validate(_ event: DomainEvent, view: EventView, against store: any ProjectionStore) throws {
        let type = view.type
        let eventId = view.eventId
        var check = Check(type: type, eventId: eventId, subject: "", store: store)
        switch event {
        case .unitRegistered(let e):
            check.subject = e.code
            try check.required("code", e.code)
            try check.required("name", e.name)
            try check.date("effectiveFrom", e.effectiveFrom)
            if e.level == .unspecified { throw check.fail("level", "is missing (province, district or commune)") }
            if try store.value(DomainTables.units, forKey: Array(e.code.utf8)) != nil {
                throw check.fail("code", "unit \(e.code) is already registered")
            }
            if !e.parent.isEmpty { try check.unitExists("parent", e.parent) }
        case .unitMerged(let e):
            check.subject = e.code
            try check.unitExists("code", e.code)
            try check.unitExists("successorCode", e.successorCode)
            try check.date("effectiveFrom", e.effectiveFrom)
            if e.code == e.successorCode { throw check.fail("successorCode", "a unit cannot merge into itself") }
            var next = e.successorCode
            var seen: Set<String> = [e.code]
            while let unit = try store.message(UnitState.self, DomainTables.units, next), unit.merged {
                if !seen.insert(next).inserted || unit.successor == e.code {
                    throw check.fail("successorCode", "merging \(e.code) into \(e.successorCode) makes a cycle")
                }
                next = unit.successor
            }
        case .holidayDeclared(let e):
            check.subject = e.date
            try check.date("date", e.date)
        case .workdayDeclared(let e):
            check.subject = e.date
            try check.date("date", e.date)
        case .procedurePublished(let e):
            check.subject = e.code
            try check.required("code", e.code)
            try check.required("name", e.name)
            try check.date("effectiveFrom", e.effectiveFrom)
            if try store.value(DomainTables.procedures, forKey: Array(e.code.utf8)) != nil {
                throw check.fail("code", "procedure \(e.code) is already published; record its changes as cuts")
            }
            for unit in e.competentUnits { try check.unitExists("competentUnits", unit) }
        case .procedureTimeCut(let e):
            try check.procedureChange(e.code, e.effectiveFrom)
        case .procedureCostCut(let e):
            try check.procedureChange(e.code, e.effectiveFrom)
            if e.complianceCostVnd < 0 { throw check.fail("complianceCostVnd", "is negative") }
        case .procedureOnlineLevelChanged(let e):
            try check.procedureChange(e.code, e.effectiveFrom)
        case .procedureScopeChanged(let e):
            try check.procedureChange(e.code, e.effectiveFrom)
            for unit in e.competentUnits { try check.unitExists("competentUnits", unit) }
        case .procedureAbolished(let e):
            try check.procedureChange(e.code, e.effectiveFrom)
        case .planTaskAssigned(let e):
            check.subject = e.taskID
            try check.required("taskId", e.taskID)
            try check.required("title", e.title)
            try check.date("deadline", e.deadline)
        case .planTaskCompleted(let e):
            check.subject = e.taskID
            try check.date("completedAt", e.completedAt)
            if try store.value(DomainTables.planTasks, forKey: Array(e.taskID.utf8)) == nil {
                throw check.fail("taskId", "plan task \(e.taskID) was never assigned")
            }
        case .reportIssued(let e):
            check.subject = "\(e.kind) \(e.period)"
            try check.required("kind", e.kind)
            try check.required("period", e.period)
            if e.seq >= view.seq { throw check.fail("seq", "must be a position before the event itself") }
        default:
            try validateDossierEvent(event, view: view, check: &check)
        }
    }

    private func validateDossierEvent(_ event: DomainEvent, view: EventView, check: inout Check) throws {
        guard let id = Self.dossierId(of: event) else { return }
        check.subject = id
        try check.required("dossierId", id)
        let store = check.store
        let dossier = try DossierBuffer.attached(to: store).dossier(id) {
            try store.message(DossierState.self, DomainTables.dossiers, id).map(DossierRecord.init)
        }

        if case .dossierReceived(let e) = event {
            if let dossier, dossier.received {
                throw check.fail("dossierId", "dossier \(id) was already received (event \(dossier.seqs.first ?? 0))")
            }
            if let dossier, dossier.notAccepted { throw check.fail("dossierId", "dossier \(id) was not accepted") }
            try check.required("procedureCode", e.procedureCode)
            try check.required("competentUnit", e.competentUnit)
            try check.instant("receivedAt", e.hasReceivedAt ? e.receivedAt : nil)
            try check.unitExists("competentUnit", e.competentUnit)
            if !e.receivingUnit.isEmpty { try check.unitExists("receivingUnit", e.receivingUnit) }
            guard try check.store.value(DomainTables.procedures, forKey: Array(e.procedureCode.utf8)) != nil else {
                throw check.fail("procedureCode", "unknown procedure \(e.procedureCode)")
            }
            if e.channel == .unspecified { throw check.fail("channel", "is missing (direct, online or postal)") }
            if e.hasDueAt {
                try check.instant("dueAt", e.dueAt)
                if microseconds(e.dueAt) < microseconds(e.receivedAt) {
                    throw check.fail("dueAt", "is before the receipt (\(localDay(microseconds(e.receivedAt))))")
                }
            }
            if e.documentsReused > e.documentsRequired {
                throw check.fail("documentsReused", "exceeds documentsRequired (\(e.documentsRequired))")
            }
            return
        }
        if case .dossierNotAccepted(let e) = event {
            try check.instant("at", e.hasAt ? e.at : nil)
            if let dossier, dossier.received {
                throw check.fail("dossierId", "dossier \(id) was already accepted; withdraw it instead")
            }
            if let dossier, dossier.notAccepted { throw check.fail("dossierId", "dossier \(id) was already refused") }
            return
        }
        guard let dossier, dossier.received else {
            throw check.fail("dossierId", "dossier \(id) was never received")
        }
        let receipt = dossier.receivedAt
        func notBeforeReceipt(_ field: String, _ value: Google_Protobuf_Timestamp?) throws {
            try check.instant(field, value)
            if let value, microseconds(value) < receipt {
                throw check.fail(field, "is before the receipt (\(localDay(receipt)))")
            }
        }
        if case .dossierCorrected(let e) = event {
            guard let field = DossierCorrectionField(rawValue: e.field) else {
                let known = DossierCorrectionField.allCases.map(\.rawValue).joined(separator: ", ")
                throw check.fail("field", "\(e.field) cannot be corrected; correctable: \(known)")
            }
            if let problem = field.problem(with: e.newValue) { throw check.fail("newValue", problem) }
            if field == .procedureCode,
                try check.store.value(DomainTables.procedures, forKey: Array(e.newValue.utf8)) == nil
            {
                throw check.fail("newValue", "unknown procedure \(e.newValue)")
            }
            if field == .competentUnit || field == .receivingUnit { try check.unitExists("newValue", e.newValue) }
            return
        }
        if dossier.withdrawn { throw check.fail("dossierId", "dossier \(id) was withdrawn") }
        if dossier.returned { throw check.fail("dossierId", "dossier \(id) is finished: its result was returned") }
        let isPaused = dossier.pauses.contains { !$0.closed }
        switch event {
        case .dossierSupplementRequested(let e):
            try notBeforeReceipt("at", e.hasAt ? e.at : nil)
            if dossier.resolved { throw check.fail("dossierId", "dossier \(id) is already resolved") }
            if isPaused { throw check.fail("at", "the clock of dossier \(id) is already stopped") }
        case .dossierSupplementReceived(let e):
            try notBeforeReceipt("at", e.hasAt ? e.at : nil)
            guard let open = dossier.pauses.last(where: { !$0.closed }) else {
                throw check.fail("at", "dossier \(id) is not waiting for a supplement")
            }
            if microseconds(e.at) < open.from { throw check.fail("at", "is before the clock stopped") }
            if e.hasNewDueAt { try notBeforeReceipt("newDueAt", e.newDueAt) }
        case .dossierDueDateChanged(let e):
            try notBeforeReceipt("newDueAt", e.hasNewDueAt ? e.newDueAt : nil)
            if dossier.resolved { throw check.fail("dossierId", "dossier \(id) is already resolved") }
        case .dossierResolved(let e):
            try notBeforeReceipt("resolvedAt", e.hasResolvedAt ? e.resolvedAt : nil)
            if dossier.resolved { throw check.fail("dossierId", "dossier \(id) is already resolved") }
            if e.outcome == .unspecified { throw check.fail("outcome", "is missing (approved or refused)") }
        case .dossierResultReturned(let e):
            try notBeforeReceipt("returnedAt", e.hasReturnedAt ? e.returnedAt : nil)
            if dossier.resolved && microseconds(e.returnedAt) < dossier.resolvedAt {
                throw check.fail("returnedAt", "is before the resolution (\(localDay(dossier.resolvedAt)))")
            }
        case .dossierWithdrawn(let e):
            try notBeforeReceipt("at", e.hasAt ? e.at : nil)
            if dossier.resolved { throw check.fail("dossierId", "dossier \(id) is already resolved") }
        default:
            break
        }
    }
}

/// The context of one validation: the event's identity and the state to check against.
struct Check {
    var type: String
    var eventId: String
    var subject: String
    let store: any ProjectionStore

    func fail(_ field: String, _ reason: String) -> DomainValidationError {
        DomainValidationError(type: type, eventId: eventId, subject: subject, field: field, reason: reason)
    }

    func required(_ field: String, _ value: String) throws {
        if DomainRules.isBlank(value) { throw fail(field, "is required") }
    }

    func date(_ field: String, _ value: String) throws {
        if value.isEmpty { throw fail(field, "is required") }
        if let problem = DomainRules.dateProblem(value) { throw fail(field, problem) }
    }

    func instant(_ field: String, _ value: Google_Protobuf_Timestamp?) throws {
        guard let value else { throw fail(field, "is required") }
        if let problem = DomainRules.yearProblem(microseconds(value)) { throw fail(field, problem) }
    }

    func unitExists(_ field: String, _ code: String) throws {
        try required(field, code)
        if try store.value(DomainTables.units, forKey: Array(code.utf8)) == nil {
            throw fail(field, "unknown unit \(code)")
        }
    }

    mutating func procedureChange(_ code: String, _ effectiveFrom: String) throws {
        subject = code
        try required("code", code)
        try date("effectiveFrom", effectiveFrom)
        if try store.value(DomainTables.procedures, forKey: Array(code.utf8)) == nil {
            throw fail("code", "unknown procedure \(code)")
        }
    }
}
