import ArgumentParser
import Ledger

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty ledger (or open an existing one) and print its head.")

    @OptionGroup var options: LedgerOptions

    func run() throws {
        let ledger = try options.open(create: true)
        let head = try ledger.head()
        print("ledger \(ledger.directory) at seq \(head.seq) \(head.hashHex)")
    }
}
