import ArgumentParser

struct AppendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append", abstract: "Append domain events given as JSON lines (a file, or - for stdin), all or nothing.")

    func run() throws {
        throw CommandFailure(message: "append is not available yet", exitStatus: 1)
    }
}
