import CLMDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A transaction, lent to the closure of ``Environment/read(_:)`` or ``Environment/write(_:)``.
///
/// It must not escape that closure. Buffers it returns point into the memory map and are valid
/// only until the transaction ends or, in a write transaction, until the next write.
public final class Transaction {
    let pointer: OpaquePointer
    /// Whether this is a read-only transaction.
    public let isReadOnly: Bool
    private var isFinished = false

    init(pointer: OpaquePointer, readOnly: Bool) {
        self.pointer = pointer
        self.isReadOnly = readOnly
    }

    func commit() throws {
        isFinished = true
        // A failed commit has already freed the transaction: no abort may follow.
        try check(mdb_txn_commit(pointer), "mdb_txn_commit")
    }

    func abort() {
        guard !isFinished else { return }
        isFinished = true
        mdb_txn_abort(pointer)
    }

    // MARK: Reading

    /// The value stored under `key`, borrowed from the map; `nil` when the key is absent.
    ///
    /// The corresponding C function is `mdb_get`.
    public func value(_ database: Database, forKey key: UnsafeRawBufferPointer) throws -> UnsafeRawBufferPointer? {
        var keyVal = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var data = MDB_val()
        let code = mdb_get(pointer, database.handle, &keyVal, &data)
        if code == MDB_NOTFOUND { return nil }
        try check(code, "mdb_get(\(database.name ?? "main"))")
        return UnsafeRawBufferPointer(start: data.mv_data, count: data.mv_size)
    }

    /// The value stored under `key`, copied out; `nil` when the key is absent.
    @inlinable
    public func value(_ database: Database, forKey key: some Collection<UInt8>) throws -> [UInt8]? {
        try withBytes(key) { key in try value(database, forKey: key).map { Array($0) } }
    }

    /// Lends the value stored under `key`, borrowed from the map (`nil` when the key is absent),
    /// to `body` without copying it.
    @inlinable
    public func withValue<Result>(
        _ database: Database, forKey key: some Collection<UInt8>, _ body: (UnsafeRawBufferPointer?) throws -> Result
    ) throws -> Result {
        try withBytes(key) { key in try body(value(database, forKey: key)) }
    }

    /// Whether `key` is present.
    @inlinable
    public func contains(_ database: Database, key: some Collection<UInt8>) throws -> Bool {
        try withBytes(key) { key in try value(database, forKey: key) != nil }
    }

    /// Entry counts and page usage of a database (`mdb_stat`).
    public func statistics(_ database: Database) throws -> DatabaseStatistics {
        var stat = MDB_stat()
        try check(mdb_stat(pointer, database.handle, &stat), "mdb_stat(\(database.name ?? "main"))")
        return DatabaseStatistics(stat)
    }

    // MARK: Writing

    /// Stores `value` under `key`.
    ///
    /// With `.noOverwrite`, an existing key makes it throw ``LMDBError/keyExists``; with
    /// `.append`, the key must sort after every key present. The corresponding C function is
    /// `mdb_put`.
    public func put(
        _ database: Database, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, flags: PutFlags = []
    ) throws {
        var keyVal = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var data = MDB_val(mv_size: value.count, mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress))
        try check(
            mdb_put(pointer, database.handle, &keyVal, &data, flags.rawValue), "mdb_put(\(database.name ?? "main"))")
    }

    /// Stores `value` under `key` (copying convenience over the raw-buffer form).
    @inlinable
    public func put(
        _ database: Database, key: some Collection<UInt8>, value: some Collection<UInt8>, flags: PutFlags = []
    ) throws {
        try withBytes(key) { key in
            try withBytes(value) { value in try put(database, key: key, value: value, flags: flags) }
        }
    }

    /// Reserves `count` bytes under `key` and lets `fill` write the value in place, saving a copy.
    ///
    /// The corresponding C function is `mdb_put` with `MDB_RESERVE`.
    public func put(
        _ database: Database, key: UnsafeRawBufferPointer, reservingCount count: Int, flags: PutFlags = [],
        fill: (UnsafeMutableRawBufferPointer) throws -> Void
    ) throws {
        var keyVal = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var data = MDB_val(mv_size: count, mv_data: nil)
        try check(
            mdb_put(pointer, database.handle, &keyVal, &data, flags.rawValue | UInt32(MDB_RESERVE)),
            "mdb_put(\(database.name ?? "main"), reserve)")
        try fill(UnsafeMutableRawBufferPointer(start: data.mv_data, count: count))
    }

    /// Removes `key`; returns whether it was present. The corresponding C function is `mdb_del`.
    @discardableResult
    public func delete(_ database: Database, key: some Collection<UInt8>) throws -> Bool {
        try withBytes(key) { key in
            var keyVal = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
            let code = mdb_del(pointer, database.handle, &keyVal, nil)
            if code == MDB_NOTFOUND { return false }
            try check(code, "mdb_del(\(database.name ?? "main"))")
            return true
        }
    }

    /// Removes every entry of a database, keeping it open. The corresponding C function is
    /// `mdb_drop` with `del` = 0.
    public func removeAll(_ database: Database) throws {
        try check(mdb_drop(pointer, database.handle, 0), "mdb_drop(\(database.name ?? "main"))")
    }

    /// Deletes a named database from the environment; its handle is closed. The corresponding C
    /// function is `mdb_drop` with `del` = 1.
    public func dropDatabase(_ database: Database) throws {
        try check(mdb_drop(pointer, database.handle, 1), "mdb_drop(\(database.name ?? "main"), delete)")
    }

    // MARK: Cursors

    /// Runs `body` with a cursor over `database`, closing it afterwards.
    public func withCursor<Result>(_ database: Database, _ body: (Cursor) throws -> Result) throws -> Result {
        let cursor = try openCursor(database)
        defer { mdb_cursor_close(cursor.pointer) }
        return try body(cursor)
    }

    /// Runs `body` with one cursor over each of `databases`, in the same order, closing them
    /// afterwards.
    ///
    /// Cursors kept open across a loop's writes keep their positions, so LMDB often finds the
    /// next key on the page a cursor is already on instead of searching the tree from its root.
    public func withCursors<Result>(_ databases: [Database], _ body: ([Cursor]) throws -> Result) throws -> Result {
        var cursors = [Cursor]()
        cursors.reserveCapacity(databases.count)
        defer {
            for cursor in cursors { mdb_cursor_close(cursor.pointer) }
        }
        for database in databases { cursors.append(try openCursor(database)) }
        return try body(cursors)
    }

    /// A new cursor over `database`, which the caller must close (`mdb_cursor_open`).
    private func openCursor(_ database: Database) throws -> Cursor {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(pointer, database.handle, &cursor), "mdb_cursor_open(\(database.name ?? "main"))")
        guard let cursor else { throw LMDBError(code: EINVAL, context: "mdb_cursor_open") }
        return Cursor(pointer: cursor, database: database)
    }
}

/// Lends a contiguous view of any byte collection, copying only when it is not contiguous.
///
/// It and the byte-collection conveniences built on it are inlinable, so that they are
/// specialized where they are called: called generically from another module, the dispatch
/// through `Collection` cost the ledger's append a tenth to a fifth of its time.
@inlinable @inline(__always)
func withBytes<Result>(
    _ bytes: some Collection<UInt8>, _ body: (UnsafeRawBufferPointer) throws -> Result
) throws -> Result {
    if let result = try bytes.withContiguousStorageIfAvailable({ try body(UnsafeRawBufferPointer($0)) }) {
        return result
    }
    return try Array(bytes).withUnsafeBytes(body)
}
