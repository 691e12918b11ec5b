import Ledger

/// What an import did (or, in a dry run, would do).
public struct ImportSummary: Sendable {
    /// The file as named.
    public var file: String
    public var kind: ImportKind
    public var dryRun: Bool
    /// Rows read, header and blank lines excluded.
    public var rowsRead = 0
    /// Rows that added at least one event.
    public var rowsChanged = 0
    /// Rows whose facts the ledger already holds.
    public var rowsUnchanged = 0
    /// Rows with nothing to record: status 1 (registered, not yet a dossier under processing), or
    /// a snapshot older than what the ledger already holds.
    public var rowsSkipped = 0
    /// Rows written to the reject file.
    public var rowsRejected = 0
    /// Events appended (or that a dry run would append), by type.
    public var eventsByType: [String: Int] = [:]
    /// The problems of the rejected rows.
    public var rejected: [ImportIssue] = []
    /// Facts in the file that disagree with the ledger but cannot be recorded (a pause's end
    /// differs from the recorded one, …): kept as recorded, reported here.
    public var warnings: [ImportIssue] = []
    /// The ledger's head after the import.
    public var head: LedgerPosition = .genesis

    public init(file: String, kind: ImportKind, dryRun: Bool) {
        self.file = file
        self.kind = kind
        self.dryRun = dryRun
    }

    /// Events appended, all types.
    public var eventsAppended: Int { eventsByType.values.reduce(0, +) }
}

/// Where an import stands, for a progress display.
public struct ImportProgress: Sendable {
    public enum Phase: String, Sendable {
        /// Reading and checking every row; nothing is written.
        case checking
        /// Appending the events, batch by batch.
        case importing
    }

    public var phase: Phase
    public var bytesRead: Int
    /// The file's size, when known.
    public var totalBytes: Int?
    public var rows: Int
    /// Events appended so far (importing phase).
    public var eventsAppended: Int
}
