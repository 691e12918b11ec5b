import BenchSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The command line of `domain-bench`.
struct DomainBenchOptions {
    static let usage = """
        usage: domain-bench [--dossiers N] [--seed S] [--batch N] [--dir PATH] [--no-sync]

        Appends the generated events of N dossiers (about 3 events each) through the domain rules
        (DomainLedger.append: decode, validate, fold into the domain projection, write, commit), and
        the same drafts straight through Ledger.append into a second ledger, batch by batch in one
        run; then scans the domain ledger and decodes every stored payload. Both ledgers live in a
        fresh temporary directory under PATH, deleted afterwards.

          --dossiers N   dossiers to generate (default 340,000: a little over 1M events)
          --seed S       the workload's seed (default 1)
          --batch N      events per append, one write transaction each (default 10,000)
          --dir PATH     parent of the temporary directory (default /tmp)
          --no-sync      skip fsync on commit (default: every commit is durable)
        """

    var dossiers = 340_000
    var seed: UInt64 = 1
    var batchSize = 10_000
    var parentDirectory = "/tmp"
    var noSync = false

    /// Reads the options from `arguments` (without the program name); exits on a usage error.
    init(arguments: [String]) {
        var reader = OptionReader(arguments, usage: Self.usage, console: console)
        while let argument = reader.nextFlag() {
            switch argument {
            case "--dossiers": dossiers = reader.number(after: argument, minimum: 1)
            case "--seed": seed = reader.seed(after: argument)
            case "--batch": batchSize = reader.number(after: argument, minimum: 1)
            case "--dir": parentDirectory = reader.value(after: argument)
            case "--no-sync": noSync = true
            default: reader.fail("unknown argument \(argument)")
            }
        }
    }
}
