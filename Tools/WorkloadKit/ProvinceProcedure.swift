import TTHCDomain

/// A procedure of the generated province: what was published on 2024-01-01 and every later
/// decision, with the lookups the dossier generator needs on each receipt day.
struct ProvinceProcedure {
    /// One decision about the procedure, in force from `day`.
    struct Change {
        enum Kind {
            case timeCut(UInt32)
            case costCut(Int64)
            case onlineLevel(OnlineLevel)
            /// The units competent from now on, by index into ``Province/units``.
            case scope([Int])
            case abolished
        }

        let day: LocalDate
        let decision: String
        let kind: Kind
    }

    let code: String
    let name: String
    let field: String
    let level: UnitLevel
    /// Competent at publication, by index into ``Province/units``.
    let units: [Int]
    let baselineDays: UInt32
    let baselineCost: Int64
    let businessRelated: Bool
    let onlineLevel: OnlineLevel
    let locationIndependent: Bool
    let isInternal: Bool
    let decision: String
    /// Kept in order of effective day.
    var changes: [Change] = []

    /// The processing days in force on `day`.
    func processingDays(on day: LocalDate) -> UInt32 {
        var days = baselineDays
        for change in changes where change.day <= day {
            if case .timeCut(let value) = change.kind { days = value }
        }
        return days
    }

    /// The processing days in force before the latest time cut effective by `day`, if there was
    /// one: what a desk that missed the cut still counts.
    func daysBeforeLatestCut(on day: LocalDate) -> UInt32? {
        var days = baselineDays
        var before: UInt32?
        for change in changes where change.day <= day {
            if case .timeCut(let value) = change.kind {
                before = days
                days = value
            }
        }
        return before
    }

    func onlineLevel(on day: LocalDate) -> OnlineLevel {
        var level = onlineLevel
        for change in changes where change.day <= day {
            if case .onlineLevel(let value) = change.kind { level = value }
        }
        return level
    }

    func competentUnits(on day: LocalDate) -> [Int] {
        var current = units
        for change in changes where change.day <= day {
            if case .scope(let value) = change.kind { current = value }
        }
        return current
    }

    func isAbolished(on day: LocalDate) -> Bool {
        changes.contains { change in
            if case .abolished = change.kind { return change.day <= day }
            return false
        }
    }
}
