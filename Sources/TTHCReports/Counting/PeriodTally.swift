import TTHCDomain

/// The dossier figures of one report period per reporting unit: form 06's counts and the monthly
/// report's figures.
///
/// Computed from the domain projection's day tallies (``DossierTallies``) rather than dossier by
/// dossier, so that a report reads a few thousand day rows whatever the size of the ledger. For a
/// regular dossier — one not ended before it was received — the counting rules of SPEC §5.1 reduce
/// to sums over days: with R its receipt day and E its end day (R ≤ E),
///
/// - received online / directOrPostal: R in the period;
/// - carriedOver: R before the period and not E before it, that is #(R < from) − #(E < from);
/// - resolved early / onTime / late: E in the period, by how E compared with the due date then;
/// - `dueDateLongerThanProcedure`: receipts in the period grouped by procedure, receipt day and
///   given due date, each group compared once with the procedure's time in force.
///
/// Only the pending dossiers — open at the period's end, whose standing depends on that day — are
/// classified one by one, and the rare irregular dossiers wholly so. ``byDossier(_:daysInForce:)``
/// counts every dossier one by one instead: the reference the tests hold this to.
struct PeriodTally {
    var counts: [String: DossierCounts] = [:]
    var figures: [String: MonthlyDossierFigures] = [:]

    /// The figures of `context`'s period from the day tallies; monthly figures only with `daysInForce`.
    static func compute(_ context: ReportContext, daysInForce: ProcessingDaysInForce?) throws -> PeriodTally {
        let period = context.period
        let state = context.state
        let monthly = daysInForce != nil
        var daysInForce = daysInForce
        var tally = PeriodTally()
        var reportingUnits: [String: String] = [:]
        func unit(_ competentUnit: String) -> String {
            if let known = reportingUnits[competentUnit] { return known }
            let unit = context.reportingUnit(competentUnit)
            reportingUnits[competentUnit] = unit
            return unit
        }

        try state.forEachReceiptTally(through: period.to) { day, competentUnit, receipts in
            let unit = unit(competentUnit)
            if day < period.from {
                tally.counts[unit, default: DossierCounts()].carriedOver += receipts.received
                return
            }
            tally.counts[unit, default: DossierCounts()].online += receipts.online
            tally.counts[unit, default: DossierCounts()].directOrPostal += receipts.received - receipts.online
            guard monthly else { return }
            tally.figures[unit, default: MonthlyDossierFigures()].add(receipts)
        }
        try state.forEachEndTally(through: period.to) { day, competentUnit, ends in
            let unit = unit(competentUnit)
            if day < period.from {
                tally.counts[unit, default: DossierCounts()].carriedOver -= ends.total
                return
            }
            tally.counts[unit, default: DossierCounts()].add(ends)
            guard monthly else { return }
            tally.figures[unit, default: MonthlyDossierFigures()].add(ends)
        }
        if monthly {
            var allowedDueDays: [DueDateKey: LocalDate?] = [:]
            try state.forEachDueDateTally(from: period.from, through: period.to) { dueDates in
                guard
                    let days = daysInForce?.days(code: dueDates.procedureCode, on: dueDates.receivedDay)
                        ?? dueDates.processingDaysAtReceipt
                else { return }
                let key = DueDateKey(receivedDay: dueDates.receivedDay, processingDays: days)
                let allowed: LocalDate?
                if let known = allowedDueDays[key] {
                    allowed = known
                } else {
                    allowed = DueDateRule.dueDate(
                        receivedOn: dueDates.receivedDay, processingDays: days, pauses: [], calendar: context.calendar)
                    allowedDueDays[key] = allowed
                }
                if DueDateRule.givenDueDate(dueDates.givenDueDay, exceeds: allowed) {
                    tally.figures[unit(dueDates.unit), default: MonthlyDossierFigures()].dueDateLongerThanProcedure +=
                        dueDates.count
                }
            }
        }
        try state.forEachDossierFacts(openAtEndOf: period.to) { dossier in
            guard let pending = DossierClassification.classify(dossier, in: period, explaining: false)?.pending else {
                return
            }
            let unit = unit(dossier.competentUnit)
            switch pending {
            case .withinDeadline: tally.counts[unit, default: DossierCounts()].withinDeadline += 1
            case .overdue: tally.counts[unit, default: DossierCounts()].overdue += 1
            }
            if monthly && pending == .overdue {
                tally.figures[unit, default: MonthlyDossierFigures()].pendingOverdue += 1
            }
        }
        try state.forEachIrregularDossierFacts { dossier in
            tally.add(dossier, context, daysInForce: &daysInForce, monthly: monthly, unit: unit)
        }
        return tally
    }

    /// The same figures counted dossier by dossier, from the facts of every dossier open or ended
    /// since the period began: the direct reading of the counting rules.
    static func byDossier(_ context: ReportContext, daysInForce: ProcessingDaysInForce?) throws -> PeriodTally {
        var daysInForce = daysInForce
        var tally = PeriodTally()
        try context.state.forEachDossierFacts(endingOnOrAfter: context.period.from) { dossier in
            tally.add(dossier, context, daysInForce: &daysInForce, monthly: daysInForce != nil) {
                context.reportingUnit($0)
            }
        }
        return tally
    }

    private mutating func add(
        _ dossier: DossierFacts, _ context: ReportContext, daysInForce: inout ProcessingDaysInForce?, monthly: Bool,
        unit: (String) -> String
    ) {
        guard let classification = DossierClassification.classify(dossier, in: context.period, explaining: false)
        else { return }
        let unit = unit(dossier.competentUnit)
        counts[unit, default: DossierCounts()].add(classification)
        guard monthly else { return }
        let processingDays = classification.received == .carriedOver ? nil : daysInForce?.days(for: dossier)
        figures[unit, default: MonthlyDossierFigures()]
            .add(dossier, classification, calendar: context.calendar, processingDaysInForce: processingDays)
    }

    private struct DueDateKey: Hashable {
        var receivedDay: LocalDate
        var processingDays: Int
    }
}

extension DossierCounts {
    mutating func add(_ ends: EndTally) {
        early += ends.beforeDue
        // Withdrawn, or resolved with no due date: on time (SPEC §5.1).
        onTime += ends.onDue + ends.withdrawnOrWithoutDue
        late += ends.afterDue
    }
}

extension MonthlyDossierFigures {
    mutating func add(_ receipts: ReceiptTally) {
        received += receipts.received
        online += receipts.online
        business += receipts.business
        businessOnline += receipts.businessOnline
        locationIndependent += receipts.locationIndependent
        digitized += receipts.digitized
        documentsRequired += receipts.documentsRequired
        documentsReused += receipts.documentsReused
    }

    mutating func add(_ ends: EndTally) {
        resolved += ends.total
        early += ends.beforeDue
        onTime += ends.onDue + ends.withdrawnOrWithoutDue
        late += ends.afterDue
    }
}
