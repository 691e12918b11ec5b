import Ledger
import TTHCDomain

/// A deterministic, seeded workload: a generated province and the events of `dossiers` dossiers
/// received from 1 December 2024 to 14 June 2026, as a province's one-stop desks would record them.
///
/// The same seed and size give the same events, byte for byte, with the same event ids, on any
/// machine. Every event passes the domain rules (``DomainProjection``), so the workload can be
/// appended with ``DomainLedger/append(_:)`` batch after batch. Events come in the order they
/// happen, dossiers interleaved; those after the export instant (15 June 2026, 07:00 local time)
/// are not generated, so some dossiers are still pending, paused or unreturned at the end.
///
/// ```swift
/// let workload = Workload(seed: 42, dossiers: 100_000)
/// try workload.forEachBatch(size: 10_000) { entries in try ledger.append(entries) }
/// ```
public struct Workload: Sendable {
    public let seed: UInt64
    public let dossiers: Int
    let province: Province

    /// The first and last receipt days.
    public static let firstReceiptDay = LocalDate(year: 2024, month: 12, day: 1)!
    public static let lastReceiptDay = LocalDate(year: 2026, month: 6, day: 14)!
    /// The export instant: nothing later is generated.
    public static let exportedAt =
        VietnamTime.utcMicroseconds(startOf: LocalDate(year: 2026, month: 6, day: 15)!)
        + 7 * 3_600_000_000

    public init(seed: UInt64, dossiers: Int) {
        precondition(dossiers >= 0, "a workload cannot have a negative number of dossiers")
        self.seed = seed
        self.dossiers = dossiers
        province = Province(seed: seed)
    }

    /// The province's reference facts: units and mergers, the calendar of 2024–2026, the
    /// procedures with their cuts, and the plan tasks. They come first in ``forEachBatch(size:_:)``.
    public func referenceEntries() -> [DomainLedger.Entry] {
        province.referenceEntries()
    }

    /// The working calendar the due dates were computed with.
    public var calendar: WorkingCalendar { province.calendar }

    /// The reference entries, then the dossier events, in batches of at most `size`.
    public func forEachBatch(size: Int, _ body: ([DomainLedger.Entry]) throws -> Void) throws {
        precondition(size > 0, "a batch holds at least one event")
        let reference = referenceEntries()
        var start = 0
        while start < reference.count {
            try body(Array(reference[start..<min(start + size, reference.count)]))
            start += size
        }
        try forEachDossierBatch(size: size, body)
    }

    /// The dossier events alone, in time order, in batches of at most `size`.
    ///
    /// Event ids are `<dossier id>/<n>`, n counting the dossier's events from 1.
    public func forEachDossierBatch(size: Int, _ body: ([DomainLedger.Entry]) throws -> Void) throws {
        precondition(size > 0, "a batch holds at least one event")
        var planner = DossierPlanner(province: province, seed: seed)
        var queue = EventQueue()
        var order: UInt64 = 0
        var batch = [DomainLedger.Entry]()
        batch.reserveCapacity(size)

        let days = Self.firstReceiptDay.days(to: Self.lastReceiptDay) + 1
        let weights = (0..<days).map { offset in
            let day = Self.firstReceiptDay.adding(days: offset)
            // Online filings only on days off, fewer of them on a holiday than on a weekend.
            return province.calendar.isWorkingDay(day) ? 1.0 : day.weekday >= 6 ? 0.05 : 0.03
        }
        let totalWeight = weights.reduce(0, +)
        var cumulativeWeight = 0.0
        var allocated = 0
        for offset in 0..<days {
            let day = Self.firstReceiptDay.adding(days: offset)
            cumulativeWeight += weights[offset]
            let dueByNow = offset == days - 1 ? dossiers : Int(Double(dossiers) * cumulativeWeight / totalWeight)
            for _ in allocated..<max(allocated, dueByNow) {
                let plan = planner.plan(on: day)
                order += 1
                queue.push(EventQueue.Item(at: plan.steps[0].at, order: order, plan: plan, step: 0))
            }
            allocated = max(allocated, dueByNow)
            let end = min(VietnamTime.utcMicroseconds(startOf: day.adding(days: 1)), Self.exportedAt)
            let limit = offset == days - 1 ? Self.exportedAt : end
            while let item = queue.popFirst(before: limit) {
                let plan = item.plan
                batch.append(
                    DomainLedger.Entry(
                        plan.event(at: item.step), occurredAt: Timestamp(microsecondsSinceEpoch: item.at),
                        actor: plan.actor(at: item.step), eventId: plan.id + "/" + String(item.step + 1)))
                if item.step + 1 < plan.steps.count {
                    order += 1
                    queue.push(
                        EventQueue.Item(at: plan.steps[item.step + 1].at, order: order, plan: plan, step: item.step + 1)
                    )
                }
                if batch.count == size {
                    try body(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
        }
        if !batch.isEmpty { try body(batch) }
    }
}
