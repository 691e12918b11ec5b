import TTHCDomain

/// The rows of one administrative level, as form 06 groups them under a numbered heading.
struct LevelGroup<Row> {
    /// The group's number on the form: I, II, III, counting only the groups that have rows.
    let numeral: String
    let level: AdministrativeLevel
    let rows: [Row]

    /// Splits `rows` by level in the form's order (province, district, commune), keeping the
    /// order of the rows within each level and leaving out levels without rows.
    static func grouping(_ rows: [Row], by level: (Row) -> AdministrativeLevel) -> [LevelGroup] {
        var groups: [LevelGroup] = []
        for candidate in AdministrativeLevel.allCases {
            let members = rows.filter { level($0) == candidate }
            guard !members.isEmpty else { continue }
            groups.append(
                LevelGroup(numeral: ReportText.romanNumeral(groups.count + 1), level: candidate, rows: members))
        }
        return groups
    }
}
