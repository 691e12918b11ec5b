import Foundation
import Testing

@testable import LMDB

@Suite struct EnvironmentTests {
    @Test func aCommittedWriteIsReadBackAndAMissingKeyIsNil() throws {
        try withTemporaryDirectory { path in
            let environment = try Environment(path: path)
            let database = try #require(try environment.openDatabase("things"))
            try environment.write { txn in try txn.put(database, key: Array("a".utf8), value: [1, 2, 3]) }
            let value = try environment.read { txn in try txn.value(database, forKey: Array("a".utf8)) }
            #expect(value == [1, 2, 3])
            let missing = try environment.read { txn in try txn.value(database, forKey: Array("b".utf8)) }
            #expect(missing == nil)
        }
    }

    @Test func aThrowingWriteClosureAbortsEverythingItWrote() throws {
        struct Stop: Error {}
        try withTemporaryDirectory { path in
            let environment = try Environment(path: path)
            let database = try #require(try environment.openDatabase("things"))
            #expect(throws: Stop.self) {
                try environment.write { txn in
                    try txn.put(database, key: [1], value: [1])
                    throw Stop()
                }
            }
            let count = try environment.read { try $0.statistics(database).entries }
            #expect(count == 0)
        }
    }

    @Test func noOverwriteThrowsKeyExistsMatchableInCatch() throws {
        try withTemporaryDirectory { path in
            let environment = try Environment(path: path)
            let database = try #require(try environment.openDatabase("things"))
            try environment.write { txn in try txn.put(database, key: [1], value: [1]) }
            var matched = false
            do {
                try environment.write { txn in try txn.put(database, key: [1], value: [2], flags: .noOverwrite) }
            } catch LMDBError.keyExists {
                matched = true
            }
            #expect(matched)
            let value = try environment.read { try $0.value(database, forKey: [1]) }
            #expect(value == [1])
        }
    }

    @Test func cursorsVisitKeysInByteOrderAndSeekToTheNextKey() throws {
        try withTemporaryDirectory { path in
            let environment = try Environment(path: path)
            let database = try #require(try environment.openDatabase("things"))
            try environment.write { txn in
                for key: UInt8 in [5, 1, 9, 3] { try txn.put(database, key: [key], value: [key * 2]) }
            }
            let (all, fromFour, last): ([UInt8], UInt8?, UInt8?) = try environment.read { txn in
                try txn.withCursor(database) { cursor in
                    var keys = [UInt8]()
                    while let entry = try cursor.next() { keys.append(entry.key[0]) }
                    let seek = try cursor.seek(atOrAfter: [UInt8(4)])?.key[0]
                    let last = try cursor.last()?.value[0]
                    return (keys, seek, last)
                }
            }
            #expect(all == [1, 3, 5, 9])
            #expect(fromFour == 5)
            #expect(last == 18)
        }
    }

    @Test func theMapGrowsWhenAWriteFillsIt() throws {
        try withTemporaryDirectory { path in
            var configuration = Environment.Configuration()
            configuration.mapSize = 64 << 10
            configuration.flags = [.noSync]
            let environment = try Environment(path: path, configuration: configuration)
            let database = try #require(try environment.openDatabase("things"))
            let value = [UInt8](repeating: 7, count: 1000)
            for batch in 0..<20 {
                try environment.write { txn in
                    for index in 0..<200 {
                        var key = [UInt8]()
                        key.append(contentsOf: withUnsafeBytes(of: UInt32(batch * 200 + index).bigEndian) { Array($0) })
                        try txn.put(database, key: key, value: value)
                    }
                }
            }
            let count = try environment.read { try $0.statistics(database).entries }
            #expect(count == 4000)
            #expect(environment.info().mapSize > 64 << 10)
        }
    }

    @Test func releasedMappedPagesLeaveTheResidentSetAndReadBackUnchangedEvenInAnOpenTransaction() throws {
        try withTemporaryDirectory { path in
            let environment = try Environment(path: path)
            let database = try #require(try environment.openDatabase("things"))
            let values = try putEightMebibytes(in: environment, database)
            let (touched, released, reread) = try environment.read { txn in
                let first = try holds(values, in: database, txn)
                let touched = environment.residentBytes()
                environment.releaseMappedPages()
                let released = environment.residentBytes()
                return (first ? touched : 0, released, try holds(values, in: database, txn))
            }
            #expect(touched >= 8 << 20)
            #expect(released < 1 << 20)
            #expect(reread)
            let afterwards = try environment.read { try $0.value(database, forKey: Array("2047".utf8)) }
            #expect(afterwards == values[2_047])
        }
    }

    @Test func droppedCachedPagesLeaveThePageCacheAndReadBackUnchanged() throws {
        try withTemporaryDirectory { path in
            let environment = try Environment(path: path)
            let database = try #require(try environment.openDatabase("things"))
            // Cached once written: each commit is synced.
            let values = try putEightMebibytes(in: environment, database)
            func readAll() throws -> Bool { try environment.read { try holds(values, in: database, $0) } }
            #expect(try readAll())
            let cached = try cachedBytes(of: path + "/data.mdb")
            environment.dropCachedPages()
            let dropped = try cachedBytes(of: path + "/data.mdb")
            #expect(cached >= 8 << 20)
            #expect(dropped < 1 << 20)
            #expect(try readAll())
        }
    }

    @Test func openingADatabaseThatDoesNotExistWithoutCreateIsNil() throws {
        try withTemporaryDirectory { path in
            let environment = try Environment(path: path)
            #expect(try environment.openDatabase("absent", flags: []) == nil)
        }
    }
}

func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
    var template = Array((FileManager.default.temporaryDirectory.path + "/lmdb-test-XXXXXX").utf8CString)
    let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    defer { try? FileManager.default.removeItem(atPath: path) }
    try body(path)
}

/// Puts 2,048 values of 4 KiB under the keys `"0"`…`"2047"` in one commit, each on its own
/// overflow pages: 8 MiB of the file and of the map. Returns the values, in key order.
func putEightMebibytes(in environment: Environment, _ database: Database) throws -> [[UInt8]] {
    let values = (0..<2_048).map { index in (0..<4_096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ index) } }
    try environment.write { txn in
        for (index, value) in values.enumerated() { try txn.put(database, key: Array("\(index)".utf8), value: value) }
    }
    return values
}

/// Whether `database` holds `values` under the keys `putEightMebibytes` gave them, as `txn` sees it.
func holds(_ values: [[UInt8]], in database: Database, _ txn: Transaction) throws -> Bool {
    try values.indices.allSatisfy { try txn.value(database, forKey: Array("\($0)".utf8)) == values[$0] }
}

/// The bytes of the file at `path` in the page cache: `mincore` over a mapping of it that this
/// function makes and touches nowhere.
func cachedBytes(of path: String) throws -> Int {
    func failure() -> POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw failure() }
    defer { close(descriptor) }
    var file = stat()
    guard fstat(descriptor, &file) == 0 else { throw failure() }
    let size = Int(file.st_size)
    guard let map = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0),
        map != UnsafeMutableRawPointer(bitPattern: -1)
    else { throw failure() }
    defer { munmap(map, size) }
    let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    var pages = [UInt8](repeating: 0, count: (size + pageSize - 1) / pageSize)
    guard mincore(map, size, &pages) == 0 else { throw failure() }
    return pages.filter { $0 & 1 != 0 }.count * pageSize
}
