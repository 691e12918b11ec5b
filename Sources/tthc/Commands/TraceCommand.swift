import ArgumentParser
import Ledger
import TTHCDomain
import TTHCReports

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "The dossiers and events behind one report figure; the items add up to it.",
        discussion: """
            Quarterly figures are the JSON paths (received.online, resolved.late, pending.overdue, …); \
            monthly ones are dossiers.<key> or procedures.<key>. Without --unit, the totals.
            """)

    @Argument(help: "quarterly or monthly.")
    var kind: String

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var period: PeriodOptions

    @Option(help: "The unit code of the row (default: the totals).")
    var unit: String?

    @Option(help: "The figure, e.g. resolved.late or dossiers.late.")
    var figure: String

    @Option(name: .customLong("as-of"), help: "As the ledger stood at this seq or RFC 3339 instant.")
    var asOf: AsOf?

    func run() throws {
        let domain = try ledger.openDomain(bringingUpToDate: asOf == nil)
        let request = try period.request(kind: kind)
        if let unit, try !domain.knowsUnit(unit) {
            throw CommandFailure(message: "no unit \(unit) in the ledger: --unit takes a unit code", exitStatus: 1)
        }
        let trace: FigureTrace
        if let asOf {
            let (state, position) = try domain.state(asOf: try asOf.resolve(in: domain.ledger))
            trace = try FigureTrace.trace(request, figure: figure, unit: unit, state: state, position: position)
        } else {
            trace = try domain.withState { state, position in
                try FigureTrace.trace(request, figure: figure, unit: unit, state: state, position: position)
            }
        }
        var out = OutputBuffer()
        for item in trace.items {
            let seqs = item.seqs.isEmpty ? "" : " seqs " + item.seqs.map(String.init).joined(separator: ",")
            let weight = item.contribution == 1 ? "" : " (\(item.contribution))"
            let why = item.reasons.isEmpty ? "" : " — " + item.reasons.joined(separator: "; ")
            out.line("\(item.subject)\(weight)\(seqs)\(why)")
        }
        let sum = trace.items.reduce(0) { $0 + $1.contribution }
        out.line(
            "\(trace.figure) \(trace.unit ?? "totals") = \(trace.value); \(trace.items.count) items add up to \(sum)")
        out.flush()
        if sum != trace.value {
            throw CommandFailure(message: "the items add up to \(sum), not \(trace.value)", exitStatus: 2)
        }
    }
}
