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
    ///
    /// `processingDaysInForce` is the procedure's time in force on the receipt date as the report's
    /// ledger position knows it (``ProcessingDaysInForce``); `nil` falls back to what was known when
    /// the receipt was recorded.
    mutating func add(
        _ dossier: some CountedDossier, _ classification: DossierClassification, calendar: WorkingCalendar,
        processingDaysInForce: Int? = nil
    ) {
        if classification.received != .carriedOver {
            received += 1
            let isOnline = classification.received == .online
            if isOnline { online += 1 }
            if dossier.applicantKind == .business {
                business += 1
                if isOnline { businessOnline += 1 }
            }
            if dossier.receivedAtAnotherDesk { locationIndependent += 1 }
            if dossier.digitized { digitized += 1 }
            documentsRequired += Int(dossier.documentsRequired)
            documentsReused += Int(dossier.documentsReused)
            let processingDays = processingDaysInForce ?? dossier.processingDaysAtReceipt
            if dossier.dueDateLongerThanProcedure(processingDays: processingDays, calendar: calendar) {
                dueDateLongerThanProcedure += 1
            }
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

/// `numerator / denominator × 100` rounded half away from zero to 2 decimals, or `nil` when the
/// denominator is 0 (SPEC §5.2).
func rate(_ numerator: Int, _ denominator: Int) -> Double? {
    rate(Int64(numerator), Int64(denominator))
}

/// `numerator / denominator × 100` over 64-bit sums, rounded half away from zero to 2 decimals, or
/// `nil` when the denominator is 0 (SPEC §5.2).
///
/// Rounded here, in integers, because the quotient of two doubles can land a hair below an exact
/// half: 230,000 / 1,600,000 × 100 is 14.374999999999998 in floating point and would be written
/// 14.37 instead of 14.38. The result is the nearest double to the rounded value, which the JSON
/// writer prints exactly, and what targets are compared with.
func rate(_ numerator: Int64, _ denominator: Int64) -> Double? {
    guard denominator != 0 else { return nil }
    let negative = (numerator < 0) != (denominator < 0)
    let divisor = denominator.magnitude
    // Hundredths of a percent: numerator × 10,000 / denominator, the remainder deciding the rounding.
    let (scaled, overflow) = numerator.magnitude.multipliedReportingOverflow(by: 10_000)
    guard !overflow else { return Double(numerator) / Double(denominator) * 100 }
    var hundredths = scaled / divisor
    let remainder = scaled % divisor
    if remainder >= divisor - remainder { hundredths += 1 }
    let magnitude = Double(hundredths) / 100
    return negative && hundredths != 0 ? -magnitude : magnitude
}
