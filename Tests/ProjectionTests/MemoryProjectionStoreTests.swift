import Foundation
import Ledger
import TTHCWorkload
import Testing

/// The in-memory store serves replays (`--as-of`) to the same report code that reads LMDB
/// tables, so its scans must visit exactly what an LMDB table's would, whatever was written
/// between them.
@Suite struct MemoryProjectionStoreTests {
    @Test func scansVisitWhatAnLMDBTableVisitsWhileKeysAreAddedAndRemoved() throws {
        try withTemporaryDirectory { path in
            let ledger = try openLedger(path)
            let table = try ledger.table(named: "scanned")
            let memory = MemoryProjectionStore(tableCount: 2)
            let scanned = ProjectionTable(1)
            var random = SplitMix64(seed: 42)
            // Few distinct bytes, short keys: many shared prefixes, repeated keys, and 0x00/0xFF edges.
            let alphabet: [UInt8] = [0x00, 0x01, 0x41, 0x7F, 0x80, 0xFF]
            func key(length: ClosedRange<Int>) -> [UInt8] {
                (0..<random.int(in: length)).map { _ in alphabet[random.int(in: 0...alphabet.count - 1)] }
            }

            var scans = 0
            for round in 0..<30 {
                try ledger.writeTables { txn in
                    for index in 0..<30 {
                        let key = key(length: 1...4)
                        if random.int(in: 0...9) < 7 {
                            let value = [UInt8(round), UInt8(index)]
                            try txn.put(table, key: key, value: value)
                            try memory.put(scanned, key: key, value: value)
                        } else {
                            try txn.delete(table, key: key)
                            try memory.delete(scanned, key: key)
                        }
                    }
                }
                for _ in 0..<25 {
                    let prefix = key(length: 0...2)
                    // Reports start at a key within the prefix's range, or at the prefix itself.
                    let start: [UInt8]? = random.int(in: 0...2) == 0 ? nil : prefix + key(length: 0...2)
                    let limit = random.int(in: 0...3) == 0 ? random.int(in: 1...5) : Int.max
                    var expected = [[UInt8]]()
                    try ledger.readTables { txn in
                        try txn.scan(table, prefix: prefix, from: start) { key, value in
                            expected.append(Array(key) + [0xEE] + Array(value))
                            return expected.count < limit
                        }
                    }
                    var actual = [[UInt8]]()
                    try memory.scan(scanned, prefix: prefix, from: start) { key, value in
                        actual.append(Array(key) + [0xEE] + Array(value))
                        return actual.count < limit
                    }
                    #expect(actual == expected, "prefix \(prefix), from \(start ?? []), limit \(limit)")
                    scans += expected.isEmpty ? 0 : 1
                }
            }
            #expect(scans > 300, "most scans should visit something")
            // The other table was never written: it scans empty.
            try memory.scan(ProjectionTable(0)) { _, _ in
                Issue.record("an unwritten table visited an entry")
                return true
            }
        }
    }

    @Test func keysAddedOrRemovedDuringAScanDoNotDisturbIt() throws {
        let memory = MemoryProjectionStore(tableCount: 1)
        let table = ProjectionTable(0)
        for byte: UInt8 in [1, 3, 5, 7] { try memory.put(table, key: [byte], value: [byte]) }
        var visited = [UInt8]()
        try memory.scan(table) { key, _ in
            visited.append(key[0])
            if key[0] == 3 {
                try memory.delete(table, key: [5])
                try memory.put(table, key: [4], value: [4])
            }
            return true
        }
        // As over a snapshot of the keys: the removed one is skipped, the added one not visited.
        #expect(visited == [1, 3, 7])
        var after = [UInt8]()
        try memory.scan(table) { key, _ in
            after.append(key[0])
            return true
        }
        #expect(after == [1, 3, 4, 7])
    }
}
