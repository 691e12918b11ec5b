import Foundation
import Ledger
import TTHCDomain
import TTHCWorkload
import Testing

/// The domain projection kept in step append by append must be exactly what a rebuild from
/// `seq` 1 makes of the same log, and a replay as of a past position exactly what a ledger
/// holding only the events up to it makes of them.
@Suite struct DomainProjectionRebuildTests {
    @Test func theFixturesFoldedAsTheyWereImportedEqualAFullRebuild() throws {
        try withTemporaryDirectory { path in
            let domain = try importFixtures(into: path)
            let head = try domain.ledger.head().seq
            let incremental = try domain.engine.snapshot(domain.projection)
            #expect(entryCount(incremental, table: "dossiers") > 1_000)
            #expect(entryCount(incremental, table: "procedures") > 100)

            domain.engine.chunkSize = 333
            try domain.engine.rebuild()
            expectSameState(try domain.engine.snapshot(domain.projection), incremental, "fixtures rebuilt")
            expectSameState(
                try domain.engine.replay(domain.projection, through: head).contents, incremental,
                "fixtures replayed")
            let status = try #require(try domain.engine.status().first)
            #expect(status.checkpoint == head && status.lag == 0 && status.shadow == nil && !status.needsRebuild)
        }
    }

    @Test func aGeneratedLedgerFoldedInlineAndCaughtUpEqualsAFullRebuild() throws {
        try withTemporaryDirectory { path in
            let domain = try writeGeneratedLedger(into: path, dossiers: 2_000)
            let head = try domain.ledger.head().seq
            let incremental = try domain.engine.snapshot(domain.projection)
            #expect(entryCount(incremental, table: "dossiers") == 2_000)
            #expect(entryCount(incremental, table: "dossiersByEnd") > 1_500)
            #expect(entryCount(incremental, table: "calendar") > 0 && entryCount(incremental, table: "units") > 0)

            // A chunk size that does not divide the batches, so that chunks end mid-batch.
            domain.engine.chunkSize = 1_013
            try domain.engine.rebuild(named: "domain")
            expectSameState(try domain.engine.snapshot(domain.projection), incremental, "generated ledger rebuilt")
            let status = try #require(try domain.engine.status().first)
            #expect(status.checkpoint == head && status.shadow == nil)

            // And the other generation, after a second rebuild, once more.
            try domain.engine.rebuild()
            expectSameState(try domain.engine.snapshot(domain.projection), incremental, "rebuilt twice")
        }
    }

    @Test func stateAsOfSeqNEqualsARebuildOfALedgerHoldingOnlyTheFirstNEvents() throws {
        try withTemporaryDirectory { path in
            let domain = try writeGeneratedLedger(into: path, dossiers: 1_200, batchSize: 400)
            let head = try domain.ledger.head().seq
            let whole = try domain.engine.snapshot(domain.projection)
            let reference = UInt64(Workload(seed: 7, dossiers: 0).referenceEntries().count)
            // The end of the reference facts, the middle of a batch, the end of one, the last but one.
            let positions = [reference, reference + 3 * 400 + 173, reference + 5 * 400, head - 1]
            for seq in positions {
                let asOf = try domain.engine.replay(domain.projection, through: seq).contents
                try withTemporaryDirectory { prefixPath in
                    let prefix = try openDomainLedger(prefixPath)
                    try prefix.ledger.restore(try domain.ledger.events(through: seq))
                    #expect(try prefix.ledger.head() == (try domain.ledger.event(at: seq))?.position)
                    try prefix.engine.catchUp()
                    expectSameState(try prefix.engine.snapshot(prefix.projection), asOf, "as of seq \(seq)")
                }
                #expect(asOf != whole, "the state as of \(seq) should not be the state at the head")
            }
            // Replaying never touched the live state.
            expectSameState(try domain.engine.snapshot(domain.projection), whole, "live state after replays")
            #expect(try domain.engine.status().first?.checkpoint == head)
        }
    }

    @Test func bumpingTheDomainVersionRebuildsItToTheSameState() throws {
        try withTemporaryDirectory { path in
            let domain = try writeGeneratedLedger(into: path, dossiers: 600)
            let head = try domain.ledger.head().seq
            let before = try domain.engine.snapshot(domain.projection)

            let bumped = RenumberedDomainProjection(version: domain.projection.version + 1)
            let engine = try ProjectionEngine(ledger: domain.ledger, projections: [bumped])
            engine.chunkSize = 250
            let status = try #require(try engine.status().first)
            #expect(status.needsRebuild && status.storedVersion == domain.projection.version)
            var progressed = [UInt64]()
            try engine.catchUp { _, done, _ in progressed.append(done) }
            #expect(
                Array(progressed.prefix(2)) == [0, 250] && progressed.last == head,
                "announced before the first chunk, then a rebuild from seq 1, chunk by chunk: \(progressed)")
            expectSameState(try engine.snapshot(bumped), before, "after the version bump")
            let rebuilt = try #require(try engine.status().first)
            #expect(rebuilt.storedVersion == bumped.version && rebuilt.checkpoint == head && rebuilt.shadow == nil)

            // Going back to the original version rebuilds once more, to the same state again.
            #expect(try domain.engine.status().first?.needsRebuild == true)
            try domain.engine.catchUp()
            expectSameState(try domain.engine.snapshot(domain.projection), before, "back to the original version")
        }
    }
}
