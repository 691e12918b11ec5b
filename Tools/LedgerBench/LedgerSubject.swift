import Ledger

/// The ledger as its callers use it: `Ledger.append` of drafts, `Ledger.scan` of views.
final class LedgerSubject: Subject {
    static let name = "ledger"
    private let ledger: Ledger
    private let workload: Workload

    init(directory: String, workload: Workload) throws {
        // Default options: durable commits, the map growing from its default size.
        ledger = try Ledger(directory: directory, options: Ledger.Options(create: true))
        self.workload = workload
    }

    func prepare(_ events: Range<Int>) -> [EventDraft] {
        events.map { index in
            EventDraft(
                stream: Workload.stream(index), type: Workload.type, payload: workload.payload,
                occurredAt: Timestamp(secondsSinceEpoch: 1_744_600_000 + Int64(index)), actor: Workload.actor,
                eventId: workload.givesEventIds ? "bench-\(index)" : nil)
        }
    }

    func commit(_ batch: [EventDraft]) throws {
        let outcome = try ledger.append(batch)
        guard outcome.appendedCount == batch.count else {
            throw BenchmarkError("the ledger appended \(outcome.appendedCount) of \(batch.count) events")
        }
    }

    func scan() throws -> ScanTally {
        var tally = ScanTally()
        try ledger.scan { view in
            tally.visit(seq: view.seq, touchedCount: view.payload.count, storedCount: view.stored.count)
            return true
        }
        return tally
    }
}
