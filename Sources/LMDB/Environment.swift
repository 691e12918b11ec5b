import CLMDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An LMDB environment: one directory holding a memory-mapped B+tree file with named databases.
///
/// Work happens in closure-scoped transactions: ``read(_:)`` and ``write(_:)``. A write commits
/// when its closure returns and aborts when it throws.
///
/// The map grows by itself. When a write fails with `MDB_MAP_FULL`, the transaction is aborted,
/// the map is enlarged (doubling, up to ``Configuration/maximumMapSize``) and the closure runs
/// again from the start, so a write closure must do nothing but work through its transaction.
/// When another process has grown the map (`MDB_MAP_RESIZED`), the new size is adopted and the
/// transaction begun again. Changing the map size requires that this process has no transaction
/// open, so transactions share a reader–writer lock that a resize takes exclusively.
///
/// `@unchecked Sendable`: the `MDB_env` handle is safe to share between threads (LMDB's own rule,
/// with `MDB_NOTLS`), and the only mutable Swift state, the resize lock, is a pthread rwlock.
public final class Environment: @unchecked Sendable {
    /// How to open an environment.
    public struct Configuration: Sendable {
        /// The initial map size in bytes; it grows on demand.
        public var mapSize: Int = 64 << 20
        /// The map never grows past this; a write that would need more fails with `mapFull`.
        public var maximumMapSize: Int = 1 << 40
        /// How many named databases may be opened (`mdb_env_set_maxdbs`).
        public var maximumDatabases: Int = 64
        /// How many read transactions may be open at once across processes.
        public var maximumReaders: Int = 126
        /// Flags for `mdb_env_open`; `noThreadLocalStorage` is always added.
        public var flags: Flags = []
        /// File mode of created files.
        public var fileMode: mode_t = 0o644
        /// Whether to create the directory when it is missing.
        public var createDirectory = true

        public init() {}
    }

    let pointer: OpaquePointer
    /// The directory (or file, with `noSubdirectory`) this environment lives in.
    public let path: String
    public let configuration: Configuration
    private let resizeLock: UnsafeMutablePointer<pthread_rwlock_t>
    /// Stale reader slots cleared when the environment was opened (`mdb_reader_check`).
    public private(set) var staleReadersCleared: Int = 0

    /// Opens (creating if needed) the environment at `path`.
    ///
    /// Stale reader slots left by crashed processes are cleared at once, so they cannot stop
    /// LMDB from reusing pages. The corresponding C functions are `mdb_env_create`,
    /// `mdb_env_open` and `mdb_reader_check`.
    public init(path: String, configuration: Configuration = Configuration()) throws {
        var env: OpaquePointer?
        try check(mdb_env_create(&env), "mdb_env_create")
        guard let env else { throw LMDBError(code: EINVAL, context: "mdb_env_create") }
        self.pointer = env
        self.path = path
        self.configuration = configuration
        resizeLock = .allocate(capacity: 1)
        pthread_rwlock_init(resizeLock, nil)
        do {
            try check(mdb_env_set_maxdbs(env, MDB_dbi(configuration.maximumDatabases)), "mdb_env_set_maxdbs")
            try check(mdb_env_set_maxreaders(env, UInt32(configuration.maximumReaders)), "mdb_env_set_maxreaders")
            try check(mdb_env_set_mapsize(env, configuration.mapSize), "mdb_env_set_mapsize")
            let isFile = configuration.flags.contains(.noSubdirectory)
            if configuration.createDirectory && !isFile && !configuration.flags.contains(.readOnly) {
                if mkdir(path, 0o755) != 0 && errno != EEXIST {
                    throw LMDBError(code: errno, context: "mkdir(\(path))")
                }
            }
            let flags = configuration.flags.union(.noThreadLocalStorage).rawValue
            try check(mdb_env_open(env, path, flags, configuration.fileMode), "mdb_env_open(\(path))")
            var dead: Int32 = 0
            try check(mdb_reader_check(env, &dead), "mdb_reader_check")
            staleReadersCleared = Int(dead)
        } catch {
            mdb_env_close(env)
            pthread_rwlock_destroy(resizeLock)
            resizeLock.deallocate()
            throw error
        }
    }

    deinit {
        mdb_env_close(pointer)
        pthread_rwlock_destroy(resizeLock)
        resizeLock.deallocate()
    }

    /// Runs `body` in a read-only transaction over a consistent snapshot.
    ///
    /// Keep read transactions short: while one is open LMDB cannot reuse the pages it sees.
    /// Scans over the whole log read in chunks, one transaction each.
    public func read<Result>(_ body: (Transaction) throws -> Result) throws -> Result {
        try withTransaction(readOnly: true, body)
    }

    /// Runs `body` in the write transaction: commits when it returns, aborts when it throws.
    ///
    /// Only one write transaction runs at a time across all processes; it belongs to the
    /// calling OS thread, so `body` must not suspend. If the map fills up, the map grows and
    /// `body` runs again from the start.
    public func write<Result>(_ body: (Transaction) throws -> Result) throws -> Result {
        var growths = 0
        while true {
            do {
                return try withTransaction(readOnly: false, body)
            } catch LMDBError.mapFull where growths < 24 {
                growths += 1
                try grow()
            }
        }
    }

    private func withTransaction<Result>(readOnly: Bool, _ body: (Transaction) throws -> Result) throws -> Result {
        pthread_rwlock_rdlock(resizeLock)
        defer { pthread_rwlock_unlock(resizeLock) }
        let transaction = try begin(readOnly: readOnly)
        let result: Result
        do {
            result = try body(transaction)
        } catch {
            transaction.abort()
            throw error
        }
        // Committing a read-only transaction ends it like an abort but keeps the database
        // handles it opened, which an abort would close.
        try transaction.commit()
        return result
    }

    private func begin(readOnly: Bool) throws -> Transaction {
        var attempts = 0
        while true {
            var txn: OpaquePointer?
            let code = mdb_txn_begin(pointer, nil, readOnly ? UInt32(MDB_RDONLY) : 0, &txn)
            if code == MDB_MAP_RESIZED && attempts < 8 {
                attempts += 1
                // Adopting the new size needs the exclusive lock: step out of the shared one.
                pthread_rwlock_unlock(resizeLock)
                pthread_rwlock_wrlock(resizeLock)
                let adopted = mdb_env_set_mapsize(pointer, 0)
                pthread_rwlock_unlock(resizeLock)
                pthread_rwlock_rdlock(resizeLock)
                try check(adopted, "mdb_env_set_mapsize(0)")
                continue
            }
            try check(code, "mdb_txn_begin")
            guard let txn else { throw LMDBError(code: EINVAL, context: "mdb_txn_begin") }
            return Transaction(pointer: txn, readOnly: readOnly)
        }
    }

    /// Doubles the map size (bounded by the configured maximum).
    private func grow() throws {
        pthread_rwlock_wrlock(resizeLock)
        defer { pthread_rwlock_unlock(resizeLock) }
        let current = info().mapSize
        guard current < configuration.maximumMapSize else { throw LMDBError.mapFull }
        let next = min(max(current * 2, current + (64 << 20)), configuration.maximumMapSize)
        try check(mdb_env_set_mapsize(pointer, next), "mdb_env_set_mapsize(\(next))")
    }

    /// Opens a named database, creating it when `flags` contains `.create`.
    ///
    /// Returns `nil` when the database does not exist and `.create` is not given.
    /// The corresponding C function is `mdb_dbi_open`.
    public func openDatabase(_ name: String?, flags: Database.Flags = [.create]) throws -> Database? {
        let readOnly = configuration.flags.contains(.readOnly) || !flags.contains(.create)
        do {
            return try withTransaction(readOnly: readOnly) { transaction in
                var handle: MDB_dbi = 0
                try check(
                    mdb_dbi_open(transaction.pointer, name, flags.rawValue, &handle), "mdb_dbi_open(\(name ?? "main"))")
                return Database(handle: handle, name: name)
            }
        } catch LMDBError.notFound {
            return nil
        }
    }

    /// Facts about the map (`mdb_env_info`).
    public func info() -> Info {
        var raw = MDB_envinfo()
        mdb_env_info(pointer, &raw)
        return Info(
            mapSize: raw.me_mapsize, lastPage: raw.me_last_pgno, lastTransaction: raw.me_last_txnid,
            maximumReaders: Int(raw.me_maxreaders), readersInUse: Int(raw.me_numreaders))
    }

    /// Drops the map's pages from this process's resident set (`madvise(MADV_DONTNEED)` over each
    /// mapping of the data file), so that a long scan does not keep every page it touched
    /// resident. A no-op where `/proc/self/maps` is missing.
    ///
    /// Nothing is lost: environments here never use `MDB_WRITEMAP`, so the map is read-only and
    /// LMDB writes through `pwrite`. A dropped page is read again from the file (usually from the
    /// page cache) the next time anything touches it, even inside a transaction still open.
    public func releaseMappedPages() {
        guard let file = dataFileIdentity() else { return }
        // LMDB reports the map's address only for a fixed map, so it is found by the file's
        // device and inode among this process's mappings; the lock keeps a resize from moving it.
        pthread_rwlock_rdlock(resizeLock)
        defer { pthread_rwlock_unlock(resizeLock) }
        var found = [Mapping]()
        Self.forEachLine(of: "/proc/self/maps") { line in
            if let mapping = Mapping(line), mapping.device == file.device, mapping.inode == file.inode {
                found.append(mapping)
            }
        }
        for mapping in found { _ = madvise(mapping.start, mapping.count, MADV_DONTNEED) }
    }

    /// Drops the data file's pages from the page cache as well as from this process's map
    /// (``releaseMappedPages()``, then `posix_fadvise(POSIX_FADV_DONTNEED)` over the whole file),
    /// so that what is read next comes from the file in the kernel's read-around pieces. A no-op
    /// where the call is missing. Pages that another process maps, or that are not yet written
    /// back, stay; nothing is lost, since the file holds every committed page.
    ///
    /// Pages cached in large folios, as a copy or a backup that reads or writes the file in large
    /// runs leaves them, are mapped whole by a read fault: on Linux 6.18, touching one page of
    /// such a file mapped 1.3–1.9 MiB, against 64 KiB on a file read through the map.
    public func dropCachedPages() {
        releaseMappedPages()
        #if canImport(Glibc)
            guard let descriptor = dataFileDescriptor() else { return }
            _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_DONTNEED)
        #endif
    }

    /// The bytes of the map resident in this process now: the `Rss` of its mappings of the data
    /// file in `/proc/self/smaps`, 0 where the kernel does not say.
    public func residentBytes() -> Int {
        guard let file = dataFileIdentity() else { return 0 }
        var inMapping = false
        var kibibytes = 0
        Self.forEachLine(of: "/proc/self/smaps") { line in
            if let mapping = Mapping(line) {
                inMapping = mapping.device == file.device && mapping.inode == file.inode
            } else if inMapping, line.hasPrefix("Rss:") {
                kibibytes += line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            }
        }
        return kibibytes * 1024
    }

    /// The descriptor LMDB holds open on the data file (`mdb_env_get_fd`).
    private func dataFileDescriptor() -> Int32? {
        var descriptor: Int32 = -1
        return mdb_env_get_fd(pointer, &descriptor) == 0 ? descriptor : nil
    }

    /// The device and inode of the data file.
    private func dataFileIdentity() -> (device: UInt64, inode: UInt64)? {
        var file = stat()
        guard let descriptor = dataFileDescriptor(), fstat(descriptor, &file) == 0 else { return nil }
        return (UInt64(file.st_dev), UInt64(file.st_ino))
    }

    /// One mapping of this process, from its line in `/proc/self/maps` or `/proc/self/smaps`:
    /// `start-end perms offset major:minor inode path`, the numbers in hexadecimal but the inode.
    private struct Mapping {
        var start: UnsafeMutableRawPointer
        var count: Int
        /// The file's device number, in glibc's encoding of its major and minor parts.
        var device: UInt64
        var inode: UInt64

        init?(_ line: Substring) {
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count >= 5, let inode = UInt64(fields[4]) else { return nil }
            let range = fields[0].split(separator: "-")
            let device = fields[3].split(separator: ":")
            guard range.count == 2, let start = UInt(range[0], radix: 16), let end = UInt(range[1], radix: 16),
                end > start, let address = UnsafeMutableRawPointer(bitPattern: start),
                device.count == 2, let major = UInt64(device[0], radix: 16), let minor = UInt64(device[1], radix: 16)
            else { return nil }
            self.start = address
            self.count = Int(end - start)
            self.inode = inode
            self.device = (major & 0xfff) << 8 | (major & ~0xfff) << 32 | (minor & 0xff) | (minor & ~0xff) << 12
        }
    }

    /// Calls `body` with each line of the file at `path`, without its newline, read line by line:
    /// a whole-file read of a `/proc` file stops after its first block.
    private static func forEachLine(of path: String, _ body: (Substring) -> Void) {
        guard let stream = fopen(path, "r") else { return }
        defer { fclose(stream) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, stream) > 0, let line {
            let text = String(cString: line)
            body(text.hasSuffix("\n") ? text.dropLast() : text[...])
        }
    }

    /// Facts about the map, from `mdb_env_info`.
    public struct Info: Sendable, Hashable {
        public var mapSize: Int
        public var lastPage: Int
        public var lastTransaction: Int
        public var maximumReaders: Int
        public var readersInUse: Int
    }

    /// The page size of the environment (`mdb_env_stat`).
    public var pageSize: Int {
        var stat = MDB_stat()
        mdb_env_stat(pointer, &stat)
        return Int(stat.ms_psize)
    }

    /// Copies the environment to the directory `path` while it stays open for writing.
    ///
    /// With `compact`, free pages are omitted and pages renumbered. The corresponding C function
    /// is `mdb_env_copy2`.
    public func copy(to path: String, compact: Bool = true) throws {
        try check(mdb_env_copy2(pointer, path, compact ? UInt32(MDB_CP_COMPACT) : 0), "mdb_env_copy2(\(path))")
    }

    /// Flushes buffers to disk (needed only with `noSync` or `noMetaSync`).
    public func sync(force: Bool = true) throws {
        try check(mdb_env_sync(pointer, force ? 1 : 0), "mdb_env_sync")
    }

    /// Clears reader slots of processes that have died, returning how many were cleared.
    @discardableResult
    public func clearStaleReaders() throws -> Int {
        var dead: Int32 = 0
        try check(mdb_reader_check(pointer, &dead), "mdb_reader_check")
        return Int(dead)
    }
}
