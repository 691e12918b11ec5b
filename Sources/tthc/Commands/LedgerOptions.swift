import ArgumentParser
import Ledger
import TTHCDomain

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--ledger DIR`, shared by every command that opens a ledger.
struct LedgerOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The ledger directory (default: $TTHC_LEDGER, else ./tthc-ledger).", valueName: "dir"))
    var ledger: String?

    /// The directory: the option, else `TTHC_LEDGER`, else `./tthc-ledger`.
    var directory: String {
        if let ledger { return ledger }
        if let value = getenv("TTHC_LEDGER"), let text = String(validatingCString: value), !text.isEmpty {
            return text
        }
        return "./tthc-ledger"
    }

    func open(create: Bool = false) throws -> Ledger {
        try Ledger(directory: directory, options: Ledger.Options(create: create))
    }

    /// The domain ledger with its projections brought up to date first, saying so on standard
    /// error with a progress bar when that is long: a projection this `tthc` builds at another
    /// version (after an upgrade) or never built is rebuilt from `seq` 1, and a lag of many
    /// events is caught up. Reads would do the same silently, which on a large ledger looks like
    /// a hang. A command reading only a replayed past state passes `bringingUpToDate: false`.
    func openDomain(bringingUpToDate: Bool = true) throws -> DomainLedger {
        let domain = try DomainLedger(ledger: open())
        guard bringingUpToDate else { return domain }
        let statuses = try domain.engine.status()
        let long = statuses.filter { $0.needsRebuild || $0.storedVersion == 0 || $0.lag >= Self.longLag }
        guard !long.isEmpty else { return domain }
        for status in long {
            if status.storedVersion == 0 {
                standardError("projection \(status.name) was never built: building it from seq 1")
            } else if status.needsRebuild {
                standardError(
                    "projection \(status.name) is stored at version \(status.storedVersion), this tthc builds "
                        + "version \(status.codeVersion): rebuilding it from seq 1 (readers of the old version "
                        + "are not disturbed)")
            } else {
                standardError("projection \(status.name) is \(status.lag) events behind: catching up")
            }
        }
        var bars: [String: ProgressBar] = [:]
        try domain.engine.catchUp { projection, done, total in
            let bar = bars[projection] ?? ProgressBar(label: "projection \(projection)")
            bars[projection] = bar
            bar.update(done: done, total: total)
        }
        bars.values.forEach { $0.finish() }
        return domain
    }

    /// Events behind from which catching up is announced (about a second of folding).
    static let longLag: UInt64 = 50_000
}
