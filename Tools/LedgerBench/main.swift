#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The foundation benchmark: durable appends and scans through the ledger against the same work
// straight through the LMDB wrapper, on the same machine, in one run. See Tools/README.md.

/// Writes a progress line to standard error, so that the table alone goes to standard output.
func progress(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

let options: BenchmarkOptions
do {
    options = try BenchmarkOptions(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    if let message = error.message {
        progress("ledger-bench: \(message)\n\n\(BenchmarkOptions.usage)")
        exit(1)
    }
    print(BenchmarkOptions.usage)
    exit(0)
}

let scratch: ScratchDirectory
do {
    scratch = try ScratchDirectory(parent: options.parentDirectory)
} catch {
    progress("ledger-bench: \(error)")
    exit(4)
}

var benchmark = Benchmark(options: options, scratch: scratch)
progress("ledger-bench: runs in fresh directories under \(scratch.path)")
do {
    for repetition in 0..<options.repetitions {
        progress("repetition \(repetition + 1) of \(options.repetitions)")
        try benchmark.runRepetition(repetition)
    }
} catch {
    scratch.remove()
    progress("ledger-bench: \(error)")
    exit(4)
}
scratch.remove()
print(
    ResultTable(
        options: options, workload: benchmark.workload, samples: benchmark.samples,
        ledgerStoredCount: benchmark.ledgerStoredCount
    ).text)
