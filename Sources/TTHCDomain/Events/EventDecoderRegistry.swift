import SwiftProtobuf

/// Reads stored payloads of every (event type, schema version) the ledger may hold into the
/// current ``DomainEvent``.
///
/// Stored events are never rewritten, so when a payload's schema changes, old bytes must still be
/// read. Each (type, version) pair has one decoder: for the current version it decodes the
/// generated message; for an older version it decodes the old message and upcasts it. Adding a
/// schema version is one entry in ``standard``:
///
/// ```swift
/// // DossierReceived moved to v2; v1 payloads are kept in the old message DossierReceivedV1.
/// registry.register(DossierReceived.self, version: 2)
/// registry.register("DossierReceived", version: 1) { bytes in
///     .dossierReceived(try DossierReceivedV1(serializedBytes: bytes).upcast())
/// }
/// ```
struct EventDecoderRegistry: Sendable {
    /// Turns one (type, version)'s payload bytes into a current event.
    typealias BinaryPayloadDecoder = @Sendable ([UInt8]) throws -> DomainEvent
    /// Turns a type's payload in proto3 JSON (always the current schema) into an event.
    typealias JSONPayloadDecoder = @Sendable (String) throws -> DomainEvent

    private struct Key: Hashable {
        var typeName: String
        var schemaVersion: UInt32
    }

    private var binaryDecoders: [Key: BinaryPayloadDecoder] = [:]
    private var jsonDecoders: [String: JSONPayloadDecoder] = [:]
    private var newestVersions: [String: UInt32] = [:]

    /// The registry of every event of the catalogue (SPEC.md §2), with its upcasters.
    static let standard: EventDecoderRegistry = {
        var registry = EventDecoderRegistry()
        registry.register(UnitRegistered.self)
        registry.register(UnitMerged.self)
        registry.register(HolidayDeclared.self)
        registry.register(WorkdayDeclared.self)
        registry.register(ProcedurePublished.self)
        registry.register(ProcedureTimeCut.self)
        registry.register(ProcedureCostCut.self)
        registry.register(ProcedureOnlineLevelChanged.self)
        registry.register(ProcedureScopeChanged.self)
        registry.register(ProcedureAbolished.self)
        registry.register(DossierReceived.self)
        registry.register(DossierSupplementRequested.self)
        registry.register(DossierSupplementReceived.self)
        registry.register(DossierDueDateChanged.self)
        registry.register(DossierResolved.self)
        registry.register(DossierResultReturned.self)
        registry.register(DossierWithdrawn.self)
        registry.register(DossierNotAccepted.self)
        registry.register(DossierCorrected.self)
        registry.register(PlanTaskAssigned.self)
        registry.register(PlanTaskCompleted.self)
        registry.register(ReportIssued.self)
        // Upcasters from older schema versions go here, one `register(_:version:decode:)` each.
        return registry
    }()

    /// The event type names known, sorted.
    var typeNames: [String] {
        newestVersions.keys.sorted()
    }

    /// Registers `Payload` as the current schema of its type: its bytes at `version`, and its
    /// proto3 JSON, decode straight into the generated message.
    mutating func register<Payload: EventPayload>(
        _: Payload.Type,
        version: UInt32 = DomainEvent.currentSchemaVersion
    ) {
        register(Payload.eventTypeName, version: version) { bytes in
            try Payload(serializedBytes: bytes).domainEvent
        }
        jsonDecoders[Payload.eventTypeName] = { json in
            try Payload(jsonString: json).domainEvent
        }
    }

    /// Registers the decoder of one (type, schema version), typically an upcaster from an older
    /// version's message.
    mutating func register(_ typeName: String, version: UInt32, decode: @escaping BinaryPayloadDecoder) {
        precondition(
            binaryDecoders[Key(typeName: typeName, schemaVersion: version)] == nil,
            "two decoders registered for \(typeName) v\(version)"
        )
        binaryDecoders[Key(typeName: typeName, schemaVersion: version)] = decode
        newestVersions[typeName] = max(newestVersions[typeName] ?? 0, version)
    }

    /// Decodes stored payload bytes.
    func decode(typeName: String, schemaVersion: UInt32, payload: [UInt8]) throws -> DomainEvent {
        guard let decode = binaryDecoders[Key(typeName: typeName, schemaVersion: schemaVersion)] else {
            throw unsupported(typeName: typeName, schemaVersion: schemaVersion)
        }
        do {
            return try decode(payload)
        } catch {
            throw EventDecodingError.malformed(
                typeName: typeName,
                schemaVersion: schemaVersion,
                format: "binary",
                underlying: error
            )
        }
    }

    /// Decodes a payload in proto3 JSON, read as the current schema version.
    func decode(typeName: String, payloadJSON: String) throws -> DomainEvent {
        let version = DomainEvent.currentSchemaVersion
        guard let decode = jsonDecoders[typeName] else {
            throw EventDecodingError.unknown(typeName: typeName, schemaVersion: version)
        }
        do {
            return try decode(payloadJSON)
        } catch {
            throw EventDecodingError.malformed(
                typeName: typeName,
                schemaVersion: version,
                format: "JSON",
                underlying: error
            )
        }
    }

    private func unsupported(typeName: String, schemaVersion: UInt32) -> EventDecodingError {
        guard let newest = newestVersions[typeName] else {
            return .unknown(typeName: typeName, schemaVersion: schemaVersion)
        }
        return .unsupported(typeName: typeName, schemaVersion: schemaVersion, newestKnown: newest)
    }
}
