import ArgumentParser
import Ledger

struct ImportLedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-ledger",
        abstract: "Rebuild a ledger from an export; it ends at the exported head hash or fails.",
        discussion: "The target ledger must be new or empty. Every event must continue the chain exactly.")

    @OptionGroup var options: LedgerOptions

    @Argument(help: "The JSON-lines export written by `tthc export`.")
    var file: String

    func run() throws {
        let ledger = try options.open(create: true)
        guard try ledger.head().seq == 0 else {
            throw CommandFailure(message: "\(ledger.directory) is not empty: import into a new ledger", exitStatus: 1)
        }
        let text = String(decoding: try readFile(file), as: UTF8.self)
        var batch = [RecordedEvent]()
        var lastHash: [UInt8]?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let event = try EventJSON.parse(String(line), lineNumber: index + 1, file: file)
            lastHash = event.hash
            batch.append(event)
            if batch.count == 10_000 {
                try ledger.restore(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try ledger.restore(batch)
        let head = try ledger.head()
        if let lastHash, lastHash != head.hash {
            throw CommandFailure(message: "the rebuilt head \(head.hashHex) differs from the export's", exitStatus: 2)
        }
        print("imported \(head.seq) events, head \(head.seq) \(head.hashHex)")
    }
}
