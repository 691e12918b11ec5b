/// An import that was refused: every bad row, and what, if anything, was appended before.
///
/// When the rows are checked before anything is written (always, for problems the importer can
/// see in the file and the ledger), `appendedBefore` is 0 and the ledger is untouched. A problem
/// only the ledger's own validation finds while appending a later batch of a large file leaves
/// the earlier batches appended; re-running the import once the row is fixed appends the rest,
/// since every event id derives from the source facts.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    /// Every problem found, in file order.
    public var issues: [ImportIssue]
    /// Events appended by earlier batches before the failure (0 when nothing was written).
    public var appendedBefore: Int
    /// The file as a whole could not be read as an import file (its header, its kind, a record
    /// too long to be a row); `issues` then ends with why.
    public var unreadable: Bool

    public init(issues: [ImportIssue], appendedBefore: Int = 0, unreadable: Bool = false) {
        self.issues = issues
        self.appendedBefore = appendedBefore
        self.unreadable = unreadable
    }

    /// How many distinct rows are at fault.
    public var badRowCount: Int {
        Set(issues.map { $0.line ?? 0 }).count
    }

    /// One line for the end of the report.
    public var summary: String {
        let rows = badRowCount == 1 ? "1 invalid row" : "\(badRowCount) invalid rows"
        if unreadable {
            return appendedBefore > 0
                ? "stopped after appending \(appendedBefore) events: the rest of the file cannot be read"
                : "nothing imported: the file cannot be read as an import file"
        }
        if appendedBefore > 0 {
            return "\(rows); stopped after appending \(appendedBefore) events of earlier rows "
                + "(fix the row and import the file again: what is already recorded is skipped)"
        }
        return "nothing imported: \(rows) (fix them, or pass --reject-file F to import the others)"
    }

    public var description: String {
        (issues.map(\.description) + [summary]).joined(separator: "\n")
    }
}
