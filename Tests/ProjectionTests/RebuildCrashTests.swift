import Foundation
import Ledger
import TTHCDomain
import Testing

/// `tthc rebuild` is killed with SIGKILL at random moments, several times, then run to the end.
/// Each run must resume the shadow from its own checkpoint, the result must equal an
/// uninterrupted rebuild, and readers must see the complete live state all along.
@Suite struct RebuildCrashTests {
    @Test func aRebuildKilledAtRandomMomentsResumesAndEndsInTheStateOfAnUninterruptedOne() throws {
        let tthc = productsDirectory() + "/tthc"
        try #require(FileManager.default.isExecutableFile(atPath: tthc), "build tthc first")
        try withTemporaryDirectory { path in
            let domain = try writeGeneratedLedger(into: path, dossiers: 1_500)
            let head = try domain.ledger.head().seq
            let expected = try domain.engine.snapshot(domain.projection)
            #expect(entryCount(expected, table: "dossiers") == 1_500)

            let chunk: UInt64 = 150
            var generator = SystemRandomNumberGenerator()
            var reads = 0
            var killedMidway = 0
            var lastShadowCheckpoint: UInt64 = 0

            /// Reads the live state as a report would and checks it is whole; returns the shadow's checkpoint.
            func observe() throws -> UInt64? {
                expectSameState(try domain.engine.snapshot(domain.projection), expected, "live state during a rebuild")
                reads += 1
                let status = try #require(try domain.engine.status().first)
                #expect(status.storedVersion == domain.projection.version && status.checkpoint == head)
                if let shadow = status.shadow {
                    #expect(
                        shadow.checkpoint >= lastShadowCheckpoint,
                        "the shadow went back from \(lastShadowCheckpoint) to \(shadow.checkpoint): not resumed")
                    lastShadowCheckpoint = max(lastShadowCheckpoint, shadow.checkpoint)
                }
                return status.shadow?.checkpoint
            }

            for _ in 0..<5 {
                let child = try startRebuild(tthc, ledger: path, chunkSize: chunk)
                defer { stop(child) }
                // Let it commit at least one more chunk, then kill it anywhere in the next ones.
                let target = lastShadowCheckpoint + chunk * UInt64.random(in: 1...4, using: &generator)
                while child.isRunning, (try observe() ?? 0) < target {
                    usleep(1_000)
                }
                usleep(UInt32.random(in: 0...15_000, using: &generator))
                if child.isRunning {
                    kill(child.processIdentifier, SIGKILL)
                    child.waitUntilExit()
                    if child.terminationReason == .uncaughtSignal { killedMidway += 1 }
                } else {
                    child.waitUntilExit()
                }
                _ = try observe()
                if try domain.engine.status().first?.shadow == nil { break }  // it finished before the kill
            }
            #expect(killedMidway >= 2, "the kills should land in the middle of the rebuild")
            #expect(lastShadowCheckpoint > 0 && lastShadowCheckpoint < head)

            let finish = try startRebuild(tthc, ledger: path, chunkSize: chunk)
            defer { stop(finish) }
            while finish.isRunning {
                _ = try observe()
                usleep(2_000)
            }
            finish.waitUntilExit()
            #expect(finish.terminationReason == .exit && finish.terminationStatus == 0)
            #expect(reads > 10)

            let status = try #require(try domain.engine.status().first)
            #expect(status.shadow == nil && status.checkpoint == head && !status.needsRebuild)
            expectSameState(try domain.engine.snapshot(domain.projection), expected, "after the resumed rebuild")
            expectSameState(
                try domain.engine.replay(domain.projection, through: head).contents, expected, "replayed from seq 1")
        }
    }

    /// Kills `process` if a failed expectation left it running, so that no rebuild outlives the test.
    private func stop(_ process: Process) {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Starts `tthc rebuild domain` on the ledger in `path`, its output discarded.
    private func startRebuild(_ tthc: String, ledger path: String, chunkSize: UInt64) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tthc)
        process.arguments = ["rebuild", "domain", "--ledger", path, "--chunk-size", String(chunkSize)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
