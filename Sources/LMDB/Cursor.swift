import CLMDB

/// A key and value borrowed from the map, valid until the transaction ends or the next write.
public struct Entry {
    public let key: UnsafeRawBufferPointer
    public let value: UnsafeRawBufferPointer
}

/// A position in a database, lent to the closure of ``Transaction/withCursor(_:_:)``.
///
/// Every move throws on an LMDB error and returns `nil` at the end of the database: running off
/// the end is not an error, and no error is ever swallowed.
public final class Cursor {
    let pointer: OpaquePointer
    public let database: Database

    init(pointer: OpaquePointer, database: Database) {
        self.pointer = pointer
        self.database = database
    }

    private func move(_ op: MDB_cursor_op, key: UnsafeRawBufferPointer? = nil) throws -> Entry? {
        var keyVal = MDB_val(mv_size: key?.count ?? 0, mv_data: UnsafeMutableRawPointer(mutating: key?.baseAddress))
        var data = MDB_val()
        let code = mdb_cursor_get(pointer, &keyVal, &data, op)
        if code == MDB_NOTFOUND { return nil }
        try check(code, "mdb_cursor_get(\(database.name ?? "main"))")
        return Entry(
            key: UnsafeRawBufferPointer(start: keyVal.mv_data, count: keyVal.mv_size),
            value: UnsafeRawBufferPointer(start: data.mv_data, count: data.mv_size))
    }

    /// Moves to the first entry (`MDB_FIRST`).
    public func first() throws -> Entry? { try move(MDB_FIRST) }
    /// Moves to the last entry (`MDB_LAST`).
    public func last() throws -> Entry? { try move(MDB_LAST) }
    /// Moves to the next entry (`MDB_NEXT`); from a fresh cursor, the first.
    public func next() throws -> Entry? { try move(MDB_NEXT) }
    /// Moves to the previous entry (`MDB_PREV`); from a fresh cursor, the last.
    public func previous() throws -> Entry? { try move(MDB_PREV) }
    /// The entry at the cursor (`MDB_GET_CURRENT`).
    public func current() throws -> Entry? { try move(MDB_GET_CURRENT) }

    /// Moves to the first entry whose key is ≥ `key` (`MDB_SET_RANGE`).
    public func seek(atOrAfter key: UnsafeRawBufferPointer) throws -> Entry? { try move(MDB_SET_RANGE, key: key) }
    @inlinable
    public func seek(atOrAfter key: some Collection<UInt8>) throws -> Entry? {
        try withBytes(key) { try seek(atOrAfter: $0) }
    }

    /// Moves to exactly `key` (`MDB_SET_KEY`); `nil` when absent.
    public func seek(exactly key: UnsafeRawBufferPointer) throws -> Entry? { try move(MDB_SET_KEY, key: key) }
    @inlinable
    public func seek(exactly key: some Collection<UInt8>) throws -> Entry? {
        try withBytes(key) { try seek(exactly: $0) }
    }

    /// Stores a value at `key` through the cursor (`mdb_cursor_put`); with `.append` this is the
    /// fastest way to load keys in order.
    public func put(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, flags: PutFlags = []) throws {
        var keyVal = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var data = MDB_val(mv_size: value.count, mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress))
        try check(mdb_cursor_put(pointer, &keyVal, &data, flags.rawValue), "mdb_cursor_put(\(database.name ?? "main"))")
    }

    /// Stores `value` under `key` through the cursor (copying convenience over the raw-buffer form).
    @inlinable
    public func put(key: some Collection<UInt8>, value: some Collection<UInt8>, flags: PutFlags = []) throws {
        try withBytes(key) { key in
            try withBytes(value) { value in try put(key: key, value: value, flags: flags) }
        }
    }

    /// Stores `value` under `key` unless the key is present, through the cursor; returns the
    /// value already stored (borrowed from the map) when it is, `nil` when `value` was stored.
    ///
    /// One B-tree search answers both whether the key is present and where it goes. The
    /// corresponding C function is `mdb_cursor_put` with `MDB_NOOVERWRITE`, which reports the
    /// present value.
    public func putIfAbsent(
        key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer
    ) throws -> UnsafeRawBufferPointer? {
        var keyVal = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var data = MDB_val(mv_size: value.count, mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress))
        let code = mdb_cursor_put(pointer, &keyVal, &data, UInt32(MDB_NOOVERWRITE))
        if code == MDB_KEYEXIST { return UnsafeRawBufferPointer(start: data.mv_data, count: data.mv_size) }
        try check(code, "mdb_cursor_put(\(database.name ?? "main"))")
        return nil
    }

    /// Stores `value` under `key` unless present (copying convenience over the raw-buffer form).
    @inlinable
    public func putIfAbsent(
        key: some Collection<UInt8>, value: some Collection<UInt8>
    ) throws -> UnsafeRawBufferPointer? {
        try withBytes(key) { key in try withBytes(value) { value in try putIfAbsent(key: key, value: value) } }
    }

    /// Reserves `count` bytes under `key` through the cursor and lets `fill` write the value in
    /// place, saving a copy.
    ///
    /// The corresponding C function is `mdb_cursor_put` with `MDB_RESERVE`.
    public func put(
        key: UnsafeRawBufferPointer, reservingCount count: Int, flags: PutFlags = [],
        fill: (UnsafeMutableRawBufferPointer) throws -> Void
    ) throws {
        var keyVal = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var data = MDB_val(mv_size: count, mv_data: nil)
        try check(
            mdb_cursor_put(pointer, &keyVal, &data, flags.rawValue | UInt32(MDB_RESERVE)),
            "mdb_cursor_put(\(database.name ?? "main"), reserve)")
        try fill(UnsafeMutableRawBufferPointer(start: data.mv_data, count: count))
    }

    /// Deletes the entry at the cursor (`mdb_cursor_del`).
    public func deleteCurrent() throws {
        try check(mdb_cursor_del(pointer, 0), "mdb_cursor_del(\(database.name ?? "main"))")
    }
}
