import Foundation
import Testing

@Suite struct CommandLineTests {
    @Test func helpListsEveryCommandAsTheSnapshotRecords() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        try assertSnapshot(result.standardOutput, named: "help.txt")
    }

    @Test func reportHelpMatchesItsSnapshot() throws {
        let result = try CLI.run(["report", "quarterly", "--help"])
        #expect(result.status == 0)
        try assertSnapshot(result.standardOutput, named: "report-quarterly-help.txt")
    }

    @Test func aMissingLedgerIsInvalidInputWithExitStatusOne() throws {
        try withTemporaryDirectory { path in
            let result = try CLI.run(["verify", "--ledger", path + "/absent"])
            #expect(result.status == 1)
            #expect(result.standardError.contains("no ledger at \(path)/absent"))
        }
    }

    @Test func aUsageErrorExitsWithStatusOne() throws {
        let result = try CLI.run(["report", "quarterly", "--year", "2025"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("--quarter"))
    }

    @Test func theLedgerDirectoryComesFromTTHCLedgerWhenNoOptionIsGiven() throws {
        try withTemporaryDirectory { path in
            let ledger = path + "/from-env"
            let created = try CLI.run(["init"], environment: ["TTHC_LEDGER": ledger])
            #expect(created.status == 0)
            #expect(FileManager.default.fileExists(atPath: ledger + "/data.mdb"))
            let verified = try CLI.run(["verify", "--ledger", ledger])
            #expect(verified.status == 0)
            #expect(verified.standardOutput.hasPrefix("ok: 0 events"))
        }
    }

    @Test func aTamperedLedgerFailsVerifyWithExitStatusTwo() throws {
        try withTemporaryDirectory { path in
            let ledger = path + "/ledger"
            #expect(try CLI.run(["init", "--ledger", ledger]).status == 0)
            let events = """
                {"type":"UnitRegistered","occurredAt":"2025-01-02T01:00:00Z","actor":"000.00.00.H23","payload":{"code":"000.00.00.H23","name":"UBND tỉnh","level":"province","effectiveFrom":"2020-01-01"}}
                {"type":"HolidayDeclared","occurredAt":"2025-01-02T01:00:00Z","actor":"000.00.00.H23","payload":{"date":"2025-01-01","name":"Tết Dương lịch"}}
                """
            let appended = try CLI.run(["append", "-", "--ledger", ledger], input: events)
            #expect(appended.status == 0, "\(appended.standardError)")
            // Flip one byte of the stored payload of the last event in the data file.
            let file = URL(fileURLWithPath: ledger + "/data.mdb")
            var data = try Data(contentsOf: file)
            let needle = Data("Tết Dương lịch".utf8)
            let range = try #require(data.range(of: needle))
            data[range.lowerBound] ^= 0x01
            try data.write(to: file)
            let verified = try CLI.run(["verify", "--ledger", ledger])
            #expect(verified.status == 2)
            #expect(verified.standardError.contains("first bad seq 2"))
        }
    }
}
