import Ledger
import TTHCDomain

/// The items behind one report figure (SPEC §6 `trace`): dossiers with the events that built
/// them, or procedures. The items' contributions add up to the figure.
public struct FigureTrace: Sendable {
    public struct Item: Sendable, Equatable {
        /// A dossier id or a procedure code.
        public var subject: String
        /// What it adds to the figure (1 for counts; its documents for document sums).
        public var contribution: Int
        /// The events folded into it.
        public var seqs: [UInt64]
        public var reasons: [String]
    }

    public var figure: String
    public var unit: String?
    public var value: Int
    public var items: [Item]

    /// Traces `figure` of `report` for `unit` (the totals when `nil`).
    ///
    /// Quarterly figures are named as in the JSON (`received.online`, `resolved.late`, …);
    /// monthly ones as `dossiers.<key>` or `procedures.<key>`.
    public static func trace(
        _ request: ReportRequest, figure: String, unit: String?, state: DomainState, position: LedgerPosition
    ) throws -> FigureTrace {
        guard let period = request.period else { throw LedgerError(.invalidInput, "no such period: \(request)") }
        let report = try request.compute(state: state, position: position)
        let context = try ReportContext(state: state, position: position, period: period)
        var items = [Item]()
        let value: Int

        switch report {
        case .quarterly(let quarterly):
            let counts = unit.map { code in quarterly.rows.first { $0.unit == code }?.counts ?? DossierCounts() }
            guard let figureValue = (counts ?? quarterly.totals).value(of: figure) else {
                throw LedgerError(
                    .invalidInput,
                    "unknown figure \(figure); one of: " + DossierCounts.figureNames.joined(separator: ", "))
            }
            value = figureValue
            try state.forEachDossier(endingOnOrAfter: period.from) { dossier in
                guard let classification = DossierClassification.classify(dossier, in: period),
                    classification.figures.contains(figure),
                    unit == nil || context.reportingUnit(dossier.competentUnit) == unit
                else { return }
                items.append(
                    Item(
                        subject: dossier.dossierID, contribution: 1, seqs: dossier.seqs, reasons: classification.reasons
                    ))
            }
        case .monthly(let monthly):
            let parts = figure.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw LedgerError(
                    .invalidInput, "a monthly figure is dossiers.<key> or procedures.<key>, not \(figure)")
            }
            if parts[0] == "procedures" {
                guard unit == nil else {
                    throw LedgerError(.invalidInput, "procedure figures are province-wide: drop --unit")
                }
                let members = monthly.procedures.members[parts[1]] ?? []
                guard monthly.procedures.jsonMembers.contains(where: { $0.0 == parts[1] }) else {
                    throw LedgerError(.invalidInput, "unknown figure \(figure)")
                }
                guard let number = monthly.procedures.jsonMembers.first(where: { $0.0 == parts[1] })?.1,
                    case .integer(let count) = number
                else { throw LedgerError(.invalidInput, "\(figure) is a percentage; trace the counts behind it") }
                value = Int(count)
                items = members.map { Item(subject: $0, contribution: 1, seqs: [], reasons: []) }
            } else if parts[0] == "dossiers" {
                let figures = unit.map { code in monthly.units.first { $0.unit == code }?.figures } ?? monthly.dossiers
                guard let figureValue = (figures ?? MonthlyDossierFigures()).value(of: parts[1]) else {
                    throw LedgerError(
                        .invalidInput,
                        "unknown figure \(figure); one of: "
                            + MonthlyDossierFigures.names.map { "dossiers." + $0 }.joined(separator: ", "))
                }
                value = figureValue
                var daysInForce = ProcessingDaysInForce(try state.procedures())
                try state.forEachDossier(endingOnOrAfter: period.from) { dossier in
                    guard let classification = DossierClassification.classify(dossier, in: period),
                        unit == nil || context.reportingUnit(dossier.competentUnit) == unit
                    else { return }
                    var single = MonthlyDossierFigures()
                    single.add(
                        dossier, classification, calendar: context.calendar,
                        processingDaysInForce: daysInForce.days(for: dossier))
                    let contribution = single.value(of: parts[1]) ?? 0
                    guard contribution > 0 else { return }
                    items.append(
                        Item(
                            subject: dossier.dossierID, contribution: contribution, seqs: dossier.seqs,
                            reasons: classification.reasons))
                }
            } else {
                throw LedgerError(
                    .invalidInput, "a monthly figure is dossiers.<key> or procedures.<key>, not \(figure)")
            }
        }
        return FigureTrace(figure: figure, unit: unit, value: value, items: items)
    }
}
