/// Derived facts of a dossier that reports and queries share; the due-date and pause rules come
/// from ``DossierTimeline``.
extension DossierState: DossierTimeline {
    @inlinable public var givenDue: Int64? { givenDueKnown ? givenDueAt : nil }
    @inlinable public var dueChangeTimeline: some Sequence<(effectiveAt: Int64, dueAt: Int64)> {
        dueChanges.lazy.map { (effectiveAt: $0.effectiveAt, dueAt: $0.dueAt) }
    }
    @inlinable public var pauseTimeline: some Sequence<(from: Int64, to: Int64, closed: Bool)> {
        pauses.lazy.map { (from: $0.from, to: $0.to, closed: $0.closed) }
    }

    /// The end instant the reports count (E): resolution, else withdrawal, else the return of a
    /// result recorded without a resolution; `nil` while open.
    public var endedAt: Int64? {
        if resolved { return resolvedAt }
        if withdrawn { return withdrawnAt }
        if returned { return returnedAt }
        return nil
    }

    /// Whether the dossier counts at all: accepted (not only refused or registered).
    public var isAccepted: Bool { received && !notAccepted }

    /// The pauses as local-date intervals, for the due-date rule.
    public var pauseDays: [DueDateRule.Pause] {
        pauses.map { (from: localDay($0.from), to: $0.closed ? localDay($0.to) : nil) }
    }

    /// The ledger's own due date (SPEC §3): receipt + the processing days in force on the receipt
    /// date, counted from the next working day, shifted by paused working days.
    public func ledgerDueDay(calendar: WorkingCalendar) -> LocalDate? {
        guard received, processingDaysKnown else { return nil }
        return DueDateRule.dueDate(
            receivedOn: receivedDay, processingDays: Int(processingDays), pauses: pauseDays, calendar: calendar)
    }

    /// Whether the due date given at the desk is later than the ledger's own: a time cut not
    /// applied at the desk.
    public func dueDateLongerThanProcedure(calendar: WorkingCalendar) -> Bool {
        dueDateLongerThanProcedure(processingDays: processingDaysKnown ? Int(processingDays) : nil, calendar: calendar)
    }
}
