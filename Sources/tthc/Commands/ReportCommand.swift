import ArgumentParser

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Compute the quarterly (06/VPCP/KSTT) and monthly (Resolution 66) reports.")

    func run() throws {
        throw CommandFailure(message: "report is not available yet", exitStatus: 1)
    }
}
