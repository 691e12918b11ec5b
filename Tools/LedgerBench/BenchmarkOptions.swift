/// What one run of `ledger-bench` measures, read from the command line.
struct BenchmarkOptions {
    /// Events appended by each throughput run (`--events`).
    var events = 1_000_000
    /// Repetitions of every measurement; the table shows the median (`--repeat`).
    var repetitions = 1
    /// Also append with caller-given event ids (`--with-ids`).
    var withGivenIds = false
    /// Single-event appends timed for the latency percentiles (`--single`).
    var singleAppends = 2_000
    /// Bytes of each raw baseline value; `nil` means the ledger's stored size (`--raw-value`).
    var rawValueCount: Int?
    /// Where the temporary directories go (`--dir`).
    var parentDirectory = "/tmp"
    /// Batch sizes of the throughput runs, each a durable commit.
    let batchSizes = [1_000, 10_000]

    static let usage = """
        usage: ledger-bench [--events N] [--repeat K] [--with-ids] [--single N] [--raw-value BYTES] [--dir PATH]

        Appends N events durably through the ledger and straight through the LMDB wrapper, in
        batches of 1,000 and 10,000, scans both, and times single-event appends. Every run uses a
        fresh temporary directory under PATH that is deleted afterwards.

          --events N         events per append run (default 1,000,000)
          --repeat K         repeat every measurement K times, raw and ledger alternately, and
                             report the median (default 1)
          --with-ids         also append through the ledger with caller-given event ids
          --single N         single-event appends timed for p50 and p99 (default 2,000)
          --raw-value BYTES  size of each raw value (default: the ledger's stored size of an event)
          --dir PATH         parent of the temporary directories (default /tmp)
        """

    /// Reads the options from `arguments` (without the program name).
    init(arguments: [String]) throws(UsageError) {
        var remaining = arguments[...]
        func number(after flag: String, minimum: Int) throws(UsageError) -> Int {
            guard let text = remaining.popFirst() else { throw UsageError("\(flag) needs a number") }
            guard let value = Int(text.filter { $0 != "_" && $0 != "," }), value >= minimum else {
                throw UsageError("\(flag) \(text): give a whole number of at least \(minimum)")
            }
            return value
        }
        while let argument = remaining.popFirst() {
            switch argument {
            case "--events": events = try number(after: argument, minimum: 1)
            case "--repeat": repetitions = try number(after: argument, minimum: 1)
            case "--with-ids": withGivenIds = true
            case "--single": singleAppends = try number(after: argument, minimum: 1)
            case "--raw-value": rawValueCount = try number(after: argument, minimum: 1)
            case "--dir":
                guard let path = remaining.popFirst(), !path.isEmpty else { throw UsageError("--dir needs a path") }
                parentDirectory = path
            case "--help", "-h": throw UsageError(nil)
            default: throw UsageError("unknown argument \(argument)")
            }
        }
    }
}

/// A command line `ledger-bench` cannot run; `message` is `nil` when help was asked for.
struct UsageError: Error {
    let message: String?
    init(_ message: String?) { self.message = message }
}
