import Foundation
import Testing

@testable import TTHCReports

/// Compares each format of the hand-built reports with the golden files in `Snapshots/`.
///
/// A deliberate change of the output is re-recorded with
/// `TTHC_RECORD_SNAPSHOTS=1 swift test --filter RenderingSnapshotTests`: the files are rewritten
/// and the tests fail once, so that a run in record mode never passes unnoticed. Review the diff
/// of `Snapshots/` before committing it.
@Suite struct RenderingSnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static let recording = ProcessInfo.processInfo.environment["TTHC_RECORD_SNAPSHOTS"] == "1"

    @Test(arguments: ReportFormat.allCases.filter { $0 != .json })
    func quarterlyMatchesItsSnapshot(format: ReportFormat) throws {
        let bytes = ReportRenderer.render(RenderingFixtures.quarterly, format: format, language: .vi)
        try Self.compare(bytes, with: "quarterly-2025-Q2.\(format.rawValue)")
    }

    @Test(arguments: ReportFormat.allCases.filter { $0 != .json })
    func monthlyMatchesItsSnapshot(format: ReportFormat) throws {
        let bytes = ReportRenderer.render(RenderingFixtures.monthly, format: format, language: .vi)
        try Self.compare(bytes, with: "monthly-2025-05.\(format.rawValue)")
    }

    @Test func englishQuarterlyMarkdownMatchesItsSnapshot() throws {
        let bytes = ReportRenderer.render(RenderingFixtures.quarterly, format: .md, language: .en)
        try Self.compare(bytes, with: "quarterly-2025-Q2.en.md")
    }

    static func compare(_ bytes: [UInt8], with name: String) throws {
        let file = directory.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
            Issue.record("recorded \(name); unset TTHC_RECORD_SNAPSHOTS and run again")
            return
        }
        guard let expected = FileManager.default.contents(atPath: file.path) else {
            Issue.record("no snapshot \(name): record it with TTHC_RECORD_SNAPSHOTS=1")
            return
        }
        if Array(expected) != bytes {
            let actual = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
            let golden = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
            let line = Array(zip(actual, golden)).firstIndex { $0 != $1 } ?? min(actual.count, golden.count)
            let got = line < actual.count ? actual[line] : "<end of output>"
            let wanted = line < golden.count ? golden[line] : "<end of snapshot>"
            Issue.record(
                "\(name) differs from its snapshot at line \(line + 1):\n  got:      \(got)\n  expected: \(wanted)")
        }
    }
}
