import BenchSupport

/// What one run of `import-fuzz` does, read from the command line.
struct FuzzOptions {
    var iterations = 20_000
    var seed: UInt64 = 1
    var fixtures = "Fixtures"
    var parentDirectory = "/tmp"
    /// A case slower than this is reported as a possible hang.
    var slowSeconds = 5.0

    static let usage = """
        usage: import-fuzz [--iterations N] [--seed S] [--fixtures DIR] [--dir PATH] [--slow SECONDS]

        Imports N broken files into a scratch ledger holding the reference files of DIR: heads of
        the fixtures with bytes flipped, inserted, dropped or repeated, lines shuffled, files cut
        short or spliced together, and plain random bytes, alternately as CSV and JSON lines, real
        imports and dry runs. Checks that no import crashes or stalls, that a refused import appends
        nothing, that every refusal names a file and a reason, and that the ledger verifies at the
        end. A failing case is written to the scratch directory with its seed and iteration, so
        that it can be replayed.

          --iterations N   cases to run (default 20,000)
          --seed S         seed of the first case (default 1); the same seed replays the same cases
          --fixtures DIR   the reference files and corpus (default ./Fixtures)
          --dir PATH       parent of the scratch directory (default /tmp)
          --slow SECONDS   report cases slower than this (default 5)
        """

    /// Reads the options from `arguments` (without the program name); exits on a usage error.
    init(arguments: [String]) {
        var reader = OptionReader(arguments, usage: Self.usage, console: console)
        while let argument = reader.nextFlag() {
            switch argument {
            case "--iterations": iterations = reader.number(after: argument, minimum: 1)
            case "--seed": seed = reader.seed(after: argument)
            case "--fixtures": fixtures = reader.value(after: argument)
            case "--dir": parentDirectory = reader.value(after: argument)
            case "--slow":
                let text = reader.value(after: argument)
                guard let number = Double(text), number > 0 else {
                    reader.fail("--slow \(text): give a number of seconds")
                }
                slowSeconds = number
            default: reader.fail("unknown argument \(argument)")
            }
        }
    }
}
