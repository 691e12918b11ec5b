import ArgumentParser
import Ledger

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the ledger while it stays open (compacted), then verify the copy.")

    @OptionGroup var options: LedgerOptions

    @Argument(help: "The directory to create the copy in; it must not exist or be empty.")
    var directory: String

    func run() throws {
        let ledger = try options.open()
        try makeEmptyDirectory(directory)
        try ledger.backup(to: directory)
        let copy = try Ledger(directory: directory)
        let report = try copy.verify()
        guard report.isIntact else {
            throw CommandFailure(
                message: "the backup in \(directory) does not verify: \(report.problem ?? "")", exitStatus: 2)
        }
        print("backup \(directory): \(report.eventsChecked) events verified, head \(report.verifiedThrough)")
    }
}
