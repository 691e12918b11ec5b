/// Derived facts of a dossier that reports and queries share.
extension DossierState {
    /// The end instant the reports count (E): resolution, else withdrawal, else the return of a
    /// result recorded without a resolution; `nil` while open.
    public var endedAt: Int64? {
        if resolved { return resolvedAt }
        if withdrawn { return withdrawnAt }
        if returned { return returnedAt }
        return nil
    }

    /// The local end date (E), if ended.
    public var endDay: LocalDate? { endedAt.map(localDay) }

    /// The local receipt date (R).
    public var receivedDay: LocalDate { localDay(receivedAt) }

    /// Whether the dossier counts at all: accepted (not only refused or registered).
    public var isAccepted: Bool { received && !notAccepted }

    /// The due instant in force at `instant` (D): the latest change effective by then, else the
    /// due date given at receipt; `nil` when there is none.
    public func dueAt(asOf instant: Int64) -> Int64? {
        var due: Int64? = givenDueKnown ? givenDueAt : nil
        var latest = Int64.min
        for change in dueChanges where change.effectiveAt <= instant && change.effectiveAt >= latest {
            latest = change.effectiveAt
            due = change.dueAt
        }
        return due
    }

    /// The due date in force at the end of local day `day`.
    public func dueDay(asOfEndOf day: LocalDate) -> LocalDate? {
        let endOfDay = VietnamTime.utcMicroseconds(startOf: day.adding(days: 1)) - 1
        return dueAt(asOf: endOfDay).map(localDay)
    }

    /// Whether the clock is stopped (supplement, fees, halt) on local day `day`.
    public func isPaused(on day: LocalDate) -> Bool {
        pauses.contains { pause in
            localDay(pause.from) <= day && (!pause.closed || localDay(pause.to) > day)
        }
    }

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

    /// Whether the due date given at the desk is later than receipt + `processingDays` working days.
    ///
    /// Reports pass the processing days of the procedure in force on the receipt date as the ledger
    /// knows it at their position, so that a cut recorded after the receipt but in force on its date
    /// still counts (SPEC §3); ``processingDays`` is only what was known when the receipt was
    /// recorded. `false` when `processingDays` is `nil`.
    public func dueDateLongerThanProcedure(processingDays: Int?, calendar: WorkingCalendar) -> Bool {
        guard givenDueKnown, let processingDays else { return false }
        // The given date already includes the pauses the desk knew of at receipt: none.
        let allowed = DueDateRule.dueDate(
            receivedOn: receivedDay, processingDays: processingDays, pauses: [], calendar: calendar)
        return DueDateRule.givenDueDate(localDay(givenDueAt), exceeds: allowed)
    }
}
