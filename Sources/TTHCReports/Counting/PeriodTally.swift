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
        // Summed per competent unit, one lookup per row, then per reporting unit at the end.
        var slots = UnitSlots()

        try state.forEachReceiptTally(through: period.to) { day, competentUnit, receipts in
            let slot = slots.slot(competentUnit)
            if day < period.from {
                slots.counts[slot].carriedOver += receipts.received
                return
            }
            slots.counts[slot].online += receipts.online
            slots.counts[slot].directOrPostal += receipts.received - receipts.online
            if monthly { slots.figures[slot].add(receipts) }
        }
        try state.forEachEndTally(through: period.to) { day, competentUnit, ends in
            let slot = slots.slot(competentUnit)
            if day < period.from {
                slots.counts[slot].carriedOver -= ends.total
                return
            }
            slots.counts[slot].add(ends)
            if monthly { slots.figures[slot].add(ends) }
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
                    slots.figures[slots.slot(dueDates.unit)].dueDateLongerThanProcedure += dueDates.count
                }
            }
        }
        try state.forEachDossierFacts(openAtEndOf: period.to) { dossier in
            guard let pending = DossierClassification.classify(dossier, in: period, explaining: false)?.pending else {
                return
            }
            let slot = slots.slot(dossier.competentUnit)
            switch pending {
            case .withinDeadline: slots.counts[slot].withinDeadline += 1
            case .overdue:
                slots.counts[slot].overdue += 1
                if monthly { slots.figures[slot].pendingOverdue += 1 }
            }
        }

        var tally = PeriodTally()
        for (slot, competentUnit) in slots.units.enumerated() {
            let unit = context.reportingUnit(competentUnit)
            tally.counts[unit] = (tally.counts[unit] ?? DossierCounts()) + slots.counts[slot]
            if monthly { tally.figures[unit] = (tally.figures[unit] ?? MonthlyDossierFigures()) + slots.figures[slot] }
        }
        try state.forEachIrregularDossierFacts { dossier in
            tally.add(dossier, context, daysInForce: &daysInForce, monthly: monthly) { context.reportingUnit($0) }
        }
        return tally
    }

    /// Figures per competent unit, in slots numbered as the units are first met.
    private struct UnitSlots {
        var numbers: [String: Int] = [:]
        var units: [String] = []
        var counts: [DossierCounts] = []
        var figures: [MonthlyDossierFigures] = []

        mutating func slot(_ unit: String) -> Int {
            if let number = numbers[unit] { return number }
            numbers[unit] = units.count
            units.append(unit)
            counts.append(DossierCounts())
            figures.append(MonthlyDossierFigures())
            return units.count - 1
        }
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
