import ArgumentParser
import Ledger

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export every event as JSON lines (envelope, proto3 JSON payload, exact payload bytes).",
        discussion: "`tthc import-ledger FILE` rebuilds a ledger from it with the same head hash.")

    @OptionGroup var options: LedgerOptions

    @Option(help: "The export format (jsonl).")
    var format: String = "jsonl"

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        guard format == "jsonl" else { throw ValidationError("the only export format is jsonl") }
    }

    func run() throws {
        let ledger = try options.open()
        let head = try ledger.head()
        var lines = OutputBuffer(collecting: output != nil)
        try ledger.scan(through: head.seq) { view in
            lines.line(EventJSON.line(view.materialize()))
            return true
        }
        if let output {
            try writeFile(output, lines.collected)
            standardError("exported \(head.seq) events to \(output), head \(head.hashHex)")
        } else {
            lines.flush()
        }
    }
}
