/// The tier of local government a unit belongs to (*cấp hành chính*).
///
/// Form 06/VPCP/KSTT groups its rows by tier — departments of the province, then districts, then
/// communes — so the order of the cases is the order of the report. The district tier was
/// abolished on 1 July 2025; it stays here because periods before then still report it.
///
/// Named for what it is rather than `UnitLevel`, to stay clear of generated message types.
public enum AdministrativeLevel: String, Hashable, Sendable, CaseIterable, Comparable {
    /// Province (*cấp tỉnh*): the provincial People's Committee and its departments (*sở, ban, ngành*).
    case province
    /// District (*cấp huyện*), until 30 June 2025.
    case district
    /// Commune, ward or township (*cấp xã*).
    case commune

    /// The level written as units CSVs write it: `tinh`, `huyen` or `xa`; `nil` for anything else.
    public init?(csvCode: String) {
        switch csvCode {
        case "tinh": self = .province
        case "huyen": self = .district
        case "xa": self = .commune
        default: return nil
        }
    }

    /// Province before district before commune, as the report lists them.
    public static func < (lhs: AdministrativeLevel, rhs: AdministrativeLevel) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .province: 0
        case .district: 1
        case .commune: 2
        }
    }
}
