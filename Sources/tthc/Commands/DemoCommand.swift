import ArgumentParser

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Build a sample ledger from Fixtures/ and print both reports.")

    func run() throws {
        throw CommandFailure(message: "demo is not available yet", exitStatus: 1)
    }
}
