import Foundation
import Ledger
import Testing

@Suite struct ProjectionEngineTests {
    @Test func incrementalCatchUpEqualsAFullRebuild() throws {
        try withTemporaryDirectory { path in
            let ledger = try openLedger(path)
            let projection = StreamCountProjection()
            let engine = try ProjectionEngine(ledger: ledger, projections: [projection])
            engine.chunkSize = 13
            for round in 0..<5 {
                try appendEvents(ledger, count: 37, offset: round * 37)
                try engine.catchUp()
            }
            let incremental = try engine.snapshot(projection)
            #expect(incremental[0][Array("s/0".utf8)] == projection.encode(27))  // 185 events, 0, 7, …, 182
            try engine.rebuild()
            #expect(try engine.snapshot(projection) == incremental)
            #expect(try engine.replay(projection, through: 185).contents == incremental)
            let status = try #require(try engine.status().first)
            #expect(status.checkpoint == 185 && status.lag == 0 && status.shadow == nil && !status.needsRebuild)
        }
    }

    @Test func appendsThroughTheEngineFoldInTheSameTransaction() throws {
        try withTemporaryDirectory { path in
            let ledger = try openLedger(path)
            let projection = StreamCountProjection()
            let engine = try ProjectionEngine(ledger: ledger, projections: [projection])
            try engine.append([
                EventDraft(
                    stream: "s/1", type: "Counted", payload: [1], occurredAt: Timestamp(secondsSinceEpoch: 1),
                    actor: "t")
            ])
            // Appended behind the engine's back: folded in before the next engine append.
            try appendEvents(ledger, count: 3, streams: 1)
            try engine.append([
                EventDraft(
                    stream: "s/1", type: "Counted", payload: [1], occurredAt: Timestamp(secondsSinceEpoch: 2),
                    actor: "t")
            ])
            let status = try #require(try engine.status().first)
            #expect(status.checkpoint == 5)
            let state = try engine.snapshot(projection)
            #expect(state[0][Array("s/1".utf8)] == projection.encode(2))
            #expect(state[0][Array("s/0".utf8)] == projection.encode(3))
        }
    }

    @Test func bumpingTheVersionRebuildsAndTheResultEqualsAFreshBuild() throws {
        try withTemporaryDirectory { path in
            let ledger = try openLedger(path)
            try appendEvents(ledger, count: 100)
            let old = StreamCountProjection(version: 1, variant: 1)
            let oldEngine = try ProjectionEngine(ledger: ledger, projections: [old])
            try oldEngine.catchUp()
            let oldState = try oldEngine.snapshot(old)

            let new = StreamCountProjection(version: 2, variant: 2)
            let newEngine = try ProjectionEngine(ledger: ledger, projections: [new])
            #expect(try newEngine.status().first?.needsRebuild == true)
            try newEngine.catchUp()
            let newState = try newEngine.snapshot(new)
            #expect(newState != oldState)
            #expect(try newEngine.status().first?.storedVersion == 2)
            #expect(newState == (try newEngine.replay(new, through: 100).contents))
        }
    }

    @Test func readersDuringARebuildSeeTheCompleteOldStateNeverAHalfBuiltOne() throws {
        try withTemporaryDirectory { path in
            let ledger = try openLedger(path)
            try appendEvents(ledger, count: 3_000)
            let old = StreamCountProjection(version: 1, variant: 1)
            let oldEngine = try ProjectionEngine(ledger: ledger, projections: [old])
            try oldEngine.catchUp()
            let oldState = try oldEngine.snapshot(old)

            let new = StreamCountProjection(version: 2, variant: 2)
            let expectedNew = try ProjectionEngine(ledger: ledger, projections: [new]).replay(new, through: 3_000)
                .contents
            let done = DispatchSemaphore(value: 0)
            let rebuilder = Thread {
                do {
                    let engine = try ProjectionEngine(ledger: ledger, projections: [new])
                    engine.chunkSize = 50
                    try engine.rebuild()
                } catch {
                    Issue.record("rebuild failed: \(error)")
                }
                done.signal()
            }
            rebuilder.start()
            var sawOld = 0
            var sawNew = 0
            // Read the active state (whatever version is stored) while the rebuild runs.
            let reader = try ProjectionEngine(ledger: ledger, projections: [old])
            while done.wait(timeout: .now()) == .timedOut {
                let state = try reader.snapshot(old)
                if state == oldState {
                    sawOld += 1
                } else if state == expectedNew {
                    sawNew += 1
                } else {
                    Issue.record("a reader saw a state that is neither the old nor the new one")
                    break
                }
            }
            #expect(sawOld > 0)
            #expect(try reader.snapshot(old) == expectedNew)
        }
    }

    @Test func aRebuildInterruptedMidwayResumesFromItsCheckpoint() throws {
        try withTemporaryDirectory { path in
            let ledger = try openLedger(path)
            try appendEvents(ledger, count: 500)
            let projection = StreamCountProjection()
            let engine = try ProjectionEngine(ledger: ledger, projections: [projection])
            engine.chunkSize = 100
            var reported = [UInt64]()
            struct Interrupted: Error {}
            #expect(throws: Interrupted.self) {
                try engine.rebuild { _, done, _ in
                    reported.append(done)
                    if reported.count == 3 { throw Interrupted() }
                }
            }
            #expect(reported == [0, 100, 200])  // announced, then after each chunk's commit
            let shadow = try #require(try engine.status().first?.shadow)
            #expect(shadow.checkpoint == 200)
            var resumed = [(done: UInt64, total: UInt64)]()
            try engine.rebuild { _, done, total in resumed.append((done, total)) }
            // Counted from the checkpoint it resumed from: 201…500 are 300 events.
            #expect(resumed.map(\.done) == [0, 100, 200, 300] && resumed.allSatisfy { $0.total == 300 })
            #expect(try engine.snapshot(projection) == (try engine.replay(projection, through: 500).contents))
        }
    }

    @Test func stateAsOfSeqNEqualsARebuildOfALedgerHoldingOnlyTheFirstNEvents() throws {
        try withTemporaryDirectory { path in
            try withTemporaryDirectory { prefixPath in
                let ledger = try openLedger(path)
                try appendEvents(ledger, count: 300)
                let projection = StreamCountProjection()
                let engine = try ProjectionEngine(ledger: ledger, projections: [projection])
                let asOf = try engine.replay(projection, through: 120).contents

                let prefix = try openLedger(prefixPath)
                try prefix.restore(try ledger.events(through: 120))
                let prefixEngine = try ProjectionEngine(ledger: prefix, projections: [projection])
                try prefixEngine.catchUp()
                #expect(try prefixEngine.snapshot(projection) == asOf)
                #expect(try prefix.head() == (try ledger.event(at: 120))?.position)
            }
        }
    }
}
