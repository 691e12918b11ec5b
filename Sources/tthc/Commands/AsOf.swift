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
    ///
    /// As-of is the ledger as it stood after a recorded position (`recordedAt`, not business
    /// time), so a position before the first event, or a `seq` past the head, names no state
    /// the ledger ever had: both are refused, saying when the first event was recorded or where
    /// the head is. An instant after the last event is the ledger as it stands: the head.
    func resolve(in ledger: Ledger) throws -> UInt64 {
        let head = try ledger.head().seq
        guard head > 0, let first = try ledger.event(at: 1) else {
            throw CommandFailure(message: "--as-of: the ledger has no events yet", exitStatus: 1)
        }
        let seq: UInt64
        switch self {
        case .seq(let asked):
            guard asked <= head else {
                throw CommandFailure(
                    message: "--as-of \(asked) is past the head: the ledger's last event is seq \(head)",
                    exitStatus: 1)
            }
            seq = asked
        case .instant(let instant):
            guard instant <= Timestamp.now() else {
                throw CommandFailure(
                    message: "--as-of \(instant.iso8601) is in the future: the ledger's last event is seq \(head)",
                    exitStatus: 1)
            }
            seq = try ledger.seq(recordedAtOrBefore: instant)
        }
        guard seq > 0 else {
            throw CommandFailure(
                message: "--as-of \(self) is before the first event: the first event was recorded at "
                    + "\(first.recordedAt.iso8601) (seq 1); --as-of counts by when events were recorded",
                exitStatus: 1)
        }
        return seq
    }
}

extension AsOf: CustomStringConvertible {
    var description: String {
        switch self {
        case .seq(let seq): "\(seq)"
        case .instant(let instant): instant.iso8601
        }
    }
}
