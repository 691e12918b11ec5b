import Foundation
import Testing

@testable import Ledger

@Suite struct EventLogTests {
    @Test func appendedEventsReadBackWithTheirEnvelopeAndADenseSeq() throws {
        try withTemporaryLedger { ledger, _ in
            let outcome = try ledger.append([draft(1), draft(2, stream: "test/b"), draft(3)])
            #expect(outcome.seqs == [1, 2, 3])
            #expect(outcome.appendedCount == 3)
            let events = try ledger.events()
            #expect(events.map(\.seq) == [1, 2, 3])
            #expect(events.map(\.streamVersion) == [1, 1, 2])
            #expect(events[1].stream == "test/b")
            #expect(events[2].payload == Array("payload-3".utf8))
            #expect(events[0].occurredAt == Timestamp(secondsSinceEpoch: 1_744_700_001))
            #expect(events[0].actor == "000.00.31.H23")
            #expect(events[0].prevHash == [UInt8](repeating: 0, count: 32))
            #expect(events[1].prevHash == events[0].hash)
            #expect(try ledger.head() == events[2].position)
            #expect(Set(events.map(\.eventId)).count == 3)
        }
    }

    @Test func theHashIsSHA256OfThePreviousHashAndTheDocumentedCanonicalBytes() throws {
        try withTemporaryLedger { ledger, _ in
            try ledger.append([draft(1, id: "e-1")])
            let event = try #require(try ledger.event(at: 1))
            var canonical: [UInt8] = [1]
            canonical += bigEndian(UInt64(1)) + bigEndian(UInt64(1)) + bigEndian(UInt32(1))
            canonical += bigEndian(UInt64(bitPattern: event.occurredAt.microsecondsSinceEpoch))
            canonical += bigEndian(UInt64(bitPattern: event.recordedAt.microsecondsSinceEpoch))
            for text in ["test/a", "e-1", "Tested", "000.00.31.H23"] {
                canonical += bigEndian(UInt16(text.utf8.count)) + Array(text.utf8)
            }
            canonical += bigEndian(UInt32(event.payload.count)) + event.payload
            let expected = sha256([UInt8](repeating: 0, count: 32) + canonical)
            #expect(event.hash == expected)
        }
    }

    @Test func reappendingAnEventIdWritesNothingAndReturnsTheFirstSeqEvenAfterReopening() throws {
        try withTemporaryLedger { ledger, path in
            try ledger.append([draft(1, id: "a"), draft(2, id: "b")])
            let again = try ledger.append([draft(9, id: "b"), draft(3, id: "c"), draft(3, id: "c")])
            #expect(again.seqs == [2, 3, 3])
            #expect(again.appendedCount == 1)
            let reopened = try Ledger(directory: path)
            let later = try reopened.append([draft(1, id: "a")])
            #expect(later.seqs == [1])
            #expect(later.appendedCount == 0)
            #expect(try reopened.head().seq == 3)
            #expect(try reopened.event(at: 2)?.payload == Array("payload-2".utf8))
        }
    }

    @Test func aWrongExpectedVersionIsAConflictAndWritesNothing() throws {
        try withTemporaryLedger { ledger, _ in
            try ledger.append([
                draft(1, stream: "s", expected: .noStream), draft(2, stream: "s", expected: .exactly(1)),
            ])
            #expect(throws: LedgerError.conflict) {
                try ledger.append([draft(3, stream: "s", expected: .exactly(1))])
            }
            #expect(throws: LedgerError.conflict) {
                try ledger.append([draft(3, stream: "s", expected: .noStream)])
            }
            #expect(try ledger.head().seq == 2)
            #expect(try ledger.streamVersion("s") == 2)
            try ledger.append([draft(3, stream: "s", expected: .exactly(2))])
            #expect(try ledger.streamVersion("s") == 3)
        }
    }

    @Test func aBatchThatFailsMidwayLeavesNothing() throws {
        struct HookRefused: Error {}
        try withTemporaryLedger { ledger, _ in
            try ledger.append([draft(1, stream: "s")])
            let before = try ledger.head()
            #expect(throws: LedgerError.conflict) {
                try ledger.append([draft(2, stream: "t", id: "x"), draft(3, stream: "s", expected: .noStream)])
            }
            #expect(throws: HookRefused.self) {
                try ledger.append([draft(4, stream: "u", id: "y")]) { _ in throw HookRefused() }
            }
            #expect(throws: LedgerError.invalidInput) {
                try ledger.append([draft(5, stream: "v"), draft(6, stream: "")])
            }
            #expect(try ledger.head() == before)
            #expect(try ledger.seq(ofEventId: "x") == nil)
            #expect(try ledger.seq(ofEventId: "y") == nil)
            #expect(try ledger.streamVersion("t") == 0)
            #expect(try ledger.verify().isIntact)
        }
    }

    @Test func recordedAtNeverDecreasesWhenTheClockStepsBack() throws {
        let ticks = Ticks([5_000, 9_000, 2_000, 7_000])
        try withTemporaryLedger(clock: { ticks.next() }) { ledger, _ in
            for index in 0..<4 { try ledger.append([draft(index)]) }
            let recorded = try ledger.events().map(\.recordedAt.microsecondsSinceEpoch)
            #expect(recorded == [5_000, 9_000, 9_000, 9_000])
            #expect(try ledger.seq(recordedAtOrBefore: Timestamp(microsecondsSinceEpoch: 8_999)) == 1)
            #expect(try ledger.seq(recordedAtOrBefore: Timestamp(microsecondsSinceEpoch: 9_000)) == 4)
            #expect(try ledger.seq(recordedAtOrBefore: Timestamp(microsecondsSinceEpoch: 4_999)) == 0)
        }
    }

    @Test func generatedEventIdsAreVersion7UUIDsOfTheRecordingMillisecondIncreasingWithinABatch() throws {
        let instant = Timestamp(microsecondsSinceEpoch: 1_750_000_000_123_456)
        try withTemporaryLedger(noSync: true, clock: { instant }) { ledger, _ in
            try ledger.append((0..<2_000).map { draft($0, stream: "s/\($0 % 7)") })
            try ledger.append((0..<10).map { draft($0) })
            let ids = try ledger.events().map(\.eventId)
            #expect(Set(ids).count == ids.count)
            let milliseconds = String(1_750_000_000_123, radix: 16)
            for id in ids {
                let groups = id.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
                #expect(groups.map(\.count) == [8, 4, 4, 4, 12], "\(id)")
                #expect(groups[0] + groups[1] == String(repeating: "0", count: 12 - milliseconds.count) + milliseconds)
                #expect(groups[2].first == "7")
                #expect("89ab".contains(groups[3].first!))
            }
            #expect(Array(ids[0..<2_000]) == ids[0..<2_000].sorted())
            #expect(Array(ids[2_000...]) == ids[2_000...].sorted())
            for (seq, id) in zip(1..., ids) { #expect(try ledger.seq(ofEventId: id) == UInt64(seq)) }
        }
    }

    @Test func eventsAreReadByStreamByTypeAndAsOfASeq() throws {
        try withTemporaryLedger { ledger, _ in
            try ledger.append([
                draft(1, stream: "a", type: "X"), draft(2, stream: "b", type: "Y"), draft(3, stream: "a", type: "Y"),
                draft(4, stream: "a", type: "X"),
            ])
            #expect(try ledger.events(inStream: "a").map(\.seq) == [1, 3, 4])
            #expect(try ledger.events(inStream: "a", throughSeq: 3).map(\.seq) == [1, 3])
            #expect(try ledger.events(ofType: "Y").map(\.seq) == [2, 3])
            #expect(try ledger.events(ofType: "X", throughSeq: 2).map(\.seq) == [1])
            #expect(try ledger.events(from: 2, through: 3).map(\.seq) == [2, 3])
            #expect(try ledger.events(inStream: "none").isEmpty)
        }
    }

    @Test func theMapGrowsFromATinyInitialSizeThroughAHundredThousandEvents() throws {
        try withTemporaryLedger(noSync: true, initialMapSize: 256 << 10) { ledger, _ in
            let payload = [UInt8](repeating: 0x5A, count: 200)
            for batch in 0..<10 {
                let drafts = (0..<10_000).map { index in
                    EventDraft(
                        stream: "load/\(index % 100)", type: "Loaded", payload: payload,
                        occurredAt: Timestamp(secondsSinceEpoch: Int64(batch * 10_000 + index)), actor: "u")
                }
                try ledger.append(drafts)
            }
            #expect(try ledger.head().seq == 100_000)
            #expect(try ledger.streamVersion("load/7") == 1_000)
            #expect(try ledger.statistics().mapSize > 256 << 10)
            #expect(try ledger.verify().isIntact)
        }
    }

    @Test func readersDuringAppendsAlwaysSeeAConsistentPrefix() throws {
        try withTemporaryLedger(noSync: true) { ledger, _ in
            let done = Flag()
            let failures = Failures()
            let writer = Thread {
                for batch in 0..<200 {
                    do {
                        try ledger.append((0..<50).map { draft(batch * 50 + $0, stream: "r/\($0 % 5)") })
                    } catch {
                        failures.record("append failed: \(error)")
                    }
                }
                done.set()
            }
            writer.start()
            var checks = 0
            while !done.isSet || checks < 5 {
                let head = try ledger.head()
                var previous = [UInt8](repeating: 0, count: 32)
                var count: UInt64 = 0
                try ledger.scan(through: head.seq) { view in
                    count += 1
                    if view.seq != count || !view.prevHash.elementsEqual(previous) {
                        failures.record("broken prefix at \(view.seq)")
                    }
                    previous = Array(view.hash)
                    return true
                }
                if count != head.seq || previous != (head.seq == 0 ? previous : head.hash) {
                    failures.record("scan saw \(count) events for head \(head.seq)")
                }
                checks += 1
            }
            #expect(failures.all.isEmpty)
            #expect(try ledger.head().seq == 10_000)
        }
    }

    @Test func pagesReadWhileTrimmingLeaveTheResidentSetAndTheEventsReadBackTheSame() throws {
        try withTemporaryLedger(noSync: true) { ledger, _ in
            // 2,000 events of 4 KiB payloads: about 8 MiB of the map.
            let drafts = (0..<2_000).map { index in
                EventDraft(
                    stream: "test/\(index % 50)", type: "Tested",
                    payload: [UInt8](repeating: UInt8(index % 251), count: 4_096),
                    occurredAt: Timestamp(secondsSinceEpoch: 1_744_700_000), actor: "000.00.31.H23")
            }
            try ledger.append(drafts)
            let (before, dropped, after) = try ledger.trimmingResidentPages(budget: 0) {
                let before = try ledger.events()
                // The drops run every 5 ms on another thread; wait for one, for 10 s at most.
                var dropped = false
                for _ in 0..<1_000 where !dropped {
                    usleep(10_000)
                    dropped = ledger.environment.residentBytes() < 1 << 20
                }
                return (before, dropped, try ledger.events())
            }
            #expect(before.count == 2_000)
            #expect(before.map(\.payload) == drafts.map(\.payload))
            #expect(dropped)
            #expect(after == before)
            // Nothing is dropped once it has returned.
            _ = try ledger.events()
            usleep(100_000)
            #expect(ledger.environment.residentBytes() >= 4 << 20)
        }
    }
}

func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] { withUnsafeBytes(of: value.bigEndian) { Array($0) } }

/// A clock that returns the given instants in turn.
final class Ticks: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int64]
    init(_ values: [Int64]) { self.values = values }
    func next() -> Timestamp {
        lock.lock()
        defer { lock.unlock() }
        return Timestamp(microsecondsSinceEpoch: values.count > 1 ? values.removeFirst() : values[0])
    }
}

final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items = [String]()
    var all: [String] { lock.withLock { items } }
    func record(_ item: String) { lock.withLock { items.append(item) } }
}
