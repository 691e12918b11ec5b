import Testing

@testable import TTHCDomain

@Suite struct UnitRegistryTests {
    /// A merged into B from 2025-03-01, B into C from 2025-07-01.
    func chain() throws -> UnitRegistry {
        var registry = UnitRegistry()
        try registry.register(code: "A", name: "Huyện A", level: .district, effectiveFrom: .iso("2004-01-01"))
        try registry.register(code: "B", name: "Huyện B", level: .district, effectiveFrom: .iso("2004-01-01"))
        try registry.register(code: "C", name: "Tỉnh C", level: .province, effectiveFrom: .iso("2004-01-01"))
        try registry.merge(code: "A", into: "B", effective: .iso("2025-03-01"))
        try registry.merge(code: "B", into: "C", effective: .iso("2025-07-01"))
        return registry
    }

    @Test func aMergerChainIsFollowedAsFarAsThePeriodEnd() throws {
        let registry = try chain()
        #expect(registry.reportingUnit(for: "A", periodEndingOn: .iso("2025-02-14")) == "A")
        #expect(registry.reportingUnit(for: "A", periodEndingOn: .iso("2025-02-28")) == "A")
        #expect(registry.reportingUnit(for: "A", periodEndingOn: .iso("2025-03-01")) == "B")
        #expect(registry.reportingUnit(for: "A", periodEndingOn: .iso("2025-06-14")) == "B")
        #expect(registry.reportingUnit(for: "A", periodEndingOn: .iso("2025-09-14")) == "C")
        #expect(registry.reportingUnit(for: "B", periodEndingOn: .iso("2025-06-14")) == "B")
        #expect(registry.reportingUnit(for: "B", periodEndingOn: .iso("2025-09-14")) == "C")
        #expect(registry.reportingUnit(for: "C", periodEndingOn: .iso("2025-09-14")) == "C")
    }

    @Test func theSuccessorIsOneStepAndOnlyFromTheEffectiveDate() throws {
        let registry = try chain()
        #expect(registry.successor(of: "A", on: .iso("2025-02-28")) == nil)
        #expect(registry.successor(of: "A", on: .iso("2025-03-01")) == "B")
        #expect(registry.successor(of: "A", on: .iso("2025-09-14")) == "B")
        #expect(registry.successor(of: "C", on: .iso("2025-09-14")) == nil)
    }

    @Test func anUnknownCodeReportsAsItself() throws {
        let registry = try chain()
        #expect(registry.reportingUnit(for: "000.00.31.H23", periodEndingOn: .iso("2025-09-14")) == "000.00.31.H23")
        #expect(registry.successor(of: "000.00.31.H23", on: .iso("2025-09-14")) == nil)
    }

    @Test func aMergerThatWouldCloseACycleIsRefused() throws {
        var registry = try chain()
        #expect {
            try registry.merge(code: "C", into: "A", effective: .iso("2026-01-01"))
        } throws: { error in
            (error as? UnitRegistryError)?.code == .mergeCycle
        }
        var lone = UnitRegistry()
        try lone.register(code: "X", name: "Xã X", level: .commune, effectiveFrom: .iso("2004-01-01"))
        #expect(throws: UnitRegistryError.self) {
            try lone.merge(code: "X", into: "X", effective: .iso("2025-07-01"))
        }
        #expect(registry == (try chain()))
    }

    @Test func aRefusalCanBeCaughtByItsCode() throws {
        var registry = try chain()
        var caught = false
        do {
            try registry.merge(code: "C", into: "B", effective: .iso("2026-01-01"))
        } catch UnitRegistryError.Code.mergeCycle {
            caught = true
        }
        #expect(caught)
    }

    @Test func mergingAnUnregisteredUnitIsRefused() throws {
        var registry = try chain()
        #expect {
            try registry.merge(code: "D", into: "C", effective: .iso("2025-07-01"))
        } throws: { error in
            (error as? UnitRegistryError)?.code == .unknownUnit && "\(error)".contains("D")
        }
        #expect {
            try registry.merge(code: "C", into: "D", effective: .iso("2025-07-01"))
        } throws: { error in
            (error as? UnitRegistryError)?.code == .unknownUnit
        }
    }

    @Test func recordingTheSameFactsAgainChangesNothingButContradictingThemIsRefused() throws {
        var registry = try chain()
        try registry.register(code: "A", name: "Huyện A", level: .district, effectiveFrom: .iso("2004-01-01"))
        try registry.merge(code: "A", into: "B", effective: .iso("2025-03-01"))
        #expect(registry == (try chain()))
        #expect {
            try registry.register(code: "A", name: "Huyện A mới", level: .district, effectiveFrom: .iso("2004-01-01"))
        } throws: { error in
            (error as? UnitRegistryError)?.code == .alreadyRegistered
        }
        #expect {
            try registry.merge(code: "A", into: "C", effective: .iso("2025-03-01"))
        } throws: { error in
            (error as? UnitRegistryError)?.code == .alreadyMerged
        }
    }

    @Test func unitsKeepWhatTheirRegistrationSaid() throws {
        var registry = UnitRegistry()
        try registry.register(
            code: "000.00.31.H23", name: "Văn phòng UBND tỉnh", level: .province, parent: "H23",
            effectiveFrom: .iso("2004-01-01"))
        let unit = try #require(registry["000.00.31.H23"])
        #expect(unit.name == "Văn phòng UBND tỉnh")
        #expect(unit.level == .province)
        #expect(unit.parent == "H23")
        #expect(unit.merger == nil)
        #expect(registry.count == 1)
        #expect(registry.allUnits.map(\.code) == ["000.00.31.H23"])
    }

    @Test func levelsReadTheUnitsFileCodesAndSortProvinceFirst() {
        #expect(AdministrativeLevel(csvCode: "tinh") == .province)
        #expect(AdministrativeLevel(csvCode: "huyen") == .district)
        #expect(AdministrativeLevel(csvCode: "xa") == .commune)
        #expect(AdministrativeLevel(csvCode: "province") == nil)
        #expect([AdministrativeLevel.commune, .province, .district].sorted() == [.province, .district, .commune])
    }
}
