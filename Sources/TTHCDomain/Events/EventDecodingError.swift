/// A stored or exchanged event that this software cannot read back.
///
/// The message names the event type and schema version, and says what to do: an unknown type or
/// a newer schema version means the ledger was written by a newer release of the software.
///
/// ```swift
/// do {
///     _ = try DomainEvent(typeName: name, schemaVersion: version, payload: bytes)
/// } catch EventDecodingError.unsupportedSchemaVersion {
///     // upgrade the software
/// }
/// ```
public struct EventDecodingError: Error, CustomStringConvertible {
    /// What went wrong, for matching in `catch`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String {
            case unknownType
            case unsupportedSchemaVersion
            case malformedPayload
        }

        private let kind: Kind

        private init(_ kind: Kind) {
            self.kind = kind
        }

        /// The event type name is not in the catalogue this software knows.
        public static let unknownType = Code(.unknownType)
        /// The type is known but not at this schema version, typically a version newer than
        /// ``DomainEvent/currentSchemaVersion``.
        public static let unsupportedSchemaVersion = Code(.unsupportedSchemaVersion)
        /// The payload bytes or JSON are not a valid payload of the type.
        public static let malformedPayload = Code(.malformedPayload)

        public var description: String { kind.rawValue }

        /// Matches an error against a code in a `catch` pattern.
        public static func ~= (code: Self, error: any Error) -> Bool {
            guard let error = error as? EventDecodingError else { return false }
            return error.code == code
        }
    }

    /// The event type name is not in the catalogue this software knows.
    public static let unknownType = Code.unknownType
    /// The type is known but not at this schema version.
    public static let unsupportedSchemaVersion = Code.unsupportedSchemaVersion
    /// The payload bytes or JSON are not a valid payload of the type.
    public static let malformedPayload = Code.malformedPayload

    /// What went wrong.
    public let code: Code
    /// The event type name as stored or given.
    public let typeName: String
    /// The payload schema version as stored, or the current one for JSON.
    public let schemaVersion: UInt32
    /// A sentence naming the type and version and what to do about it.
    public let message: String
    /// The decoder's own error, for a malformed payload.
    public let underlying: (any Error)?

    init(code: Code, typeName: String, schemaVersion: UInt32, message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.typeName = typeName
        self.schemaVersion = schemaVersion
        self.message = message
        self.underlying = underlying
    }

    public var description: String {
        guard let underlying else { return message }
        return "\(message): \(underlying)"
    }

    /// The unknown-type error for `typeName`.
    static func unknown(typeName: String, schemaVersion: UInt32) -> Self {
        Self(
            code: .unknownType,
            typeName: typeName,
            schemaVersion: schemaVersion,
            message: "unknown event type '\(typeName)' (schema version \(schemaVersion)): "
                + "it was recorded by another release of the software; upgrade to one that knows it"
        )
    }

    /// The error for a known type at a schema version no decoder is registered for.
    static func unsupported(typeName: String, schemaVersion: UInt32, newestKnown: UInt32) -> Self {
        let advice =
            schemaVersion > newestKnown
            ? "it is newer than this software reads (up to \(newestKnown)); upgrade the software"
            : "this software reads versions up to \(newestKnown) but has no reader for this one"
        return Self(
            code: .unsupportedSchemaVersion,
            typeName: typeName,
            schemaVersion: schemaVersion,
            message: "event type '\(typeName)' schema version \(schemaVersion) is not supported: \(advice)"
        )
    }

    /// The error for a payload that its type's decoder rejected.
    static func malformed(
        typeName: String,
        schemaVersion: UInt32,
        format: String,
        underlying: any Error
    ) -> Self {
        Self(
            code: .malformedPayload,
            typeName: typeName,
            schemaVersion: schemaVersion,
            message: "the \(format) payload of event type '\(typeName)' (schema version \(schemaVersion)) is not valid",
            underlying: underlying
        )
    }
}
