/// How to run an import.
public struct ImportOptions: Sendable {
    /// The kind of file; told from its header (or first JSON object) when `nil`.
    public var kind: ImportKind?
    /// Check everything and count what would be appended, but write nothing.
    public var dryRun = false
    /// Where to write the bad rows verbatim (a CSV file gets the header first); the others are
    /// imported. Without it, one bad row refuses the whole file.
    public var rejectFile: String?
    /// Events per ledger append (one write transaction each).
    public var batchSize = 10_000
    /// The actor of events whose rows name no unit (calendar declarations).
    public var defaultActor = "import"

    public init(kind: ImportKind? = nil, dryRun: Bool = false, rejectFile: String? = nil) {
        self.kind = kind
        self.dryRun = dryRun
        self.rejectFile = rejectFile
    }
}
