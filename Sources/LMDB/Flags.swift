import CLMDB

extension Environment {
    /// Options of `mdb_env_open`, with Swift names.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// `MDB_NOSUBDIR`: the path names the data file itself, not a directory.
        public static let noSubdirectory = Flags(rawValue: UInt32(MDB_NOSUBDIR))
        /// `MDB_RDONLY`: open read-only.
        public static let readOnly = Flags(rawValue: UInt32(MDB_RDONLY))
        /// `MDB_NOSYNC`: do not fsync on commit. Loses durability; benchmarks of it only.
        public static let noSync = Flags(rawValue: UInt32(MDB_NOSYNC))
        /// `MDB_NOMETASYNC`: fsync data but not the meta page on commit.
        public static let noMetaSync = Flags(rawValue: UInt32(MDB_NOMETASYNC))
        /// `MDB_NOTLS`: reader slots belong to transactions, not threads, so a read transaction may
        /// be used from whichever thread Swift concurrency runs it on.
        public static let noThreadLocalStorage = Flags(rawValue: UInt32(MDB_NOTLS))
        /// `MDB_NORDAHEAD`: no OS read-ahead; helps when the data set is larger than memory.
        public static let noReadAhead = Flags(rawValue: UInt32(MDB_NORDAHEAD))
    }
}

extension Database {
    /// Options of `mdb_dbi_open`, with Swift names.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// `MDB_CREATE`: create the named database if it does not exist.
        public static let create = Flags(rawValue: UInt32(MDB_CREATE))
        /// `MDB_INTEGERKEY`: keys are native unsigned integers, compared as such.
        public static let integerKey = Flags(rawValue: UInt32(MDB_INTEGERKEY))
    }
}

/// Options of `mdb_put` and `mdb_cursor_put`, with Swift names.
public struct PutFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `MDB_NOOVERWRITE`: fail with `LMDBError.keyExists` if the key is present.
    public static let noOverwrite = PutFlags(rawValue: UInt32(MDB_NOOVERWRITE))
    /// `MDB_APPEND`: the key sorts after every existing key; much faster bulk loading.
    public static let append = PutFlags(rawValue: UInt32(MDB_APPEND))
}
