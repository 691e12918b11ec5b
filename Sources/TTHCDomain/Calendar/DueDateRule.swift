/// The ledger's own due date for a dossier (*ngày hẹn trả kết quả*), independent of the one it was given.
///
/// Desks write a due date on every receipt, but a desk can forget a time cut or count the days
/// wrongly. The ledger recomputes the date from the rule — receipt plus the procedure's processing
/// days in working days, counting from the next working day, with the clock stopped while the
/// dossier waits for a supplement — so that a report can show where the given date is later
/// ("time cut not applied at the desk").
///
/// **Pauses.** A pause from `a` to `b` is the clock stopping at the end of day `a` (the supplement
/// is requested, *ngày yêu cầu bổ sung*) and restarting the day after `b` (the supplement is
/// received, *ngày tiếp nhận bổ sung*). So day `a` still counts as a processing day and the
/// working days in `(a, b]` do not: a pause opened and closed on the same day costs nothing, and
/// counting after a supplement resumes the next working day, exactly as it starts after a receipt.
/// The clock really stops, rather than the date simply being pushed back: a pause that starts
/// after the due date was already reached does not move it, overlapping pauses are counted once,
/// and days before the receipt are never paused.
public enum DueDateRule {
    /// A stop of the clock: from the day a supplement was requested to the day it was received,
    /// `nil` while it is still awaited.
    public typealias Pause = (from: LocalDate, to: LocalDate?)

    /// The due date of a dossier received on `receivedOn` under a procedure of `processingDays`
    /// working days, or `nil` while an open pause makes it unknowable.
    ///
    /// `nil` only when the clock is stopped with working days still to run: a pause opened after the
    /// due date was reached leaves the date known. Pauses may come in any order.
    ///
    /// ```swift
    /// // Received Monday 2025-03-03, 10 working days, supplement requested on Wednesday 5 March
    /// // and received on Monday 10 March: Thursday, Friday and Monday are paused.
    /// DueDateRule.dueDate(receivedOn: monday, processingDays: 10,
    ///                     pauses: [(from: march5, to: march10)], calendar: calendar)   // 2025-03-20
    /// ```
    ///
    /// - Precondition: `processingDays >= 0`.
    public static func dueDate(
        receivedOn: LocalDate,
        processingDays: Int,
        pauses: [Pause] = [],
        calendar: WorkingCalendar
    ) -> LocalDate? {
        precondition(processingDays >= 0, "processing days cannot be negative: \(processingDays)")
        // `counted` is the last day the clock has run through; working days after it are still to come.
        var counted = receivedOn
        var remaining = processingDays
        let ordered = pauses.count > 1 ? pauses.sorted { $0.from < $1.from } : pauses
        for pause in ordered {
            let stop = max(pause.from, counted)
            let runBeforeStop = calendar.workingDays(from: counted.adding(days: 1), through: stop)
            if runBeforeStop >= remaining {
                return calendar.addingWorkingDays(remaining, to: counted)
            }
            remaining -= runBeforeStop
            guard let restart = pause.to else { return nil }
            counted = max(stop, restart)
        }
        return calendar.addingWorkingDays(remaining, to: counted)
    }

    /// Whether a dossier's given due date is later than the ledger's own.
    ///
    /// This is the `dueDateLongerThanProcedure` figure: a desk that still promises the pre-cut
    /// processing time. `false` when either date is unknown, since nothing can be shown then.
    public static func givenDueDate(_ given: LocalDate?, exceeds ledgerDueDate: LocalDate?) -> Bool {
        guard let given, let ledgerDueDate else { return false }
        return given > ledgerDueDate
    }
}
