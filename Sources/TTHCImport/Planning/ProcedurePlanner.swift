import TTHCDomain

/// Procedure files: `MaTTHC, TenTTHC, MaLinhVuc, CapThucHien, DonViThucHien, ThoiHanGiaiQuyet,
/// ThoiHan2024, ChiPhiTuanThu, ChiPhi2024, LienQuanDoanhNghiep, MucDo, KhongPhuThuocDiaGioi,
/// NoiBo, SoQuyetDinh, NgayHieuLuc`.
///
/// The first row for a code the ledger does not know publishes the procedure. Any other row is
/// the procedure's full state after decision `SoQuyetDinh`, effective `NgayHieuLuc`: compared
/// with the procedure as it stands on that day (recorded, plus earlier rows of the file), each
/// difference becomes its event — `ProcedureTimeCut`, `ProcedureCostCut`,
/// `ProcedureOnlineLevelChanged`, `ProcedureScopeChanged` (competent units, business relation,
/// location independence).
///
/// Name, field, baselines and the internal flag belong to the publication: later rows that
/// differ in them add nothing. A scope change names no level, so a change of `CapThucHien` alone
/// (same competent units) cannot be recorded and is reported as a warning.
struct ProcedurePlanner: RowPlanner {
    var references: ReferenceData

    static let levels: [String: UnitLevel] = ["tinh": .province, "huyen": .district, "xa": .commune]
    static let onlineLevels: [String: OnlineLevel] = ["2": .none, "3": .partial, "4": .full]

    mutating func plan(_ row: SourceRow, state: DomainState) throws -> RowPlan {
        var reader = FieldReader(row)
        let code = reader.code("MaTTHC")
        let name = reader.required("TenTTHC")
        let field = reader.code("MaLinhVuc", required: false)
        let level = reader.choice("CapThucHien", Self.levels, expected: "tinh, huyen or xa")
        let unitList = reader.required("DonViThucHien")
        let days = reader.number("ThoiHanGiaiQuyet", as: UInt32.self, required: true, maximum: 10_000)
        let baselineDays = reader.number("ThoiHan2024", as: UInt32.self, maximum: 10_000)
        let cost = reader.number("ChiPhiTuanThu", as: Int64.self, required: true)
        let baselineCost = reader.number("ChiPhi2024", as: Int64.self)
        let business = reader.flag("LienQuanDoanhNghiep")
        let online = reader.choice(
            "MucDo", Self.onlineLevels, expected: "2 (information only), 3 (partial) or 4 (full-process)")
        let locationIndependent = reader.flag("KhongPhuThuocDiaGioi")
        let isInternal = reader.flag("NoiBo")
        let decision = reader.text("SoQuyetDinh") ?? ""
        let effective = reader.compactDate("NgayHieuLuc", required: true)
        var units: [String] = []
        if let unitList {
            for part in unitList.split(separator: ";", omittingEmptySubsequences: false) {
                let unit = trim(String(part))
                if unit.isEmpty {
                    reader.fail("DonViThucHien", "has an empty unit code between semicolons")
                } else if references.units[unit] == nil {
                    reader.fail("DonViThucHien", "unknown unit \(unit)")
                } else if !units.contains(unit) {
                    units.append(unit)
                }
            }
        }
        guard reader.isValid, let code, let name, let level, let days, let cost, let online, let effective else {
            return RowPlan(problems: reader.problems)
        }
        var plan = RowPlan()
        let at = ImportDates.startOf(effective)
        let actor = units.first ?? code
        let effectiveText = effective.compactDescription

        guard var procedure = references.procedures[code] else {
            let event = ProcedurePublished.with {
                $0.code = code
                $0.name = name
                $0.field = field ?? ""
                $0.level = level
                $0.competentUnits = units
                $0.processingDays = days
                $0.baselineDays2024 = baselineDays ?? 0
                $0.complianceCostVnd = cost
                $0.baselineCostVnd2024 = baselineCost ?? 0
                $0.businessRelated = business
                $0.onlineLevel = online
                $0.locationIndependent = locationIndependent
                $0.internal = isInternal
                $0.decision = decision
                $0.effectiveFrom = effective.description
            }
            plan.add(.procedurePublished(event), at: at, actor: actor, id: "import/procedure/\(code)/published")
            var published = ProcedureState()
            published.code = code
            published.name = name
            published.field = field ?? ""
            published.level = level
            published.internal = isInternal
            published.baselineDays2024 = baselineDays ?? 0
            published.baselineCostVnd2024 = baselineCost ?? 0
            record(&published, kind: "published", effective: effective, decision: decision) {
                $0.processingDays = days
                $0.complianceCostVnd = cost
                $0.onlineLevel = online
                $0.businessRelated = business
                $0.locationIndependent = locationIndependent
                $0.competentUnits = units
            }
            references.procedures[code] = published
            references.procedureLevels[code] = level
            return plan
        }

        guard let current = procedure.attributes(on: effective) else {
            let first = procedure.changes.map(\.effectiveDay).min().map { LocalDate(dayNumber: $0).compactDescription }
            plan.problems.append(
                RowProblem(
                    "NgayHieuLuc",
                    "\(effectiveText) is before procedure \(code) takes effect (\(first ?? "never published"))"))
            return plan
        }
        if days != current.processingDays {
            let event = ProcedureTimeCut.with {
                $0.code = code
                $0.processingDays = days
                $0.decision = decision
                $0.effectiveFrom = effective.description
            }
            plan.add(
                .procedureTimeCut(event), at: at, actor: actor,
                id: "import/procedure/\(code)/time-cut/\(effectiveText)/\(days)")
            record(&procedure, kind: "timeCut", effective: effective, decision: decision) { $0.processingDays = days }
        }
        if cost != current.complianceCostVnd {
            let event = ProcedureCostCut.with {
                $0.code = code
                $0.complianceCostVnd = cost
                $0.decision = decision
                $0.effectiveFrom = effective.description
            }
            plan.add(
                .procedureCostCut(event), at: at, actor: actor,
                id: "import/procedure/\(code)/cost-cut/\(effectiveText)/\(cost)")
            record(&procedure, kind: "costCut", effective: effective, decision: decision) {
                $0.complianceCostVnd = cost
            }
        }
        if online != current.onlineLevel {
            let event = ProcedureOnlineLevelChanged.with {
                $0.code = code
                $0.onlineLevel = online
                $0.decision = decision
                $0.effectiveFrom = effective.description
            }
            plan.add(
                .procedureOnlineLevelChanged(event), at: at, actor: actor,
                id: "import/procedure/\(code)/online-level/\(effectiveText)/\(online.rawValue)")
            record(&procedure, kind: "onlineLevel", effective: effective, decision: decision) {
                $0.onlineLevel = online
            }
        }
        let unitsChanged = Set(units) != Set(current.competentUnits)
        if unitsChanged || business != current.businessRelated || locationIndependent != current.locationIndependent {
            let event = ProcedureScopeChanged.with {
                $0.code = code
                $0.businessRelated = business
                $0.locationIndependent = locationIndependent
                $0.competentUnits = units
                $0.decision = decision
                $0.effectiveFrom = effective.description
            }
            let scope = "\(business)|\(locationIndependent)|\(units.joined(separator: ";"))"
            plan.add(
                .procedureScopeChanged(event), at: at, actor: actor,
                id: "import/procedure/\(code)/scope/\(effectiveText)/\(fingerprint(scope))")
            record(&procedure, kind: "scope", effective: effective, decision: decision) {
                $0.businessRelated = business
                $0.locationIndependent = locationIndependent
                $0.competentUnits = units
            }
        }
        if let known = references.procedureLevels[code], known != level {
            // Recorded earlier (a re-import), the units already read as changed on the day itself.
            let unitsBefore = procedure.attributes(on: effective.adding(days: -1))?.competentUnits ?? []
            if !unitsChanged && Set(units) == Set(unitsBefore) {
                plan.warnings.append(
                    RowProblem(
                        "CapThucHien",
                        "the level changes from \(Self.name(of: known)) to \(Self.name(of: level)) with the same "
                            + "competent units; a scope change names no level, so the level stays as published"))
            }
            references.procedureLevels[code] = level
        }
        references.procedures[code] = procedure
        return plan
    }

    /// Adds a planned change to the procedure as ``ProcedureState/attributes(on:)`` reads it.
    private mutating func record(
        _ procedure: inout ProcedureState, kind: String, effective: LocalDate, decision: String,
        _ fill: (inout ProcedureChange) -> Void
    ) {
        var change = ProcedureChange()
        fill(&change)
        change.kind = kind
        change.effectiveDay = effective.dayNumber
        change.decision = decision
        change.seq = references.nextSeq()
        procedure.changes.append(change)
    }

    private static func name(of level: UnitLevel) -> String {
        levels.first { $0.value == level }?.key ?? "unspecified"
    }
}
