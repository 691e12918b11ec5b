import ArgumentParser
import Ledger
import TTHCDomain
import TTHCReports

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract:
            "Re-walk the hash chain and every index, compare the projections with the log, and reproduce every issued report.",
        discussion: "Exit 0 and the head when intact; exit 2 and the first bad seq otherwise.")

    @OptionGroup var options: LedgerOptions

    @Flag(help: "Check only the chain and indexes, not the projections or the issued reports.")
    var chainOnly = false

    func run() throws {
        let ledger = try options.open()
        let domain = try DomainLedger(ledger: ledger)
        let bar = ProgressBar(label: "verify")
        let check = try IntegrityCheck.run(domain, chainOnly: chainOnly) { done, total in
            bar.update(done: done, total: total)
        }
        bar.finish()
        let report = check.chain
        var reproduced = 0
        if !chainOnly {
            for (seq, issued) in try domain.withState({ state, _ in try state.issuedReports() }) {
                guard let request = ReportRequest(kind: issued.kind, label: issued.period) else {
                    throw CommandFailure(
                        message: "verification failed: first bad seq \(seq): ReportIssued names an unknown report "
                            + "\(issued.kind) \(issued.period)",
                        exitStatus: 2)
                }
                let (state, position) = try domain.state(asOf: issued.seq)
                let digest = try request.compute(state: state, position: position).jsonDigest
                guard digest == issued.jsonSha256, position.hashHex == issued.hash else {
                    throw CommandFailure(
                        message: "verification failed: first bad seq \(seq): the \(issued.kind) report "
                            + "\(issued.period) issued at seq \(issued.seq) no longer reproduces "
                            + "(issued \(issued.jsonSha256), recomputed \(digest))",
                        exitStatus: 2)
                }
                reproduced += 1
            }
        }
        let projections = check.projectionsCompared.map { ", projection \($0) matches the log" }.joined()
        print(
            "ok: \(report.eventsChecked) events, head \(report.verifiedThrough.seq) \(report.verifiedThrough.hashHex)"
                + projections
                + (chainOnly
                    ? ""
                    : reproduced == 1 ? ", 1 issued report reproduces" : ", \(reproduced) issued reports reproduce"))
    }
}
