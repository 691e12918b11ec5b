import ArgumentParser

struct ImportLedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-ledger", abstract: "Rebuild a ledger from an export.")

    func run() throws {
        throw CommandFailure(message: "import-ledger is not available yet", exitStatus: 1)
    }
}
