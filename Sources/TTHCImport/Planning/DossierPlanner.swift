import TTHCDomain

/// Dossier files in the national portal's field names (SPEC.md §4): each row is a snapshot of a
/// dossier, turned by ``DossierDiff`` into the events the ledger lacks.
///
/// Status 1 (registered, not yet a dossier under processing) records nothing. The ledger's view
/// of a dossier planned in this file but not yet appended is kept here, so that a file may hold
/// several snapshots of one dossier.
struct DossierPlanner: RowPlanner {
    var references: ReferenceData
    /// The file's name, cited as the reason of corrections.
    let source: String
    private var planned: [String: DossierFacts] = [:]

    init(references: ReferenceData, source: String, expectedRows: Int = 0) {
        self.references = references
        self.source = source
        planned.reserveCapacity(min(expectedRows, 1 << 22))
    }

    mutating func plan(_ row: SourceRow, state: DomainState) throws -> RowPlan {
        var reader = FieldReader(row)
        guard let snapshot = DossierSnapshot.read(&reader, references: references) else {
            return RowPlan(problems: reader.problems)
        }
        if snapshot.status == 1 {
            var plan = RowPlan()
            plan.disposition = .skipped
            return plan
        }
        let known = try planned[snapshot.id] ?? state.dossier(snapshot.id).map(DossierFacts.init)
        var diff = DossierDiff(
            snapshot: snapshot, facts: known ?? DossierFacts(), source: source, calendar: references.calendar)
        diff.run()
        if diff.plan.problems.isEmpty && !diff.plan.entries.isEmpty {
            planned[snapshot.id] = diff.facts
        }
        return diff.plan
    }

    mutating func committed() {
        planned.removeAll(keepingCapacity: true)
    }
}
