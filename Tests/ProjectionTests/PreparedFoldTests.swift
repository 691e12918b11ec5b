import Foundation
import Ledger
import Testing

/// The engine's fold with prepared events and buffered writes: events prepared on another thread
/// reach `apply` with their own prepared value, in order, across batches and chunks; a buffer is
/// flushed before every checkpoint, and dropped with a transaction that fails.
@Suite struct PreparedFoldTests {
    /// Sums the seqs of each stream's events, with the seq prepared ahead and the sums buffered
    /// until the engine flushes. `apply` throws when a prepared value belongs to another event,
    /// and on the event whose payload is `failingPayload`.
    final class SeqSumProjection: Projection, @unchecked Sendable {
        let name = "seqSums"
        let version: UInt32 = 1
        let tableNames = ["sums"]
        static let failingPayload: [UInt8] = [0xFA, 0x11]

        struct Mismatch: Error {}

        func prepare(_ event: EventView) -> (any Sendable)? { event.seq }

        func apply(_ event: EventView, to store: any ProjectionStore) throws {
            try apply(event, prepared: event.seq, to: store)
        }

        func apply(_ event: EventView, prepared: (any Sendable)?, to store: any ProjectionStore) throws {
            guard let seq = prepared as? UInt64, seq == event.seq else { throw Mismatch() }
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

    @Test func preparedEventsReachApplyInOrderAcrossBatchesChunksRebuildsAndReplays() throws {
        try withTemporaryDirectory { path in
            let ledger = try openLedger(path)
            let projection = SeqSumProjection()
            let engine = try ProjectionEngine(ledger: ledger, projections: [projection])
            // More events than two prepared batches; chunks that end inside a batch.
            try appendEvents(ledger, count: 10_000)
            engine.chunkSize = 6_001
            try engine.catchUp()
            let state = try engine.snapshot(projection)
            for stream in 0..<7 {
                #expect(
                    projection.sum(in: state, stream: "s/\(stream)")
                        == Self.expectedSum(stream: stream, through: 10_000))
            }
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
            func draft(_ payload: [UInt8]) -> EventDraft {
                EventDraft(
                    stream: "s/0", type: "Counted", payload: payload, occurredAt: Timestamp(secondsSinceEpoch: 99),
                    actor: "test")
            }
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
}
