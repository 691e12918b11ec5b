/// A procedure's attributes on one day: the fold of its publication and changes effective by then.
public struct ProcedureAttributes: Sendable, Equatable {
    public var processingDays: UInt32
    public var complianceCostVnd: Int64
    public var onlineLevel: OnlineLevel
    public var businessRelated: Bool
    public var locationIndependent: Bool
    public var competentUnits: [String]
    public var abolished: Bool
    /// The decisions that made it so, in order.
    public var decisions: [String]
    /// How many time cuts are in effect.
    public var timeCuts: Int
}

extension ProcedureState {
    /// The attributes in force on `day`; `nil` before publication takes effect.
    ///
    /// Changes apply in order of effective day, then of recording, so a change recorded late
    /// still takes its place in history.
    public func attributes(on day: LocalDate) -> ProcedureAttributes? {
        let ordered = changes.enumerated()
            .filter { $0.element.effectiveDay <= day.dayNumber }
            .sorted {
                ($0.element.effectiveDay, $0.element.seq, $0.offset) < (
                    $1.element.effectiveDay, $1.element.seq, $1.offset
                )
            }
        guard let first = ordered.first(where: { $0.element.kind == ChangeKind.published }) else { return nil }
        var attributes = ProcedureAttributes(
            processingDays: first.element.processingDays, complianceCostVnd: first.element.complianceCostVnd,
            onlineLevel: first.element.onlineLevel, businessRelated: first.element.businessRelated,
            locationIndependent: first.element.locationIndependent, competentUnits: first.element.competentUnits,
            abolished: false, decisions: [], timeCuts: 0)
        for (_, change) in ordered {
            if !change.decision.isEmpty { attributes.decisions.append(change.decision) }
            switch change.kind {
            case ChangeKind.timeCut:
                attributes.processingDays = change.processingDays
                attributes.timeCuts += 1
            case ChangeKind.costCut: attributes.complianceCostVnd = change.complianceCostVnd
            case ChangeKind.onlineLevel: attributes.onlineLevel = change.onlineLevel
            case ChangeKind.scope:
                attributes.businessRelated = change.businessRelated
                attributes.locationIndependent = change.locationIndependent
                if !change.competentUnits.isEmpty { attributes.competentUnits = change.competentUnits }
            case ChangeKind.abolished: attributes.abolished = true
            default: break
            }
        }
        return attributes
    }

    /// The processing days in force on `day`, as ``attributes(on:)`` folds them (the latest time
    /// cut in effect, else the publication); `nil` before publication takes effect.
    ///
    /// Every receipt asks for it: one pass, without building the other attributes.
    func processingDays(on day: LocalDate) -> UInt32? {
        var publication: (order: (Int32, UInt64, Int), days: UInt32)?
        var cut: (order: (Int32, UInt64, Int), days: UInt32)?
        for (offset, change) in changes.enumerated() where change.effectiveDay <= day.dayNumber {
            let order = (change.effectiveDay, change.seq, offset)
            if change.kind == ChangeKind.timeCut {
                if cut == nil || cut!.order < order { cut = (order, change.processingDays) }
            } else if change.kind == ChangeKind.published {
                if publication == nil || order < publication!.order { publication = (order, change.processingDays) }
            }
        }
        guard let publication else { return nil }
        return cut?.days ?? publication.days
    }

    /// Whether the procedure is published and not abolished on `day`.
    public func isInForce(on day: LocalDate) -> Bool {
        guard let attributes = attributes(on: day) else { return false }
        return !attributes.abolished
    }

    /// The names of ``ProcedureChange/kind``.
    enum ChangeKind {
        static let published = "published"
        static let timeCut = "timeCut"
        static let costCut = "costCut"
        static let onlineLevel = "onlineLevel"
        static let scope = "scope"
        static let abolished = "abolished"
    }
}
