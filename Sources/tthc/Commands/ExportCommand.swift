import ArgumentParser

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export every event as JSON lines.")

    func run() throws {
        throw CommandFailure(message: "export is not available yet", exitStatus: 1)
    }
}
