import TTHCDomain

/// A generated province shaped like Hậu Giang in 2024–2026: the provincial People's Committee,
/// its departments, 8 districts with 64 communes, the 2025 restructuring (six departments merged
/// on 1/3/2025; districts abolished and communes merged into 28 new ones on 1/7/2025), the
/// public-sector calendar, about 150 procedures with the 2025 and 2026 waves of cuts, and the plan
/// tasks of Resolution 66.
///
/// Everything but the calendar and the unit names is drawn from the seed, so two seeds give two
/// provinces of the same shape.
struct Province {
    /// The provincial People's Committee.
    static let provinceCode = "000.00.00.H23"
    /// The provincial public-service centre: the desk that takes dossiers for every department.
    static let serviceCentreCode = "000.00.11.H23"
    /// Six departments merge into their successors (Resolution 202/2025/QH15 and its follow-ups).
    static let departmentMerger = LocalDate(year: 2025, month: 3, day: 1)!
    /// Two-level local government: districts abolished, communes merged.
    static let restructuring = LocalDate(year: 2025, month: 7, day: 1)!

    private(set) var units: [ProvinceUnit] = []
    private(set) var procedures: [ProvinceProcedure] = []
    /// The procedures of each level (province, district, commune), by index into ``procedures``.
    private(set) var proceduresByLevel: [[Int]] = [[], [], []]
    /// Old communes before the restructuring, new communes after it, by index into ``units``.
    private(set) var oldCommunes: [Int] = []
    private(set) var newCommunes: [Int] = []
    /// The new commune each district merges into, by district, by index into ``units``.
    private(set) var districtSuccessors: [Int] = []
    private(set) var districts: [Int] = []
    let calendar: WorkingCalendar
    private var indexByCode: [String: Int] = [:]
    private var decisionNumber = 1_000

    init(seed: UInt64) {
        var random = SplitMix64(seed: seed ^ 0x5052_4F56_494E_4345)
        var calendar = WorkingCalendar()
        for declaration in Self.calendarDeclarations {
            let day = LocalDate(iso: declaration.date)!
            if declaration.workday { calendar.declareWorkday(day) } else { calendar.declareHoliday(day) }
        }
        self.calendar = calendar
        buildUnits()
        buildProcedures(&random)
    }

    func unit(_ index: Int) -> ProvinceUnit { units[index] }

    func index(of code: String) -> Int { indexByCode[code]! }

    // MARK: Units

    @discardableResult
    private mutating func addUnit(
        _ code: String, _ name: String, _ level: UnitLevel, parent: String, from day: LocalDate
    ) -> Int {
        units.append(ProvinceUnit(code: code, name: name, level: level, parent: parent, effectiveFrom: day))
        indexByCode[code] = units.count - 1
        return units.count - 1
    }

    private mutating func merge(_ code: String, into successor: String, from day: LocalDate) {
        units[index(of: code)].successor = index(of: successor)
        units[index(of: code)].mergedFrom = day
    }

    private mutating func buildUnits() {
        let start = LocalDate(year: 2020, month: 1, day: 1)!
        addUnit(Self.provinceCode, "UBND tỉnh Hậu Giang", .province, parent: "", from: start)
        addUnit("000.00.10.H23", "Văn phòng UBND tỉnh", .province, parent: Self.provinceCode, from: start)
        addUnit(
            Self.serviceCentreCode, "Trung tâm Phục vụ hành chính công tỉnh", .province, parent: "000.00.10.H23",
            from: start)
        for department in Self.departments {
            addUnit(
                department.code, department.name, .province, parent: Self.provinceCode,
                from: department.code == "000.00.28.H23" ? Self.departmentMerger : start)
        }
        for (old, successor) in Self.departmentMergers {
            merge(old, into: successor, from: Self.departmentMerger)
        }

        var newCommuneNumber = 0
        for (districtNumber, district) in Self.districtNames.enumerated() {
            let districtCode = "000.\(20 + districtNumber).31.H23"
            districts.append(addUnit(districtCode, district.name, .district, parent: Self.provinceCode, from: start))
            var communes = [Int]()
            for number in 1...district.communes {
                let code = "\(threeDigits(number)).\(20 + districtNumber).31.H23"
                let name = Self.communeName(district: districtNumber, number: number)
                communes.append(addUnit(code, name, .commune, parent: districtCode, from: start))
            }
            oldCommunes += communes
            // The new communes of this district's area, registered the day the old ones merge.
            var successors = [Int]()
            for _ in 0..<district.newCommunes {
                newCommuneNumber += 1
                let code = "\(threeDigits(newCommuneNumber)).40.31.H23"
                let name = Self.newCommuneName(newCommuneNumber)
                successors.append(
                    addUnit(code, name, .commune, parent: Self.provinceCode, from: Self.restructuring))
            }
            newCommunes += successors
            districtSuccessors.append(successors[0])
            merge(districtCode, into: units[successors[0]].code, from: Self.restructuring)
            for (position, commune) in communes.enumerated() {
                merge(
                    units[commune].code, into: units[successors[position % successors.count]].code,
                    from: Self.restructuring)
            }
        }
    }

    // MARK: Procedures

    private mutating func nextDecision() -> String {
        decisionNumber += 1 + Int(decisionNumber % 7)
        return "\(decisionNumber)/QĐ-UBND"
    }

    private mutating func buildProcedures(_ random: inout SplitMix64) {
        var usedCodes = Set<String>()
        func newCode() -> String {
            while true {
                let code = "\(random.chance(0.7) ? 1 : 2).00\(fourDigits(random.int(in: 100...9_999)))"
                if usedCodes.insert(code).inserted { return code }
            }
        }
        var nameUses = [String: Int]()
        func name(field: String) -> String {
            let stem = random.pick(Self.procedureNames[field]!)
            let uses = nameUses[stem, default: 0]
            nameUses[stem] = uses + 1
            return uses == 0 ? stem : stem + Self.nameVariants[(uses - 1) % Self.nameVariants.count]
        }
        let publication = nextDecision()
        let published = LocalDate(year: 2024, month: 1, day: 1)!

        // 70 provincial procedures, spread over the departments that resolve dossiers.
        let resolving = Self.departments.filter { units[index(of: $0.code)].effectiveFrom < Self.departmentMerger }
        for number in 0..<70 {
            let department = resolving[number % resolving.count]
            let field = random.pick(department.fields)
            addProcedure(
                code: newCode(), name: name(field: field), field: field, level: .province,
                units: [index(of: department.code)], days: random.pick([3, 5, 7, 10, 10, 12, 15, 20, 30]),
                businessShare: 0.75, decision: publication, from: published, &random)
        }
        // 30 district procedures, resolved by every district.
        for _ in 0..<30 {
            let field = random.pick(Self.districtFields)
            addProcedure(
                code: newCode(), name: name(field: field), field: field, level: .district, units: districts,
                days: random.pick([3, 5, 5, 7, 10, 15]), businessShare: 0.5, decision: publication, from: published,
                &random)
        }
        // 50 commune procedures, resolved by every commune; attestation is done on the spot.
        for _ in 0..<50 {
            let field = random.pick(Self.communeFields)
            addProcedure(
                code: newCode(), name: name(field: field), field: field, level: .commune, units: oldCommunes,
                days: field == "G08" ? random.pick([0, 0, 1, 2]) : random.pick([1, 2, 3, 5, 7]), businessShare: 0.2,
                decision: publication, from: published, &random)
        }
        addRestructuringChanges()
        addCuts(&random)
        for index in procedures.indices {
            procedures[index].changes.sort { $0.day < $1.day }
        }
    }

    private mutating func addProcedure(
        code: String, name: String, field: String, level: UnitLevel, units: [Int], days: Int, businessShare: Double,
        decision: String, from day: LocalDate, _ random: inout SplitMix64
    ) {
        let onlineDraw = random.fraction()
        let procedure = ProvinceProcedure(
            code: code, name: name, field: field, level: level, units: units, baselineDays: UInt32(days),
            baselineCost: Int64(random.int(in: 50...5_000)) * 1_000, businessRelated: random.chance(businessShare),
            onlineLevel: onlineDraw < 0.15 ? .none : onlineDraw < 0.6 ? .partial : .full,
            locationIndependent: random.chance(0.5), isInternal: random.chance(0.03), decision: decision)
        proceduresByLevel[level == .province ? 0 : level == .district ? 1 : 2].append(procedures.count)
        procedures.append(procedure)
    }

    /// The procedures of merged departments pass to their successors, and district and commune
    /// procedures to the new communes.
    private mutating func addRestructuringChanges() {
        let departmentDecision = nextDecision()
        let communeDecision = nextDecision()
        for index in procedures.indices {
            let procedure = procedures[index]
            switch procedure.level {
            case .province:
                let unit = units[procedure.units[0]]
                if let successor = unit.successor {
                    procedures[index].changes.append(
                        .init(day: Self.departmentMerger, decision: departmentDecision, kind: .scope([successor])))
                }
            case .district:
                procedures[index].changes.append(
                    .init(day: Self.restructuring, decision: communeDecision, kind: .scope(districtSuccessors)))
            default:
                procedures[index].changes.append(
                    .init(day: Self.restructuring, decision: communeDecision, kind: .scope(newCommunes)))
            }
        }
    }

    /// The 2025 wave (effective 15/4–30/6/2025), a few online upgrades in the autumn, the 2026 wave
    /// (15/1–31/3/2026) and two abolitions; one decision per field and wave.
    private mutating func addCuts(_ random: inout SplitMix64) {
        func workingDay(between from: LocalDate, and to: LocalDate) -> LocalDate {
            var day = from.adding(days: random.below(from.days(to: to) + 1))
            while !calendar.isWorkingDay(day) { day = day.adding(days: 1) }
            return day
        }
        var wave2025 = [String: (LocalDate, String)]()
        var wave2026 = [String: (LocalDate, String)]()
        var abolished = 0
        for index in procedures.indices {
            let procedure = procedures[index]
            let days = procedure.baselineDays
            if procedure.businessRelated {
                if wave2025[procedure.field] == nil {
                    wave2025[procedure.field] = (
                        workingDay(
                            between: LocalDate(year: 2025, month: 4, day: 15)!,
                            and: LocalDate(year: 2025, month: 6, day: 30)!),
                        nextDecision()
                    )
                }
                let (day, decision) = wave2025[procedure.field]!
                var current = days
                if days >= 2 && random.chance(0.7) {
                    let share = random.chance(0.2) ? random.int(in: 20...25) : random.int(in: 30...50)
                    current = max(1, UInt32((Double(days) * Double(100 - share) / 100).rounded()))
                    if current < days {
                        procedures[index].changes.append(.init(day: day, decision: decision, kind: .timeCut(current)))
                    }
                }
                if random.chance(0.6) {
                    let cost = procedure.baselineCost * Int64(random.int(in: 50...80)) / 100
                    procedures[index].changes.append(.init(day: day, decision: decision, kind: .costCut(cost)))
                }
                if procedure.onlineLevel == .partial && random.chance(0.3) {
                    procedures[index].changes.append(.init(day: day, decision: decision, kind: .onlineLevel(.full)))
                }
                if current < days && current * 2 > days && random.chance(0.4) {
                    if wave2026[procedure.field] == nil {
                        wave2026[procedure.field] = (
                            workingDay(
                                between: LocalDate(year: 2026, month: 1, day: 15)!,
                                and: LocalDate(year: 2026, month: 3, day: 31)!),
                            nextDecision()
                        )
                    }
                    let (day2026, decision2026) = wave2026[procedure.field]!
                    procedures[index].changes.append(
                        .init(day: day2026, decision: decision2026, kind: .timeCut(max(1, days / 2))))
                }
            } else if procedure.onlineLevel == .none && random.chance(0.2) {
                let day = workingDay(
                    between: LocalDate(year: 2025, month: 9, day: 15)!, and: LocalDate(year: 2025, month: 11, day: 28)!)
                procedures[index].changes.append(
                    .init(day: day, decision: nextDecision(), kind: .onlineLevel(.partial)))
            } else if procedure.level == .province && abolished < 2 && random.chance(0.1) {
                abolished += 1
                procedures[index].changes.append(
                    .init(day: LocalDate(year: 2025, month: 10, day: 1)!, decision: nextDecision(), kind: .abolished))
            }
        }
    }
}

func threeDigits(_ value: Int) -> String {
    value < 10 ? "00\(value)" : value < 100 ? "0\(value)" : "\(value)"
}

func fourDigits(_ value: Int) -> String {
    value < 1_000 ? "0" + threeDigits(value) : "\(value)"
}
