import ArgumentParser
import Ledger

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--ledger DIR`, shared by every command that opens a ledger.
struct LedgerOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The ledger directory (default: $TTHC_LEDGER, else ./tthc-ledger).", valueName: "dir"))
    var ledger: String?

    /// The directory: the option, else `TTHC_LEDGER`, else `./tthc-ledger`.
    var directory: String {
        if let ledger { return ledger }
        if let value = getenv("TTHC_LEDGER"), let text = String(validatingCString: value), !text.isEmpty {
            return text
        }
        return "./tthc-ledger"
    }

    func open(create: Bool = false) throws -> Ledger {
        try Ledger(directory: directory, options: Ledger.Options(create: create))
    }
}
