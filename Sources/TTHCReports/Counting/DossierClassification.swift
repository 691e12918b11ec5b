import TTHCDomain

/// How one dossier counts in one report period under the counting rules of SPEC §5.1, with the
/// reasons in words. Reports sum classifications; `tthc trace` and `tthc dossier` show them, so
/// the items behind a figure always add up to it.
public struct DossierClassification: Sendable, Equatable {
    /// Column 4–6 of form 06: how it entered the period's workload.
    public enum Received: String, Sendable {
        /// Trong kỳ: trực tuyến.
        case online
        /// Trong kỳ: trực tiếp, dịch vụ bưu chính.
        case directOrPostal
        /// Từ kỳ trước chuyển sang.
        case carriedOver
    }

    /// Columns 8–10: how it was resolved within the period.
    public enum Resolved: String, Sendable {
        case early, onTime, late
    }

    /// Columns 12–13: how it stands at the period's end.
    public enum Pending: String, Sendable {
        case withinDeadline, overdue
    }

    public var received: Received
    public var resolved: Resolved?
    public var pending: Pending?
    /// Why, in order: receipt, end, due date compared.
    public var reasons: [String]

    /// The quarterly figure names it counts in, e.g. `received.total`, `resolved.late`.
    public var figures: [String] {
        var names = ["received.total", "received.\(received.rawValue)"]
        if let resolved { names += ["resolved.total", "resolved.\(resolved.rawValue)"] }
        if let pending { names += ["pending.total", "pending.\(pending.rawValue)"] }
        return names
    }

    /// Classifies `dossier` for `period`; `nil` when it does not count in it at all (not
    /// accepted, received after the period, or ended before it).
    ///
    /// R = receipt date, E = end date (resolution; withdrawal date for withdrawn), D = the due
    /// date in force at the time compared, all local dates.
    public static func classify(_ dossier: DossierState, in period: ReportPeriod) -> DossierClassification? {
        classify(dossier, in: period, explaining: true)
    }

    /// Classifies a dossier or its ``DossierFacts`` by the same rules, with the reasons in words
    /// only when `explaining` (reports sum hundreds of thousands and need none).
    static func classify<Dossier: CountedDossier>(
        _ dossier: Dossier, in period: ReportPeriod, explaining: Bool
    ) -> DossierClassification? {
        guard dossier.isAccepted else { return nil }
        let receivedDay = dossier.receivedDay
        let endDay = dossier.endDay
        guard receivedDay <= period.to else { return nil }
        if let endDay, endDay < period.from { return nil }

        var reasons = [String]()
        func explain(_ reason: @autoclosure () -> String) {
            if explaining { reasons.append(reason()) }
        }
        let received: Received
        if receivedDay < period.from {
            received = .carriedOver
            explain("received \(receivedDay), before the period: carried over")
        } else if dossier.channel == .online {
            received = .online
            explain("received \(receivedDay) online")
        } else {
            received = .directOrPostal
            explain("received \(receivedDay) \(dossier.channel == .postal ? "by post" : "at the desk")")
        }

        var classification = DossierClassification(received: received, resolved: nil, pending: nil, reasons: [])
        if let endDay, endDay <= period.to, let endedAt = dossier.endedAt {
            if dossier.withdrawn && !dossier.resolved {
                classification.resolved = .onTime
                explain("withdrawn \(endDay): counts as on time")
            } else if let due = dossier.dueAt(asOf: endedAt).map(VietnamTime.localDate(utcMicroseconds:)) {
                let kind: Resolved = endDay < due ? .early : endDay == due ? .onTime : .late
                classification.resolved = kind
                explain("resolved \(endDay), due \(due): \(kind.rawValue)")
            } else {
                classification.resolved = .onTime
                explain("resolved \(endDay) with no due date: counts as on time")
            }
        } else {
            let due = dossier.dueDay(asOfEndOf: period.to)
            if dossier.isPaused(on: period.to) {
                classification.pending = .withinDeadline
                explain("open at \(period.to), clock stopped for a supplement: within the deadline")
            } else if let due, due < period.to {
                classification.pending = .overdue
                explain("open at \(period.to), due \(due): overdue")
            } else if let due {
                classification.pending = .withinDeadline
                explain("open at \(period.to), due \(due): within the deadline")
            } else {
                classification.pending = .withinDeadline
                explain("open at \(period.to) with no due date: within the deadline")
            }
        }
        classification.reasons = reasons
        return classification
    }
}
