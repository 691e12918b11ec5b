import ArgumentParser

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace", abstract: "The dossiers and events behind one report figure.")

    func run() throws {
        throw CommandFailure(message: "trace is not available yet", exitStatus: 1)
    }
}
