import BenchSupport

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
        is compared with), then twice appends N generated events straight to the log, as a writer
        that does not keep the projections would, and times the catch-up that folds them in: first
        old dossiers recorded late, then the dossiers the province records next (after the ledger's
        last day). The copy is deleted afterwards; DIR is only read.

          --ledger DIR     the ledger to measure (e.g. one written by tthc-workload)
          --dir PATH       parent of the temporary directory (default /tmp); needs room for a copy
          --append N       events appended before each catch-up (default 10,000)
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
        var reader = OptionReader(arguments, usage: Self.usage, console: console)
        while let argument = reader.nextFlag() {
            switch argument {
            case "--ledger": ledger = reader.value(after: argument)
            case "--dir": parentDirectory = reader.value(after: argument)
            case "--append": append = reader.number(after: argument, minimum: 0)
            case "--seed": seed = reader.seed(after: argument)
            case "--chunk-size": chunkSize = reader.number(after: argument, minimum: 1)
            case "--no-sync": noSync = true
            default: reader.fail("unknown argument \(argument)")
            }
        }
        if ledger.isEmpty { reader.fail("--ledger is required") }
    }
}
