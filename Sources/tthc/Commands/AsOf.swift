import ArgumentParser
import Ledger

/// `--as-of SEQ|TIMESTAMP`: a ledger position given as a `seq` or as an RFC 3339 instant.
enum AsOf: ExpressibleByArgument, Equatable {
    case seq(UInt64)
    case instant(Timestamp)

    init?(argument: String) {
        if let seq = UInt64(argument) {
            self = .seq(seq)
        } else if let instant = Timestamp(iso8601: argument) {
            self = .instant(instant)
        } else {
            return nil
        }
    }

    static var defaultValueDescription: String { "SEQ|TIMESTAMP" }

    /// The last `seq` the position includes.
    func resolve(in ledger: Ledger) throws -> UInt64 {
        switch self {
        case .seq(let seq): return min(seq, try ledger.head().seq)
        case .instant(let instant): return try ledger.seq(recordedAtOrBefore: instant)
        }
    }
}
