import Foundation
import Ledger
import TTHCDomain
import TTHCImport
import Testing

/// `--reject-file F`: the bad rows go to F verbatim, the others are imported.
@Suite struct RejectFileTests {
    @Test func badCSVRowsGoToTheRejectFileVerbatimWithTheHeaderAndTheOthersAreImported() throws {
        try withImportLedger { ledger, directory in
            try importSmallReferences(into: ledger)
            let bad1 = dossierRow(id: "R-2", status: "12")
            let bad2 = "\"R-4\",\"1.000688\",2,2,\"2025041508\n3000\",,,,4,000.00.31.H23,,1,0,3,1,,"
            let text =
                "\u{FEFF}" + dossierHeader + "\r\n" + dossierRow(id: "R-1") + "\r\n" + bad1 + "\r\n"
                + dossierRow(id: "R-3") + "\r\n" + bad2 + "\r\n" + dossierRow(id: "R-5") + "\r\n"
            let rejectPath = directory + "/rejected.csv"
            var options = ImportOptions()
            options.rejectFile = rejectPath
            let summary = try importText(text, into: ledger, options: options)
            #expect(summary.rowsRead == 5)
            #expect(summary.rowsRejected == 2)
            #expect(summary.eventsByType == ["DossierReceived": 3])
            #expect(
                summary.rejected.map(\.description) == [
                    "test.csv:3: TrangThaiHoSo: unknown status 12 (expected 1 to 10)",
                    "test.csv:5: NgayTiepNhan: 2025041508\n3000 is not a date and time yyyyMMddHHmmss",
                ])
            let rejected = try String(contentsOfFile: rejectPath, encoding: .utf8)
            #expect(rejected == dossierHeader + "\r\n" + bad1 + "\r\n" + bad2 + "\r\n")

            // Fixed, the reject file imports on its own.
            let fixed = rejected.replacingOccurrences(of: ",12,", with: ",4,").replacingOccurrences(
                of: "2025041508\n3000", with: "20250415083000")
            let again = try importText(fixed, name: "rejected.csv", into: ledger)
            #expect(again.eventsByType == ["DossierReceived": 2])
        }
    }

    @Test func badJSONLinesGoToTheRejectFileAsLines() throws {
        try withImportLedger { ledger, directory in
            try importSmallReferences(into: ledger)
            let good = """
                {"MaHoSo":"RJ-1","MaTTHC":"1.000688","KenhThucHien":2,"LoaiDoiTuong":1,\
                "NgayTiepNhan":"20250415083000","TrangThaiHoSo":4,"DonViXuLy":"000.00.31.H23"}
                """
            let bad = "{\"MaHoSo\":\"RJ-2\",\"TrangThaiHoSo\":4"
            let rejectPath = directory + "/rejected.jsonl"
            var options = ImportOptions()
            options.rejectFile = rejectPath
            let summary = try importText(good + "\n" + bad, name: "x.jsonl", into: ledger, options: options)
            #expect(summary.rowsRejected == 1)
            #expect(summary.eventsByType == ["DossierReceived": 1])
            #expect(try String(contentsOfFile: rejectPath, encoding: .utf8) == bad + "\n")
        }
    }

    @Test func aDryRunWithARejectFileWritesNothing() throws {
        try withImportLedger { ledger, directory in
            try importSmallReferences(into: ledger)
            let head = try ledger.ledger.head()
            var options = ImportOptions(dryRun: true)
            options.rejectFile = directory + "/rejected.csv"
            let summary = try importText(
                dossierFile(dossierRow(id: "D-1"), dossierRow(id: "D-2", status: "0")), into: ledger,
                options: options)
            #expect(summary.rowsRejected == 1)
            #expect(summary.eventsByType == ["DossierReceived": 1])
            #expect(try ledger.ledger.head() == head)
            #expect(!FileManager.default.fileExists(atPath: directory + "/rejected.csv"))
        }
    }

    @Test func rowsThatDependOnARejectedRowAreImportedOnTheirOwnTerms() throws {
        // The second snapshot of R-9 stands on its own: it is a full snapshot, so with the first
        // one rejected it still records the receipt.
        try withImportLedger { ledger, directory in
            try importSmallReferences(into: ledger)
            var options = ImportOptions()
            options.rejectFile = directory + "/rejected.csv"
            let summary = try importText(
                dossierFile(
                    dossierRow(id: "R-9", competent: "nowhere"),
                    dossierRow(id: "R-9", end: "20250425100000", status: "9")),
                into: ledger, options: options)
            #expect(summary.rowsRejected == 1)
            #expect(summary.eventsByType == ["DossierReceived": 1, "DossierResolved": 1])
        }
    }
}
