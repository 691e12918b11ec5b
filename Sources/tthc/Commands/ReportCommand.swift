import ArgumentParser
import Ledger
import TTHCDomain
import TTHCReports

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compute the quarterly (06/VPCP/KSTT) and monthly (Resolution 66) reports.",
        subcommands: [QuarterlyReportCommand.self, MonthlyReportCommand.self, ReportDiffCommand.self])
}

/// `--year` with `--quarter` or `--month`, shared by the report, trace and diff commands.
struct PeriodOptions: ParsableArguments {
    @Option(help: "The report year, e.g. 2025.")
    var year: Int

    @Option(help: "The quarter, 1–4 (quarterly report).")
    var quarter: Int?

    @Option(help: "The month, 1–12 (monthly report).")
    var month: Int?

    func request(kind: String) throws -> ReportRequest {
        switch kind {
        case "quarterly":
            guard let quarter, (1...4).contains(quarter), month == nil else {
                throw ValidationError("the quarterly report needs --quarter 1–4 (and no --month)")
            }
            return .quarterly(year: year, quarter: quarter)
        case "monthly":
            guard let month, (1...12).contains(month), quarter == nil else {
                throw ValidationError("the monthly report needs --month 1–12 (and no --quarter)")
            }
            return .monthly(year: year, month: month)
        default:
            throw ValidationError("unknown report \(kind): quarterly or monthly")
        }
    }

    func validate() throws {
        guard (2000...2100).contains(year) else { throw ValidationError("--year must be between 2000 and 2100") }
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension ReportLanguage: ExpressibleByArgument {}

/// The options every report command shares.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: "Output format: json, md, csv or html (default: from the --output file's extension, else json).")
    var format: ReportFormat?

    @Option(help: "Heading language of md, csv and html: vi (official headings) or en.")
    var lang: ReportLanguage = .vi

    @Option(name: .customLong("as-of"), help: "Compute over the events recorded up to this seq or RFC 3339 instant.")
    var asOf: AsOf?

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Record a ReportIssued event (kind, period, position, SHA-256 of the JSON).")
    var issue = false

    /// The format asked for, or the one the output file's extension names.
    var resolvedFormat: ReportFormat { format ?? outputExtensionFormat ?? .json }

    private var outputExtensionFormat: ReportFormat? {
        guard let output, let dot = output.lastIndex(of: "."), !output[dot...].contains("/") else { return nil }
        return ReportFormat(rawValue: output[output.index(after: dot)...].lowercased())
    }

    func validate() throws {
        if let format, let named = outputExtensionFormat, named != format {
            throw ValidationError(
                "--format \(format.rawValue) does not match --output \(output ?? ""): name the file .\(format.rawValue) "
                    + "or drop --format")
        }
    }
}

/// Computes a report as the ledger stands (or stood), prints it, and optionally records its issue.
func runReport(_ request: ReportRequest, ledgerOptions: LedgerOptions, output: ReportOutputOptions) throws {
    let domain = try ledgerOptions.openDomain(bringingUpToDate: output.asOf == nil)
    // An issued report is an official act: it is computed only from a ledger that verifies.
    if output.issue { _ = try IntegrityCheck.run(domain) }
    let report: ComputedReport
    if let asOf = output.asOf {
        if output.issue { throw ValidationError("--issue records the report as the ledger stands now: drop --as-of") }
        let (state, position) = try domain.state(asOf: try asOf.resolve(in: domain.ledger))
        report = try request.compute(state: state, position: position)
    } else {
        report = try domain.withState { state, position in try request.compute(state: state, position: position) }
    }
    let bytes = report.render(output.resolvedFormat, language: output.lang)
    if let path = output.output {
        try writeFile(path, bytes)
    } else {
        writeAll(fileDescriptor: 1, bytes)
    }
    if output.issue, let period = request.period {
        if let (seq, issued) = try lastIssue(of: request.kind, period.label, in: domain),
            try onlyIssuesRecorded(after: issued.seq, through: report.position.seq, in: domain.ledger)
        {
            standardError(
                "\(request.kind) \(period.label) was already issued at seq \(issued.seq) as event \(seq) "
                    + "(json sha256 \(issued.jsonSha256)), and nothing but report issues has been recorded since; "
                    + "nothing recorded")
            return
        }
        var issued = ReportIssued()
        issued.kind = request.kind
        issued.period = period.label
        issued.seq = report.position.seq
        issued.hash = report.position.hashHex
        issued.jsonSha256 = report.jsonDigest
        let outcome = try domain.append([
            DomainLedger.Entry(.reportIssued(issued), occurredAt: Timestamp.now(), actor: "report")
        ])
        standardError(
            "issued \(request.kind) \(period.label) at seq \(report.position.seq) as event \(outcome.head.seq) "
                + "(json sha256 \(issued.jsonSha256))")
    }
}

/// The last `ReportIssued` of this report and period, with its own `seq`.
private func lastIssue(of kind: String, _ period: String, in domain: DomainLedger) throws -> (UInt64, ReportIssued)? {
    try domain.withState { state, _ in try state.issuedReports() }.last { _, issued in
        issued.kind == kind && issued.period == period
    }
}

/// Whether every event after `seq` up to `head` is a `ReportIssued`: a report issued at `seq`
/// then says what one computed now would, so issuing it again would record the same act twice.
private func onlyIssuesRecorded(after seq: UInt64, through head: UInt64, in ledger: Ledger) throws -> Bool {
    var onlyIssues = true
    try ledger.scan(from: seq + 1, through: head) { view in
        onlyIssues = view.typeBytes.elementsEqual("ReportIssued".utf8)
        return onlyIssues
    }
    return onlyIssues
}

struct QuarterlyReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarterly", abstract: "Form 06/VPCP/KSTT: dossiers received, resolved and pending per unit.")

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var output: ReportOutputOptions

    func run() throws { try runReport(try period.request(kind: "quarterly"), ledgerOptions: ledger, output: output) }
}

struct MonthlyReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monthly", abstract: "Resolution 66/NQ-CP progress: procedures, dossiers, targets, plan tasks.")

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var output: ReportOutputOptions

    func run() throws { try runReport(try period.request(kind: "monthly"), ledgerOptions: ledger, output: output) }
}
