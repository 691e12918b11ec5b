import ArgumentParser

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import one-stop exports (dossiers, procedures, units, calendar, plan tasks).")

    func run() throws {
        throw CommandFailure(message: "import is not available yet", exitStatus: 1)
    }
}
