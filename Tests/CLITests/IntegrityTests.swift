import Foundation
import Testing

/// What `tthc verify` says of a ledger: never a false alarm on an honest one, whatever is
/// written meanwhile, and always an exit 2 naming the damage on a dishonest one.
@Suite struct IntegrityTests {
    @Test func verifyNeverReportsTamperingWhileAnImportAppends() throws {
        try withTemporaryDirectory { path in
            let ledger = path + "/ledger"
            #expect(try CLI.run(["init", "--ledger", ledger]).status == 0)
            for file in ["calendar.csv", "units.csv", "procedures.csv"] {
                let imported = try CLI.run(["import", FixtureLedger.fixtures + "/" + file, "--ledger", ledger])
                #expect(imported.status == 0, "\(imported.standardError)")
            }
            // Small durable batches: the import appends many times while each verify walks.
            let importer = Process()
            importer.executableURL = URL(fileURLWithPath: CLI.executable)
            importer.arguments = [
                "import", FixtureLedger.fixtures + "/dossiers.csv", "--batch-size", "20", "--ledger", ledger,
            ]
            importer.standardOutput = FileHandle.nullDevice
            importer.standardError = FileHandle.nullDevice
            try importer.run()
            var verifiesDuringImport = 0
            var failures = [String]()
            while importer.isRunning {
                let verified = try CLI.run(["verify", "--chain-only", "--ledger", ledger])
                if verified.status != 0 { failures.append(verified.standardError) }
                if importer.isRunning { verifiesDuringImport += 1 }
            }
            importer.waitUntilExit()
            #expect(importer.terminationStatus == 0)
            #expect(failures.isEmpty, "\(failures)")
            #expect(verifiesDuringImport >= 2, "the import ended before verify could overlap it")
            #expect(try CLI.run(["verify", "--ledger", ledger]).status == 0)
        }
    }
}
