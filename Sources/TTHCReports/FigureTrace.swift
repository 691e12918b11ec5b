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
        let tracer = try Tracer(request, state: state, position: position)
        let value = try tracer.value(of: figure, unit: unit)
        let items = try tracer.items(only: Key(unit: unit, figure: figure))[Key(unit: unit, figure: figure)] ?? []
        return FigureTrace(figure: figure, unit: unit, value: value, items: items)
    }

    /// Traces every dossier figure of every row of the report and of its totals, and (monthly)
    /// every procedure count, in one pass over the dossiers: what an inspector checking a whole
    /// report, or a test, wants rather than one ``trace(_:figure:unit:state:position:)`` per figure.
    public static func traceAll(
        _ request: ReportRequest, state: DomainState, position: LedgerPosition
    ) throws -> [FigureTrace] {
        let tracer = try Tracer(request, state: state, position: position)
        let collected = try tracer.items(only: nil)
        var traces = [FigureTrace]()
        for unit in [nil] + tracer.rowUnits {
            for figure in tracer.dossierFigures {
                let key = Key(unit: unit, figure: figure)
                traces.append(
                    FigureTrace(
                        figure: figure, unit: unit, value: try tracer.value(of: figure, unit: unit),
                        items: collected[key] ?? []))
            }
        }
        for figure in tracer.procedureCountFigures {
            traces.append(
                FigureTrace(
                    figure: figure, unit: nil, value: try tracer.value(of: figure, unit: nil),
                    items: try tracer.procedureItems(figure)))
        }
        return traces
    }

    /// One figure of one row (`unit` nil: the totals).
    struct Key: Hashable {
        var unit: String?
        var figure: String
    }

    /// A report computed once, with what tracing its figures needs.
    private struct Tracer {
        let request: ReportRequest
        let state: DomainState
        let period: ReportPeriod
        let report: ComputedReport
        let context: ReportContext

        init(_ request: ReportRequest, state: DomainState, position: LedgerPosition) throws {
            guard let period = request.period else {
                throw LedgerError(.invalidInput, "no such period: \(request)")
            }
            self.request = request
            self.state = state
            self.period = period
            report = try request.compute(state: state, position: position)
            context = try ReportContext(state: state, position: position, period: period)
        }

        var rowUnits: [String] {
            switch report {
            case .quarterly(let quarterly): quarterly.rows.map(\.unit)
            case .monthly(let monthly): monthly.units.map(\.unit)
            }
        }

        var dossierFigures: [String] {
            switch report {
            case .quarterly: DossierCounts.figureNames
            case .monthly: MonthlyDossierFigures.names.map { "dossiers." + $0 }
            }
        }

        /// The monthly procedure figures that are counts (the percentages are traced through them).
        var procedureCountFigures: [String] {
            guard case .monthly(let monthly) = report else { return [] }
            return monthly.procedures.jsonMembers.compactMap { name, number in
                guard case .integer = number else { return nil }
                return "procedures." + name
            }
        }

        /// The figure as the report states it; an unknown name is an `invalidInput` error.
        func value(of figure: String, unit: String?) throws -> Int {
            switch report {
            case .quarterly(let quarterly):
                let counts = unit.map { code in quarterly.rows.first { $0.unit == code }?.counts ?? DossierCounts() }
                guard let value = (counts ?? quarterly.totals).value(of: figure) else {
                    throw LedgerError(
                        .invalidInput,
                        "unknown figure \(figure); one of: " + DossierCounts.figureNames.joined(separator: ", "))
                }
                return value
            case .monthly(let monthly):
                let parts = figure.split(separator: ".", maxSplits: 1).map(String.init)
                switch parts.first {
                case "procedures" where parts.count == 2:
                    guard unit == nil else {
                        throw LedgerError(.invalidInput, "procedure figures are province-wide: drop --unit")
                    }
                    guard let number = monthly.procedures.jsonMembers.first(where: { $0.0 == parts[1] })?.1 else {
                        throw LedgerError(.invalidInput, "unknown figure \(figure)")
                    }
                    guard case .integer(let count) = number else {
                        throw LedgerError(.invalidInput, "\(figure) is a percentage; trace the counts behind it")
                    }
                    return Int(count)
                case "dossiers" where parts.count == 2:
                    let figures =
                        unit.map { code in monthly.units.first { $0.unit == code }?.figures } ?? monthly.dossiers
                    guard let value = (figures ?? MonthlyDossierFigures()).value(of: parts[1]) else {
                        throw LedgerError(
                            .invalidInput,
                            "unknown figure \(figure); one of: "
                                + MonthlyDossierFigures.names.map { "dossiers." + $0 }.joined(separator: ", "))
                    }
                    return value
                default:
                    throw LedgerError(
                        .invalidInput, "a monthly figure is dossiers.<key> or procedures.<key>, not \(figure)")
                }
            }
        }

        /// The procedures behind a monthly procedure count.
        func procedureItems(_ figure: String) throws -> [Item] {
            guard case .monthly(let monthly) = report else { return [] }
            let name = String(figure.dropFirst("procedures.".count))
            return (monthly.procedures.members[name] ?? []).map {
                Item(subject: $0, contribution: 1, seqs: [], reasons: [])
            }
        }

        /// The dossiers behind each figure of each row and of the totals, in one pass; with
        /// `only`, just that figure of that row (procedure figures: just their procedures).
        func items(only: Key?) throws -> [Key: [Item]] {
            if let only, only.figure.hasPrefix("procedures.") {
                return [only: try procedureItems(only.figure)]
            }
            var items = [Key: [Item]]()
            func add(_ item: Item, figure: String, unit: String) {
                for key in [Key(unit: nil, figure: figure), Key(unit: unit, figure: figure)]
                where only == nil || only == key {
                    items[key, default: []].append(item)
                }
            }
            switch report {
            case .quarterly:
                try state.forEachDossier(endingOnOrAfter: period.from) { dossier in
                    guard let classification = DossierClassification.classify(dossier, in: period) else { return }
                    let unit = context.reportingUnit(dossier.competentUnit)
                    for figure in classification.figures {
                        add(
                            Item(
                                subject: dossier.dossierID, contribution: 1, seqs: dossier.seqs,
                                reasons: classification.reasons), figure: figure, unit: unit)
                    }
                }
            case .monthly:
                var daysInForce = ProcessingDaysInForce(try state.procedures())
                try state.forEachDossier(endingOnOrAfter: period.from) { dossier in
                    guard let classification = DossierClassification.classify(dossier, in: period) else { return }
                    let unit = context.reportingUnit(dossier.competentUnit)
                    var single = MonthlyDossierFigures()
                    single.add(
                        dossier, classification, calendar: context.calendar,
                        processingDaysInForce: daysInForce.days(for: dossier))
                    for name in MonthlyDossierFigures.names {
                        let contribution = single.value(of: name) ?? 0
                        guard contribution > 0 else { continue }
                        add(
                            Item(
                                subject: dossier.dossierID, contribution: contribution, seqs: dossier.seqs,
                                reasons: classification.reasons), figure: "dossiers." + name, unit: unit)
                    }
                }
            }
            return items
        }
    }
}
