import BenchSupport

/// What one run of `import-bench` does, read from the command line.
struct BenchOptions {
    /// Dossier rows generated and imported (`--rows`).
    var rows = 1_000_000
    /// Seed of the generated rows (`--seed`).
    var seed: UInt64 = 2025
    /// Events per append, for the import and the raw baseline (`--batch-size`).
    var batchSize = 10_000
    /// Skip fsync on commit, for both ledgers (`--no-sync`).
    var noSync = false
    /// Where the temporary directory goes (`--dir`).
    var parentDirectory = "/tmp"
    /// Keep the temporary directory (`--keep`).
    var keep = false
    /// The repository's `Fixtures/` (`--fixtures`).
    var fixtures = "Fixtures"

    static let usage = """
        usage: import-bench [--rows N] [--seed S] [--batch-size N] [--no-sync] [--dir PATH] [--keep] [--fixtures DIR]

        Imports the reference files of DIR (units, calendar, procedures, plan tasks) into a fresh
        ledger, generates N dossier rows in the portal's CSV format that are valid against them,
        imports the file, and reports rows/s and events/s. In the same run it appends the very
        events the import wrote to a second, bare ledger with Ledger.append, in batches of the
        same size, and reports that rate and the ratio between the two.

          --rows N         dossier rows to generate (default 1,000,000)
          --seed S         seed of the generated rows (default 2025)
          --batch-size N   events per append (default 10,000)
          --no-sync        skip fsync on commit (both ledgers)
          --dir PATH       parent of the temporary directory (default /tmp)
          --keep           keep the temporary directory (ledgers and the generated file)
          --fixtures DIR   the reference files (default ./Fixtures)
        """

    /// Reads the options from `arguments` (without the program name); exits on a usage error.
    init(arguments: [String]) {
        var reader = OptionReader(arguments, usage: Self.usage, console: console)
        while let argument = reader.nextFlag() {
            switch argument {
            case "--rows": rows = reader.number(after: argument, minimum: 1)
            case "--seed": seed = reader.seed(after: argument)
            case "--batch-size": batchSize = reader.number(after: argument, minimum: 1)
            case "--no-sync": noSync = true
            case "--dir": parentDirectory = reader.value(after: argument)
            case "--keep": keep = true
            case "--fixtures": fixtures = reader.value(after: argument)
            default: reader.fail("unknown argument \(argument)")
            }
        }
    }
}
