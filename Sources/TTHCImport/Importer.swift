import Ledger
import TTHCDomain

/// Imports one file into a domain ledger: checks every row, then appends the events the rows
/// add, in batches.
///
/// **All or nothing.** The first pass reads and checks every row against the ledger and the rows
/// before it — without writing — and collects every problem. Any problem refuses the file
/// (``ImportError``) unless a reject file is given, in which case the bad rows go there and the
/// others are imported. The second pass reads the file again and appends, ``ImportOptions/batchSize``
/// events per write transaction; the first pass has already found what the ledger's own rules
/// would refuse, so a batch fails only if the ledger changed in between.
///
/// **Idempotent.** Every event id derives from the source facts (`import/dossier/<MaHoSo>/received`,
/// `…/pause/<NgayBoSung>`, `import/procedure/<MaTTHC>/time-cut/<NgayHieuLuc>/<days>`, …) and
/// every row is compared with what the ledger already holds: importing a file twice appends
/// nothing, a later snapshot appends only its new facts.
///
/// **Crash.** Each batch is one transaction: a crash (even SIGKILL) leaves the batches committed
/// before it and nothing of the one in flight. Running the import again plans against the ledger
/// as it stands, skips what the committed batches recorded, and appends exactly the events an
/// uninterrupted run would have appended after them.
///
/// ```swift
/// let importer = Importer(ledger: try DomainLedger(directory: path))
/// let summary = try importer.run(.file(path: "Fixtures/dossiers.csv"))
/// summary.eventsByType["DossierReceived"]
/// ```
public final class Importer {
    public let ledger: DomainLedger

    public init(ledger: DomainLedger) {
        self.ledger = ledger
    }

    /// Imports `source`.
    ///
    /// - Parameter progress: called now and then from the calling thread while the import runs.
    /// - Throws: ``ImportError`` when rows are bad (nothing appended unless stated), a
    ///   `LedgerError` when the file cannot be read or the ledger cannot be written.
    @discardableResult
    public func run(
        _ source: ImportSource, options: ImportOptions = ImportOptions(),
        progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ImportSummary {
        var run = try ImportRun(importer: self, source: source, options: options, progress: progress)
        try run.check()
        if options.dryRun { return run.summary }
        try run.append()
        run.summary.head = try ledger.ledger.head()
        return run.summary
    }

    /// A planner for `kind` over `state`; `wholeFile` when it will see every row without an
    /// append in between (the first pass), so that it makes room for them up front.
    func makePlanner(
        kind: ImportKind, state: DomainState, source: ImportSource, options: ImportOptions, wholeFile: Bool
    ) throws -> any RowPlanner {
        let references = try ReferenceData(state: state, kind: kind)
        switch kind {
        case .dossiers:
            // About 150 bytes a row.
            let expectedRows = wholeFile ? (source.size() ?? 0) / 150 : 0
            return DossierPlanner(references: references, source: source.baseName, expectedRows: expectedRows)
        case .procedures: return ProcedurePlanner(references: references)
        case .units: return UnitPlanner(references: references)
        case .calendar: return CalendarPlanner(references: references, actor: options.defaultActor)
        case .plan: return PlanTaskPlanner(references: references, defaultActor: options.defaultActor)
        }
    }
}

/// The state of one import between its two passes.
private struct ImportRun {
    let importer: Importer
    let source: ImportSource
    let options: ImportOptions
    let progress: ((ImportProgress) -> Void)?
    let kind: ImportKind
    let totalBytes: Int?
    var summary: ImportSummary
    /// Lines of the rows refused so far; the second pass skips them.
    var rejectedLines = Set<Int>()
    var rejects: RejectWriter?
    var headerRaw: [UInt8]

    private var file: String { source.displayName }
    private var ledger: DomainLedger { importer.ledger }

    init(
        importer: Importer, source: ImportSource, options: ImportOptions, progress: ((ImportProgress) -> Void)?
    ) throws {
        self.importer = importer
        self.source = source
        self.options = options
        self.progress = progress
        totalBytes = source.size()
        let reader = try Self.openReader(source)
        let file = source.displayName
        guard let kind = options.kind ?? ImportKind.detect(columns: reader.columns) else {
            let known = ImportKind.allCases.map(\.rawValue).joined(separator: "|")
            throw ImportError(
                issues: [
                    ImportIssue(
                        file: file, line: 1, field: "header",
                        reason: "cannot tell the kind of file from its columns; pass --kind \(known)")
                ], unreadable: true)
        }
        if reader.format == .csv {
            let missing = kind.requiredColumns.filter { !reader.columns.contains($0) }
            if !missing.isEmpty {
                throw ImportError(
                    issues: missing.map {
                        ImportIssue(
                            file: file, line: 1, field: $0,
                            reason: "is missing from the header (a \(kind.rawValue) file needs "
                                + kind.requiredColumns.joined(separator: ", ") + ")")
                    }, unreadable: true)
            }
        }
        self.kind = kind
        headerRaw = reader.headerRaw
        summary = ImportSummary(file: file, kind: kind, dryRun: options.dryRun)
    }

    private static func openReader(_ source: ImportSource) throws -> RowReader {
        do {
            return try RowReader(source: source)
        } catch let failure as ReadFailure {
            throw ImportError(
                issues: [
                    ImportIssue(
                        file: source.displayName, line: failure.line, field: failure.field, reason: failure.reason)
                ], unreadable: true)
        }
    }

    private func issue(_ line: Int, _ problem: RowProblem) -> ImportIssue {
        ImportIssue(file: file, line: line, field: problem.field, reason: problem.reason)
    }

    private mutating func reject(_ row: SourceRow, _ problems: [RowProblem]) throws {
        rejectedLines.insert(row.line)
        let issues = problems.map { issue(row.line, $0) }
        summary.rejected.append(contentsOf: issues)
        summary.rowsRejected += 1
        if let rejects { try rejects.write(row.raw) }
    }

    // MARK: First pass

    /// Reads and checks every row; in a dry run, counts the events that would be appended.
    mutating func check() throws {
        var reader = try Self.openReader(source)
        if let path = options.rejectFile, !options.dryRun {
            rejects = try RejectWriter(path: path, header: headerRaw)
        }
        var wouldAppend = Set<String>()
        var rows = 0
        try ledger.withState { state, _ in
            var planner = try importer.makePlanner(
                kind: kind, state: state, source: source, options: options, wholeFile: true)
            while let row = try next(&reader) {
                rows += 1
                summary.rowsRead += 1
                let plan = try Self.plan(row, with: &planner, state: state)
                if !plan.problems.isEmpty {
                    try reject(row, plan.problems)
                    continue
                }
                summary.warnings.append(contentsOf: plan.warnings.map { issue(row.line, $0) })
                if options.dryRun {
                    var added = false
                    for entry in plan.entries {
                        guard let id = entry.eventId, !wouldAppend.contains(id),
                            try ledger.ledger.seq(ofEventId: id) == nil
                        else { continue }
                        wouldAppend.insert(id)
                        summary.eventsByType[entry.event.typeName, default: 0] += 1
                        added = true
                    }
                    count(plan.disposition, added: added)
                }
                if rows % 1000 == 0 { report(.checking, bytes: reader.offset, rows: rows) }
            }
            report(.checking, bytes: reader.offset, rows: rows)
        }
        if !summary.rejected.isEmpty && options.rejectFile == nil {
            throw ImportError(issues: summary.rejected)
        }
    }

    /// The plan of a row; a row that could not be read whole (not JSON, a wrong number of
    /// fields) says nothing reliable about its columns, so only that is reported.
    private static func plan(
        _ row: SourceRow, with planner: inout any RowPlanner, state: DomainState
    ) throws
        -> RowPlan
    {
        guard row.problems.isEmpty else { return RowPlan(problems: row.problems) }
        return try planner.plan(row, state: state)
    }

    private mutating func count(_ disposition: RowPlan.Disposition, added: Bool) {
        if disposition == .skipped {
            summary.rowsSkipped += 1
        } else if added {
            summary.rowsChanged += 1
        } else {
            summary.rowsUnchanged += 1
        }
    }

    private func next(_ reader: inout RowReader) throws -> SourceRow? {
        do {
            return try reader.next()
        } catch let failure as ReadFailure {
            throw ImportError(
                issues: summary.rejected + [
                    ImportIssue(file: file, line: failure.line, field: failure.field, reason: failure.reason)
                ],
                appendedBefore: summary.eventsAppended, unreadable: true)
        }
    }

    private func report(_ phase: ImportProgress.Phase, bytes: Int, rows: Int) {
        progress?(
            ImportProgress(
                phase: phase, bytesRead: bytes, totalBytes: totalBytes, rows: rows,
                eventsAppended: summary.eventsAppended))
    }

    // MARK: Second pass

    /// A batch being built: its rows, their events, and which row each event came from.
    private struct Batch {
        var rows: [SourceRow] = []
        var plans: [RowPlan] = []
        var entries: [DomainLedger.Entry] = []
        /// For each entry, the index of its row in `rows`.
        var rowOfEntry: [Int] = []

        mutating func add(_ row: SourceRow, _ plan: RowPlan) {
            rowOfEntry.append(contentsOf: repeatElement(rows.count, count: plan.entries.count))
            rows.append(row)
            plans.append(plan)
            entries.append(contentsOf: plan.entries)
        }
    }

    /// Reads the file again and appends the events of the good rows, batch by batch.
    mutating func append() throws {
        var reader = try Self.openReader(source)
        var planner: (any RowPlanner)?
        var rows = 0
        var finished = false
        while !finished {
            var batch = Batch()
            let checkpoint = planner
            try ledger.withState { state, _ in
                if planner == nil {
                    planner = try importer.makePlanner(
                        kind: kind, state: state, source: source, options: options, wholeFile: false)
                }
                while batch.entries.count < options.batchSize {
                    guard let row = try next(&reader) else {
                        finished = true
                        break
                    }
                    rows += 1
                    if rejectedLines.contains(row.line) { continue }
                    batch.add(row, try plan(row, with: &planner, state: state))
                }
            }
            try commit(&batch, planner: &planner, checkpoint: checkpoint)
            planner?.committed()
            report(.importing, bytes: reader.offset, rows: rows)
        }
    }

    private mutating func plan(
        _ row: SourceRow, with planner: inout (any RowPlanner)?, state: DomainState
    ) throws
        -> RowPlan
    {
        guard var current = planner else { return RowPlan() }
        defer { planner = current }
        let plan = try Self.plan(row, with: &current, state: state)
        if !plan.problems.isEmpty {
            // The ledger changed since the first pass (another writer).
            guard options.rejectFile != nil else {
                throw ImportError(
                    issues: plan.problems.map { issue(row.line, $0) }, appendedBefore: summary.eventsAppended)
            }
            try reject(row, plan.problems)
            return RowPlan()
        }
        return plan
    }

    /// Appends a batch; when the ledger refuses one of its events, rejects that row (or fails,
    /// without a reject file) and plans the batch again from `checkpoint` without it.
    private mutating func commit(
        _ batch: inout Batch, planner: inout (any RowPlanner)?, checkpoint: (any RowPlanner)?
    ) throws {
        while true {
            guard !batch.entries.isEmpty else {
                for plan in batch.plans { count(plan.disposition, added: false) }
                return
            }
            let before = try ledger.ledger.head().seq
            do {
                let outcome = try ledger.append(batch.entries)
                var latest = before
                var rowsAdded = Set<Int>()
                for (index, seq) in outcome.seqs.enumerated() where seq > latest {
                    latest = seq
                    summary.eventsByType[batch.entries[index].event.typeName, default: 0] += 1
                    rowsAdded.insert(batch.rowOfEntry[index])
                }
                for (index, plan) in batch.plans.enumerated() {
                    count(plan.disposition, added: rowsAdded.contains(index))
                }
                return
            } catch let error as DomainValidationError {
                guard let index = batch.entries.firstIndex(where: { $0.eventId == error.eventId }) else { throw error }
                let row = batch.rows[batch.rowOfEntry[index]]
                let problem = RowProblem(
                    EventFieldColumns.column(type: error.type, field: error.field, kind: kind),
                    "\(error.reason) (\(error.type) refused by the ledger)")
                guard options.rejectFile != nil else {
                    throw ImportError(issues: [issue(row.line, problem)], appendedBefore: summary.eventsAppended)
                }
                try reject(row, [problem])
                let rows = batch.rows
                batch = Batch()
                planner = checkpoint
                try ledger.withState { state, _ in
                    if planner == nil {
                        planner = try importer.makePlanner(
                            kind: kind, state: state, source: source, options: options, wholeFile: false)
                    }
                    for row in rows where !rejectedLines.contains(row.line) {
                        batch.add(row, try plan(row, with: &planner, state: state))
                    }
                }
            }
        }
    }
}
