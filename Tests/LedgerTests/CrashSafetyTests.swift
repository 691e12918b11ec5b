import Foundation
import Testing

@testable import Ledger

/// A child process appends batches and reports each commit; it is killed with SIGKILL at random
/// moments, many times. Afterwards the ledger must verify and hold every reported batch whole.
@Suite struct CrashSafetyTests {
    @Test func batchesReportedCommittedSurviveSIGKILLWholeAndTheChainVerifies() throws {
        let stress = productsDirectory() + "/ledger-stress"
        try #require(FileManager.default.isExecutableFile(atPath: stress), "build ledger-stress first")
        try withTemporaryDirectory { path in
            var generator = SystemRandomNumberGenerator()
            var reported = Set<Int>()
            var nextBatch = 0
            for _ in 0..<12 {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: stress)
                process.arguments = [path, String(nextBatch), "40"]
                let pipe = Pipe()
                process.standardOutput = pipe
                try process.run()
                usleep(UInt32.random(in: 60_000...250_000, using: &generator))
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                let batches = output.split(separator: "\n").compactMap { line in
                    line.hasPrefix("committed ") ? Int(line.dropFirst(10)) : nil
                }
                reported.formUnion(batches)
                nextBatch = (batches.max() ?? nextBatch - 1) + 1
            }
            #expect(!reported.isEmpty)

            let ledger = try Ledger(directory: path)
            let report = try ledger.verify()
            #expect(report.isIntact, "\(report.problem ?? "")")
            for batch in reported {
                for index in 0..<40 {
                    #expect(try ledger.seq(ofEventId: "batch-\(batch)-\(index)") != nil, "batch \(batch) lost \(index)")
                }
            }
            // No batch is there in part, reported or not.
            var perBatch: [Int: Int] = [:]
            try ledger.scan { view in
                let parts = view.eventId.split(separator: "-")
                if let batch = Int(parts[1]) { perBatch[batch, default: 0] += 1 }
                return true
            }
            #expect(perBatch.values.allSatisfy { $0 == 40 }, "partial batches: \(perBatch.filter { $0.value != 40 })")
            #expect(Set(perBatch.keys).isSuperset(of: reported))
        }
    }
}
