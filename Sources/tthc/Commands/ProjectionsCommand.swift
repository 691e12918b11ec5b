import ArgumentParser

struct ProjectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projections", abstract: "Show projection versions, checkpoints and lag.")

    func run() throws {
        throw CommandFailure(message: "projections is not available yet", exitStatus: 1)
    }
}
