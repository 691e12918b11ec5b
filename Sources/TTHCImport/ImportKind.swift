/// The kinds of file `tthc import` reads, each with its columns (SPEC.md §4, DOMAIN.md).
public enum ImportKind: String, CaseIterable, Sendable {
    /// Dossier snapshots in the national portal's field names (`MaHoSo`, `TrangThaiHoSo`, …).
    case dossiers
    /// The procedure catalogue and its later decisions (`MaTTHC`, `ThoiHanGiaiQuyet`, …).
    case procedures
    /// Units and their mergers (`MaDonVi`, `MaDonViKeThua`, …).
    case units
    /// Declared days off and make-up working days (`date`, `kind`, `name`).
    case calendar
    /// Tasks of the Resolution 66 plan (`MaNhiemVu`, `HanHoanThanh`, …).
    case plan

    /// The columns a CSV header must name for this kind.
    ///
    /// Other columns may be present (portal exports carry more, such as `TenTTHC`) and are ignored.
    public var requiredColumns: [String] {
        switch self {
        case .dossiers: ["MaHoSo", "MaTTHC", "KenhThucHien", "NgayTiepNhan", "TrangThaiHoSo", "DonViXuLy"]
        case .procedures:
            [
                "MaTTHC", "TenTTHC", "CapThucHien", "DonViThucHien", "ThoiHanGiaiQuyet", "ChiPhiTuanThu", "MucDo",
                "NgayHieuLuc",
            ]
        case .units: ["MaDonVi", "TenDonVi", "Cap", "NgayHieuLuc"]
        case .calendar: ["date", "kind"]
        case .plan: ["MaNhiemVu", "NoiDung", "HanHoanThanh"]
        }
    }

    /// The kind whose telltale column the header (or first JSON object) names, if any.
    ///
    /// `MaHoSo` marks dossiers (their files name `MaTTHC` too), `MaTTHC` procedures, `MaDonVi`
    /// units, `MaNhiemVu` plan tasks, and `date` with `kind` the calendar.
    public static func detect(columns: [String]) -> ImportKind? {
        let names = Set(columns)
        if names.contains("MaHoSo") { return .dossiers }
        if names.contains("MaTTHC") { return .procedures }
        if names.contains("MaDonVi") { return .units }
        if names.contains("MaNhiemVu") { return .plan }
        if names.contains("date") && names.contains("kind") { return .calendar }
        return nil
    }
}
