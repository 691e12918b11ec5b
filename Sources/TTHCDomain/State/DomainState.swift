import Ledger
import SwiftProtobuf

/// Typed read access to the domain projection, live or as of a past position.
///
/// Reports and queries read only through it, never through the log: a report for any period is
/// computed from this state without rescanning events.
public struct DomainState {
    let store: any ProjectionStore

    public init(store: any ProjectionStore) { self.store = store }

    /// One dossier, or `nil` if the ledger never heard of it.
    public func dossier(_ id: String) throws -> DossierState? {
        try store.message(DossierState.self, DomainTables.dossiers, id)
    }

    /// Visits every accepted dossier that is still open or ended on or after `day`, ordered by
    /// end day (open ones last): everything a report for a period starting on `day` can count.
    public func forEachDossier(endingOnOrAfter day: LocalDate, _ body: (DossierState) throws -> Void) throws {
        var ids = [String]()
        try store.scan(DomainTables.dossiersByEnd, prefix: [], from: DomainTables.dayKey(day)) { key, _ in
            ids.append(String(decoding: UnsafeRawBufferPointer(rebasing: key[4...]), as: UTF8.self))
            return true
        }
        for id in ids {
            guard let dossier = try dossier(id) else {
                throw LedgerError(
                    .integrity, "the end-day index names dossier \(id), which is missing; run `tthc rebuild`")
            }
            try body(dossier)
        }
    }

    /// Visits the ``DossierFacts`` of the same dossiers as ``forEachDossier(endingOnOrAfter:_:)``,
    /// read from the end-day index alone: what a report needs, without decoding any dossier.
    public func forEachDossierFacts(endingOnOrAfter day: LocalDate, _ body: (DossierFacts) throws -> Void) throws {
        try store.scan(DomainTables.dossiersByEnd, prefix: [], from: DomainTables.dayKey(day)) { key, value in
            guard let facts = DossierFacts(bytes: value) else {
                let id = String(decoding: UnsafeRawBufferPointer(rebasing: key[4...]), as: UTF8.self)
                throw LedgerError(
                    .integrity, "the end-day index entry of dossier \(id) is unreadable; run `tthc rebuild`")
            }
            try body(facts)
            return true
        }
    }

    /// Visits the ``DossierFacts`` of the regular dossiers open at the end of `day`: received on
    /// or before it, and still open or ended after it (see ``DossierTallies``).
    ///
    /// Those that ended did so within the longest span from receipt to end of any regular dossier
    /// after `day`: only the index entries of those days, and of the open dossiers, are read.
    public func forEachDossierFacts(openAtEndOf day: LocalDate, _ body: (DossierFacts) throws -> Void) throws {
        var longestSpan: Int32?
        try store.scan(DomainTables.spans) { key, _ in
            longestSpan = Int32(truncatingIfNeeded: key.reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            return true
        }
        // Facts begin with a flags byte and two 4-byte enums, then the receipt instant.
        let receivedAtOffset = 9
        let lastReceipt = VietnamTime.utcMicroseconds(startOf: day.adding(days: 1))
        func visit(from start: [UInt8], before end: [UInt8]?) throws {
            try store.scan(DomainTables.dossiersByEnd, prefix: [], from: start) { key, value in
                if let end, !key.lexicographicallyPrecedes(end) { return false }
                // Many dossiers ending after `day` were received after it too: skipped unread.
                if value.count >= receivedAtOffset + 8,
                    Int64(littleEndian: value.loadUnaligned(fromByteOffset: receivedAtOffset, as: Int64.self))
                        >= lastReceipt
                {
                    return true
                }
                guard let facts = DossierFacts(bytes: value) else {
                    let id = String(decoding: UnsafeRawBufferPointer(rebasing: key[4...]), as: UTF8.self)
                    throw LedgerError(
                        .integrity, "the end-day index entry of dossier \(id) is unreadable; run `tthc rebuild`")
                }
                if facts.receivedDay <= day && facts.isRegular { try body(facts) }
                return true
            }
        }
        if let longestSpan {
            let lastEnd = day.adding(days: Int(longestSpan))
            try visit(
                from: DomainTables.dayKey(day.adding(days: 1)), before: DomainTables.dayKey(lastEnd.adding(days: 1)))
        }
        try visit(from: DomainTables.openEndKey, before: nil)
    }

    /// Visits the ``DossierFacts`` of every accepted dossier ended before the day it was received
    /// (see ``DossierTallies``), in id order.
    public func forEachIrregularDossierFacts(_ body: (DossierFacts) throws -> Void) throws {
        try store.scan(DomainTables.irregularDossiers) { key, value in
            guard let facts = DossierFacts(bytes: value) else {
                throw LedgerError(
                    .integrity,
                    "the irregular-dossier entry of \(String(decoding: key, as: UTF8.self)) is unreadable; "
                        + "run `tthc rebuild`")
            }
            try body(facts)
            return true
        }
    }

    /// Visits the receipts of regular dossiers per day and competent unit, up to `day`, by day.
    public func forEachReceiptTally(
        through day: LocalDate, _ body: (LocalDate, String, ReceiptTally) throws -> Void
    )
        throws
    {
        try forEachDayTally(DomainTables.receiptDays, through: day) { day, unit, value in
            try body(day, unit, ReceiptTally(bytes: value))
        }
    }

    /// Visits the ends of regular dossiers per day and competent unit, up to `day`, by day.
    public func forEachEndTally(through day: LocalDate, _ body: (LocalDate, String, EndTally) throws -> Void) throws {
        try forEachDayTally(DomainTables.endDays, through: day) { day, unit, value in
            try body(day, unit, EndTally(bytes: value))
        }
    }

    private func forEachDayTally(
        _ table: ProjectionTable, through last: LocalDate,
        _ body: (LocalDate, String, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        try store.scan(table) { key, value in
            guard let day = DomainTables.day(fromKey: key) else {
                throw LedgerError(.integrity, "a day tally has an unreadable key; run `tthc rebuild`")
            }
            guard day <= last else { return false }
            try body(day, String(decoding: UnsafeRawBufferPointer(rebasing: key[4...]), as: UTF8.self), value)
            return true
        }
    }

    /// Visits the given due dates of regular dossiers received from `first` through `last`.
    public func forEachDueDateTally(
        from first: LocalDate, through last: LocalDate, _ body: (DueDateTally) throws -> Void
    )
        throws
    {
        try store.scan(DomainTables.dueDates, prefix: [], from: DomainTables.dayKey(first)) { key, value in
            guard let tally = DueDateTally(key: key, value: value) else {
                throw LedgerError(.integrity, "a due-date tally has an unreadable key; run `tthc rebuild`")
            }
            guard tally.receivedDay <= last else { return false }
            try body(tally)
            return true
        }
    }

    /// Visits every dossier the ledger knows, accepted or not, in id order.
    public func forEachDossier(_ body: (DossierState) throws -> Void) throws {
        try store.scan(DomainTables.dossiers) { _, value in
            try body(try DossierState(serializedBytes: Array(value)))
            return true
        }
    }

    /// Every published procedure, by code.
    public func procedures() throws -> [ProcedureState] {
        try messages(ProcedureState.self, DomainTables.procedures)
    }

    public func procedure(_ code: String) throws -> ProcedureState? {
        try store.message(ProcedureState.self, DomainTables.procedures, code)
    }

    /// Every registered unit, by code.
    public func units() throws -> [UnitState] {
        try messages(UnitState.self, DomainTables.units)
    }

    /// The units with their mergers, for resolving which unit reports a dossier.
    public func unitRegistry() throws -> UnitRegistry {
        var registry = UnitRegistry()
        let units = try units()
        for unit in units {
            try registry.register(
                code: unit.code, name: unit.name, level: unit.level.administrativeLevel,
                parent: unit.parent.isEmpty ? nil : unit.parent, effectiveFrom: LocalDate(dayNumber: unit.effectiveDay))
        }
        for unit in units where unit.merged {
            try registry.merge(code: unit.code, into: unit.successor, effective: LocalDate(dayNumber: unit.mergedDay))
        }
        return registry
    }

    /// The working calendar from every holiday and make-up workday declared (the latest
    /// declaration of a day wins).
    public func calendar() throws -> WorkingCalendar {
        var calendar = WorkingCalendar()
        try store.scan(DomainTables.calendar) { _, value in
            let day = try CalendarDayState(serializedBytes: Array(value))
            if day.workday {
                calendar.declareWorkday(LocalDate(dayNumber: day.day))
            } else {
                calendar.declareHoliday(LocalDate(dayNumber: day.day))
            }
            return true
        }
        return calendar
    }

    /// Every plan task, by id.
    public func planTasks() throws -> [PlanTaskState] {
        try messages(PlanTaskState.self, DomainTables.planTasks)
    }

    /// Every `ReportIssued` event, in `seq` order, with its `seq`.
    public func issuedReports() throws -> [(seq: UInt64, report: ReportIssued)] {
        var reports = [(seq: UInt64, report: ReportIssued)]()
        try store.scan(DomainTables.reports) { key, value in
            let seq = key.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            reports.append((seq, try ReportIssued(serializedBytes: Array(value))))
            return true
        }
        return reports
    }

    private func messages<M: SwiftProtobuf.Message>(_: M.Type, _ table: ProjectionTable) throws -> [M] {
        var result = [M]()
        try store.scan(table) { _, value in
            result.append(try M(serializedBytes: Array(value)))
            return true
        }
        return result
    }
}

extension UnitLevel {
    /// The level as the registry and reports name it.
    public var administrativeLevel: AdministrativeLevel {
        switch self {
        case .district: .district
        case .commune: .commune
        default: .province
        }
    }
}
