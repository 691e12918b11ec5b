import Ledger
import TTHCDomain

/// What one row turns into: the events to append, or why it cannot be imported.
struct RowPlan {
    enum Disposition: Equatable {
        /// The row adds events (or would, had it no problems).
        case changed
        /// The ledger already holds every fact of the row.
        case unchanged
        /// The row has nothing to record: status 1, or a snapshot older than the ledger's.
        case skipped
    }

    var entries: [DomainLedger.Entry] = []
    var problems: [RowProblem] = []
    var warnings: [RowProblem] = []
    var disposition = Disposition.unchanged

    init() {}

    init(problems: [RowProblem]) {
        self.problems = problems
    }

    mutating func add(_ event: DomainEvent, at micros: Int64, actor: String, id: String) {
        entries.append(
            DomainLedger.Entry(event, occurredAt: Timestamp(microsecondsSinceEpoch: micros), actor: actor, eventId: id))
        disposition = .changed
    }
}

/// Turns the rows of one kind of file into events, keeping its own view of the ledger as it will
/// stand after the rows planned so far.
///
/// Planners are values: the importer copies one before a batch and goes back to the copy when
/// the ledger refuses the batch, so that a rejected row leaves no trace in what the planner
/// believes.
protocol RowPlanner {
    /// The events of `row` against `state` (the ledger as committed) and the rows planned before.
    ///
    /// A row with problems changes nothing in the planner.
    mutating func plan(_ row: SourceRow, state: DomainState) throws -> RowPlan

    /// Forgets the per-row state kept for rows whose events the ledger now holds; called after
    /// each successful append to bound memory.
    mutating func committed()
}

extension RowPlanner {
    mutating func committed() {}
}

/// The seconds and nanoseconds of a protobuf timestamp for UTC microseconds.
func timestampParts(_ micros: Int64) -> (seconds: Int64, nanos: Int32) {
    var seconds = micros / 1_000_000
    var remainder = micros % 1_000_000
    if remainder < 0 {
        seconds -= 1
        remainder += 1_000_000
    }
    return (seconds, Int32(remainder * 1_000))
}

/// 64-bit FNV-1a of `text`, as 16 hex digits: a short stable name for a long value in an event id.
func fingerprint(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
}
