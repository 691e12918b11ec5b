import Testing

@testable import TTHCDomain

@Suite struct ReportPeriodTests {
    @Test func januaryRunsFromThe15thOfDecemberOfThePreviousYear() throws {
        let january = try #require(ReportPeriod.month(year: 2025, month: 1))
        #expect(january.from == .iso("2024-12-15"))
        #expect(january.to == .iso("2025-01-14"))
        #expect(january.label == "2025-01")
        #expect((january.kind, january.year, january.number) == (.month, 2025, 1))
    }

    @Test func aMonthRunsFromThe15thOfThePreviousMonthToThe14th() throws {
        let may = try #require(ReportPeriod.month(year: 2025, month: 5))
        #expect((may.from, may.to) == (.iso("2025-04-15"), .iso("2025-05-14")))
        #expect(may.label == "2025-05")
        let march = try #require(ReportPeriod.month(year: 2024, month: 3))
        #expect((march.from, march.to) == (.iso("2024-02-15"), .iso("2024-03-14")))
        let december = try #require(ReportPeriod.month(year: 2025, month: 12))
        #expect((december.from, december.to) == (.iso("2025-11-15"), .iso("2025-12-14")))
    }

    @Test func theFirstQuarterRunsFrom15DecemberTo14March() throws {
        let q1 = try #require(ReportPeriod.quarter(year: 2025, quarter: 1))
        #expect((q1.from, q1.to) == (.iso("2024-12-15"), .iso("2025-03-14")))
        #expect(q1.label == "2025-Q1")
        #expect(q1.description == "2025-Q1 (2024-12-15 … 2025-03-14)")
    }

    @Test func theSecondQuarterOf2025RunsFrom15MarchTo14June() throws {
        let q2 = try #require(ReportPeriod.quarter(year: 2025, quarter: 2))
        #expect((q2.from, q2.to) == (.iso("2025-03-15"), .iso("2025-06-14")))
        #expect(q2.label == "2025-Q2")
        let q4 = try #require(ReportPeriod.quarter(year: 2025, quarter: 4))
        #expect((q4.from, q4.to) == (.iso("2025-09-15"), .iso("2025-12-14")))
    }

    @Test func monthsAndQuartersThatDoNotExistAreNil() {
        #expect(ReportPeriod.month(year: 2025, month: 0) == nil)
        #expect(ReportPeriod.month(year: 2025, month: 13) == nil)
        #expect(ReportPeriod.quarter(year: 2025, quarter: 0) == nil)
        #expect(ReportPeriod.quarter(year: 2025, quarter: 5) == nil)
    }

    @Test func bothEndsAreInsideThePeriod() throws {
        let q2 = try #require(ReportPeriod.quarter(year: 2025, quarter: 2))
        #expect(!q2.contains(.iso("2025-03-14")))
        #expect(q2.contains(.iso("2025-03-15")))
        #expect(q2.contains(.iso("2025-06-14")))
        #expect(!q2.contains(.iso("2025-06-15")))
    }

    @Test func fromThe15thADateBelongsToTheNextMonthsPeriod() {
        #expect(ReportPeriod.containing(.iso("2024-12-14"), kind: .month).label == "2024-12")
        #expect(ReportPeriod.containing(.iso("2024-12-15"), kind: .month).label == "2025-01")
        #expect(ReportPeriod.containing(.iso("2025-05-14"), kind: .month).label == "2025-05")
        #expect(ReportPeriod.containing(.iso("2024-12-20"), kind: .quarter).label == "2025-Q1")
        #expect(ReportPeriod.containing(.iso("2025-03-14"), kind: .quarter).label == "2025-Q1")
        #expect(ReportPeriod.containing(.iso("2025-03-15"), kind: .quarter).label == "2025-Q2")
        #expect(ReportPeriod.containing(.iso("2025-06-14"), kind: .quarter).label == "2025-Q2")
        #expect(ReportPeriod.containing(.iso("2025-12-15"), kind: .quarter).label == "2026-Q1")
    }

    @Test func consecutivePeriodsTileTheCalendarWithoutGapsOrOverlaps() throws {
        for kind in ReportPeriod.Kind.allCases {
            var day = LocalDate.iso("2023-12-15")
            var period = ReportPeriod.containing(day, kind: kind)
            #expect(period.from == day)
            while day <= .iso("2027-01-14") {
                #expect(period.contains(day))
                #expect(ReportPeriod.containing(day, kind: kind) == period)
                day = day.adding(days: 1)
                if day > period.to {
                    let next = ReportPeriod.containing(day, kind: kind)
                    #expect(next.from == day)
                    period = next
                }
            }
        }
    }
}
