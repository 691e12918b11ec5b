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
