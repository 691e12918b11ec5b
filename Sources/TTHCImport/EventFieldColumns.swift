/// The file column behind a payload field, to report the ledger's own refusals of an event
/// (``TTHCDomain/DomainValidationError``, which names payload fields) in the file's terms.
enum EventFieldColumns {
    private static let byTypeAndField: [String: String] = [
        "DossierSupplementRequested.at": "NgayBoSung",
        "DossierSupplementReceived.at": "NgayTiepNhanBoSung",
        "DossierSupplementReceived.newDueAt": "NgayHenTraMoi",
        "DossierWithdrawn.at": "NgayKetThucXuLy",
        "DossierNotAccepted.at": "NgayKetThucXuLy",
        "DossierDueDateChanged.newDueAt": "NgayHenTra",
        "DossierResolved.outcome": "TrangThaiHoSo",
    ]

    private static let byField: [ImportKind: [String: String]] = [
        .dossiers: [
            "dossierId": "MaHoSo", "procedureCode": "MaTTHC", "competentUnit": "DonViXuLy",
            "receivingUnit": "DonViTiepNhan", "channel": "KenhThucHien", "applicantKind": "LoaiDoiTuong",
            "receivedAt": "NgayTiepNhan", "dueAt": "NgayHenTra", "documentsRequired": "SoGiayToYeuCau",
            "documentsReused": "SoGiayToTaiSuDung", "resolvedAt": "NgayKetThucXuLy", "returnedAt": "NgayTra",
        ],
        .procedures: [
            "code": "MaTTHC", "name": "TenTTHC", "competentUnits": "DonViThucHien", "effectiveFrom": "NgayHieuLuc",
            "processingDays": "ThoiHanGiaiQuyet", "complianceCostVnd": "ChiPhiTuanThu", "onlineLevel": "MucDo",
        ],
        .units: [
            "code": "MaDonVi", "name": "TenDonVi", "level": "Cap", "parent": "MaDonViCha",
            "successorCode": "MaDonViKeThua", "effectiveFrom": "NgayHieuLuc",
        ],
        .calendar: ["date": "date"],
        .plan: ["taskId": "MaNhiemVu", "title": "NoiDung", "deadline": "HanHoanThanh", "completedAt": "NgayHoanThanh"],
    ]

    /// The column for `field` of an event of `type` in a file of `kind`; the field itself when
    /// no column carries it.
    static func column(type: String, field: String, kind: ImportKind) -> String {
        byTypeAndField["\(type).\(field)"] ?? byField[kind]?[field] ?? field
    }
}
