import ArgumentParser
import Ledger
import TTHCDomain

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Print events as JSON lines, as the ledger stood.")

    @OptionGroup var options: LedgerOptions

    @Option(help: "The first seq to print.")
    var from: UInt64 = 1

    @Option(help: "The last seq to print.")
    var to: UInt64?

    @Option(name: .customLong("as-of"), help: "Only events recorded up to this seq or RFC 3339 instant.")
    var asOf: AsOf?

    @Option(help: "Only this stream, e.g. dossier/000.00.31.H23-250415-00012.")
    var stream: String?

    @Option(help: "Only this event type, e.g. DossierReceived.")
    var type: String?

    @Option(help: "Only events recorded by this unit or about its dossiers (as competent or receiving unit).")
    var unit: String?

    func run() throws {
        let ledger = try options.open()
        var through = try asOf?.resolve(in: ledger) ?? ledger.head().seq
        if let to { through = min(through, to) }
        var output = OutputBuffer()
        let belongsToUnit = try unitFilter(ledger)
        if let stream {
            for event in try ledger.events(inStream: stream, throughSeq: through)
            where event.seq >= from && (type == nil || event.type == type) && belongsToUnit(event) {
                output.line(EventJSON.line(event))
            }
        } else if let type {
            for event in try ledger.events(ofType: type, throughSeq: through)
            where event.seq >= from && belongsToUnit(event) {
                output.line(EventJSON.line(event))
            }
        } else {
            try ledger.scan(from: from, through: through) { view in
                let event = view.materialize()
                if belongsToUnit(event) { output.line(EventJSON.line(event)) }
                return true
            }
        }
        output.flush()
    }
}

extension LogCommand {
    /// Whether an event concerns `--unit`: recorded by it, about it, or about a dossier it is the
    /// competent or receiving unit of (as the dossier stands now).
    func unitFilter(_ ledger: Ledger) throws -> (RecordedEvent) -> Bool {
        guard let unit else { return { _ in true } }
        let domain = try DomainLedger(ledger: ledger)
        var dossierUnits: [String: Bool] = [:]
        return { event in
            if event.actor == unit || event.stream == "unit/\(unit)" { return true }
            guard event.stream.hasPrefix("dossier/") else { return false }
            let id = String(event.stream.dropFirst("dossier/".count))
            if let known = dossierUnits[id] { return known }
            let matches =
                (try? domain.withState { state, _ in
                    try state.dossier(id).map { $0.competentUnit == unit || $0.receivingUnit == unit } ?? false
                }) ?? false
            dossierUnits[id] = matches
            return matches
        }
    }
}
