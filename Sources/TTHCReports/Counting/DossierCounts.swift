/// The dossier figures of form 06/VPCP/KSTT for one unit or the totals.
public struct DossierCounts: Sendable, Equatable {
    /// Số hồ sơ nhận giải quyết.
    public var online = 0
    public var directOrPostal = 0
    public var carriedOver = 0
    /// Số hồ sơ đã giải quyết.
    public var early = 0
    public var onTime = 0
    public var late = 0
    /// Số hồ sơ đang giải quyết.
    public var withinDeadline = 0
    public var overdue = 0

    public init() {}

    public var receivedTotal: Int { online + directOrPostal + carriedOver }
    public var resolvedTotal: Int { early + onTime + late }
    public var pendingTotal: Int { withinDeadline + overdue }
    public var isZero: Bool { receivedTotal == 0 && resolvedTotal == 0 && pendingTotal == 0 }

    mutating func add(_ classification: DossierClassification) {
        switch classification.received {
        case .online: online += 1
        case .directOrPostal: directOrPostal += 1
        case .carriedOver: carriedOver += 1
        }
        switch classification.resolved {
        case .early: early += 1
        case .onTime: onTime += 1
        case .late: late += 1
        case nil: break
        }
        switch classification.pending {
        case .withinDeadline: withinDeadline += 1
        case .overdue: overdue += 1
        case nil: break
        }
    }

    static func + (lhs: DossierCounts, rhs: DossierCounts) -> DossierCounts {
        var sum = lhs
        sum.online += rhs.online
        sum.directOrPostal += rhs.directOrPostal
        sum.carriedOver += rhs.carriedOver
        sum.early += rhs.early
        sum.onTime += rhs.onTime
        sum.late += rhs.late
        sum.withinDeadline += rhs.withinDeadline
        sum.overdue += rhs.overdue
        return sum
    }

    /// The value of a figure by its JSON path, e.g. `resolved.late`; `nil` for an unknown name.
    public func value(of figure: String) -> Int? {
        switch figure {
        case "received.total": receivedTotal
        case "received.online": online
        case "received.directOrPostal": directOrPostal
        case "received.carriedOver": carriedOver
        case "resolved.total": resolvedTotal
        case "resolved.early": early
        case "resolved.onTime": onTime
        case "resolved.late": late
        case "pending.total": pendingTotal
        case "pending.withinDeadline": withinDeadline
        case "pending.overdue": overdue
        default: nil
        }
    }

    public static let figureNames = [
        "received.total", "received.online", "received.directOrPostal", "received.carriedOver", "resolved.total",
        "resolved.early", "resolved.onTime", "resolved.late", "pending.total", "pending.withinDeadline",
        "pending.overdue",
    ]
}
