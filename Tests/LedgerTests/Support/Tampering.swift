import LMDB

/// Rewrites a stored event through the raw LMDB API, as an attacker with file access could.
/// The ledger must be closed (no `Ledger` instance alive for `directory`).
func tamperWithStoredEvent(in directory: String, seq: UInt64, _ change: (inout [UInt8]) -> Void) throws {
    let environment = try Environment(path: directory)
    let events = try environment.openDatabase("events", flags: [])!
    let key = withUnsafeBytes(of: seq.bigEndian) { Array($0) }
    try environment.write { txn in
        var value = try txn.value(events, forKey: key)!
        change(&value)
        try txn.put(events, key: key, value: value)
    }
}

/// Removes the stored event at `seq` through the raw LMDB API.
func deleteStoredEvent(in directory: String, seq: UInt64) throws {
    let environment = try Environment(path: directory)
    let events = try environment.openDatabase("events", flags: [])!
    _ = try environment.write { txn in try txn.delete(events, key: withUnsafeBytes(of: seq.bigEndian) { Array($0) }) }
}

/// Changes one database of a closed ledger through the raw LMDB API.
func tamperWithDatabase(
    in directory: String, named name: String, _ change: (Transaction, Database) throws -> Void
)
    throws
{
    let environment = try Environment(path: directory)
    let database = try environment.openDatabase(name, flags: [])!
    try environment.write { txn in try change(txn, database) }
}
