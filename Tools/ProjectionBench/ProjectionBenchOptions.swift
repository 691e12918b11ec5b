#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The command line of `projection-bench`.
struct ProjectionBenchOptions {
    static let usage = """
        usage: projection-bench --ledger DIR [--dir PATH] [--append N] [--seed S] [--chunk-size N] [--no-sync]

        Copies the ledger in DIR (its data.mdb) into a fresh temporary directory under PATH and, on
        the copy: rebuilds every projection from seq 1 (tthc rebuild), scans the log once touching
        only the payloads and once decoding every payload (the bare protobuf-decode loop the rebuild
        is compared with), then appends N generated events straight to the log, as a writer that does
        not keep the projections would, and times the catch-up that folds them in. The copy is
        deleted afterwards; DIR is only read.

          --ledger DIR     the ledger to measure (e.g. one written by tthc-workload)
          --dir PATH       parent of the temporary directory (default /tmp); needs room for a copy
          --append N       events appended before the catch-up (default 10,000)
          --seed S         the seed of the province the appended events come from (default 1, that
                           of tthc-workload's default); their dossiers are new to the ledger
          --chunk-size N   events applied per write transaction of the rebuild (default 250,000)
          --no-sync        skip fsync on commit (default: every commit is durable, as tthc rebuild)
        """

    var ledger = ""
    var parentDirectory = "/tmp"
    var append = 10_000
    var seed: UInt64 = 1
    var chunkSize = 250_000
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
            case "--ledger": ledger = value(after: argument)
            case "--dir": parentDirectory = value(after: argument)
            case "--append": append = number(after: argument, minimum: 0)
            case "--seed":
                let text = value(after: argument)
                guard let parsed = UInt64(text) else { fail("--seed \(text): give a whole number") }
                seed = parsed
            case "--chunk-size": chunkSize = number(after: argument, minimum: 1)
            case "--no-sync": noSync = true
            case "--help", "-h":
                print(Self.usage)
                exit(0)
            default: fail("unknown argument \(argument)\n\n\(Self.usage)")
            }
        }
        if ledger.isEmpty { fail("--ledger is required\n\n\(Self.usage)") }
    }
}
