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
        var sawDossiers = false
        while let argument = remaining.popFirst() {
            switch argument {
            case "--dossiers":
                dossiers = number(after: argument, minimum: 0)
                sawDossiers = true
            case "--seed":
                let text = value(after: argument)
                guard let parsed = UInt64(text) else { fail("--seed \(text): give a whole number") }
                seed = parsed
            case "--ledger": ledgerDirectory = value(after: argument)
            case "--jsonl": jsonlPath = value(after: argument)
            case "--batch": batchSize = number(after: argument, minimum: 1)
            case "--no-sync": noSync = true
            case "--help", "-h":
                print(Self.usage)
                exit(0)
            default: fail("unknown argument \(argument)\n\n\(Self.usage)")
            }
        }
        if !sawDossiers { fail("--dossiers is required\n\n\(Self.usage)") }
        if ledgerDirectory == nil && jsonlPath == nil {
            fail("give --ledger DIR, --jsonl FILE or both\n\n\(Self.usage)")
        }
    }
}
