import ArgumentParser

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the ledger while it stays open, compacted and verified.")

    func run() throws {
        throw CommandFailure(message: "backup is not available yet", exitStatus: 1)
    }
}
