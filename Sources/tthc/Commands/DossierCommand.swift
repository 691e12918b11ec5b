import ArgumentParser
import Ledger
import TTHCDomain
import TTHCReports

struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "One dossier's story: events, due dates (given and the ledger's), pauses, and its classification.")

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: "The dossier id (MaHoSo).")
    var id: String

    @Option(name: .customLong("as-of"), help: "As the ledger stood at this seq or RFC 3339 instant.")
    var asOf: AsOf?

    func run() throws {
        let domain = try ledger.openDomain(bringingUpToDate: asOf == nil)
        let through: UInt64
        let story: [String]
        if let asOf {
            through = try asOf.resolve(in: domain.ledger)
            let (state, _) = try domain.state(asOf: through)
            story = try Self.story(of: id, state: state, ledger: domain.ledger, through: through)
        } else {
            through = try domain.ledger.head().seq
            story = try domain.withState { state, _ in
                try Self.story(of: id, state: state, ledger: domain.ledger, through: through)
            }
        }
        var out = OutputBuffer()
        story.forEach { out.line($0) }
        out.flush()
    }

    static func story(of id: String, state: DomainState, ledger: Ledger, through: UInt64) throws -> [String] {
        guard let dossier = try state.dossier(id) else {
            throw CommandFailure(message: "no dossier \(id) in the ledger at seq \(through)", exitStatus: 1)
        }
        func local(_ micros: Int64) -> String { VietnamTime.formatISO8601(utcMicroseconds: micros) }
        var lines = ["dossier \(id) (as of seq \(through))"]
        lines.append(
            "  procedure \(dossier.procedureCode), competent unit \(dossier.competentUnit), "
                + "received at \(dossier.receivingUnit), \(dossier.channel.jsonName), \(dossier.applicantKind.jsonName)"
        )
        lines.append("events:")
        for event in try ledger.events(inStream: "dossier/\(id)", throughSeq: through) {
            var detail = ""
            if let decoded = try? DomainEvent(
                typeName: event.type, schemaVersion: event.schemaVersion, payload: event.payload),
                let json = try? decoded.payloadJSON()
            {
                detail = " " + json
            }
            lines.append(
                "  seq \(event.seq) \(event.type) occurred \(event.occurredAt.iso8601) "
                    + "recorded \(event.recordedAt.iso8601)\(detail)")
        }
        let calendar = try state.calendar()
        if dossier.received {
            lines.append("due dates:")
            lines.append("  given at receipt: \(dossier.givenDueKnown ? local(dossier.givenDueAt) : "none")")
            for change in dossier.dueChanges {
                lines.append(
                    "  moved to \(local(change.dueAt)) from \(local(change.effectiveAt)) (\(change.reason), seq \(change.seq))"
                )
            }
            let ledgerDue = dossier.ledgerDueDay(calendar: calendar)
            lines.append(
                "  the ledger's own: \(ledgerDue.map(\.description) ?? "none") "
                    + "(\(dossier.processingDaysKnown ? "\(dossier.processingDays) working days in force on receipt" : "procedure unknown on receipt"), "
                    + "from the next working day, shifted by paused working days)")
            if dossier.dueDateLongerThanProcedure(calendar: calendar) {
                lines.append(
                    "  FINDING: the given due date is later than the procedure allows (time cut not applied at the desk)"
                )
            }
            for pause in dossier.pauses {
                lines.append(
                    "  paused (\(pause.kind)) \(local(pause.from)) → \(pause.closed ? local(pause.to) : "still paused")"
                )
            }
            let end = dossier.endDay ?? VietnamTime.localDate(utcMicroseconds: Timestamp.now().microsecondsSinceEpoch)
            let used = calendar.workingDays(from: dossier.receivedDay.adding(days: 1), through: end)
            lines.append("  working days from receipt to \(dossier.endDay == nil ? "today" : "the end"): \(used)")
        }
        if !dossier.corrections.isEmpty {
            lines.append("corrections:")
            for correction in dossier.corrections {
                lines.append(
                    "  seq \(correction.seq) \(correction.field): \(correction.oldValue) → \(correction.newValue)")
            }
        }
        lines.append("classification:")
        var periods = [ReportPeriod]()
        for kind in [ReportPeriod.Kind.month, .quarter] {
            var period = ReportPeriod.containing(dossier.receivedDay, kind: kind)
            let last = dossier.endDay ?? period.to
            while period.from <= last {
                periods.append(period)
                period = ReportPeriod.containing(period.to.adding(days: 1), kind: kind)
            }
        }
        for period in periods {
            guard let classification = DossierClassification.classify(dossier, in: period) else { continue }
            lines.append(
                "  \(period.label) (\(period.from) … \(period.to)): " + classification.figures.joined(separator: ", ")
                    + " — " + classification.reasons.joined(separator: "; "))
        }
        return lines
    }
}
