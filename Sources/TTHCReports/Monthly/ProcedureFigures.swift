import Ledger
import TTHCDomain

/// The procedure figures of the monthly report: procedures in force on the period's last day
/// and their reduction against the 2024 baseline (SPEC §5.2).
public struct ProcedureFigures: Sendable, Equatable {
    public var inForce = 0
    public var businessRelated = 0
    /// Business-related procedures with a 2024 processing-time baseline: the reduction's base.
    public var withBaseline = 0
    /// Of those, how many now take less time than in 2024.
    public var timeCut = 0
    public var timeReductionPct: Double?
    public var costReductionPct: Double?
    /// Of those with a baseline, how many are cut individually by at least the year's target.
    public var meetingTimeTarget = 0
    public var onlineFull = 0
    public var onlinePartial = 0
    public var locationIndependent = 0
    /// Business-related procedures in force offered online (partly or fully).
    public var businessOnline = 0
    /// Procedures in force that are internal (between agencies).
    public var internalProcedures = 0

    /// The procedures behind each figure, by figure name, for tracing.
    public var members: [String: [String]] = [:]

    /// Computes the figures on `day`, with `timeTarget` the year's individual cut target.
    static func compute(_ procedures: [ProcedureState], on day: LocalDate, timeTarget: Int?) -> ProcedureFigures {
        var figures = ProcedureFigures()
        var baselineDays: Int64 = 0
        var currentDays: Int64 = 0
        var baselineCost: Int64 = 0
        var currentCost: Int64 = 0
        func count(_ figure: String, _ code: String) { figures.members[figure, default: []].append(code) }
        for procedure in procedures {
            guard let attributes = procedure.attributes(on: day), !attributes.abolished else { continue }
            let code = procedure.code
            figures.inForce += 1
            count("inForce", code)
            switch attributes.onlineLevel {
            case .full:
                figures.onlineFull += 1
                count("onlineFull", code)
            case .partial:
                figures.onlinePartial += 1
                count("onlinePartial", code)
            default: break
            }
            if attributes.locationIndependent {
                figures.locationIndependent += 1
                count("locationIndependent", code)
            }
            if procedure.internal { figures.internalProcedures += 1 }
            guard attributes.businessRelated else { continue }
            figures.businessRelated += 1
            count("businessRelated", code)
            if attributes.onlineLevel == .full || attributes.onlineLevel == .partial { figures.businessOnline += 1 }
            if procedure.baselineDays2024 > 0 {
                figures.withBaseline += 1
                count("withBaseline", code)
                let baseline = Int64(procedure.baselineDays2024)
                let current = Int64(attributes.processingDays)
                baselineDays += baseline
                currentDays += current
                if current < baseline {
                    figures.timeCut += 1
                    count("timeCut", code)
                }
                if let timeTarget, (baseline - current) * 100 >= baseline * Int64(timeTarget) {
                    figures.meetingTimeTarget += 1
                    count("meetingTimeTarget", code)
                }
            }
            if procedure.baselineCostVnd2024 > 0 {
                baselineCost += procedure.baselineCostVnd2024
                currentCost += attributes.complianceCostVnd
            }
        }
        figures.timeReductionPct = rate(baselineDays - currentDays, baselineDays)
        figures.costReductionPct = rate(baselineCost - currentCost, baselineCost)
        return figures
    }

    /// The members of SPEC §5.2's `procedures` object, in its order.
    var jsonMembers: [(String, JSONValue)] {
        [
            ("inForce", .int(inForce)), ("businessRelated", .int(businessRelated)),
            ("withBaseline", .int(withBaseline)), ("timeCut", .int(timeCut)),
            ("timeReductionPct", .optionalDecimal(timeReductionPct)),
            ("costReductionPct", .optionalDecimal(costReductionPct)), ("meetingTimeTarget", .int(meetingTimeTarget)),
            ("onlineFull", .int(onlineFull)), ("onlinePartial", .int(onlinePartial)),
            ("locationIndependent", .int(locationIndependent)),
        ]
    }

    public static func == (lhs: ProcedureFigures, rhs: ProcedureFigures) -> Bool {
        lhs.jsonMembers.map { $0.0 + $0.1.serialized() } == rhs.jsonMembers.map { $0.0 + $0.1.serialized() }
    }
}
