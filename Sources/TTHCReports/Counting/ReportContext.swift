import Ledger
import TTHCDomain

/// What every report of one period reads besides the dossiers: the ledger position, the units
/// as organised at the period's end, and the calendar.
struct ReportContext {
    let state: DomainState
    let position: LedgerPosition
    let period: ReportPeriod
    let registry: UnitRegistry
    let calendar: WorkingCalendar

    init(state: DomainState, position: LedgerPosition, period: ReportPeriod) throws {
        self.state = state
        self.position = position
        self.period = period
        registry = try state.unitRegistry()
        calendar = try state.calendar()
    }

    /// The unit a dossier of `competentUnit` reports under: its successor when it merged before
    /// the period's end.
    func reportingUnit(_ competentUnit: String) -> String {
        registry.reportingUnit(for: competentUnit, periodEndingOn: period.to)
    }

    func unitName(_ code: String) -> String { registry[code]?.name ?? code }

    func unitLevel(_ code: String) -> AdministrativeLevel { registry[code]?.level ?? .province }

    /// Rows ordered by level (province, district, commune), then unit code.
    func ordered<Value>(_ rows: [String: Value]) -> [(unit: String, value: Value)] {
        rows.map { (unit: $0.key, value: $0.value) }
            .sorted { (unitLevel($0.unit), $0.unit) < (unitLevel($1.unit), $1.unit) }
    }

    /// `{"seq":…,"hash":"…"}`.
    var ledgerJSON: JSONValue {
        .object([("seq", .int(position.seq)), ("hash", .string(position.hashHex))])
    }
}

extension AdministrativeLevel {
    /// The level's SPEC name, e.g. `province`.
    var jsonName: String { rawValue }
}
