import Crypto
import LMDB
import Testing

@testable import Ledger

/// The bytes a ledger stores, pinned: every database's keys and values and the head hash after a
/// fixed sequence of appends must not change when the append path is rewritten for speed, or
/// existing ledgers would stop verifying.
@Suite struct StorageFormatTests {
    static let clock: @Sendable () -> Timestamp = { Timestamp(secondsSinceEpoch: 1_750_000_000) }

    /// Three batches over streams old and new, several types, given ids repeated within a batch
    /// and across batches, and expected versions that hold.
    static func batches() -> [[EventDraft]] {
        var batches = [[EventDraft]]()
        var index = 0
        for batch in 0..<3 {
            var drafts = [EventDraft]()
            for step in 0..<400 {
                index += 1
                let stream = "dossier/\((step * 7 + batch * 13) % (60 + batch * 40))"
                let type = ["DossierReceived", "DossierReturned", "DossierPaused"][step % 3]
                let id = step % 50 == 49 ? "event-\(index - 30)" : "event-\(index)"
                drafts.append(draft(index, stream: stream, type: type, id: id))
            }
            if batch == 1 {
                drafts.append(draft(index + 1, stream: "unit/new", id: "event-unit", expected: .noStream))
                drafts.append(draft(index + 2, stream: "unit/new", id: "event-unit-2", expected: .exactly(1)))
                index += 2
            }
            batches.append(drafts)
        }
        return batches
    }

    /// SHA-256 over every entry of every ledger database, in name order then key order.
    static func contentDigest(of ledger: Ledger) throws -> String {
        var hasher = SHA256()
        try ledger.environment.read { txn in
            for name in Ledger.databaseNames.sorted() {
                guard let database = try ledger.environment.openDatabase(name, flags: []) else { continue }
                hasher.update(data: Array(name.utf8))
                try txn.withCursor(database) { cursor in
                    while let entry = try cursor.next() {
                        withUnsafeBytes(of: UInt64(entry.key.count).bigEndian) { hasher.update(bufferPointer: $0) }
                        hasher.update(bufferPointer: entry.key)
                        withUnsafeBytes(of: UInt64(entry.value.count).bigEndian) { hasher.update(bufferPointer: $0) }
                        hasher.update(bufferPointer: entry.value)
                    }
                }
            }
        }
        return hexString(hasher.finalize())
    }

    @Test func aFixedSequenceOfAppendsStoresTheSameBytesAsEver() throws {
        try withTemporaryLedger(noSync: true, clock: Self.clock) { ledger, _ in
            var seqs = [UInt64]()
            for batch in Self.batches() {
                seqs += try ledger.append(batch).seqs
            }
            #expect(seqs.count == 1202)
            #expect(try ledger.head().seq == 1178)
            let head = try ledger.head().hashHex
            let content = try Self.contentDigest(of: ledger)
            #expect(head == "5b4c4803e5bfe8dbe0f85794f249e07d4b62c13d05ca4e6b3e244c73ef891e0f")
            #expect(content == "5036da432c3983095fc32116bb4274650fc7b1b597eb9a2c52970ed3c6448a83")
            #expect(try ledger.verify().isIntact)
        }
    }
}
