import Foundation
import Testing

/// A query that matches nothing says what was asked and why, instead of printing nothing.
@Suite struct EmptyAnswerTests {
    @Test func asOfBeforeTheFirstEventSaysWhenItWasRecordedAndPastTheHeadIsRefused() throws {
        try withTemporaryDirectory { path in
            let ledger = try FixtureLedger.copy(into: path)
            let before = try CLI.run(["log", "--as-of", "2001-01-01T00:00:00Z", "--ledger", ledger])
            #expect(before.status == 1)
            #expect(before.standardError.contains("the first event was recorded at"), "\(before.standardError)")
            #expect(before.standardOutput.isEmpty)

            let report = try CLI.run([
                "report", "quarterly", "--year", "2025", "--quarter", "1", "--as-of", "99999999", "--ledger", ledger,
            ])
            #expect(report.status == 1)
            #expect(report.standardError.contains("is past the head"), "\(report.standardError)")

            let future = try CLI.run(["dossier", "x", "--as-of", "2999-01-01T00:00:00Z", "--ledger", ledger])
            #expect(future.status == 1)
            #expect(future.standardError.contains("in the future"))

            let inside = try CLI.run(["log", "--as-of", "3", "--ledger", ledger])
            #expect(inside.status == 0)
            #expect(inside.standardOutput.split(separator: "\n").count == 3)
        }
    }

    @Test func logOfAnUnknownStreamTypeOrUnitSaysSo() throws {
        try withTemporaryDirectory { path in
            let ledger = try FixtureLedger.copy(into: path)
            let stream = try CLI.run(["log", "--stream", "dossier/nope", "--ledger", ledger])
            #expect(stream.status == 1)
            #expect(stream.standardError.contains("no stream dossier/nope in the ledger"))

            let type = try CLI.run(["log", "--type", "DossierRecieved", "--ledger", ledger])
            #expect(type.status == 1)
            #expect(type.standardError.contains("no event of type DossierRecieved"))
            #expect(type.standardError.contains("DossierReceived"))

            let unit = try CLI.run(["log", "--unit", "999.99.99.H23", "--ledger", ledger])
            #expect(unit.status == 1)
            #expect(unit.standardError.contains("no unit 999.99.99.H23"))

            // A real type outside the range asked for: nothing printed, and a word why.
            let range = try CLI.run(["log", "--type", "DossierReceived", "--to", "1", "--ledger", ledger])
            #expect(range.status == 0)
            #expect(range.standardOutput.isEmpty)
            #expect(range.standardError.contains("no events of type DossierReceived between seq 1 and seq 1"))
        }
    }

    @Test func traceOfAnUnknownUnitIsRefused() throws {
        try withTemporaryDirectory { path in
            let ledger = try FixtureLedger.copy(into: path)
            let trace = try CLI.run([
                "trace", "quarterly", "--year", "2025", "--quarter", "1", "--unit", "000.00.99.H23", "--figure",
                "resolved.late", "--ledger", ledger,
            ])
            #expect(trace.status == 1)
            #expect(trace.standardError.contains("no unit 000.00.99.H23 in the ledger"))
        }
    }

    @Test func theOutputFilesExtensionChoosesTheFormatAndAMismatchIsRefused() throws {
        try withTemporaryDirectory { path in
            let ledger = try FixtureLedger.copy(into: path)
            let base = ["report", "monthly", "--year", "2025", "--month", "5", "--ledger", ledger]
            #expect(try CLI.run(base + ["--output", path + "/may.html"]).status == 0)
            let html = try String(contentsOfFile: path + "/may.html", encoding: .utf8)
            #expect(html.hasPrefix("<!DOCTYPE html>") || html.hasPrefix("<!doctype html>"), "\(html.prefix(40))")

            let mismatch = try CLI.run(base + ["--format", "json", "--output", path + "/may2.html"])
            #expect(mismatch.status == 1)
            #expect(mismatch.standardError.contains("does not match --output"))
            #expect(!FileManager.default.fileExists(atPath: path + "/may2.html"))
        }
    }
}
