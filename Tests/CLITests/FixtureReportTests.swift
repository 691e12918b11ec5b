import Foundation
import Ledger
import TTHCDomain
import TTHCReports
import Testing

/// The reports over the fixtures: golden files for every format, and the row identity.
@Suite struct FixtureReportTests {
    /// The position's hash depends on when the fixtures were imported (`recordedAt`), so the
    /// golden files hold a placeholder for it; everything else must match byte for byte.
    static func normalized(_ text: String) -> String {
        text.replacing(/[0-9a-f]{64}/, with: "<hash>")
    }

    @Test(arguments: [
        (["quarterly", "--year", "2025", "--quarter", "2"], "fixtures-quarterly-2025-Q2"),
        (["monthly", "--year", "2025", "--month", "5"], "fixtures-monthly-2025-05"),
    ])
    func everyFormatMatchesItsGoldenFile(arguments: [String], name: String) throws {
        try withTemporaryDirectory { path in
            let ledger = try FixtureLedger.copy(into: path)
            for format in ReportFormat.allCases {
                let result = try CLI.run(["report"] + arguments + ["--format", format.rawValue, "--ledger", ledger])
                #expect(result.status == 0, "\(result.standardError)")
                try assertSnapshot(Self.normalized(result.standardOutput), named: "\(name).\(format.rawValue)")
                let again = try CLI.run(["report"] + arguments + ["--format", format.rawValue, "--ledger", ledger])
                #expect(again.standardOutput == result.standardOutput, "\(format) is not reproducible")
            }
        }
    }

    @Test func receivedEqualsResolvedPlusPendingOnEveryRowOfEveryFixtureReport() throws {
        try withTemporaryDirectory { path in
            let domain = try DomainLedger(directory: try FixtureLedger.copy(into: path))
            try domain.withState { state, position in
                var rows = 0
                for year in [2025, 2026] {
                    for quarter in 1...4 where !(year == 2026 && quarter > 2) {
                        guard
                            case .quarterly(let report) = try ReportRequest.quarterly(year: year, quarter: quarter)
                                .compute(state: state, position: position)
                        else { continue }
                        for counts in report.rows.map(\.counts) + [report.totals] {
                            #expect(counts.receivedTotal == counts.resolvedTotal + counts.pendingTotal)
                            rows += 1
                        }
                    }
                    for month in 1...12 where !(year == 2026 && month > 6) {
                        guard
                            case .monthly(let report) = try ReportRequest.monthly(year: year, month: month)
                                .compute(state: state, position: position)
                        else { continue }
                        for figures in report.units.map(\.figures) + [report.dossiers] {
                            #expect(figures.resolved == figures.early + figures.onTime + figures.late)
                        }
                    }
                }
                #expect(rows > 100)
            }
        }
    }

    @Test func aDistrictMergedOnTheFirstOfJulyReportsUnderItsSuccessorAfterwards() throws {
        try withTemporaryDirectory { path in
            let domain = try DomainLedger(directory: try FixtureLedger.copy(into: path))
            try domain.withState { state, position in
                guard
                    case .quarterly(let before) = try ReportRequest.quarterly(year: 2025, quarter: 2)
                        .compute(state: state, position: position),
                    case .quarterly(let after) = try ReportRequest.quarterly(year: 2025, quarter: 3)
                        .compute(state: state, position: position)
                else { return }
                #expect(before.rows.contains { $0.level == .district })
                #expect(!after.rows.contains { $0.level == .district })
                // A dossier received at a district in May 2025 and still open reports under the successor.
                let dossier = try #require(try state.dossier("000.20.31.H23-250527-00026"))
                let successor = try state.unitRegistry().reportingUnit(
                    for: dossier.competentUnit, periodEndingOn: after.period.to)
                #expect(successor != dossier.competentUnit)
                #expect(after.rows.contains { $0.unit == successor && $0.counts.carriedOver > 0 })
            }
        }
    }
}
