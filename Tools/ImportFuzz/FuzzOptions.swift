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

    struct UsageError: Error {
        var message: String?
    }

    init(arguments: [String]) throws(UsageError) {
        var remaining = arguments[...]
        func value(after flag: String) throws(UsageError) -> String {
            guard let text = remaining.popFirst(), !text.isEmpty else {
                throw UsageError(message: "\(flag) needs a value")
            }
            return text
        }
        while let argument = remaining.popFirst() {
            switch argument {
            case "--iterations":
                let text = try value(after: argument)
                guard let number = Int(text.filter { $0 != "_" && $0 != "," }), number >= 1 else {
                    throw UsageError(message: "--iterations \(text): give a whole number of at least 1")
                }
                iterations = number
            case "--seed":
                let text = try value(after: argument)
                guard let number = UInt64(text) else {
                    throw UsageError(message: "--seed \(text): give a whole number")
                }
                seed = number
            case "--fixtures": fixtures = try value(after: argument)
            case "--dir": parentDirectory = try value(after: argument)
            case "--slow":
                let text = try value(after: argument)
                guard let number = Double(text), number > 0 else {
                    throw UsageError(message: "--slow \(text): give a number of seconds")
                }
                slowSeconds = number
            case "--help", "-h": throw UsageError(message: nil)
            default: throw UsageError(message: "unknown argument \(argument)")
            }
        }
    }
}
