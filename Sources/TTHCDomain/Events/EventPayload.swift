import SwiftProtobuf

/// A generated payload message that is the payload of one event type.
///
/// Each message of `Proto/tthc/v1/events.proto` conforms, which ties the message to its type name,
/// its stream and its ``DomainEvent`` case in one place.
public protocol EventPayload: SwiftProtobuf.Message {
    /// The event type name stored in the envelope, e.g. `DossierReceived`.
    static var eventTypeName: String { get }
    /// The stream the event belongs to (SPEC.md §1), e.g. `dossier/<dossierId>`.
    var streamName: String { get }
    /// The event carrying this payload.
    var domainEvent: DomainEvent { get }
}

extension UnitRegistered: EventPayload {
    public static var eventTypeName: String { "UnitRegistered" }
    public var streamName: String { "unit/\(code)" }
    public var domainEvent: DomainEvent { .unitRegistered(self) }
}

extension UnitMerged: EventPayload {
    public static var eventTypeName: String { "UnitMerged" }
    public var streamName: String { "unit/\(code)" }
    public var domainEvent: DomainEvent { .unitMerged(self) }
}

extension HolidayDeclared: EventPayload {
    public static var eventTypeName: String { "HolidayDeclared" }
    public var streamName: String { calendarStreamName(date: date) }
    public var domainEvent: DomainEvent { .holidayDeclared(self) }
}

extension WorkdayDeclared: EventPayload {
    public static var eventTypeName: String { "WorkdayDeclared" }
    public var streamName: String { calendarStreamName(date: date) }
    public var domainEvent: DomainEvent { .workdayDeclared(self) }
}

extension ProcedurePublished: EventPayload {
    public static var eventTypeName: String { "ProcedurePublished" }
    public var streamName: String { "procedure/\(code)" }
    public var domainEvent: DomainEvent { .procedurePublished(self) }
}

extension ProcedureTimeCut: EventPayload {
    public static var eventTypeName: String { "ProcedureTimeCut" }
    public var streamName: String { "procedure/\(code)" }
    public var domainEvent: DomainEvent { .procedureTimeCut(self) }
}

extension ProcedureCostCut: EventPayload {
    public static var eventTypeName: String { "ProcedureCostCut" }
    public var streamName: String { "procedure/\(code)" }
    public var domainEvent: DomainEvent { .procedureCostCut(self) }
}

extension ProcedureOnlineLevelChanged: EventPayload {
    public static var eventTypeName: String { "ProcedureOnlineLevelChanged" }
    public var streamName: String { "procedure/\(code)" }
    public var domainEvent: DomainEvent { .procedureOnlineLevelChanged(self) }
}

extension ProcedureScopeChanged: EventPayload {
    public static var eventTypeName: String { "ProcedureScopeChanged" }
    public var streamName: String { "procedure/\(code)" }
    public var domainEvent: DomainEvent { .procedureScopeChanged(self) }
}

extension ProcedureAbolished: EventPayload {
    public static var eventTypeName: String { "ProcedureAbolished" }
    public var streamName: String { "procedure/\(code)" }
    public var domainEvent: DomainEvent { .procedureAbolished(self) }
}

extension DossierReceived: EventPayload {
    public static var eventTypeName: String { "DossierReceived" }
    public var streamName: String { "dossier/\(dossierID)" }
    public var domainEvent: DomainEvent { .dossierReceived(self) }
}

extension DossierSupplementRequested: EventPayload {
    public static var eventTypeName: String { "DossierSupplementRequested" }
    public var streamName: String { "dossier/\(dossierID)" }
    public var domainEvent: DomainEvent { .dossierSupplementRequested(self) }
}

extension DossierSupplementReceived: EventPayload {
    public static var eventTypeName: String { "DossierSupplementReceived" }
    public var streamName: String { "dossier/\(dossierID)" }
    public var domainEvent: DomainEvent { .dossierSupplementReceived(self) }
}

extension DossierDueDateChanged: EventPayload {
    public static var eventTypeName: String { "DossierDueDateChanged" }
    public var streamName: String { "dossier/\(dossierID)" }
    public var domainEvent: DomainEvent { .dossierDueDateChanged(self) }
}

extension DossierResolved: EventPayload {
    public static var eventTypeName: String { "DossierResolved" }
    public var streamName: String { "dossier/\(dossierID)" }
    public var domainEvent: DomainEvent { .dossierResolved(self) }
}

extension DossierResultReturned: EventPayload {
    public static var eventTypeName: String { "DossierResultReturned" }
    public var streamName: String { "dossier/\(dossierID)" }
    public var domainEvent: DomainEvent { .dossierResultReturned(self) }
}

extension DossierWithdrawn: EventPayload {
    public static var eventTypeName: String { "DossierWithdrawn" }
    public var streamName: String { "dossier/\(dossierID)" }
    public var domainEvent: DomainEvent { .dossierWithdrawn(self) }
}

extension DossierNotAccepted: EventPayload {
    public static var eventTypeName: String { "DossierNotAccepted" }
    public var streamName: String { "dossier/\(dossierID)" }
    public var domainEvent: DomainEvent { .dossierNotAccepted(self) }
}

extension DossierCorrected: EventPayload {
    public static var eventTypeName: String { "DossierCorrected" }
    public var streamName: String { "dossier/\(dossierID)" }
    public var domainEvent: DomainEvent { .dossierCorrected(self) }
}

extension PlanTaskAssigned: EventPayload {
    public static var eventTypeName: String { "PlanTaskAssigned" }
    public var streamName: String { "plan/\(taskID)" }
    public var domainEvent: DomainEvent { .planTaskAssigned(self) }
}

extension PlanTaskCompleted: EventPayload {
    public static var eventTypeName: String { "PlanTaskCompleted" }
    public var streamName: String { "plan/\(taskID)" }
    public var domainEvent: DomainEvent { .planTaskCompleted(self) }
}

extension ReportIssued: EventPayload {
    public static var eventTypeName: String { "ReportIssued" }
    public var streamName: String { "report/\(kind)/\(period)" }
    public var domainEvent: DomainEvent { .reportIssued(self) }
}

/// `calendar/<yyyy>`: a calendar stream holds one year's declarations, keyed by the year of the
/// `yyyy-MM-dd` date.
private func calendarStreamName(date: String) -> String {
    "calendar/\(date.prefix { $0 != "-" })"
}
