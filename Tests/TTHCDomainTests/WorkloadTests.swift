// The generator lives in Tools/WorkloadKit (module TTHCWorkload); these tests compile when the
// test target lists it among its dependencies.
#if canImport(TTHCWorkload)
    import Ledger
    import Testing
    import TTHCWorkload

    @testable import TTHCDomain

    /// The generated workload is the same for the same seed, whatever the batch size, and every
    /// event of it passes the domain rules into a ledger that verifies.
    @Suite struct WorkloadTests {
        /// Every event of a workload as native JSON lines, batch boundaries marked.
        func lines(seed: UInt64, dossiers: Int, batch: Int) throws -> (lines: [String], batches: [Int]) {
            var lines = [String]()
            var batches = [Int]()
            try Workload(seed: seed, dossiers: dossiers).forEachBatch(size: batch) { entries in
                batches.append(entries.count)
                for entry in entries { lines.append(try NativeEventJSON.line(entry)) }
            }
            return (lines, batches)
        }

        @Test func theSameSeedGivesTheSameEvents() throws {
            let first = try lines(seed: 11, dossiers: 300, batch: 500)
            let second = try lines(seed: 11, dossiers: 300, batch: 500)
            #expect(first.lines == second.lines)
            #expect(first.lines.count > 300 * 2)
            let other = try lines(seed: 12, dossiers: 300, batch: 500)
            #expect(other.lines != first.lines)
        }

        @Test func theBatchSizeOnlyCutsTheSameSequence() throws {
            let whole = try lines(seed: 5, dossiers: 200, batch: 100_000)
            let cut = try lines(seed: 5, dossiers: 200, batch: 37)
            #expect(cut.lines == whole.lines)
            // Only the last batch of the reference facts and the very last one are short.
            #expect(cut.batches.allSatisfy { $0 <= 37 })
            #expect(cut.batches.filter { $0 < 37 }.count <= 2)
            #expect(cut.batches.reduce(0, +) == whole.lines.count)
        }

        @Test func dossierEventsComeInTimeOrderWithUniqueIds() throws {
            let workload = Workload(seed: 9, dossiers: 400)
            var ids = Set<String>()
            var previous = Int64.min
            var receipts = 0
            try workload.forEachDossierBatch(size: 1_000) { entries in
                for entry in entries {
                    #expect(entry.occurredAt.microsecondsSinceEpoch >= previous)
                    previous = entry.occurredAt.microsecondsSinceEpoch
                    #expect(ids.insert(entry.eventId ?? "").inserted)
                    if case .dossierReceived = entry.event { receipts += 1 }
                    if case .dossierNotAccepted = entry.event { receipts += 1 }
                }
            }
            #expect(receipts == 400)
            #expect(previous <= Workload.exportedAt)
        }

        @Test func theGeneratedLedgerAcceptsEveryEventAndVerifies() throws {
            try withTemporaryDirectory { directory in
                let ledger = try SeededLedger.open(directory, create: true)
                let workload = Workload(seed: 2, dossiers: 1_500)
                var count = 0
                try workload.forEachBatch(size: 2_000) { entries in
                    let outcome = try ledger.append(entries)
                    #expect(outcome.appendedCount == entries.count)
                    count += entries.count
                }
                let report = try ledger.ledger.verify()
                #expect(report.isIntact)
                #expect(report.eventsChecked == UInt64(count))

                try ledger.withState { state, position throws in
                    #expect(position.seq == UInt64(count))
                    #expect(try state.calendar() == workload.calendar)
                    #expect(try state.procedures().count >= 150)
                    var received = 0
                    var notAccepted = 0
                    var resolved = 0
                    try state.forEachDossier { dossier in
                        if dossier.received { received += 1 }
                        if dossier.notAccepted { notAccepted += 1 }
                        if dossier.resolved { resolved += 1 }
                    }
                    #expect(received + notAccepted == 1_500)
                    #expect(resolved > 1_500 * 8 / 10)
                    // The 2025 restructuring: a district reports under its successor commune.
                    let registry = try state.unitRegistry()
                    #expect(
                        registry.reportingUnit(for: "000.20.31.H23", periodEndingOn: .iso("2025-09-14"))
                            != "000.20.31.H23")
                }
                // Loading the same workload again is a no-op: every event id is already there.
                try workload.forEachBatch(size: 5_000) { entries in
                    let again = try ledger.append(entries)
                    #expect(again.appendedCount == 0)
                }
            }
        }
    }
#endif
