import Foundation
import Ledger
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

    /// Changes one table of the domain projection's active generation in the ledger at `path`.
    private func tamperWithProjection(
        _ path: String, table name: String, _ change: (StoreTransaction, Table) throws -> Void
    ) throws {
        let ledger = try Ledger(directory: path)
        let table = try ledger.table(named: "domain@1.\(name)")
        try ledger.writeTables { txn in try change(txn, table) }
    }

    @Test func aRemovedPlanTaskRowFailsVerifyNamingTheProjectionAndBlocksIssuing() throws {
        try withTemporaryDirectory { path in
            let ledger = try FixtureLedger.copy(into: path)
            #expect(try CLI.run(["verify", "--ledger", ledger]).standardOutput.contains("projection domain matches"))
            try tamperWithProjection(ledger, table: "planTasks") { txn, table in
                var first: [UInt8]?
                try txn.scan(table, prefix: [], from: nil) { key, _ in
                    first = Array(key)
                    return false
                }
                _ = try txn.delete(table, key: try #require(first))
            }
            let verified = try CLI.run(["verify", "--ledger", ledger])
            #expect(verified.status == 2)
            #expect(verified.standardError.contains("projection domain, table planTasks"), "\(verified.standardError)")
            #expect(verified.standardError.contains("tthc rebuild domain"))
            // The chain itself is intact: only the projection is wrong.
            #expect(try CLI.run(["verify", "--chain-only", "--ledger", ledger]).status == 0)

            let head = try Ledger(directory: ledger).head()
            let issued = try CLI.run([
                "report", "monthly", "--year", "2025", "--month", "5", "--issue", "--ledger", ledger,
            ])
            #expect(issued.status == 2)
            #expect(issued.standardError.contains("planTasks"))
            #expect(try Ledger(directory: ledger).head() == head)

            #expect(try CLI.run(["rebuild", "--ledger", ledger]).status == 0)
            #expect(try CLI.run(["verify", "--ledger", ledger]).status == 0)
        }
    }

    @Test func aChangedTallyValueFailsVerify() throws {
        try withTemporaryDirectory { path in
            let ledger = try FixtureLedger.copy(into: path)
            try tamperWithProjection(ledger, table: "receiptDays") { txn, table in
                var entry: ([UInt8], [UInt8])?
                try txn.scan(table, prefix: [], from: nil) { key, value in
                    entry = (Array(key), Array(value))
                    return false
                }
                var (key, value) = try #require(entry)
                value[0] ^= 0x01
                try txn.put(table, key: key, value: value)
            }
            let verified = try CLI.run(["verify", "--ledger", ledger])
            #expect(verified.status == 2)
            #expect(
                verified.standardError.contains("table receiptDays: the value of entry"), "\(verified.standardError)")
        }
    }

    @Test func undecodableDossierStateIsAnIntegrityFailureNamingTheProjection() throws {
        try withTemporaryDirectory { path in
            let ledger = try FixtureLedger.copy(into: path)
            let id = "000.00.14.H23-241202-00002"
            try tamperWithProjection(ledger, table: "dossiers") { txn, table in
                try txn.put(table, key: Array(id.utf8), value: [0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
            }
            let shown = try CLI.run(["dossier", id, "--ledger", ledger])
            #expect(shown.status == 2)
            #expect(shown.standardError.contains("projection domain cannot be decoded"), "\(shown.standardError)")
            #expect(!shown.standardError.contains("malformedProtobuf") || shown.standardError.contains("damaged"))
            let verified = try CLI.run(["verify", "--ledger", ledger])
            #expect(verified.status == 2)
            #expect(verified.standardError.contains("table dossiers"))
        }
    }

    @Test func issuingTheSameReportAtTheSamePositionTwiceRecordsItOnce() throws {
        try withTemporaryDirectory { path in
            let ledger = try FixtureLedger.copy(into: path)
            let arguments = ["report", "quarterly", "--year", "2025", "--quarter", "1", "--issue", "--ledger", ledger]
            let first = try CLI.run(arguments)
            #expect(first.status == 0, "\(first.standardError)")
            let head = try Ledger(directory: ledger).head()
            let second = try CLI.run(arguments)
            #expect(second.status == 0)
            #expect(second.standardError.contains("as event \(head.seq)"), "\(second.standardError)")
            #expect(second.standardError.contains("nothing recorded"))
            #expect(try Ledger(directory: ledger).head() == head)
            // A monthly report issued in between is not a change of the quarterly's figures.
            let monthly = ["report", "monthly", "--year", "2025", "--month", "1", "--issue", "--ledger", ledger]
            #expect(try CLI.run(monthly).status == 0)
            let third = try CLI.run(arguments)
            #expect(third.standardError.contains("nothing recorded"), "\(third.standardError)")
            #expect(try Ledger(directory: ledger).head().seq == head.seq + 1)
        }
    }
}
