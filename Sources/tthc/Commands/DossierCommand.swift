import ArgumentParser

struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier", abstract: "One dossier's history, due dates and classification.")

    func run() throws {
        throw CommandFailure(message: "dossier is not available yet", exitStatus: 1)
    }
}
