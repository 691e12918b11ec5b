import TTHCDomain

/// Units files: `MaDonVi, TenDonVi, Cap, MaDonViCha, MaDonViKeThua, NgayHieuLuc`.
///
/// The first row for a code registers the unit (`UnitRegistered`); a later row naming
/// `MaDonViKeThua` merges it into that successor (`UnitMerged`), effective `NgayHieuLuc`. Other
/// later rows repeat the registration and add nothing.
struct UnitPlanner: RowPlanner {
    var references: ReferenceData

    static let levels: [String: UnitLevel] = ["tinh": .province, "huyen": .district, "xa": .commune]

    mutating func plan(_ row: SourceRow, state: DomainState) throws -> RowPlan {
        var reader = FieldReader(row)
        let code = reader.code("MaDonVi")
        let name = reader.required("TenDonVi")
        let level = reader.choice("Cap", Self.levels, expected: "tinh, huyen or xa")
        let parent = reader.code("MaDonViCha", required: false)
        let successor = reader.code("MaDonViKeThua", required: false)
        let effective = reader.compactDate("NgayHieuLuc", required: true)
        guard reader.isValid, let code, let name, let level, let effective else {
            return RowPlan(problems: reader.problems)
        }
        var plan = RowPlan()
        let at = ImportDates.startOf(effective)
        guard let unit = references.units[code] else {
            if let successor {
                plan.problems.append(
                    RowProblem(
                        "MaDonViKeThua",
                        "unit \(code) must be registered by an earlier row before it can merge into \(successor)"))
            }
            if let parent, references.units[parent] == nil {
                plan.problems.append(
                    RowProblem("MaDonViCha", "unknown unit \(parent) (register it in an earlier row)"))
            }
            guard plan.problems.isEmpty else { return plan }
            let event = UnitRegistered.with {
                $0.code = code
                $0.name = name
                $0.level = level
                $0.parent = parent ?? ""
                $0.effectiveFrom = effective.description
            }
            plan.add(.unitRegistered(event), at: at, actor: code, id: "import/unit/\(code)/registered")
            references.units[code] = ReferenceData.Unit(merged: false, successor: "")
            return plan
        }
        guard let successor else { return plan }
        if unit.merged {
            if unit.successor != successor {
                plan.problems.append(
                    RowProblem("MaDonViKeThua", "unit \(code) already merged into \(unit.successor)"))
            }
            return plan
        }
        if successor == code {
            plan.problems.append(RowProblem("MaDonViKeThua", "a unit cannot merge into itself"))
            return plan
        }
        guard references.units[successor] != nil else {
            plan.problems.append(
                RowProblem("MaDonViKeThua", "unknown unit \(successor) (register it in an earlier row)"))
            return plan
        }
        var next = successor
        var seen: Set<String> = [code]
        while let step = references.units[next], step.merged {
            if !seen.insert(next).inserted || step.successor == code {
                plan.problems.append(
                    RowProblem("MaDonViKeThua", "merging \(code) into \(successor) makes a cycle"))
                return plan
            }
            next = step.successor
        }
        let event = UnitMerged.with {
            $0.code = code
            $0.successorCode = successor
            $0.effectiveFrom = effective.description
        }
        plan.add(.unitMerged(event), at: at, actor: code, id: "import/unit/\(code)/merged/\(successor)")
        references.units[code] = ReferenceData.Unit(merged: true, successor: successor)
        return plan
    }
}
