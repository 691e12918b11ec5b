import ArgumentParser
import Ledger
import TTHCDomain
import TTHCReports

struct ReportDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "An issued report vs the same report now: changed figures and the events that changed them.",
        discussion: """
            Takes the ReportIssued event of the period (the latest unless --issued names one), recomputes \
            the report at the position it records and checks it reproduces the issued SHA-256 (exit 2 if \
            not), then lists every changed figure and the events recorded since, flagging back-dated ones \
            and corrections.
            """)

    @Argument(help: "quarterly or monthly.")
    var kind: String

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var period: PeriodOptions

    @Option(help: "The seq of the ReportIssued event to compare (default: the latest for the period).")
    var issued: UInt64?

    func run() throws {
        let domain = try ledger.openDomain()
        let diff = try ReportDiff.compute(try period.request(kind: kind), issuedEventSeq: issued, ledger: domain)
        var out = OutputBuffer()
        out.line(
            "issued \(diff.issued.kind) \(diff.issued.period) as event \(diff.issuedEventSeq), "
                + "computed at seq \(diff.issued.seq) \(diff.issued.hash)")
        out.line(
            diff.reproduces
                ? "reproduces: yes (json sha256 \(diff.issued.jsonSha256))"
                : "reproduces: NO (issued \(diff.issued.jsonSha256), recomputed \(diff.recomputedDigest))")
        out.line("now at seq \(diff.current.seq) \(diff.current.hashHex)")
        out.line("changed figures: \(diff.changes.count)")
        for change in diff.changes {
            out.line("  \(change.path): \(change.old) -> \(change.new)")
        }
        out.line("events since that changed it: \(diff.causes.count)")
        for cause in diff.causes {
            var flags = [String]()
            if cause.backDated { flags.append("BACK-DATED (occurred \(cause.occurredAt.iso8601))") }
            if cause.isCorrection { flags.append("CORRECTION") }
            let figures = cause.figureChanges.isEmpty ? "" : " " + cause.figureChanges.joined(separator: " ")
            out.line(
                "  seq \(cause.seq) \(cause.type) \(cause.subject) recorded \(cause.recordedAt.iso8601)"
                    + (flags.isEmpty ? "" : " [" + flags.joined(separator: ", ") + "]") + figures)
        }
        out.flush()
        if !diff.reproduces {
            throw CommandFailure(
                message: "the issued report does not reproduce at its recorded position", exitStatus: 2)
        }
    }
}
