import Foundation
import Ledger
import Testing

/// The engine's fold with prepared events and buffered writes: events prepared on another thread
/// reach `apply` with their own prepared value, in order, across batches and chunks; a buffer is
/// flushed before every checkpoint, and dropped with a transaction that fails.
@Suite struct PreparedFoldTests {
    /// Sums the seqs of each stream's events, with the seq prepared ahead and the sums buffered
    /// until the engine flushes. `apply` throws when a prepared value belongs to another event,
    /// and on the event whose payload is `failingPayload`; `validate` throws when a prepared value
    /// belongs to another event, and on the event whose payload is `refusedPayload`. Both count
    /// the events they got a prepared value for (they run on the engine's thread only).
    final class SeqSumProjection: Projection, @unchecked Sendable {
        let name = "seqSums"
        let version: UInt32 = 1
        let tableNames = ["sums"]
        static let failingPayload: [UInt8] = [0xFA, 0x11]
        static let refusedPayload: [UInt8] = [0x0E, 0xF0]
        var appliedPrepared = 0
        var validatedPrepared = 0

        struct Mismatch: Error {}
        struct Refused: Error {}

        func prepare(_ event: EventView) -> (any Sendable)? { event.seq }

        func apply(_ event: EventView, to store: any ProjectionStore) throws {
            try apply(event, prepared: nil, to: store)
        }

        /// The prepared seq, checked against the event's own; the event's own when the engine
        /// prepared nothing.
        private func seq(of event: EventView, _ prepared: (any Sendable)?) throws -> UInt64 {
            guard let prepared else { return event.seq }
            guard let seq = prepared as? UInt64, seq == event.seq else { throw Mismatch() }
            return seq
        }

        func validate(_ event: EventView, prepared: (any Sendable)?, against store: any ProjectionStore) throws {
            _ = try seq(of: event, prepared)
            if prepared != nil { validatedPrepared += 1 }
            if Array(event.payload) == Self.refusedPayload { throw Refused() }
        }

        func apply(_ event: EventView, prepared: (any Sendable)?, to store: any ProjectionStore) throws {
            let seq = try seq(of: event, prepared)
            if prepared != nil { appliedPrepared += 1 }
            if Array(event.payload) == Self.failingPayload { throw Mismatch() }
            let buffer = store.buffer as? SumBuffer ?? SumBuffer()
            store.buffer = buffer
            buffer.sums[Array(event.streamBytes), default: 0] += seq
        }

        func sum(in snapshot: [[[UInt8]: [UInt8]]], stream: String) -> UInt64? {
            snapshot[0][Array(stream.utf8)].map { $0.reduce(0) { $0 << 8 | UInt64($1) } }
        }
    }

    final class SumBuffer: ProjectionBuffer {
        var sums: [[UInt8]: UInt64] = [:]

        func flush(to store: any ProjectionStore) throws {
            for (key, sum) in sums {
                let stored = try store.value(ProjectionTable(0), forKey: key).map {
                    $0.reduce(0) { $0 << 8 | UInt64($1) }
                }
                let total = (stored ?? 0) + sum
                try store.put(ProjectionTable(0), key: key, value: withUnsafeBytes(of: total.bigEndian) { Array($0) })
            }
        }
    }

    /// The sum of the seqs in `1...through` of stream `s/<stream>` when `appendEvents` spread
    /// them over 7 streams from offset 0 (event `seq` has index `seq - 1`).
    static func expectedSum(stream: Int, through: UInt64) -> UInt64 {
        (1...through).filter { Int($0 - 1) % 7 == stream }.reduce(0, +)
    }

    /// Expects every stream's sum in `state` to be that of the seqs `1...through`.
    static func expectSums(
        of projection: SeqSumProjection, in state: [[[UInt8]: [UInt8]]], through: UInt64,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for stream in 0..<7 {
            #expect(
                projection.sum(in: state, stream: "s/\(stream)") == expectedSum(stream: stream, through: through),
                "stream s/\(stream)", sourceLocation: sourceLocation)
        }
    }

    @Test func preparedEventsReachApplyInOrderAcrossBatchesChunksRebuildsAndReplays() throws {
        try withTemporaryDirectory { path in
            let ledger = try openLedger(path)
            let projection = SeqSumProjection()
            let engine = try ProjectionEngine(ledger: ledger, projections: [projection])
            // More events than two prepared batches; chunks that end inside a batch.
            try appendEvents(ledger, count: 10_000)
            engine.chunkSize = 6_001
            try engine.catchUp()
            // The first chunk is two batches, prepared; the second (3,999 events) is one, not.
            #expect(projection.appliedPrepared == 6_001)
            let state = try engine.snapshot(projection)
            Self.expectSums(of: projection, in: state, through: 10_000)
            try engine.rebuild()
            #expect(try engine.snapshot(projection) == state)
            let asOf = try engine.replay(projection, through: 9_000).contents
            #expect(projection.sum(in: asOf, stream: "s/3") == Self.expectedSum(stream: 3, through: 9_000))
            #expect(try engine.status().first?.checkpoint == 10_000)
        }
    }

    @Test func aFailedAppendWritesNothingItBufferedAndTheNextOneFoldsInFull() throws {
        try withTemporaryDirectory { path in
            let ledger = try openLedger(path)
            let projection = SeqSumProjection()
            let engine = try ProjectionEngine(ledger: ledger, projections: [projection])
            try appendEvents(ledger, count: 14)
            try engine.catchUp()
            let before = try engine.snapshot(projection)
            func draft(_ payload: [UInt8]) -> EventDraft { countedDraft(stream: 0, payload: payload, second: 99) }
            #expect(throws: SeqSumProjection.Mismatch.self) {
                try engine.append([draft([1]), draft([2]), draft(SeqSumProjection.failingPayload)])
            }
            #expect(try engine.snapshot(projection) == before)
            #expect(try ledger.head().seq == 14)
            try engine.append([draft([1]), draft([2])])
            let after = try engine.snapshot(projection)
            #expect(projection.sum(in: after, stream: "s/0") == Self.expectedSum(stream: 0, through: 14) + 15 + 16)
            #expect(projection.sum(in: after, stream: "s/1") == projection.sum(in: before, stream: "s/1"))
        }
    }

    @Test func aLongAppendIsValidatedAndFoldedWithPreparedEventsAndAnyRefusalAppendsNone() throws {
        try withTemporaryDirectory { path in
            let ledger = try openLedger(path)
            let projection = SeqSumProjection()
            let engine = try ProjectionEngine(ledger: ledger, projections: [projection])
            try engine.catchUp()
            func drafts(_ count: Int, refusing index: Int? = nil) -> [EventDraft] {
                (0..<count).map {
                    countedDraft(
                        stream: $0 % 7, payload: $0 == index ? SeqSumProjection.refusedPayload : [1], second: Int64($0))
                }
            }
            // Refused in the third batch of the append: nothing of it is written.
            #expect(throws: SeqSumProjection.Refused.self) { try engine.append(drafts(3_000, refusing: 2_500)) }
            #expect(try ledger.head().seq == 0)
            #expect(projection.validatedPrepared >= 2_048, "the first two batches were validated, prepared")
            #expect(try engine.snapshot(projection).allSatisfy(\.isEmpty))

            projection.validatedPrepared = 0
            projection.appliedPrepared = 0
            try engine.append(drafts(3_000))
            #expect(projection.validatedPrepared == 3_000 && projection.appliedPrepared == 3_000)
            let state = try engine.snapshot(projection)
            Self.expectSums(of: projection, in: state, through: 3_000)
            #expect(try engine.status().first?.checkpoint == 3_000)
        }
    }
}
