import Foundation
import Ledger
import TTHCDomain
import TTHCImport
import Testing

/// A file with a bad row is refused whole: every bad row is reported as `FILE:LINE: field:
/// reason` and nothing is appended.
@Suite struct BadInputTests {
    /// Imports `file` into a ledger holding the small references; returns the issues and checks
    /// that the head did not move.
    func refused(_ file: String, name: String = "test.csv", kind: ImportKind? = nil) throws -> [String] {
        try withImportLedger { ledger, _ in
            try importSmallReferences(into: ledger)
            let head = try ledger.ledger.head()
            let issues = try importIssues(file, name: name, into: ledger, options: ImportOptions(kind: kind))
            #expect(try ledger.ledger.head() == head, "the refused import wrote to the ledger")
            return issues
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var row: String
        var issues: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a day that does not exist", row: dossierRow(received: "20250230083000"),
            issues: ["test.csv:3: NgayTiepNhan: 20250230083000 is not a date and time yyyyMMddHHmmss"]),
        Case(
            name: "a date without its time", row: dossierRow(due: "20250230"),
            issues: ["test.csv:3: NgayHenTra: 20250230 is not a date and time yyyyMMddHHmmss"]),
        Case(
            name: "a year outside 2000–2100", row: dossierRow(received: "19990101083000", due: ""),
            issues: ["test.csv:3: NgayTiepNhan: 19990101083000 is outside the years 2000–2100"]),
        Case(
            name: "an unknown status", row: dossierRow(status: "11"),
            issues: ["test.csv:3: TrangThaiHoSo: unknown status 11 (expected 1 to 10)"]),
        Case(
            name: "an unknown procedure", row: dossierRow(procedure: "9.999999"),
            issues: ["test.csv:3: MaTTHC: unknown procedure 9.999999"]),
        Case(
            name: "an unknown unit", row: dossierRow(competent: "000.99.99.H23"),
            issues: ["test.csv:3: DonViXuLy: unknown unit 000.99.99.H23"]),
        Case(
            name: "an unknown receiving desk", row: dossierRow(desk: "000.98.98.H23"),
            issues: ["test.csv:3: DonViTiepNhan: unknown unit 000.98.98.H23"]),
        Case(
            name: "status 9 without NgayKetThucXuLy", row: dossierRow(status: "9"),
            issues: ["test.csv:3: NgayKetThucXuLy: is required for status 9 (resolved)"]),
        Case(
            name: "status 10 without NgayTra", row: dossierRow(end: "20250425100000", status: "10"),
            issues: ["test.csv:3: NgayTra: is required for status 10 (result returned)"]),
        Case(
            name: "status 7 without its date", row: dossierRow(status: "7"),
            issues: ["test.csv:3: NgayKetThucXuLy: is required for status 7 (withdrawn)"]),
        Case(
            name: "status 5 without a pause", row: dossierRow(status: "5"),
            issues: ["test.csv:3: NgayBoSung: is required for status 5 (supplement requested)"]),
        Case(
            name: "status 5 with the clock restarted",
            row: dossierRow(status: "5", pauseFrom: "20250418100000", pauseTo: "20250422090000"),
            issues: [
                "test.csv:3: NgayTiepNhanBoSung: must be empty for status 5 (supplement requested): the clock is "
                    + "stopped, yet it restarted on 20250422090000"
            ]),
        Case(
            name: "status 9 with the clock still stopped",
            row: dossierRow(end: "20250425100000", status: "9", pauseFrom: "20250418100000"),
            issues: [
                "test.csv:3: NgayTiepNhanBoSung: is required for status 9 (resolved): the clock stopped on "
                    + "20250418100000 must have restarted before the end"
            ]),
        Case(
            name: "an end before the receipt", row: dossierRow(end: "20250414080000", status: "9"),
            issues: ["test.csv:3: NgayKetThucXuLy: 20250414080000 is before NgayTiepNhan 20250415083000"]),
        Case(
            name: "a return before the end",
            row: dossierRow(end: "20250425100000", returned: "20250424100000", status: "10"),
            issues: ["test.csv:3: NgayTra: 20250424100000 is before NgayKetThucXuLy 20250425100000"]),
        Case(
            name: "a due date before the receipt", row: dossierRow(due: "20250414083000"),
            issues: ["test.csv:3: NgayHenTra: 20250414083000 is before NgayTiepNhan 20250415083000"]),
        Case(
            name: "a pause that ends before it starts",
            row: dossierRow(pauseFrom: "20250418100000", pauseTo: "20250417090000"),
            issues: ["test.csv:3: NgayTiepNhanBoSung: 20250417090000 is before NgayBoSung 20250418100000"]),
        Case(
            name: "a channel that is not 1, 2 or 3", row: dossierRow(channel: "4"),
            issues: ["test.csv:3: KenhThucHien: 4 is not 1 (direct), 2 (online) or 3 (postal)"]),
        Case(
            name: "a flag that is not 0 or 1", row: dossierRow(digitized: "yes"),
            issues: ["test.csv:3: HoSoCoThanhPhanSoHoa: yes is not 0 or 1"]),
        Case(
            name: "more documents reused than required", row: dossierRow(required: "2", reused: "3"),
            issues: ["test.csv:3: SoGiayToTaiSuDung: 3 is more than SoGiayToYeuCau (2)"]),
        Case(
            name: "a missing dossier id", row: dossierRow(id: ""),
            issues: ["test.csv:3: MaHoSo: is required"]),
        Case(
            name: "a missing procedure", row: dossierRow(procedure: ""),
            issues: ["test.csv:3: MaTTHC: is required"]),
        Case(
            name: "a wrong column count", row: dossierRow() + ",extra",
            issues: ["test.csv:3: row: has 18 fields where the header has 17"]),
        Case(
            name: "a quote inside an unquoted field", row: dossierRow(id: "000.00.31.H23-25\"0415"),
            issues: [
                "test.csv:3: MaHoSo: has a quote inside an unquoted field (quote the whole field and double the quote)"
            ]),
        Case(
            name: "several problems in one row", row: dossierRow(procedure: "9.999999", received: "2025"),
            issues: [
                "test.csv:3: MaTTHC: unknown procedure 9.999999",
                "test.csv:3: NgayTiepNhan: 2025 is not a date and time yyyyMMddHHmmss",
            ]),
    ]

    @Test(arguments: cases)
    func aBadRowIsReportedAndNothingIsAppended(_ badCase: Case) throws {
        // A good row before it: it must not be appended either.
        let file = dossierFile(dossierRow(id: "000.00.31.H23-250415-90009"), badCase.row)
        #expect(try refused(file) == badCase.issues)
    }

    @Test func everyBadRowOfTheFileIsReportedInFileOrder() throws {
        let file = dossierFile(
            dossierRow(id: "A-1", status: "0"),
            dossierRow(id: "A-2"),
            dossierRow(id: "A-3", competent: "X"),
            "\"A-4\nstill A-4\",1.000688",
            dossierRow(id: "A-5", end: "20250101000000", status: "9"))
        #expect(
            try refused(file) == [
                "test.csv:2: TrangThaiHoSo: unknown status 0 (expected 1 to 10)",
                "test.csv:4: DonViXuLy: unknown unit X",
                "test.csv:5: row: has 2 fields where the header has 17",
                "test.csv:7: NgayKetThucXuLy: 20250101000000 is before NgayTiepNhan 20250415083000",
            ])
    }

    @Test func aSecondReceiptOfAnotherDossierIsNotConfusedWithTheFirst() throws {
        // Two dossiers, two receipts: both appended.
        try withImportLedger { ledger, _ in
            try importSmallReferences(into: ledger)
            let summary = try importText(
                dossierFile(dossierRow(id: "B-1"), dossierRow(id: "B-2")), into: ledger)
            #expect(summary.eventsByType == ["DossierReceived": 2])
        }
    }

    @Test func snapshotsThatContradictTheLedgerAreRefused() throws {
        try withImportLedger { ledger, _ in
            try importSmallReferences(into: ledger)
            try importText(
                dossierFile(
                    dossierRow(id: "C-1", end: "20250420100000", status: "7"),
                    dossierRow(id: "C-2", due: "", end: "20250415090000", status: "3"),
                    dossierRow(id: "C-3", end: "20250425100000", status: "9")),
                into: ledger)
            let head = try ledger.ledger.head()
            let issues = try importIssues(
                dossierFile(
                    dossierRow(id: "C-1", end: "20250425100000", returned: "20250426100000", status: "10"),
                    dossierRow(id: "C-2", status: "4"),
                    dossierRow(id: "C-3", end: "20250425100000", status: "7"),
                    dossierRow(id: "C-1", due: "", end: "20250415090000", status: "3")),
                into: ledger)
            #expect(
                issues == [
                    "test.csv:2: TrangThaiHoSo: dossier C-1 was withdrawn on 20250420100000, so it cannot be in "
                        + "status 10 (result returned)",
                    "test.csv:3: TrangThaiHoSo: dossier C-2 is recorded as not accepted, so it cannot be in status 4 "
                        + "(in progress)",
                    "test.csv:4: TrangThaiHoSo: dossier C-3 was resolved on 20250425100000, so it cannot be withdrawn",
                    "test.csv:5: TrangThaiHoSo: dossier C-1 was accepted on 20250415083000, so it cannot be in "
                        + "status 3 (not accepted)",
                ])
            #expect(try ledger.ledger.head() == head)
        }
    }

    @Test func filesThatCannotBeReadAsImportFilesAreRefusedWhole() throws {
        #expect(try refused("") == ["test.csv:1: header: the file is empty: a CSV file needs a header row"])
        #expect(
            try refused("a,b,a\n1,2,3\n")
                == ["test.csv:1: header: names column a twice"])
        #expect(
            try refused("foo,bar\n1,2\n")
                == [
                    "test.csv:1: header: cannot tell the kind of file from its columns; pass --kind "
                        + "dossiers|procedures|units|calendar|plan"
                ])
        #expect(
            try refused("MaHoSo,MaTTHC,NgayTiepNhan,TrangThaiHoSo\n")
                == [
                    "test.csv:1: KenhThucHien: is missing from the header (a dossiers file needs MaHoSo, MaTTHC, "
                        + "KenhThucHien, NgayTiepNhan, TrangThaiHoSo, DonViXuLy)",
                    "test.csv:1: DonViXuLy: is missing from the header (a dossiers file needs MaHoSo, MaTTHC, "
                        + "KenhThucHien, NgayTiepNhan, TrangThaiHoSo, DonViXuLy)",
                ])
        #expect(
            try refused(dossierHeader + "\n\"open quote" + String(repeating: "x", count: 1 << 20))
                == ["test.csv:2: row: a record is longer than 1048576 bytes (is a quote left open?)"])
        #expect(
            try refused("date,kind,name\n2025-01-01,holiday,x\n", kind: .units)
                == [
                    "test.csv:1: MaDonVi: is missing from the header (a units file needs MaDonVi, TenDonVi, Cap, "
                        + "NgayHieuLuc)",
                    "test.csv:1: TenDonVi: is missing from the header (a units file needs MaDonVi, TenDonVi, Cap, "
                        + "NgayHieuLuc)",
                    "test.csv:1: Cap: is missing from the header (a units file needs MaDonVi, TenDonVi, Cap, "
                        + "NgayHieuLuc)",
                    "test.csv:1: NgayHieuLuc: is missing from the header (a units file needs MaDonVi, TenDonVi, Cap, "
                        + "NgayHieuLuc)",
                ])
    }

    @Test func anUnreadableFileSaysSoAndARowProblemSaysHowManyRows() throws {
        try withImportLedger { ledger, _ in
            try importSmallReferences(into: ledger)
            #expect {
                try importText("foo,bar\n", into: ledger)
            } throws: { error in
                guard let error = error as? ImportError else { return false }
                return error.unreadable
                    && error.summary == "nothing imported: the file cannot be read as an import file"
            }
            #expect {
                try importText(
                    dossierFile(dossierRow(id: "U-1", status: "0"), dossierRow(id: "U-2", status: "0")), into: ledger)
            } throws: { error in
                guard let error = error as? ImportError else { return false }
                return !error.unreadable && error.badRowCount == 2
                    && error.summary
                        == "nothing imported: 2 invalid rows (fix them, or pass --reject-file F to import the others)"
            }
        }
    }

    @Test func badJSONLinesAreReportedWithTheirColumn() throws {
        let good = """
            {"MaHoSo":"J-1","MaTTHC":"1.000688","KenhThucHien":2,"LoaiDoiTuong":1,"NgayTiepNhan":"20250415083000",\
            "TrangThaiHoSo":4,"DonViXuLy":"000.00.31.H23"}
            """
        let file = [
            good,
            "",
            "{\"MaHoSo\":\"J-2\",x}",
            "[1,2]",
            "{\"MaHoSo\":\"J-3\",\"MaHoSo\":\"J-3\"}",
            good.replacingOccurrences(of: "\"J-1\"", with: "[\"J-4\"]"),
            good.replacingOccurrences(of: "\"KenhThucHien\":2", with: "\"KenhThucHien\":2.0"),
            good.replacingOccurrences(of: "\"J-1\"", with: "\"J-5\"").replacingOccurrences(
                of: "}", with: ",\"DanhSachHoSoBoSung\":[{\"NgayTiepNhanBoSung\":\"20250420100000\"}]}"),
        ].joined(separator: "\n")
        let issues = try refused(file, name: "test.jsonl")
        #expect(
            issues == [
                "test.jsonl:3: json: unexpected character 'x' at column 17",
                "test.jsonl:4: json: a line must hold one JSON object, not an array",
                "test.jsonl:5: json: duplicate key \"MaHoSo\" at column 17",
                "test.jsonl:6: MaHoSo: is an array, not a string or a number",
                "test.jsonl:7: KenhThucHien: 2.0 is not 1 (direct), 2 (online) or 3 (postal)",
                "test.jsonl:8: DanhSachHoSoBoSung[0].NgayBoSung: is required when a pause is given "
                    + "(NgayTiepNhanBoSung)",
            ])
    }

    @Test func badRowsOfReferenceFilesAreReported() throws {
        #expect(
            try refused(
                """
                MaDonVi,TenDonVi,Cap,MaDonViCha,MaDonViKeThua,NgayHieuLuc
                000.00.40.H23,Sở mới,tinh,000.00.77.H23,,20250101
                000.00.41.H23,Sở khác,tinh,,000.00.31.H23,20250101
                000.00.31.H23,Sở Tư pháp,tinh,,000.00.31.H23,20250101
                000.00.42.H23,,quan,,,20250230

                """, name: "units.csv")
                == [
                    "units.csv:2: MaDonViCha: unknown unit 000.00.77.H23 (register it in an earlier row)",
                    "units.csv:3: MaDonViKeThua: unit 000.00.41.H23 must be registered by an earlier row before it "
                        + "can merge into 000.00.31.H23",
                    "units.csv:4: MaDonViKeThua: a unit cannot merge into itself",
                    "units.csv:5: TenDonVi: is required",
                    "units.csv:5: Cap: quan is not tinh, huyen or xa",
                    "units.csv:5: NgayHieuLuc: 20250230 is not a date yyyyMMdd",
                ])
        let procedureHeader =
            "MaTTHC,TenTTHC,MaLinhVuc,CapThucHien,DonViThucHien,ThoiHanGiaiQuyet,ThoiHan2024,ChiPhiTuanThu,"
            + "ChiPhi2024,LienQuanDoanhNghiep,MucDo,KhongPhuThuocDiaGioi,NoiBo,SoQuyetDinh,NgayHieuLuc"
        #expect(
            try refused(
                """
                \(procedureHeader)
                2.000001,Thủ tục mới,G01,tinh,000.00.31.H23;000.00.55.H23,5,5,100,100,1,5,0,0,1/QĐ,20250101
                1.000688,Đăng ký hoạt động Trung tâm trọng tài,G18,tinh,000.00.31.H23,8,10,-1,1568000,1,2,1,0,2/QĐ,20230101

                """, name: "procedures.csv")
                == [
                    "procedures.csv:2: MucDo: 5 is not 2 (information only), 3 (partial) or 4 (full-process)",
                    "procedures.csv:2: DonViThucHien: unknown unit 000.00.55.H23",
                    "procedures.csv:3: ChiPhiTuanThu: -1 is not a whole number from 0 to 9223372036854775807",
                ])
        #expect(
            try refused(
                """
                \(procedureHeader)
                1.000688,Đăng ký hoạt động Trung tâm trọng tài,G18,tinh,000.00.31.H23,8,10,1568000,1568000,1,2,1,0,2/QĐ,20230101

                """, name: "procedures.csv")
                == [
                    "procedures.csv:2: NgayHieuLuc: 20230101 is before procedure 1.000688 takes effect (20240101)"
                ])
        #expect(
            try refused("date,kind,name\n2025-02-30,holiday,x\n2025-03-01,off,y\n", name: "calendar.csv")
                == [
                    "calendar.csv:2: date: 2025-02-30 is not a date yyyy-MM-dd",
                    "calendar.csv:3: kind: off is not holiday or workday",
                ])
        #expect(
            try refused(
                "MaNhiemVu,NoiDung,DonViChuTri,HanHoanThanh,NgayHoanThanh\nII.9,,000.00.99.H23,2025-04-30,\n",
                name: "plan.csv")
                == [
                    "plan.csv:2: NoiDung: is required",
                    "plan.csv:2: HanHoanThanh: 2025-04-30 is not a date yyyyMMdd",
                    "plan.csv:2: DonViChuTri: unknown unit 000.00.99.H23",
                ])
    }
}
