/// Why a unit registration or merger was refused.
///
/// Carries a stable code for callers that react to the reason, and a message that says what was
/// attempted and what to check, for the person who wrote the import file.
///
/// ```swift
/// do {
///     try registry.merge(code: "C", into: "A", effective: date)
/// } catch UnitRegistryError.Code.mergeCycle {
///     // report the row
/// }
/// ```
public struct UnitRegistryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The reason, stable across versions and wording changes.
    public struct Code: RawRepresentable, Hashable, Sendable {
        /// The reason's stable name, e.g. `mergeCycle`.
        public let rawValue: String

        /// The reason named `rawValue`.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// A code that names no registered unit.
        public static let unknownUnit = Code(rawValue: "unknownUnit")
        /// A code registered again with different details.
        public static let alreadyRegistered = Code(rawValue: "alreadyRegistered")
        /// A unit merged again into a different successor or on a different date.
        public static let alreadyMerged = Code(rawValue: "alreadyMerged")
        /// A merger that would lead a unit's successors back to itself.
        public static let mergeCycle = Code(rawValue: "mergeCycle")

        /// Lets `catch UnitRegistryError.Code.mergeCycle` match on the reason.
        public static func ~= (code: Code, error: any Error) -> Bool {
            (error as? UnitRegistryError)?.code == code
        }
    }

    /// The reason.
    public let code: Code

    /// What was attempted, why it was refused and what to check.
    public let message: String

    /// An error with this reason and message.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The message, so that printing the error says what went wrong.
    public var description: String { message }
}
