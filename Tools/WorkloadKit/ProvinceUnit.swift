import TTHCDomain

/// A unit of the generated province: a department, district or commune, and its merger if any.
struct ProvinceUnit {
    let code: String
    let name: String
    let level: UnitLevel
    /// The parent's code; empty for the province itself.
    let parent: String
    let effectiveFrom: LocalDate
    /// The unit that takes over from `mergedFrom` on (2025 restructuring).
    var successor: Int?
    var mergedFrom: LocalDate?
}
