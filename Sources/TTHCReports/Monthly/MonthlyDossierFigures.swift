import Ledger
import TTHCDomain

/// The dossier figures of the monthly report, for the province or one unit (SPEC §5.2).
public struct MonthlyDossierFigures: Sendable, Equatable {
    public var received = 0
    public var online = 0
    public var business = 0
    public var businessOnline = 0
    public var locationIndependent = 0
    public var resolved = 0
    public var early = 0
    public var onTime = 0
    public var late = 0
    public var pendingOverdue = 0
    public var digitized = 0
    public var documentsRequired = 0
    public var documentsReused = 0
    public var dueDateLongerThanProcedure = 0

    public init() {}

    public var isZero: Bool { self == MonthlyDossierFigures() }

    /// online / received, in percent.
    public var onlineRatePct: Double? { rate(online, received) }
    /// (early + onTime) / resolved, in percent.
    public var onTimeRatePct: Double? { rate(early + onTime, resolved) }
    /// documentsReused / documentsRequired, in percent.
    public var reuseRatePct: Double? { rate(documentsReused, documentsRequired) }

    /// Adds one dossier counted in the month by the quarterly rules.
    mutating func add(_ dossier: DossierState, _ classification: DossierClassification, calendar: WorkingCalendar) {
        if classification.received != .carriedOver {
            received += 1
            let isOnline = classification.received == .online
            if isOnline { online += 1 }
            if dossier.applicantKind == .business {
                business += 1
                if isOnline { businessOnline += 1 }
            }
            if dossier.receivingUnit != dossier.competentUnit { locationIndependent += 1 }
            if dossier.digitized { digitized += 1 }
            documentsRequired += Int(dossier.documentsRequired)
            documentsReused += Int(dossier.documentsReused)
            if dossier.dueDateLongerThanProcedure(calendar: calendar) { dueDateLongerThanProcedure += 1 }
        }
        switch classification.resolved {
        case .early: early += 1
        case .onTime: onTime += 1
        case .late: late += 1
        case nil: break
        }
        if classification.resolved != nil { resolved += 1 }
        if classification.pending == .overdue { pendingOverdue += 1 }
    }

    static func + (lhs: MonthlyDossierFigures, rhs: MonthlyDossierFigures) -> MonthlyDossierFigures {
        var sum = lhs
        for path in Self.countPaths { sum[keyPath: path] += rhs[keyPath: path] }
        return sum
    }

    // Key paths are immutable once formed; the array is never mutated.
    private nonisolated(unsafe) static let countPaths: [WritableKeyPath<MonthlyDossierFigures, Int>] = [
        \.received, \.online, \.business, \.businessOnline, \.locationIndependent, \.resolved, \.early, \.onTime,
        \.late, \.pendingOverdue, \.digitized, \.documentsRequired, \.documentsReused, \.dueDateLongerThanProcedure,
    ]

    /// The figure named `name` (a JSON key), for tracing; `nil` for rates and unknown names.
    public func value(of name: String) -> Int? {
        Self.names.firstIndex(of: name).map { self[keyPath: Self.countPaths[$0]] }
    }

    /// The JSON keys of the counts, in the order of ``countPaths``.
    public static let names = [
        "received", "online", "business", "businessOnline", "locationIndependent", "resolved", "early", "onTime",
        "late", "pendingOverdue", "digitized", "documentsRequired", "documentsReused", "dueDateLongerThanProcedure",
    ]

    /// The members of SPEC §5.2's `dossiers` object, in its order.
    var jsonMembers: [(String, JSONValue)] {
        [
            ("received", .int(received)), ("online", .int(online)), ("onlineRatePct", .optionalDecimal(onlineRatePct)),
            ("business", .int(business)), ("businessOnline", .int(businessOnline)),
            ("locationIndependent", .int(locationIndependent)), ("resolved", .int(resolved)), ("early", .int(early)),
            ("onTime", .int(onTime)), ("late", .int(late)), ("onTimeRatePct", .optionalDecimal(onTimeRatePct)),
            ("pendingOverdue", .int(pendingOverdue)), ("digitized", .int(digitized)),
            ("documentsRequired", .int(documentsRequired)), ("documentsReused", .int(documentsReused)),
            ("reuseRatePct", .optionalDecimal(reuseRatePct)),
            ("dueDateLongerThanProcedure", .int(dueDateLongerThanProcedure)),
        ]
    }
}

/// `numerator / denominator × 100`, or `nil` when the denominator is 0.
func rate(_ numerator: Int, _ denominator: Int) -> Double? {
    denominator == 0 ? nil : Double(numerator) / Double(denominator) * 100
}

/// `numerator / denominator × 100` over 64-bit sums, or `nil` when the denominator is 0.
func rate(_ numerator: Int64, _ denominator: Int64) -> Double? {
    denominator == 0 ? nil : Double(numerator) / Double(denominator) * 100
}
