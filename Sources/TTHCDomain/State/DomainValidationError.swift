/// An event the domain rules refuse: which event, which field, and why.
///
/// The message reads `DossierResolved 000.00.31.H23-250415-00012: resolvedAt: is before the
/// receipt (2025-04-15)`; callers that know where the event came from (a file line) prefix it.
public struct DomainValidationError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The event's type name.
    public var type: String
    /// The event id of the refused event.
    public var eventId: String
    /// What the event is about: a dossier, procedure, unit or task id.
    public var subject: String
    /// The payload field at fault, by its JSON name.
    public var field: String
    public var reason: String

    public var description: String { "\(type) \(subject): \(field): \(reason)" }
}
