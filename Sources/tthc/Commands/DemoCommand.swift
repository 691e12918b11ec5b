import ArgumentParser
import Foundation
import Ledger
import TTHCDomain
import TTHCImport
import TTHCReports

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a sample ledger from Fixtures/ and print both reports.",
        discussion: """
            Imports the calendar, units, procedures, plan tasks and the portal dossier snapshots of \
            Fixtures/ into a new ledger (a temporary directory unless --ledger is given), verifies it, \
            and prints the quarterly and monthly reports of a recent period.
            """)

    @Option(help: ArgumentHelp("Where to build the ledger (default: a new temporary directory).", valueName: "dir"))
    var ledger: String?

    @Option(help: ArgumentHelp("The fixtures directory (default: ./Fixtures, else next to tthc).", valueName: "dir"))
    var fixtures: String?

    @Option(help: "The report year.")
    var year = 2026

    @Option(help: "The quarter of the quarterly report.")
    var quarter = 2

    @Option(help: "The month of the monthly report.")
    var month = 6

    @Option(help: "Output format of the reports: md, json, csv or html.")
    var format: ReportFormat = .md

    @Option(help: "Heading language: vi or en.")
    var lang: ReportLanguage = .vi

    /// The fixture files in the order their facts depend on each other.
    static let files = [
        "calendar.csv", "units.csv", "procedures.csv", "plan-tasks.csv", "dossiers.csv", "dossiers.jsonl",
    ]

    func run() throws {
        let fixtureDirectory = try locateFixtures()
        let directory = try ledger ?? Self.temporaryDirectory()
        let domain = try DomainLedger(directory: directory, options: Ledger.Options(create: true))
        guard try domain.ledger.head().seq == 0 else {
            throw CommandFailure(message: "\(directory) already holds a ledger: give a new directory", exitStatus: 1)
        }
        let importer = Importer(ledger: domain)
        for file in Self.files {
            let summary = try importer.run(.file(path: fixtureDirectory + "/" + file))
            let appended = summary.eventsByType.values.reduce(0, +)
            standardError("imported \(file): \(summary.rowsRead) rows, \(appended) events")
        }
        let verification = try domain.ledger.verify()
        guard verification.isIntact else {
            throw CommandFailure(
                message: "the demo ledger does not verify: \(verification.problem ?? "")", exitStatus: 2)
        }
        standardError(
            "ledger \(directory): \(verification.eventsChecked) events, head \(verification.verifiedThrough)")
        for request in [ReportRequest.quarterly(year: year, quarter: quarter), .monthly(year: year, month: month)] {
            let report = try domain.withState { state, position in try request.compute(state: state, position: position)
            }
            writeAll(fileDescriptor: 1, report.render(format, language: lang))
            writeAll(fileDescriptor: 1, Array("\n".utf8))
        }
        standardError(
            "next: tthc report quarterly --ledger \(directory) --year \(year) --quarter \(quarter) --format html "
                + "--output report.html")
    }

    private func locateFixtures() throws -> String {
        var candidates = [String]()
        if let fixtures { candidates.append(fixtures) }
        candidates.append(FileManager.default.currentDirectoryPath + "/Fixtures")
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(url.appendingPathComponent("Fixtures").path)
            url = url.deletingLastPathComponent()
        }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/units.csv") }) else {
            throw CommandFailure(
                message: "no Fixtures directory with units.csv found; pass --fixtures DIR", exitStatus: 1)
        }
        return found
    }

    private static func temporaryDirectory() throws -> String {
        var template = Array((FileManager.default.temporaryDirectory.path + "/tthc-demo-XXXXXX").utf8CString)
        guard let path = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw CommandFailure(message: "cannot create a temporary directory", exitStatus: 4)
        }
        return String(cString: path) + "/ledger"
    }
}
