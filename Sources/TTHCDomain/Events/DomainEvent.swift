import SwiftProtobuf

/// A fact recorded in the ledger: one case per event type of the catalogue (SPEC.md §2), each
/// carrying its Protocol Buffers payload.
///
/// The envelope the ledger stores around an event holds its ``typeName``, its ``schemaVersion``,
/// its ``streamName`` and the ``serializedPayload()`` bytes; replay turns those back into an event
/// with ``init(typeName:schemaVersion:payload:)``. The proto3 JSON form (``payloadJSON()``) is the
/// one people read and other systems exchange.
///
/// ```swift
/// var received = DossierReceived()
/// received.dossierID = "000.00.31.H23-250415-00012"
/// let event = DomainEvent.dossierReceived(received)
/// event.streamName  // "dossier/000.00.31.H23-250415-00012"
/// let bytes = try event.serializedPayload()
/// let replayed = try DomainEvent(typeName: event.typeName, schemaVersion: event.schemaVersion, payload: bytes)
/// ```
public enum DomainEvent: Sendable, Equatable {
    /// A unit came into existence (đơn vị); stream `unit/<code>`.
    case unitRegistered(UnitRegistered)
    /// A unit was merged into a successor (sáp nhập); stream `unit/<code>`.
    case unitMerged(UnitMerged)
    /// A public-sector day off was declared (ngày nghỉ); stream `calendar/<yyyy>`.
    case holidayDeclared(HolidayDeclared)
    /// A make-up working day was declared (ngày làm bù); stream `calendar/<yyyy>`.
    case workdayDeclared(WorkdayDeclared)
    /// A procedure was published (công bố TTHC); stream `procedure/<code>`.
    case procedurePublished(ProcedurePublished)
    /// A procedure's processing time was cut; stream `procedure/<code>`.
    case procedureTimeCut(ProcedureTimeCut)
    /// A procedure's compliance cost was cut; stream `procedure/<code>`.
    case procedureCostCut(ProcedureCostCut)
    /// A procedure's online level changed; stream `procedure/<code>`.
    case procedureOnlineLevelChanged(ProcedureOnlineLevelChanged)
    /// A procedure's competent units, location independence or business relation changed;
    /// stream `procedure/<code>`.
    case procedureScopeChanged(ProcedureScopeChanged)
    /// A procedure was abolished (bãi bỏ); stream `procedure/<code>`.
    case procedureAbolished(ProcedureAbolished)
    /// A dossier was accepted for processing (tiếp nhận); stream `dossier/<dossierId>`.
    case dossierReceived(DossierReceived)
    /// A dossier's clock stopped for a supplement, fees or a halt; stream `dossier/<dossierId>`.
    case dossierSupplementRequested(DossierSupplementRequested)
    /// A dossier's clock restarted; stream `dossier/<dossierId>`.
    case dossierSupplementReceived(DossierSupplementReceived)
    /// A dossier's due date was moved (hẹn lại); stream `dossier/<dossierId>`.
    case dossierDueDateChanged(DossierDueDateChanged)
    /// A dossier was resolved (giải quyết xong); stream `dossier/<dossierId>`.
    case dossierResolved(DossierResolved)
    /// A dossier's result was handed over (trả kết quả); stream `dossier/<dossierId>`.
    case dossierResultReturned(DossierResultReturned)
    /// A dossier was withdrawn by the applicant (rút hồ sơ); stream `dossier/<dossierId>`.
    case dossierWithdrawn(DossierWithdrawn)
    /// A dossier was refused at the desk (không tiếp nhận); stream `dossier/<dossierId>`.
    case dossierNotAccepted(DossierNotAccepted)
    /// An earlier fact about a dossier was corrected (đính chính); stream `dossier/<dossierId>`.
    case dossierCorrected(DossierCorrected)
    /// A plan task was assigned (giao nhiệm vụ); stream `plan/<taskId>`.
    case planTaskAssigned(PlanTaskAssigned)
    /// A plan task was completed; stream `plan/<taskId>`.
    case planTaskCompleted(PlanTaskCompleted)
    /// A report was issued at a ledger position; stream `report/<kind>/<period>`.
    case reportIssued(ReportIssued)

    /// The payload schema version this software writes.
    ///
    /// Older versions stay readable through upcasters registered in ``EventDecoderRegistry``.
    public static let currentSchemaVersion: UInt32 = 1

    /// The payload message, whatever its type.
    public var payload: any EventPayload {
        switch self {
        case .unitRegistered(let payload): payload
        case .unitMerged(let payload): payload
        case .holidayDeclared(let payload): payload
        case .workdayDeclared(let payload): payload
        case .procedurePublished(let payload): payload
        case .procedureTimeCut(let payload): payload
        case .procedureCostCut(let payload): payload
        case .procedureOnlineLevelChanged(let payload): payload
        case .procedureScopeChanged(let payload): payload
        case .procedureAbolished(let payload): payload
        case .dossierReceived(let payload): payload
        case .dossierSupplementRequested(let payload): payload
        case .dossierSupplementReceived(let payload): payload
        case .dossierDueDateChanged(let payload): payload
        case .dossierResolved(let payload): payload
        case .dossierResultReturned(let payload): payload
        case .dossierWithdrawn(let payload): payload
        case .dossierNotAccepted(let payload): payload
        case .dossierCorrected(let payload): payload
        case .planTaskAssigned(let payload): payload
        case .planTaskCompleted(let payload): payload
        case .reportIssued(let payload): payload
        }
    }

    /// The event type name stored in the envelope, exactly as in SPEC.md §2, e.g. `DossierReceived`.
    public var typeName: String {
        type(of: payload).eventTypeName
    }

    /// The payload schema version to store in the envelope of this event.
    public var schemaVersion: UInt32 {
        Self.currentSchemaVersion
    }

    /// The stream this event belongs to (SPEC.md §1), e.g. `dossier/000.00.31.H23-250415-00012`,
    /// `procedure/1.001193`, `unit/000.00.31.H23`, `calendar/2025`, `plan/II.1`,
    /// `report/quarterly/2025-Q2`.
    public var streamName: String {
        payload.streamName
    }

    /// The payload in the Protocol Buffers binary encoding, as the ledger stores and hashes it.
    ///
    /// The encoding is deterministic: fields in number order, no maps, so the same event always
    /// gives the same bytes.
    public func serializedPayload() throws -> [UInt8] {
        try payload.serializedBytes()
    }

    /// Reads an event back from its envelope's type name, schema version and payload bytes.
    ///
    /// A payload of an older schema version is upcast to the current one.
    ///
    /// - Throws: ``EventDecodingError`` when the type is unknown, the version is not one this
    ///   software reads (in particular one newer than ``currentSchemaVersion``), or the bytes are
    ///   not a valid payload.
    public init(typeName: String, schemaVersion: UInt32, payload: [UInt8]) throws {
        self = try EventDecoderRegistry.standard.decode(
            typeName: typeName,
            schemaVersion: schemaVersion,
            payload: payload
        )
    }
}
