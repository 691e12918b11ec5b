import BenchSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The command line of `tthc-workload`.
struct WorkloadOptions {
    static let usage = """
        usage: tthc-workload --dossiers N [--seed S] [--ledger DIR] [--jsonl FILE] [--batch N] [--no-sync]

        Generates a province (units, calendar 2024–2026, ~150 procedures with cuts, plan tasks) and the
        events of N dossiers received 2024-12-01 … 2026-06-14, the same for the same seed.

          --dossiers N   dossiers to generate (about 3 events each)
          --seed S       the seed (default 1)
          --ledger DIR   append everything to the ledger in DIR (created if absent) with the domain rules
          --jsonl FILE   write everything as native JSON lines (`tthc append FILE` reads them); - for stdout
          --batch N      events per append, one write transaction each (default 10,000)
          --no-sync      skip fsync on commit: for scratch ledgers only
        """

    var dossiers = 0
    var seed: UInt64 = 1
    var ledgerDirectory: String?
    var jsonlPath: String?
    var batchSize = 10_000
    var noSync = false

    /// Reads the options from `arguments` (without the program name); exits on a usage error.
    init(arguments: [String]) {
        var reader = OptionReader(arguments, usage: Self.usage, console: console)
        var sawDossiers = false
        while let argument = reader.nextFlag() {
            switch argument {
            case "--dossiers":
                dossiers = reader.number(after: argument, minimum: 0)
                sawDossiers = true
            case "--seed": seed = reader.seed(after: argument)
            case "--ledger": ledgerDirectory = reader.value(after: argument)
            case "--jsonl": jsonlPath = reader.value(after: argument)
            case "--batch": batchSize = reader.number(after: argument, minimum: 1)
            case "--no-sync": noSync = true
            default: reader.fail("unknown argument \(argument)")
            }
        }
        if !sawDossiers { reader.fail("--dossiers is required") }
        if ledgerDirectory == nil && jsonlPath == nil {
            reader.fail("give --ledger DIR, --jsonl FILE or both")
        }
    }
}
