import CLMDB

/// An error reported by LMDB: the C return code and LMDB's own message for it.
///
/// Errors compare by code, and `~=` lets a `catch` clause match one directly:
///
/// ```swift
/// do { try transaction.put(database, key: key, value: value, flags: .noOverwrite) }
/// catch LMDBError.keyExists { … }
/// ```
public struct LMDBError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The return code of the failed `mdb_*` call (an `MDB_*` code or an `errno` value).
    public let code: Int32
    /// What was being done when it failed, e.g. `"mdb_env_open(/var/ledger)"`.
    public let context: String

    public init(code: Int32, context: String = "") {
        self.code = code
        self.context = context
    }

    /// LMDB's message for the code (`mdb_strerror`, which also covers `errno` values).
    public var message: String { String(cString: mdb_strerror(code)) }

    public var description: String {
        context.isEmpty ? "LMDB error \(code): \(message)" : "\(context): LMDB error \(code): \(message)"
    }

    public static func == (lhs: LMDBError, rhs: LMDBError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// Lets `catch LMDBError.mapFull` match any `LMDBError` with that code.
    public static func ~= (pattern: LMDBError, error: any Error) -> Bool {
        (error as? LMDBError)?.code == pattern.code
    }

    /// The key/data pair already exists (`MDB_KEYEXIST`).
    public static let keyExists = LMDBError(code: MDB_KEYEXIST)
    /// No matching key/data pair found (`MDB_NOTFOUND`); lookups turn it into `nil`.
    public static let notFound = LMDBError(code: MDB_NOTFOUND)
    /// The environment's map size is reached (`MDB_MAP_FULL`); writes grow the map and retry.
    public static let mapFull = LMDBError(code: MDB_MAP_FULL)
    /// Another process grew the map (`MDB_MAP_RESIZED`); it is adopted and the call retried.
    public static let mapResized = LMDBError(code: MDB_MAP_RESIZED)
    /// Every reader slot is taken (`MDB_READERS_FULL`).
    public static let readersFull = LMDBError(code: MDB_READERS_FULL)
    /// Too many named databases are open (`MDB_DBS_FULL`).
    public static let databasesFull = LMDBError(code: MDB_DBS_FULL)
    /// The file is not an LMDB environment, or is damaged (`MDB_INVALID`, `MDB_CORRUPTED`).
    public static let invalid = LMDBError(code: MDB_INVALID)
    public static let corrupted = LMDBError(code: MDB_CORRUPTED)
    /// A page a tree points at is not in the file (`MDB_PAGE_NOTFOUND`): damaged or truncated.
    public static let pageNotFound = LMDBError(code: MDB_PAGE_NOTFOUND)
    /// The key or value is larger than LMDB allows (`MDB_BAD_VALSIZE`).
    public static let badValueSize = LMDBError(code: MDB_BAD_VALSIZE)
}

/// Checks the return code of every `mdb_*` call: `MDB_SUCCESS` returns, anything else throws.
@inline(__always)
func check(_ code: Int32, _ context: @autoclosure () -> String) throws(LMDBError) {
    if code != MDB_SUCCESS { throw LMDBError(code: code, context: context()) }
}
