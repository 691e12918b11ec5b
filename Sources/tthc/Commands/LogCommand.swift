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
        var printed = 0
        if let stream {
            for event in try ledger.events(inStream: stream, throughSeq: through)
            where event.seq >= from && (type == nil || event.type == type) && belongsToUnit(event) {
                output.line(EventJSON.line(event))
                printed += 1
            }
        } else if let type {
            for event in try ledger.events(ofType: type, throughSeq: through)
            where event.seq >= from && belongsToUnit(event) {
                output.line(EventJSON.line(event))
                printed += 1
            }
        } else {
            try ledger.scan(from: from, through: through) { view in
                let event = view.materialize()
                if belongsToUnit(event) {
                    output.line(EventJSON.line(event))
                    printed += 1
                }
                return true
            }
        }
        output.flush()
        if printed == 0 { try explainNothingMatched(ledger, through: through) }
    }
}

extension LogCommand {
    /// Says why nothing was printed: a stream, type or unit the ledger never recorded is invalid
    /// input (exit 1); filters that name something real but select no event are said on
    /// standard error.
    private func explainNothingMatched(_ ledger: Ledger, through: UInt64) throws {
        if let stream, try ledger.streamVersion(stream) == 0 {
            throw CommandFailure(
                message: "no stream \(stream) in the ledger (streams are named like dossier/ID, procedure/CODE, "
                    + "unit/CODE)",
                exitStatus: 1)
        }
        if let type {
            let recorded = try ledger.statistics().eventsByType.keys.sorted()
            if !recorded.contains(type) {
                throw CommandFailure(
                    message: "no event of type \(type) in the ledger; it holds "
                        + (recorded.isEmpty ? "no events" : recorded.joined(separator: ", ")),
                    exitStatus: 1)
            }
        }
        if let unit, try !DomainLedger(ledger: ledger).knowsUnit(unit) {
            throw CommandFailure(message: "no unit \(unit) in the ledger", exitStatus: 1)
        }
        let filters = [
            stream.map { "stream \($0)" }, type.map { "type \($0)" }, unit.map { "unit \($0)" },
        ].compactMap { $0 }
        standardError(
            "no events"
                + (filters.isEmpty ? "" : " of " + filters.joined(separator: ", "))
                + " between seq \(from) and seq \(through)")
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
