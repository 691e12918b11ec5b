import ArgumentParser

struct RebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild", abstract: "Rebuild projections in a shadow copy and swap them in.")

    func run() throws {
        throw CommandFailure(message: "rebuild is not available yet", exitStatus: 1)
    }
}
