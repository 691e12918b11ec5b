import ArgumentParser
import Ledger
import TTHCDomain

struct ProjectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projections", abstract: "Projection versions, checkpoints and lag.",
        subcommands: [ProjectionsStatusCommand.self], defaultSubcommand: ProjectionsStatusCommand.self)
}

struct ProjectionsStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each projection's version, checkpoint, lag and whether it needs a rebuild.")

    @OptionGroup var options: LedgerOptions

    func run() throws {
        let domain = try DomainLedger(ledger: options.open())
        let head = try domain.ledger.head().seq
        print("head: \(head)")
        for status in try domain.engine.status() {
            var line =
                "\(status.name): code version \(status.codeVersion), stored version \(status.storedVersion), "
                + "checkpoint \(status.checkpoint), lag \(status.lag)"
            if status.storedVersion == 0 {
                line += ", never built (built on first use)"
            } else if status.needsRebuild {
                line += ", needs rebuild"
            }
            if let shadow = status.shadow {
                line += ", rebuild in progress (version \(shadow.version) at \(shadow.checkpoint))"
            }
            print(line)
        }
    }
}

struct RebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Rebuild projections in a shadow copy and swap them in atomically; resumable.",
        discussion: "Readers keep using the old, complete state until the swap. A rebuild that was killed resumes.")

    @OptionGroup var options: LedgerOptions

    @Argument(help: "The projection to rebuild (default: all).")
    var name: String?

    @Option(help: "Events applied per write transaction (each commit is a resumable checkpoint).")
    var chunkSize: Int = 250_000

    func validate() throws {
        guard chunkSize > 0 else { throw ValidationError("--chunk-size must be positive") }
    }

    func run() throws {
        let domain = try DomainLedger(ledger: options.open())
        domain.engine.chunkSize = chunkSize
        var bars: [String: ProgressBar] = [:]
        let started = monotonicSeconds()
        try domain.engine.rebuild(named: name) { projection, done, total in
            let bar = bars[projection] ?? ProgressBar(label: "rebuild \(projection)")
            bars[projection] = bar
            bar.update(done: done, total: total)
        }
        bars.values.forEach { $0.finish() }
        let head = try domain.ledger.head()
        print(
            "rebuilt \(name ?? "all projections") to seq \(head.seq) in \(Int((monotonicSeconds() - started) * 1000)) ms"
        )
    }
}
