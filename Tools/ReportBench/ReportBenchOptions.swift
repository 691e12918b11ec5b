import BenchSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The command line of `report-bench`.
struct ReportBenchOptions {
    static let usage = """
        usage: report-bench --ledger DIR [--repeat N] [--year Y] [--quarter Q] [--month M]
                            [--as-of SEQ] [--as-of-repeat N] [--no-as-of] [--previous-repeat N] [--catch-up]

        Computes the quarterly and the monthly report (and renders their JSON) N times each in this
        process over the ledger's domain projection, beside the raw read of the index rows they
        read, and the same reports as of SEQ (default: the middle of the log), replayed in memory.
        The projection must be up to date: its catch-up is not timed, and without --catch-up a
        ledger whose projection lags or has another version is refused rather than written to.

          --ledger DIR          the ledger (required)
          --repeat N            runs of each live report and baseline (default 11)
          --year Y              the reports' year (default 2026)
          --quarter Q           the quarterly report's quarter (default 2)
          --month M             the monthly report's month (default 5)
          --as-of SEQ           the position of the replayed reports (default: half the head's seq)
          --as-of-repeat N      runs of each report over the replayed state (default 3)
          --no-as-of            skip the replay
          --previous-repeat N   runs of the per-dossier path reports used before the index held the
                                facts, and of a full scan of the dossiers table (default 3; 0 skips)
          --catch-up            bring the projection up to date first (writes to the ledger)
        """

    var ledger = ""
    var repeatCount = 11
    var year = 2026
    var quarter = 2
    var month = 5
    var asOf: UInt64?
    var asOfRepeat = 3
    var replay = true
    var previousRepeat = 3
    var catchUp = false

    /// Reads the options from `arguments` (without the program name); exits on a usage error.
    init(arguments: [String]) {
        var reader = OptionReader(arguments, usage: Self.usage, console: console)
        while let argument = reader.nextFlag() {
            switch argument {
            case "--ledger": ledger = reader.value(after: argument)
            case "--repeat": repeatCount = reader.number(after: argument, minimum: 1)
            case "--year": year = reader.number(after: argument, minimum: 2000)
            case "--quarter": quarter = reader.number(after: argument, minimum: 1)
            case "--month": month = reader.number(after: argument, minimum: 1)
            case "--as-of": asOf = UInt64(reader.number(after: argument, minimum: 1))
            case "--as-of-repeat": asOfRepeat = reader.number(after: argument, minimum: 1)
            case "--no-as-of": replay = false
            case "--previous-repeat": previousRepeat = reader.number(after: argument, minimum: 0)
            case "--catch-up": catchUp = true
            default: reader.fail("unknown argument \(argument)")
            }
        }
        if ledger.isEmpty { reader.fail("--ledger DIR is required") }
    }
}
