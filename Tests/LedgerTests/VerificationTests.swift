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
}

func sha256(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }
