import Ledger
import TTHCDomain

/// The events that bring the ledger's view of one dossier up to a snapshot of it.
///
/// Facts the ledger lacks are appended as the events of SPEC.md §2, each at its own time; a
/// recorded fact the snapshot contradicts is corrected (`DossierCorrected`, old and new value);
/// a snapshot older than what the ledger holds adds nothing. Event ids derive from the dossier
/// and the fact (``eventIdPrefix``), so appending the same plan twice records it once.
struct DossierDiff {
    let snapshot: DossierSnapshot
    /// The ledger's view, updated with each event planned.
    private(set) var facts: DossierFacts
    /// The file's name, cited as the reason of corrections.
    let source: String
    let calendar: WorkingCalendar
    private(set) var plan = RowPlan()

    init(snapshot: DossierSnapshot, facts: DossierFacts, source: String, calendar: WorkingCalendar) {
        self.snapshot = snapshot
        self.facts = facts
        self.source = source
        self.calendar = calendar
    }

    private var id: String { snapshot.id }
    var eventIdPrefix: String { "import/dossier/\(snapshot.id)/" }

    /// Plans the events; read ``plan`` afterwards.
    mutating func run() {
        if snapshot.status == 3 {
            notAccepted()
            return
        }
        if facts.notAccepted {
            problem(
                "TrangThaiHoSo",
                "dossier \(id) is recorded as not accepted, so it cannot be in status \(statusText)")
            return
        }
        if facts.received {
            guard contradictionsAndStaleness() else { return }
            correctReceipt()
        } else {
            receive()
        }
        guard plan.problems.isEmpty else { return }
        pauses()
        guard plan.problems.isEmpty else { return }
        dueDate()
        finish()
    }

    private var statusText: String {
        "\(snapshot.status) (\(DossierSnapshot.statusNames[snapshot.status] ?? ""))"
    }

    private mutating func problem(_ field: String, _ reason: String) {
        plan.problems.append(RowProblem(field, reason))
    }

    private mutating func emit(_ event: DomainEvent, at micros: Int64, actor: String, id suffix: String) {
        plan.add(event, at: micros, actor: actor, id: eventIdPrefix + suffix)
        facts.apply(event, occurredAt: micros)
    }

    private static func portalText(_ micros: Int64) -> String {
        VietnamTime.formatPortal(utcMicroseconds: micros)
    }

    // MARK: Receipt

    private mutating func notAccepted() {
        if facts.received {
            problem(
                "TrangThaiHoSo",
                "dossier \(id) was accepted on \(Self.portalText(facts.receivedAt)), "
                    + "so it cannot be in status 3 (not accepted)"
            )
            return
        }
        guard !facts.notAccepted, let at = snapshot.endAt else { return }
        let (seconds, nanos) = timestampParts(at.micros)
        let event = DossierNotAccepted.with {
            $0.dossierID = id
            $0.at = .init(seconds: seconds, nanos: nanos)
        }
        emit(.dossierNotAccepted(event), at: at.micros, actor: snapshot.receivingUnit, id: "not-accepted")
    }

    private mutating func receive() {
        guard let received = snapshot.receivedAt else { return }
        let due = receiptDue()
        let event = DossierReceived.with {
            $0.dossierID = id
            $0.procedureCode = snapshot.procedureCode
            $0.competentUnit = snapshot.competentUnit
            $0.receivingUnit = snapshot.receivingUnit
            $0.channel = snapshot.channel
            $0.applicantKind = snapshot.applicantKind
            let (seconds, nanos) = timestampParts(received.micros)
            $0.receivedAt = .init(seconds: seconds, nanos: nanos)
            if let due {
                let (seconds, nanos) = timestampParts(due)
                $0.dueAt = .init(seconds: seconds, nanos: nanos)
            }
            $0.digitized = snapshot.digitized
            $0.documentsRequired = snapshot.documentsRequired
            $0.documentsReused = snapshot.documentsReused
            $0.onlinePayment = snapshot.onlinePayment
        }
        emit(.dossierReceived(event), at: received.micros, actor: snapshot.receivingUnit, id: "received")
    }

    /// The due date given at receipt.
    ///
    /// `NgayHenTra` is the due date in force at the export: it already counts the closed pauses.
    /// The one given at receipt is the first pause's `NgayHenTraTruoc` when the row has it (JSON
    /// lines); otherwise it is worked back from `NgayHenTra` with the due-date rule — the
    /// processing days that give `NgayHenTra` with the pauses give the receipt's date without
    /// them — so that the ledger holds the date the applicant was first given.
    private func receiptDue() -> Int64? {
        guard let due = snapshot.dueAt, let received = snapshot.receivedAt else { return nil }
        if let before = snapshot.pauses.first?.dueBefore { return before.micros }
        let closed: [DueDateRule.Pause] = snapshot.pauses.compactMap { pause in
            guard let end = pause.end else { return nil }
            return (
                from: VietnamTime.localDate(utcMicroseconds: pause.start.micros),
                to: VietnamTime.localDate(utcMicroseconds: end.micros)
            )
        }
        guard !closed.isEmpty else { return due.micros }
        let receivedDay = VietnamTime.localDate(utcMicroseconds: received.micros)
        let dueDay = VietnamTime.localDate(utcMicroseconds: due.micros)
        func paused(_ days: Int) -> LocalDate {
            DueDateRule.dueDate(receivedOn: receivedDay, processingDays: days, pauses: closed, calendar: calendar)
                ?? dueDay
        }
        var low = 0
        var high = max(0, receivedDay.days(to: dueDay)) + 1
        while low < high {
            let middle = (low + high) / 2
            if paused(middle) < dueDay { low = middle + 1 } else { high = middle }
        }
        guard paused(low) == dueDay else { return due.micros }
        let unpaused = DueDateRule.dueDate(receivedOn: receivedDay, processingDays: low, calendar: calendar) ?? dueDay
        return due.micros + Int64(dueDay.days(to: unpaused)) * 86_400_000_000
    }

    /// Whether the ledger knows a pause that started after the snapshot's latest one: the
    /// snapshot predates it, or (for a finished dossier) its export leaves pauses out. Either way
    /// its `NgayHenTra` does not count that pause and says nothing about the due date in force.
    private var behindOnPauses: Bool {
        let latest = snapshot.pauses.last?.start.micros ?? .min
        return facts.pauses.contains { $0.from > latest }
    }

    /// Refuses a snapshot that contradicts a recorded end; `false` when the snapshot is older
    /// than the ledger's view (it adds nothing then): a pending status once the dossier ended,
    /// a pending status without a pause the ledger knows, a pause still open that has restarted.
    private mutating func contradictionsAndStaleness() -> Bool {
        let status = snapshot.status
        if let withdrawn = facts.withdrawnAt, status != 7 {
            problem(
                "TrangThaiHoSo",
                "dossier \(id) was withdrawn on \(Self.portalText(withdrawn)), so it cannot be in status \(statusText)")
            return false
        }
        if let resolved = facts.resolvedAt, status == 7 {
            problem(
                "TrangThaiHoSo", "dossier \(id) was resolved on \(Self.portalText(resolved)), so it cannot be withdrawn"
            )
            return false
        }
        let pending = [2, 4, 5, 6, 8].contains(status)
        let older =
            (facts.returnedAt != nil && status != 10)
            || (facts.resolvedAt != nil && pending)
            || (behindOnPauses && pending)
            || snapshot.pauses.contains { pause in
                pause.end == nil && facts.pauses.contains { $0.from == pause.start.micros && $0.to != nil }
            }
        if older { plan.disposition = .skipped }
        return !older
    }

    private mutating func correctReceipt() {
        guard let received = snapshot.receivedAt else { return }
        let values: [(DossierCorrectionField, String)] = [
            (.procedureCode, snapshot.procedureCode),
            (.competentUnit, snapshot.competentUnit),
            (.receivingUnit, snapshot.receivingUnit),
            (.channel, snapshot.channel.jsonName),
            (.applicantKind, snapshot.applicantKind.jsonName),
            (.receivedAt, DossierFacts.correctionInstant(received.micros)),
            (.digitized, String(snapshot.digitized)),
            (.onlinePayment, String(snapshot.onlinePayment)),
            (.documentsRequired, String(snapshot.documentsRequired)),
            (.documentsReused, String(snapshot.documentsReused)),
        ]
        for (field, value) in values { correct(field, to: value) }
    }

    private mutating func correct(_ field: DossierCorrectionField, to value: String) {
        let old = facts.value(of: field)
        guard old != value else { return }
        let ordinal = (facts.corrections[field.rawValue] ?? 0) + 1
        let event = DossierCorrected.with {
            $0.dossierID = id
            $0.field = field.rawValue
            $0.oldValue = old
            $0.newValue = value
            $0.reason = "import \(source)"
        }
        emit(
            .dossierCorrected(event), at: snapshot.latestInstant, actor: snapshot.competentUnit,
            id: "corrected/\(field.rawValue)/\(ordinal)/\(value)")
    }

    // MARK: Pauses and due dates

    private mutating func pauses() {
        let lastClosed = snapshot.pauses.lastIndex { $0.end != nil }
        // Close the recorded open pause first: new pauses can only start once it is closed.
        for (index, pause) in snapshot.pauses.enumerated() where pause.end != nil {
            guard facts.pauses.contains(where: { $0.from == pause.start.micros && $0.to == nil }) else { continue }
            if let finished = facts.withdrawnAt ?? facts.returnedAt {
                problem(
                    pause.fieldPrefix + "NgayTiepNhanBoSung",
                    "dossier \(id) is finished (\(Self.portalText(finished))), so the restart of its pause from "
                        + "\(pause.start.text) cannot be recorded")
                return
            }
            resume(pause, newDue: pause.dueAfter ?? (index == lastClosed ? snapshot.dueAt : nil))
        }
        for (index, pause) in snapshot.pauses.enumerated() {
            if let recorded = facts.pauses.first(where: { $0.from == pause.start.micros }) {
                if let recordedEnd = recorded.to, let end = pause.end, recordedEnd != end.micros {
                    plan.warnings.append(
                        RowProblem(
                            pause.fieldPrefix + "NgayTiepNhanBoSung",
                            "\(end.text) differs from the recorded restart (\(Self.portalText(recordedEnd))) "
                                + "of the pause "
                                + "from \(pause.start.text); a pause cannot be corrected, the recorded one stays"))
                }
                continue
            }
            let field = pause.fieldPrefix + "NgayBoSung"
            if let ended = facts.withdrawnAt ?? facts.resolvedAt ?? facts.returnedAt {
                problem(
                    field,
                    "dossier \(id) ended on \(Self.portalText(ended)), "
                        + "so the pause from \(pause.start.text) cannot be added"
                )
                return
            }
            if let open = facts.openPause {
                problem(
                    field,
                    "the clock of dossier \(id) stopped on \(Self.portalText(open.from)) "
                        + "is still stopped in the ledger, and "
                        + "the file does not say when it restarted")
                return
            }
            let (seconds, nanos) = timestampParts(pause.start.micros)
            let event = DossierSupplementRequested.with {
                $0.dossierID = id
                $0.at = .init(seconds: seconds, nanos: nanos)
                $0.reason = pause.reason
                $0.kind = pause.end == nil ? snapshot.openPauseKind : .supplement
            }
            emit(
                .dossierSupplementRequested(event), at: pause.start.micros, actor: snapshot.competentUnit,
                id: "pause/\(pause.start.text)")
            if pause.end != nil {
                resume(pause, newDue: pause.dueAfter ?? (index == lastClosed ? snapshot.dueAt : nil))
            }
        }
    }

    private mutating func resume(_ pause: DossierSnapshot.Pause, newDue: PortalInstant?) {
        guard let end = pause.end else { return }
        let (seconds, nanos) = timestampParts(end.micros)
        let event = DossierSupplementReceived.with {
            $0.dossierID = id
            $0.at = .init(seconds: seconds, nanos: nanos)
            if let newDue {
                let (seconds, nanos) = timestampParts(newDue.micros)
                $0.newDueAt = .init(seconds: seconds, nanos: nanos)
            }
        }
        emit(
            .dossierSupplementReceived(event), at: end.micros, actor: snapshot.competentUnit,
            id: "pause/\(pause.start.text)/resumed")
    }

    /// Brings the due date in force to `NgayHenTra`: a correction of the date given at receipt
    /// while it is the only one, a due-date change (hẹn lại) once it has moved.
    private mutating func dueDate() {
        guard let due = snapshot.dueAt, facts.currentDue != due.micros, !behindOnPauses else { return }
        if facts.dueChanges.isEmpty {
            correct(.dueAt, to: DossierFacts.correctionInstant(due.micros))
        } else if facts.resolvedAt == nil && facts.withdrawnAt == nil && facts.returnedAt == nil {
            let (seconds, nanos) = timestampParts(due.micros)
            let event = DossierDueDateChanged.with {
                $0.dossierID = id
                $0.newDueAt = .init(seconds: seconds, nanos: nanos)
                $0.reason = "NgayHenTra in \(source)"
            }
            emit(
                .dossierDueDateChanged(event), at: snapshot.latestInstant, actor: snapshot.competentUnit,
                id: "due/\(due.text)")
        } else {
            let current = facts.currentDue.map(Self.portalText) ?? "none"
            plan.warnings.append(
                RowProblem(
                    "NgayHenTra",
                    "\(due.text) differs from the due date in force (\(current)) of a dossier that has ended; "
                        + "the recorded one stays"))
        }
    }

    // MARK: End

    private mutating func finish() {
        switch snapshot.status {
        case 7:
            guard let at = snapshot.endAt else { return }
            if facts.withdrawnAt != nil {
                correct(.withdrawnAt, to: DossierFacts.correctionInstant(at.micros))
                return
            }
            let (seconds, nanos) = timestampParts(at.micros)
            let event = DossierWithdrawn.with {
                $0.dossierID = id
                $0.at = .init(seconds: seconds, nanos: nanos)
            }
            emit(.dossierWithdrawn(event), at: at.micros, actor: snapshot.competentUnit, id: "withdrawn")
        case 9, 10:
            guard let resolved = snapshot.resolvedAt else { return }
            if facts.resolvedAt != nil {
                if let end = snapshot.endAt { correct(.resolvedAt, to: DossierFacts.correctionInstant(end.micros)) }
            } else {
                let (seconds, nanos) = timestampParts(resolved.micros)
                let event = DossierResolved.with {
                    $0.dossierID = id
                    $0.resolvedAt = .init(seconds: seconds, nanos: nanos)
                    $0.outcome = .approved
                }
                emit(.dossierResolved(event), at: resolved.micros, actor: snapshot.competentUnit, id: "resolved")
            }
            guard snapshot.status == 10, let returned = snapshot.returnedAt else { return }
            if facts.returnedAt != nil {
                correct(.returnedAt, to: DossierFacts.correctionInstant(returned.micros))
                return
            }
            if let recorded = facts.resolvedAt, returned.micros < recorded {
                problem("NgayTra", "\(returned.text) is before the recorded resolution (\(Self.portalText(recorded)))")
                return
            }
            let (seconds, nanos) = timestampParts(returned.micros)
            let event = DossierResultReturned.with {
                $0.dossierID = id
                $0.returnedAt = .init(seconds: seconds, nanos: nanos)
            }
            emit(.dossierResultReturned(event), at: returned.micros, actor: snapshot.receivingUnit, id: "returned")
        default:
            break
        }
    }
}
