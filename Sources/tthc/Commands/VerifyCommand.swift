import ArgumentParser
import Ledger

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-walk the hash chain and every index.",
        discussion: "Exit 0 and the head when intact; exit 2 and the first bad seq otherwise.")

    @OptionGroup var options: LedgerOptions

    func run() throws {
        let ledger = try options.open()
        let report = try ledger.verify()
        if let problem = report.problem {
            let seq = report.firstBadSeq.map { "first bad seq \($0)" } ?? "no single seq"
            throw CommandFailure(message: "verification failed: \(seq): \(problem)", exitStatus: 2)
        }
        print(
            "ok: \(report.eventsChecked) events, head \(report.verifiedThrough.seq) \(report.verifiedThrough.hashHex)")
    }
}
