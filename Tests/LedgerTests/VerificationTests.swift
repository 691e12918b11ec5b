import Crypto
import Testing

@testable import Ledger

@Suite struct VerificationTests {
    /// Builds a closed ledger of `count` events in `path`.
    private func makeLedger(_ path: String, count: Int) throws {
        var options = Ledger.Options(create: true)
        options.unsafeNoSync = true
        let ledger = try Ledger(directory: path, options: options)
        try ledger.append((1...count).map { draft($0, stream: "v/\($0 % 3)") })
    }

    @Test func anIntactLedgerVerifiesToItsHead() throws {
        try withTemporaryDirectory { path in
            try makeLedger(path, count: 20)
            let report = try Ledger(directory: path).verify()
            #expect(report.isIntact)
            #expect(report.eventsChecked == 20)
            #expect(report.verifiedThrough == (try Ledger(directory: path).head()))
        }
    }

    @Test(arguments: [
        0,  // prevHash
        40,  // the stored hash
        64,  // the format tag
        70,  // seq
        90,  // occurredAt
        110,  // stream text
    ])
    func aSingleFlippedByteOfEventSevenIsCaughtAtSevenOrItsLink(offset: Int) throws {
        try withTemporaryDirectory { path in
            try makeLedger(path, count: 12)
            try tamperWithStoredEvent(in: path, seq: 7) { value in value[offset] ^= 0x01 }
            let report = try Ledger(directory: path).verify()
            #expect(!report.isIntact)
            #expect(report.firstBadSeq == 7)
            #expect(report.verifiedThrough.seq == 6)
        }
    }

    @Test func aFlippedLastPayloadByteIsCaught() throws {
        try withTemporaryDirectory { path in
            try makeLedger(path, count: 5)
            try tamperWithStoredEvent(in: path, seq: 5) { value in value[value.count - 1] ^= 0x80 }
            let report = try Ledger(directory: path).verify()
            #expect(report.firstBadSeq == 5)
        }
    }

    @Test func aRehashedForgeryBreaksTheNextLink() throws {
        try withTemporaryDirectory { path in
            try makeLedger(path, count: 8)
            // Change event 4's payload and recompute its own hash: the chain still breaks at 5.
            try tamperWithStoredEvent(in: path, seq: 4) { value in
                value[value.count - 1] ^= 0x01
                let digest = Array(SHA256.hash(data: Array(value[0..<32]) + Array(value[64...])))
                value.replaceSubrange(32..<64, with: digest)
            }
            let report = try Ledger(directory: path).verify()
            #expect(report.firstBadSeq == 5)
            #expect(report.problem?.contains("does not link") == true)
        }
    }

    @Test func aDeletedEventIsReportedAsAGap() throws {
        try withTemporaryDirectory { path in
            try makeLedger(path, count: 8)
            try deleteStoredEvent(in: path, seq: 3)
            let report = try Ledger(directory: path).verify()
            #expect(report.firstBadSeq == 3)
        }
    }
    // The stream indexes (``StreamIndex``): events of "v/0", "v/1", "v/2" interleave, so
    // streams 1, 2 and 3 are "v/1", "v/2", "v/0" (numbered by their first event).

    @Test func aStreamsEntryPointingElsewhereIsCaughtAtItsEvent() throws {
        try withTemporaryDirectory { path in
            try makeLedger(path, count: 9)
            // Event 5 is version 2 of "v/2" (stream 2); point that entry at event 4.
            try tamperWithDatabase(in: path, named: "streams") { txn, streams in
                try txn.put(streams, key: StreamIndex.key(2, 2), value: seqKey(4))
            }
            let report = try Ledger(directory: path).verify()
            #expect(report.firstBadSeq == 5)
            #expect(report.problem?.contains("streams index") == true)
        }
    }

    @Test func twoStreamsSwappingNumbersAreCaught() throws {
        try withTemporaryDirectory { path in
            try makeLedger(path, count: 9)
            try tamperWithDatabase(in: path, named: "streamIds") { txn, streamIds in
                try txn.put(streamIds, key: Array("v/1".utf8), value: seqKey(3))
                try txn.put(streamIds, key: Array("v/0".utf8), value: seqKey(1))
            }
            let report = try Ledger(directory: path).verify()
            #expect(report.firstBadSeq == 1)
            #expect(!report.isIntact)
        }
    }

    @Test func aSecondNameForAStreamNumberIsCaughtAfterTheWalk() throws {
        try withTemporaryDirectory { path in
            try makeLedger(path, count: 9)
            // A fourth name for stream 1: every event still finds its entries, the census does not.
            try tamperWithDatabase(in: path, named: "streamIds") { txn, streamIds in
                try txn.put(streamIds, key: Array("v/9".utf8), value: seqKey(1))
            }
            let report = try Ledger(directory: path).verify()
            #expect(report.firstBadSeq == nil)
            #expect(report.problem == "two streams have number 1")
            #expect(report.eventsChecked == 9)
        }
    }

    @Test func anEventIdEntryNamingAnotherEventIsCaughtAtTheEventLeftWithout() throws {
        try withTemporaryDirectory { path in
            try makeLedger(path, count: 9)
            let ledger = try Ledger(directory: path)
            let sixth = try #require(try ledger.event(at: 6)).eventId
            try tamperWithDatabase(in: path, named: "eventIds") { txn, eventIds in
                try txn.put(eventIds, key: Array(sixth.utf8), value: seqKey(2))
            }
            let report = try Ledger(directory: path).verify()
            #expect(report.firstBadSeq == 6)
            #expect(report.problem == "event 6: the eventIds index does not point at it")
        }
    }

    @Test func aMissingTypesEntryIsCaughtAtItsEventAndAStrayOneAfterTheWalk() throws {
        try withTemporaryDirectory { path in
            try makeLedger(path, count: 9)
            let type = try #require(try Ledger(directory: path).event(at: 4)).type
            try tamperWithDatabase(in: path, named: "types") { txn, types in
                _ = try txn.delete(types, key: Array(type.utf8) + [0] + seqKey(4))
            }
            let report = try Ledger(directory: path).verify()
            #expect(report.firstBadSeq == 4)
            #expect(report.problem?.contains("types index") == true)
        }
        try withTemporaryDirectory { path in
            try makeLedger(path, count: 9)
            try tamperWithDatabase(in: path, named: "types") { txn, types in
                try txn.put(types, key: Array("Forged".utf8) + [0] + seqKey(3), value: [])
            }
            let report = try Ledger(directory: path).verify()
            #expect(report.firstBadSeq == nil)
            #expect(report.problem?.contains("the types index holds an entry that names no event like it") == true)
            #expect(report.eventsChecked == 9)
        }
    }

    @Test func aStreamsEntryForAVersionNeverRecordedIsCaught() throws {
        try withTemporaryDirectory { path in
            try makeLedger(path, count: 9)
            try tamperWithDatabase(in: path, named: "streams") { txn, streams in
                try txn.put(streams, key: StreamIndex.key(1, 7), value: seqKey(1))
            }
            let report = try Ledger(directory: path).verify()
            #expect(!report.isIntact)
            #expect(report.problem?.contains("streams index") == true)
        }
    }

    @Test func streamVersionsAndReadsGoThroughTheNumberedIndex() throws {
        try withTemporaryDirectory { path in
            try makeLedger(path, count: 9)
            let ledger = try Ledger(directory: path)
            #expect(try ledger.streamVersion("v/0") == 3)
            #expect(try ledger.streamVersion("v/9") == 0)
            #expect(try ledger.events(inStream: "v/2").map(\.seq) == [2, 5, 8])
            #expect(try ledger.statistics().streamCount == 3)
            // A new stream takes the next number; an old one continues its versions.
            try ledger.append([draft(10, stream: "v/3"), draft(11, stream: "v/1")])
            #expect(try ledger.streamVersion("v/3") == 1)
            #expect(try ledger.events(inStream: "v/1").map(\.seq) == [1, 4, 7, 11])
            #expect(try ledger.verify().isIntact)
        }
    }
}

func sha256(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }
