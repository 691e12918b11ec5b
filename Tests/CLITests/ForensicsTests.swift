import Foundation
import Ledger
import TTHCDomain
import TTHCReports
import Testing

/// Inspectors' tools end to end: report diff, trace, dossier, export and import-ledger, backup.
@Suite struct ForensicsTests {
    /// A minimal province in native JSON lines: a unit, a holiday, a procedure.
    static let reference = """
        {"type":"UnitRegistered","occurredAt":"2025-01-02T01:00:00Z","actor":"000.00.00.H23","payload":{"code":"000.00.00.H23","name":"UBND tỉnh","level":"province","effectiveFrom":"2020-01-01"}}
        {"type":"UnitRegistered","occurredAt":"2025-01-02T01:00:00Z","actor":"000.00.00.H23","payload":{"code":"000.00.31.H23","name":"Sở Tư pháp","level":"province","parent":"000.00.00.H23","effectiveFrom":"2020-01-01"}}
        {"type":"HolidayDeclared","occurredAt":"2025-01-02T01:00:00Z","actor":"000.00.00.H23","payload":{"date":"2025-04-30","name":"Ngày Giải phóng miền Nam"}}
        {"type":"ProcedurePublished","occurredAt":"2025-01-02T01:00:00Z","actor":"000.00.31.H23","payload":{"code":"1.001193","name":"Cấp phiếu lý lịch tư pháp","field":"G05","level":"province","competentUnits":["000.00.31.H23"],"processingDays":10,"baselineDays2024":10,"businessRelated":false,"onlineLevel":"full","decision":"1/QĐ-UBND","effectiveFrom":"2024-01-01"}}
        {"type":"DossierReceived","eventId":"r1","occurredAt":"2025-04-02T02:00:00Z","actor":"000.00.31.H23","payload":{"dossierId":"000.00.31.H23-250402-00001","procedureCode":"1.001193","competentUnit":"000.00.31.H23","channel":"direct","applicantKind":"citizen","receivedAt":"2025-04-02T02:00:00Z","dueAt":"2025-04-17T02:00:00Z"}}
        """

    @Test func reportDiffNamesTheBackDatedReceiptAndTheCorrectionAndTheFiguresTheyChanged() throws {
        try withTemporaryDirectory { path in
            let ledger = path + "/ledger"
            #expect(try CLI.run(["init", "--ledger", ledger]).status == 0)
            #expect(try CLI.run(["append", "-", "--ledger", ledger], input: Self.reference).status == 0)
            let issued = try CLI.run([
                "report", "quarterly", "--year", "2025", "--quarter", "2", "--issue", "--ledger", ledger,
            ])
            #expect(issued.status == 0, "\(issued.standardError)")
            #expect(issued.standardError.contains("issued quarterly 2025-Q2 at seq 5"))

            // Recorded after the issue, dated inside the period; then a correction of the first dossier.
            let late = """
                {"type":"DossierReceived","eventId":"r2","occurredAt":"2025-05-05T02:00:00Z","actor":"000.00.31.H23","payload":{"dossierId":"000.00.31.H23-250505-00002","procedureCode":"1.001193","competentUnit":"000.00.31.H23","channel":"online","applicantKind":"citizen","receivedAt":"2025-05-05T02:00:00Z","dueAt":"2025-05-19T02:00:00Z"}}
                {"type":"DossierCorrected","eventId":"c1","occurredAt":"2025-06-20T02:00:00Z","actor":"000.00.31.H23","payload":{"dossierId":"000.00.31.H23-250402-00001","field":"channel","oldValue":"direct","newValue":"online","reason":"entered at the wrong desk"}}
                """
            #expect(try CLI.run(["append", "-", "--ledger", ledger], input: late).status == 0)

            let diff = try CLI.run([
                "report", "diff", "quarterly", "--year", "2025", "--quarter", "2", "--ledger", ledger,
            ])
            #expect(diff.status == 0, "\(diff.standardError)")
            let text = diff.standardOutput
            #expect(text.contains("reproduces: yes"))
            // Totals: online 0 → 2, direct 1 → 0, received 1 → 2, pending 1 → 2.
            #expect(text.contains("totals.received.online: 0 -> 2"))
            #expect(text.contains("totals.received.directOrPostal: 1 -> 0"))
            #expect(text.contains("totals.received.total: 1 -> 2"))
            #expect(text.contains("totals.pending.total: 1 -> 2"))
            let lines = text.split(separator: "\n")
            let receipt = try #require(lines.first { $0.contains("seq 7 DossierReceived") })
            #expect(receipt.contains("BACK-DATED"))
            #expect(receipt.contains("+received.online"))
            let correction = try #require(lines.first { $0.contains("seq 8 DossierCorrected") })
            #expect(correction.contains("CORRECTION"))
            #expect(correction.contains("-received.directOrPostal") && correction.contains("+received.online"))

            // verify reproduces the issued report from the ledger alone.
            let verified = try CLI.run(["verify", "--ledger", ledger])
            #expect(verified.status == 0)
            #expect(verified.standardOutput.contains("1 issued report reproduces"))
        }
    }

    @Test(arguments: [ReportRequest.quarterly(year: 2025, quarter: 2), .monthly(year: 2026, month: 6)])
    func traceItemsAddUpToEveryFigureOfTheFixturesReports(request: ReportRequest) throws {
        try withTemporaryDirectory { path in
            let domain = try DomainLedger(directory: try FixtureLedger.copy(into: path))
            try domain.withState { state, position in
                let report = try request.compute(state: state, position: position)
                let traces = try FigureTrace.traceAll(request, state: state, position: position)
                // Every dossier figure of every row and of the totals, and every procedure count.
                let rows: Int
                let figures: Int
                switch report {
                case .quarterly(let quarterly):
                    rows = quarterly.rows.count
                    figures = DossierCounts.figureNames.count
                case .monthly(let monthly):
                    rows = monthly.units.count
                    figures = MonthlyDossierFigures.names.count
                }
                let procedureCounts = traces.filter { $0.figure.hasPrefix("procedures.") }
                #expect(rows >= 10)
                #expect(traces.count == (rows + 1) * figures + procedureCounts.count)
                if case .monthly = report { #expect(procedureCounts.count >= 6) }
                for trace in traces {
                    #expect(
                        trace.items.reduce(0) { $0 + $1.contribution } == trace.value,
                        "\(trace.figure) \(trace.unit ?? "totals")")
                }
                #expect(traces.contains { $0.value > 0 && !$0.items.isEmpty && $0.unit != nil })

                // One figure traced alone gives the same items as in the whole pass.
                let busiest = try #require(traces.filter { $0.unit != nil }.max { $0.value < $1.value })
                let alone = try FigureTrace.trace(
                    request, figure: busiest.figure, unit: busiest.unit, state: state, position: position)
                #expect(alone.value == busiest.value)
                #expect(alone.items == busiest.items)
            }
        }
    }

    @Test func aReportOnALedgerWhoseProjectionWasNeverBuiltSaysItBuildsItFirst() throws {
        try withTemporaryDirectory { path in
            let ledger = try FixtureLedger.copy(into: path)
            let arguments = ["report", "quarterly", "--year", "2025", "--quarter", "2"]
            let original = try CLI.run(arguments + ["--ledger", ledger])
            #expect(try CLI.run(["export", "--ledger", ledger, "--output", path + "/export.jsonl"]).status == 0)
            #expect(try CLI.run(["import-ledger", path + "/export.jsonl", "--ledger", path + "/copy"]).status == 0)

            let first = try CLI.run(arguments + ["--ledger", path + "/copy"])
            #expect(first.status == 0, "\(first.standardError)")
            #expect(first.standardError.contains("projection domain was never built: building it from seq 1"))
            #expect(first.standardError.contains("projection domain: 100%"))
            #expect(first.standardOutput == original.standardOutput)
            let second = try CLI.run(arguments + ["--ledger", path + "/copy"])
            #expect(second.standardError.isEmpty)
            #expect(second.standardOutput == original.standardOutput)
        }
    }

    @Test func dossierShowsThePauseAndTheMovedDueDate() throws {
        try withTemporaryDirectory { path in
            let ledger = try FixtureLedger.copy(into: path)
            let result = try CLI.run(["dossier", "007.22.31.H23-250609-00005", "--ledger", ledger])
            #expect(result.status == 0, "\(result.standardError)")
            let text = result.standardOutput
            #expect(text.contains("DossierSupplementRequested"))
            #expect(text.contains("paused (supplement) 2025-06-10T08:30:00+07:00 → 2025-06-20T15:10:09+07:00"))
            #expect(text.contains("moved to 2025-06-24T10:05:00+07:00"))
            #expect(text.contains("2025-Q2"))
            #expect(text.contains("the ledger's own:"))
        }
    }

    @Test func exportThenImportLedgerEndsAtTheSameHeadHash() throws {
        try withTemporaryDirectory { path in
            let ledger = try FixtureLedger.copy(into: path)
            let exported = try CLI.run(["export", "--ledger", ledger, "--output", path + "/export.jsonl"])
            #expect(exported.status == 0, "\(exported.standardError)")
            let imported = try CLI.run(["import-ledger", path + "/export.jsonl", "--ledger", path + "/copy"])
            #expect(imported.status == 0, "\(imported.standardError)")
            let original = try Ledger(directory: ledger).head()
            #expect(imported.standardOutput.contains(original.hashHex))
            #expect(try Ledger(directory: path + "/copy").head() == original)

            // A tampered export does not rebuild.
            var text = try String(contentsOfFile: path + "/export.jsonl", encoding: .utf8)
            text = text.replacingOccurrences(of: "\"actor\":\"000.00.31.H23\"", with: "\"actor\":\"000.00.32.H23\"")
            try text.write(toFile: path + "/tampered.jsonl", atomically: true, encoding: .utf8)
            let refused = try CLI.run(["import-ledger", path + "/tampered.jsonl", "--ledger", path + "/bad"])
            #expect(refused.status == 2)
            #expect(refused.standardError.contains("does not match its contents"))
        }
    }

    @Test func aBackupTakenWhileAWriterAppendsVerifiesAndOpens() throws {
        try withTemporaryDirectory { path in
            let ledger = path + "/ledger"
            #expect(try CLI.run(["init", "--ledger", ledger]).status == 0)
            // A bounded writer: 300 batches of 200 events, 2 ms apart, so it is still appending
            // while the copy is taken and cannot grow the ledger without end if the test dies.
            let writer = Process()
            writer.executableURL = URL(
                fileURLWithPath: URL(fileURLWithPath: CLI.executable).deletingLastPathComponent().path
                    + "/ledger-stress")
            writer.arguments = [ledger, "0", "200", "2000", "300"]
            let committed = Pipe()
            writer.standardOutput = committed
            try writer.run()
            defer {
                if writer.isRunning { writer.terminate() }
                writer.waitUntilExit()
            }
            // Back up once the writer has committed its first batches, not after a guessed delay.
            var seen = 0
            var text = ""
            while seen < 5 {
                let chunk = committed.fileHandleForReading.availableData
                guard !chunk.isEmpty else { break }
                text += String(decoding: chunk, as: UTF8.self)
                seen = text.split(separator: "\n").count
            }
            #expect(seen >= 5, "the writer stopped before its fifth batch")

            let backup = try CLI.run(["backup", path + "/copy", "--ledger", ledger])
            let writerWasRunning = writer.isRunning
            #expect(backup.status == 0, "\(backup.standardError)")
            #expect(backup.standardOutput.contains("events verified"))
            _ = committed.fileHandleForReading.readDataToEndOfFile()
            writer.waitUntilExit()
            #expect(writer.terminationStatus == 0)

            let copy = try Ledger(directory: path + "/copy")
            let copied = try copy.head().seq
            let final = try Ledger(directory: ledger).head().seq
            #expect(copied >= 1_000)
            // The copy is one transaction's view: whole batches only, and a prefix of the ledger.
            #expect(copied % 200 == 0)
            #expect(final == 60_000)
            if writerWasRunning { #expect(copied < final) }
            #expect(try copy.verify().isIntact)
            #expect(
                try copy.events(from: copied, through: copied)
                    == Ledger(directory: ledger).events(from: copied, through: copied))
        }
    }
}
