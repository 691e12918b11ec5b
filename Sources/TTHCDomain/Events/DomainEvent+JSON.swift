import SwiftProtobuf

extension DomainEvent {
    /// The payload in the proto3 JSON mapping: lowerCamel field names, enums by name, instants as
    /// RFC 3339 UTC strings, fields at their default value left out.
    ///
    /// ```json
    /// {"dossierId":"000.00.31.H23-250415-00012","channel":"online","receivedAt":"2025-04-15T01:30:00Z"}
    /// ```
    public func payloadJSON() throws -> String {
        try payload.jsonString()
    }

    /// Reads an event from its type name and its payload in the proto3 JSON mapping.
    ///
    /// JSON is always read as the current schema version; unknown fields are rejected so a typo
    /// in a hand-written payload is not silently dropped.
    ///
    /// - Throws: ``EventDecodingError`` when the type is unknown or the JSON is not a valid payload.
    public init(typeName: String, payloadJSON: String) throws {
        self = try EventDecoderRegistry.standard.decode(typeName: typeName, payloadJSON: payloadJSON)
    }
}
