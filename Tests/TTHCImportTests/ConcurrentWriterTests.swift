import Foundation
import Ledger
import TTHCDomain
import TTHCImport
import Testing

/// Another writer records a fact between the check and the append: the ledger refuses the event,
/// and the refusal is reported against the row it came from.
@Suite struct ConcurrentWriterTests {
    static let procedures = """
        MaTTHC,TenTTHC,MaLinhVuc,CapThucHien,DonViThucHien,ThoiHanGiaiQuyet,ThoiHan2024,ChiPhiTuanThu,ChiPhi2024,LienQuanDoanhNghiep,MucDo,KhongPhuThuocDiaGioi,NoiBo,SoQuyetDinh,NgayHieuLuc
        9.000001,Thủ tục một,G01,tinh,000.00.31.H23,5,5,100,100,1,3,0,0,1/QĐ,20250101
        9.000002,Thủ tục hai,G01,tinh,000.00.31.H23,5,5,100,100,1,3,0,0,1/QĐ,20250101
        9.000003,Thủ tục ba,G01,tinh,000.00.31.H23,5,5,100,100,1,3,0,0,1/QĐ,20250101

        """

    /// Publishes 9.000003 under another event id as soon as the first batch is appended.
    func importRacing(_ ledger: DomainLedger, options: ImportOptions) throws -> ImportSummary {
        var raced = false
        return try Importer(ledger: ledger).run(
            .bytes(name: "procedures.csv", Array(Self.procedures.utf8)), options: options
        ) { progress in
            guard progress.phase == .importing, !raced else { return }
            raced = true
            let published = ProcedurePublished.with {
                $0.code = "9.000003"
                $0.name = "Thủ tục ba"
                $0.level = .province
                $0.competentUnits = ["000.00.31.H23"]
                $0.effectiveFrom = "2025-01-01"
            }
            _ = try? ledger.append([
                DomainLedger.Entry(
                    .procedurePublished(published), occurredAt: Timestamp(secondsSinceEpoch: 1_735_664_400),
                    actor: "000.00.31.H23", eventId: "elsewhere/9.000003")
            ])
        }
    }

    @Test func aRowTheLedgerRefusesAtAppendIsReportedWithItsLineAndWhatWasAppendedBefore() throws {
        try withImportLedger { ledger, _ in
            try importSmallReferences(into: ledger)
            var options = ImportOptions()
            options.batchSize = 1
            do {
                _ = try importRacing(ledger, options: options)
                Issue.record("the import went through")
            } catch let error as ImportError {
                #expect(
                    error.issues.map(\.description) == [
                        "procedures.csv:4: MaTTHC: procedure 9.000003 is already published; record its changes as "
                            + "cuts (ProcedurePublished refused by the ledger)"
                    ])
                #expect(error.appendedBefore == 2)
                #expect(error.summary.contains("stopped after appending 2 events of earlier rows"))
            }
        }
    }

    @Test func withARejectFileTheRefusedRowIsRejectedAndTheOthersImported() throws {
        try withImportLedger { ledger, directory in
            try importSmallReferences(into: ledger)
            var options = ImportOptions()
            options.batchSize = 1
            options.rejectFile = directory + "/rejected.csv"
            let summary = try importRacing(ledger, options: options)
            #expect(summary.rowsRejected == 1)
            #expect(summary.eventsByType == ["ProcedurePublished": 2])
            let rejected = try String(contentsOfFile: directory + "/rejected.csv", encoding: .utf8)
            #expect(
                rejected.hasSuffix("9.000003,Thủ tục ba,G01,tinh,000.00.31.H23,5,5,100,100,1,3,0,0,1/QĐ,20250101\n"))
        }
    }
}
