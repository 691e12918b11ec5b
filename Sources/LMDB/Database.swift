import CLMDB

/// A handle on a named database inside an ``Environment``.
///
/// Handles are plain values: they stay valid for the life of the environment that opened them
/// and may be shared between transactions and threads.
public struct Database: Hashable, Sendable {
    let handle: MDB_dbi
    /// The name it was opened with (`nil` for the unnamed main database).
    public let name: String?

    init(handle: MDB_dbi, name: String?) {
        self.handle = handle
        self.name = name
    }
}

/// Counts and sizes of one database (`mdb_stat`).
public struct DatabaseStatistics: Sendable, Hashable {
    public var entries: Int
    public var depth: Int
    public var branchPages: Int
    public var leafPages: Int
    public var overflowPages: Int
    public var pageSize: Int

    /// Bytes in use by this database's pages.
    public var bytesInUse: Int { (branchPages + leafPages + overflowPages) * pageSize }

    init(_ stat: MDB_stat) {
        entries = Int(stat.ms_entries)
        depth = Int(stat.ms_depth)
        branchPages = Int(stat.ms_branch_pages)
        leafPages = Int(stat.ms_leaf_pages)
        overflowPages = Int(stat.ms_overflow_pages)
        pageSize = Int(stat.ms_psize)
    }
}
