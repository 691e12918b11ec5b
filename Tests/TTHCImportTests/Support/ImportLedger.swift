import Foundation
import Ledger
import TTHCDomain
import TTHCImport

/// A fresh directory under the system's temporary folder, removed afterwards.
func withTemporaryDirectory<Result>(_ body: (String) throws -> Result) throws -> Result {
    var template = Array((FileManager.default.temporaryDirectory.path + "/import-test-XXXXXX").utf8CString)
    let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// A new domain ledger in its own temporary directory (no fsync: tests re-create it anyway).
func withImportLedger<Result>(_ body: (DomainLedger, String) throws -> Result) throws -> Result {
    try withTemporaryDirectory { path in
        let directory = path + "/ledger"
        var options = Ledger.Options(create: true)
        options.unsafeNoSync = true
        let ledger = try DomainLedger(directory: directory, options: options)
        return try body(ledger, path)
    }
}

/// The repository's `Fixtures/` directory.
let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path

func fixture(_ name: String) -> ImportSource {
    .file(path: fixturesDirectory + "/" + name)
}

/// Imports units, calendar, procedures and plan tasks from `Fixtures/`.
@discardableResult
func importReferenceFixtures(into ledger: DomainLedger) throws -> [ImportSummary] {
    let importer = Importer(ledger: ledger)
    return try ["units.csv", "calendar.csv", "procedures.csv", "plan-tasks.csv"].map {
        try importer.run(fixture($0))
    }
}

/// Imports `text` (CSV or JSON lines) named `name`.
@discardableResult
func importText(
    _ text: String, name: String = "test.csv", into ledger: DomainLedger, options: ImportOptions = ImportOptions()
) throws -> ImportSummary {
    try Importer(ledger: ledger).run(.bytes(name: name, Array(text.utf8)), options: options)
}

/// The issues of an import that must fail.
func importIssues(
    _ text: String, name: String = "test.csv", into ledger: DomainLedger, options: ImportOptions = ImportOptions()
) throws -> [String] {
    do {
        try importText(text, name: name, into: ledger, options: options)
    } catch let error as ImportError {
        return error.issues.map(\.description)
    }
    return []
}

/// The dossier header of the portal CSV export.
let dossierHeader =
    "MaHoSo,MaTTHC,KenhThucHien,LoaiDoiTuong,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo,"
    + "DonViXuLy,DonViTiepNhan,HoSoCoThanhPhanSoHoa,DuocThanhToanTrucTuyen,SoGiayToYeuCau,SoGiayToTaiSuDung,"
    + "NgayBoSung,NgayTiepNhanBoSung"

/// One dossier row of the portal CSV export; the defaults are a valid, accepted dossier of the
/// Sở Tư pháp (procedure 1.000688, 10 working days) received on 2025-04-15 at 08:30.
func dossierRow(
    id: String = "000.00.31.H23-250415-90001", procedure: String = "1.000688", channel: String = "2",
    applicant: String = "2", received: String = "20250415083000", due: String = "20250428083000",
    end: String = "", returned: String = "", status: String = "4", competent: String = "000.00.31.H23",
    desk: String = "", digitized: String = "1", paidOnline: String = "0", required: String = "3",
    reused: String = "1", pauseFrom: String = "", pauseTo: String = ""
) -> String {
    [
        id, procedure, channel, applicant, received, due, end, returned, status, competent, desk, digitized,
        paidOnline, required, reused, pauseFrom, pauseTo,
    ].joined(separator: ",")
}

/// A CSV dossier file of `rows`.
func dossierFile(_ rows: String...) -> String {
    ([dossierHeader] + rows).joined(separator: "\n") + "\n"
}

/// Every event of the ledger as (eventId, type, stream, payload, occurredAt, actor), in order.
struct LoggedEvent: Hashable, CustomStringConvertible {
    var eventId: String
    var type: String
    var stream: String
    var payload: [UInt8]
    var occurredAt: Timestamp
    var actor: String

    var description: String { "\(type) \(stream) \(eventId)" }
}

func loggedEvents(_ ledger: Ledger, from seq: UInt64 = 1) throws -> [LoggedEvent] {
    var events: [LoggedEvent] = []
    try ledger.scan(from: seq) { view in
        events.append(
            LoggedEvent(
                eventId: view.eventId, type: view.type, stream: view.stream, payload: Array(view.payload),
                occurredAt: view.occurredAt, actor: view.actor))
        return true
    }
    return events
}

/// The events of one dossier, decoded.
func dossierEvents(_ ledger: DomainLedger, _ id: String) throws -> [DomainEvent] {
    try ledger.ledger.events(inStream: "dossier/\(id)").map {
        try DomainEvent(typeName: $0.type, schemaVersion: $0.schemaVersion, payload: $0.payload)
    }
}

/// UTC microseconds of a portal `yyyyMMddHHmmss`.
func portal(_ text: String) -> Int64 {
    VietnamTime.parsePortal(text)!
}

/// A few units, one procedure and the 2025 days off: enough for the dossier rows of
/// ``dossierRow(id:procedure:channel:applicant:received:due:end:returned:status:competent:desk:digitized:paidOnline:required:reused:pauseFrom:pauseTo:)``,
/// imported in a blink.
func importSmallReferences(into ledger: DomainLedger) throws {
    try importText(
        """
        MaDonVi,TenDonVi,Cap,MaDonViCha,MaDonViKeThua,NgayHieuLuc
        000.00.00.H23,UBND tỉnh Hậu Giang,tinh,,,20200101
        000.00.11.H23,Trung tâm Phục vụ hành chính công tỉnh,tinh,000.00.00.H23,,20200101
        000.00.31.H23,Sở Tư pháp,tinh,000.00.00.H23,,20200101

        """, name: "units.csv", into: ledger)
    try importText(
        """
        MaTTHC,TenTTHC,MaLinhVuc,CapThucHien,DonViThucHien,ThoiHanGiaiQuyet,ThoiHan2024,ChiPhiTuanThu,ChiPhi2024,LienQuanDoanhNghiep,MucDo,KhongPhuThuocDiaGioi,NoiBo,SoQuyetDinh,NgayHieuLuc
        1.000688,Đăng ký hoạt động Trung tâm trọng tài,G18,tinh,000.00.31.H23,10,10,1568000,1568000,1,2,1,0,2149/QĐ-UBND,20240101

        """, name: "procedures.csv", into: ledger)
    try importText(
        """
        date,kind,name
        2025-04-26,workday,Làm bù cho ngày nghỉ hoán đổi thứ Sáu 02/5/2025
        2025-04-30,holiday,"Ngày Giải phóng miền Nam, thống nhất đất nước"
        2025-05-01,holiday,Ngày Quốc tế Lao động
        2025-05-02,holiday,Nghỉ hoán đổi dịp 30/4 và 1/5 (làm bù thứ Bảy 26/4/2025)

        """, name: "calendar.csv", into: ledger)
}

/// The type names and event ids appended after `seq`.
func appended(_ ledger: DomainLedger, after seq: UInt64) throws -> [String] {
    try loggedEvents(ledger.ledger, from: seq + 1).map { "\($0.type) \($0.eventId)" }
}
