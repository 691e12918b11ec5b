/// An error of the ledger: what went wrong, in words a user can act on, with a code that decides
/// the exit status and, where there is one, the underlying cause.
///
/// ```swift
/// do { try ledger.append(drafts) }
/// catch LedgerError.conflict { … }   // matches any conflict
/// ```
public struct LedgerError: Error, Equatable, CustomStringConvertible, @unchecked Sendable {
    /// The kind of failure; each maps to one exit status of the command-line tool.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: Hashable, Sendable { case invalidInput, integrity, conflict, storage }
        private let kind: Kind

        /// Bad input or usage: nothing was written (exit status 1).
        public static let invalidInput = Code(kind: .invalidInput)
        /// The stored ledger fails verification (exit status 2).
        public static let integrity = Code(kind: .integrity)
        /// An expected stream version did not hold (exit status 3).
        public static let conflict = Code(kind: .conflict)
        /// The storage could not be read or written (exit status 4).
        public static let storage = Code(kind: .storage)

        /// The exit status the command-line tool uses for this kind (SPEC §6).
        public var exitStatus: Int32 {
            switch kind {
            case .invalidInput: 1
            case .integrity: 2
            case .conflict: 3
            case .storage: 4
            }
        }

        public var description: String {
            switch kind {
            case .invalidInput: "invalid input"
            case .integrity: "integrity failure"
            case .conflict: "concurrency conflict"
            case .storage: "storage error"
            }
        }
    }

    public let code: Code
    public let message: String
    /// The lower-level error behind this one, if any (`@unchecked Sendable` covers only this
    /// field: errors are immutable values once thrown).
    public let underlying: (any Error)?

    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String {
        if let underlying { return "\(message) (\(underlying))" }
        return message
    }

    public static let invalidInput = LedgerError(.invalidInput, "")
    public static let integrity = LedgerError(.integrity, "")
    public static let conflict = LedgerError(.conflict, "")
    public static let storage = LedgerError(.storage, "")

    /// Errors compare by code, so a test or a `catch` can name the kind it expects.
    public static func == (lhs: LedgerError, rhs: LedgerError) -> Bool { lhs.code == rhs.code }

    /// Matches any error with the pattern's code.
    public static func ~= (pattern: LedgerError, error: any Error) -> Bool {
        (error as? LedgerError)?.code == pattern.code
    }
}
