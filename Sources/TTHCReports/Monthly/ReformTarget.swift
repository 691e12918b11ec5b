/// A Resolution 66/NQ-CP target the monthly report measures. Kept as data: when guidance changes
/// a target, this table changes, not the computation.
public struct ReformTarget: Sendable, Equatable {
    /// What is measured, in percent.
    public enum Measure: String, Sendable {
        /// Processing-time reduction of business procedures against their 2024 baseline.
        case timeReduction
        /// Compliance-cost reduction of business procedures against their 2024 baseline.
        case costReduction
        /// Share of business procedures in force offered online (partly or fully).
        case businessOnline
        /// Share of procedures in force that are location-independent within the province.
        case locationIndependent
        /// Share of online-eligible procedures (offered online at all) that are full-process online.
        case fullOnlineOfEligible
    }

    public var id: String
    public var year: Int
    public var measure: Measure
    /// The percentage to reach.
    public var target: Int

    /// The targets of Resolution 66/NQ-CP as the provincial plan adopts them (plan items I.1, I.2).
    public static let resolution66: [ReformTarget] = [
        ReformTarget(id: "2025-time-cut", year: 2025, measure: .timeReduction, target: 30),
        ReformTarget(id: "2025-cost-cut", year: 2025, measure: .costReduction, target: 30),
        ReformTarget(id: "2025-business-online", year: 2025, measure: .businessOnline, target: 100),
        ReformTarget(id: "2025-location-independent", year: 2025, measure: .locationIndependent, target: 100),
        ReformTarget(id: "2026-time-cut", year: 2026, measure: .timeReduction, target: 50),
        ReformTarget(id: "2026-cost-cut", year: 2026, measure: .costReduction, target: 50),
        ReformTarget(id: "2026-full-online", year: 2026, measure: .fullOnlineOfEligible, target: 100),
    ]

    /// The individual time-cut target of a year (30 % in 2025, 50 % in 2026; the latest known
    /// for later years; none before 2025).
    public static func timeCutTarget(year: Int) -> Int? {
        resolution66.filter { $0.measure == .timeReduction && $0.year <= year }.max { $0.year < $1.year }?.target
    }
}
