import ArgumentParser
import Ledger

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

    func run() throws {
        let ledger = try options.open()
        var through = try asOf?.resolve(in: ledger) ?? ledger.head().seq
        if let to { through = min(through, to) }
        var output = OutputBuffer()
        if let stream {
            for event in try ledger.events(inStream: stream, throughSeq: through)
            where event.seq >= from && (type == nil || event.type == type) {
                output.line(EventJSON.line(event))
            }
        } else if let type {
            for event in try ledger.events(ofType: type, throughSeq: through) where event.seq >= from {
                output.line(EventJSON.line(event))
            }
        } else {
            try ledger.scan(from: from, through: through) { view in
                output.line(EventJSON.line(view.materialize()))
                return true
            }
        }
        output.flush()
    }
}
