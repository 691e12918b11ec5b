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
        var remaining = arguments[...]
        func value(after flag: String) -> String {
            guard let text = remaining.popFirst() else { fail("\(flag) needs a value\n\n\(Self.usage)") }
            return text
        }
        func number(after flag: String, minimum: Int) -> Int {
            let text = value(after: flag)
            guard let number = Int(text.filter { $0 != "_" && $0 != "," }), number >= minimum else {
                fail("\(flag) \(text): give a whole number of at least \(minimum)")
            }
            return number
        }
        while let argument = remaining.popFirst() {
            switch argument {
            case "--dossiers": dossiers = number(after: argument, minimum: 1)
            case "--seed":
                let text = value(after: argument)
                guard let parsed = UInt64(text) else { fail("--seed \(text): give a whole number") }
                seed = parsed
            case "--batch": batchSize = number(after: argument, minimum: 1)
            case "--dir": parentDirectory = value(after: argument)
            case "--no-sync": noSync = true
            case "--help", "-h":
                print(Self.usage)
                exit(0)
            default: fail("unknown argument \(argument)\n\n\(Self.usage)")
            }
        }
    }
}
