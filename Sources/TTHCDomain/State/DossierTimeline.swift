/// What the due-date and pause rules (SPEC §3) read of a dossier: its receipt and end, the due
/// date given at receipt and its later changes, and its pauses.
///
/// ``DossierState`` (the projection's full record, used by traces and one dossier's story) and
/// ``DossierFacts`` (the compact record the reports count) both conform, so that the rules below
/// exist once and a report and a trace can never classify a dossier differently.
public protocol DossierTimeline {
    associatedtype DueChanges: Sequence<(effectiveAt: Int64, dueAt: Int64)>
    associatedtype Pauses: Sequence<(from: Int64, to: Int64, closed: Bool)>

    /// The receipt instant (UTC microseconds).
    var receivedAt: Int64 { get }
    /// The end instant the reports count (E), `nil` while open.
    var endedAt: Int64? { get }
    /// The due instant given at receipt, if any.
    var givenDue: Int64? { get }
    /// Changes of the due date, each effective from an instant.
    var dueChangeTimeline: DueChanges { get }
    /// Stopped clocks; `to` is meaningful only when `closed`.
    var pauseTimeline: Pauses { get }
}

// The rules are inlinable: the reports call them for every pending dossier from another module,
// and an unspecialised generic call through the protocol's witnesses doubled a report's time.
extension DossierTimeline {
    /// The local end date (E), if ended.
    @inlinable public var endDay: LocalDate? { endedAt.map(localDay) }

    /// The local receipt date (R).
    @inlinable public var receivedDay: LocalDate { localDay(receivedAt) }

    /// The due instant in force at `instant` (D): the latest change effective by then, else the
    /// due date given at receipt; `nil` when there is none.
    @inlinable public func dueAt(asOf instant: Int64) -> Int64? {
        var due = givenDue
        var latest = Int64.min
        for change in dueChangeTimeline where change.effectiveAt <= instant && change.effectiveAt >= latest {
            latest = change.effectiveAt
            due = change.dueAt
        }
        return due
    }

    /// The due date in force at the end of local day `day`.
    @inlinable public func dueDay(asOfEndOf day: LocalDate) -> LocalDate? {
        let endOfDay = VietnamTime.utcMicroseconds(startOf: day.adding(days: 1)) - 1
        return dueAt(asOf: endOfDay).map(localDay)
    }

    /// Whether the clock is stopped (supplement, fees, halt) on local day `day`.
    @inlinable public func isPaused(on day: LocalDate) -> Bool {
        pauseTimeline.contains { pause in
            localDay(pause.from) <= day && (!pause.closed || localDay(pause.to) > day)
        }
    }

    /// Whether the due date given at the desk is later than receipt + `processingDays` working days.
    ///
    /// Reports pass the processing days of the procedure in force on the receipt date as the ledger
    /// knows it at their position, so that a cut recorded after the receipt but in force on its date
    /// still counts (SPEC §3). `false` when `processingDays` is `nil` or no due date was given.
    @inlinable public func dueDateLongerThanProcedure(processingDays: Int?, calendar: WorkingCalendar) -> Bool {
        guard let givenDue, let processingDays else { return false }
        // The given date already includes the pauses the desk knew of at receipt: none.
        let allowed = DueDateRule.dueDate(
            receivedOn: receivedDay, processingDays: processingDays, pauses: [], calendar: calendar)
        return DueDateRule.givenDueDate(localDay(givenDue), exceeds: allowed)
    }
}
