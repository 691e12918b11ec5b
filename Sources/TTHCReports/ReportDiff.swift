import Ledger
import TTHCDomain

/// An issued report compared with the same report now (SPEC §6 `report diff`): whether the issue
/// still reproduces byte for byte, every figure that changed, and the events recorded since that
/// changed them.
public struct ReportDiff: Sendable {
    /// A figure whose value differs.
    public struct ChangedFigure: Sendable, Equatable {
        public var path: String
        public var old: String
        public var new: String
    }

    /// An event recorded after the report's position that changed how a dossier counts.
    public struct Cause: Sendable, Equatable {
        public var seq: UInt64
        public var type: String
        public var subject: String
        public var occurredAt: Timestamp
        public var recordedAt: Timestamp
        /// `occurredAt` inside the reported period but recorded after the issue.
        public var backDated: Bool
        public var isCorrection: Bool
        /// Figures the dossier left and joined, e.g. `-pending.overdue`, `+resolved.late`.
        public var figureChanges: [String]
    }

    public var issuedEventSeq: UInt64
    public var issued: ReportIssued
    /// Whether recomputing at the recorded position gives the recorded SHA-256.
    public var reproduces: Bool
    public var recomputedDigest: String
    public var current: LedgerPosition
    public var changes: [ChangedFigure]
    public var causes: [Cause]

    /// Compares the `ReportIssued` event at `issuedEventSeq` (the latest for the period when
    /// `nil`) with the report now.
    public static func compute(
        _ request: ReportRequest, issuedEventSeq: UInt64?, ledger domain: DomainLedger
    ) throws -> ReportDiff {
        guard let period = request.period else { throw LedgerError(.invalidInput, "no such period: \(request)") }
        let issuedReports = try domain.withState { state, _ in try state.issuedReports() }
            .filter { $0.report.kind == request.kind && $0.report.period == period.label }
        let chosen =
            issuedEventSeq.map { seq in issuedReports.first { $0.seq == seq } }
            ?? issuedReports.last
        guard let (eventSeq, issued) = chosen else {
            throw LedgerError(
                .invalidInput,
                "no \(request.kind) report for \(period.label) was issued"
                    + (issuedEventSeq.map { " at seq \($0)" } ?? "") + "; issue one with `tthc report … --issue`")
        }
        let (oldState, oldPosition) = try domain.state(asOf: issued.seq)
        let old = try request.compute(state: oldState, position: oldPosition)
        let digest = old.jsonDigest
        let (current, causes) = try domain.withState { state, position -> (ComputedReport, [Cause]) in
            let now = try request.compute(state: state, position: position)
            let issueTime = try domain.ledger.event(at: eventSeq)?.recordedAt ?? Timestamp(microsecondsSinceEpoch: 0)
            let causes = try Self.causes(
                after: issued.seq, through: position.seq, period: period, oldState: oldState, newState: state,
                issueTime: issueTime, ledger: domain.ledger)
            return (now, causes)
        }
        let before = Dictionary(old.figures(), uniquingKeysWith: { first, _ in first })
        let after = Dictionary(current.figures(), uniquingKeysWith: { first, _ in first })
        let paths = Set(before.keys).union(after.keys).sorted()
        let changes = paths.compactMap { path -> ChangedFigure? in
            let oldValue = before[path] ?? "absent"
            let newValue = after[path] ?? "absent"
            return oldValue == newValue ? nil : ChangedFigure(path: path, old: oldValue, new: newValue)
        }
        return ReportDiff(
            issuedEventSeq: eventSeq, issued: issued, reproduces: digest == issued.jsonSha256,
            recomputedDigest: digest, current: current.position, changes: changes, causes: causes)
    }

    private static func causes(
        after seq: UInt64, through head: UInt64, period: ReportPeriod, oldState: DomainState, newState: DomainState,
        issueTime: Timestamp, ledger: Ledger
    ) throws -> [Cause] {
        var causes = [Cause]()
        var seen = Set<String>()
        try ledger.scan(from: seq + 1, through: head) { view in
            let type = view.type
            guard
                let event = try? DomainEvent(
                    typeName: type, schemaVersion: view.schemaVersion, payload: Array(view.payload)),
                let id = DomainProjection.dossierId(of: event)
            else { return true }
            let occurred = view.occurredAt
            let backDated =
                period.contains(VietnamTime.localDate(utcMicroseconds: occurred.microsecondsSinceEpoch))
                && view.recordedAt > issueTime
            let oldFigures =
                try oldState.dossier(id).flatMap { DossierClassification.classify($0, in: period) }?.figures ?? []
            let newFigures =
                try newState.dossier(id).flatMap { DossierClassification.classify($0, in: period) }?.figures ?? []
            var changes = oldFigures.filter { !newFigures.contains($0) }.map { "-" + $0 }
            changes += newFigures.filter { !oldFigures.contains($0) }.map { "+" + $0 }
            // Name each dossier's net change once, at the first event that touched it.
            if !changes.isEmpty || backDated || type == "DossierCorrected" {
                let firstForDossier = seen.insert(id).inserted
                causes.append(
                    Cause(
                        seq: view.seq, type: type, subject: id, occurredAt: occurred, recordedAt: view.recordedAt,
                        backDated: backDated, isCorrection: type == "DossierCorrected",
                        figureChanges: firstForDossier ? changes : []))
            }
            return true
        }
        return causes
    }
}
