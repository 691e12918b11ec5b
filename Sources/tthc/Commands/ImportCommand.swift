import ArgumentParser
import Ledger
import TTHCDomain
import TTHCImport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import one-stop exports (dossiers, procedures, units, calendar, plan tasks).",
        discussion: """
            Reads CSV (UTF-8, header row) or JSON lines. Dossier files use the national portal's field \
            names; each row is a snapshot, and only the facts the ledger does not hold yet are appended. \
            Importing a file twice appends nothing. A file is imported all or nothing: every bad row is \
            listed as FILE:LINE: field: reason and nothing is appended, unless --reject-file is given. \
            Events are appended in batches, each one transaction: if the import is interrupted, run it \
            again; what the finished batches recorded is skipped and the rest appended.
            """)

    @OptionGroup var options: LedgerOptions

    @Argument(help: ArgumentHelp("The file to import: CSV with a header row, or JSON lines.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The kind of file (default: told from its header).", valueName: "kind"))
    var kind: ImportKind?

    @Flag(name: .customLong("dry-run"), help: "Check the file and print what would be appended; write nothing.")
    var dryRun = false

    @Option(
        name: .customLong("reject-file"),
        help: ArgumentHelp("Write the bad rows here verbatim and import the others.", valueName: "file"))
    var rejectFile: String?

    @Option(
        name: .customLong("batch-size"),
        help: ArgumentHelp("Events per append: one write transaction each.", valueName: "n"))
    var batchSize = 10_000

    @Flag(name: [.short, .long], help: "Print nothing but problems (no progress, no summary).")
    var quiet = false

    func validate() throws {
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() throws {
        // Quiet: no word about bringing the projections up to date either.
        let ledger = try quiet ? DomainLedger(ledger: options.open()) : options.openDomain()
        var importOptions = ImportOptions(kind: kind, dryRun: dryRun, rejectFile: rejectFile)
        importOptions.batchSize = batchSize
        let source = ImportSource.file(path: file)
        var display = ProgressDisplay(enabled: !quiet, fileSize: ProgressDisplay.size(of: file))
        let summary: ImportSummary
        do {
            summary = try Importer(ledger: ledger).run(source, options: importOptions) { display.update($0) }
        } catch let error as ImportError {
            display.finish()
            for issue in error.issues { standardError(issue.description) }
            throw CommandFailure(message: error.summary, exitStatus: 1)
        } catch {
            display.finish()
            throw error
        }
        display.finish()
        for warning in summary.warnings { standardError("warning: \(warning)") }
        for issue in summary.rejected { standardError("rejected: \(issue)") }
        guard !quiet else { return }
        var output = OutputBuffer()
        for line in Self.summaryLines(summary, rejectFile: rejectFile) { output.line(line) }
        output.flush()
    }

    static func summaryLines(_ summary: ImportSummary, rejectFile: String?) -> [String] {
        var lines = [
            "\(summary.file) (\(summary.kind.rawValue)): \(count(summary.rowsRead, "row")) read: "
                + "\(summary.rowsChanged) with new facts, \(summary.rowsUnchanged) already recorded, "
                + "\(summary.rowsSkipped) skipped, \(summary.rowsRejected) rejected"
        ]
        if summary.rowsRejected > 0, !summary.dryRun, let rejectFile {
            lines.append("rejected rows written to \(rejectFile)")
        }
        let verb = summary.dryRun ? "would append" : "appended"
        lines.append("\(verb) \(count(summary.eventsAppended, "event"))")
        let width = summary.eventsByType.keys.map(\.count).max() ?? 0
        for (type, count) in summary.eventsByType.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(type)\(String(repeating: " ", count: width - type.count))  \(count)")
        }
        if summary.dryRun {
            lines.append("dry run: nothing was written")
        } else {
            lines.append("ledger at seq \(summary.head.seq) \(summary.head.hashHex)")
        }
        return lines
    }

    private static func count(_ value: Int, _ noun: String) -> String {
        value == 1 ? "1 \(noun)" : "\(value) \(noun)s"
    }
}

extension ImportKind: ExpressibleByArgument {}

/// Progress on standard error: a bar redrawn in place on a terminal, a line every tenth of the
/// file otherwise; nothing for small files.
private struct ProgressDisplay {
    let enabled: Bool
    let isTerminal = isatty(2) == 1
    private var lastDraw: UInt64 = 0
    private var lastTenth: [ImportProgress.Phase: Int] = [:]
    private var drawn = false

    /// Files smaller than this import in a blink: no progress for them.
    static let minimumSize = 1 << 20

    init(enabled: Bool, fileSize: Int?) {
        self.enabled = enabled && (fileSize ?? 0) >= Self.minimumSize
    }

    static func size(of path: String) -> Int? {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : nil
    }

    mutating func update(_ progress: ImportProgress) {
        guard enabled, let total = progress.totalBytes, total > 0 else { return }
        let fraction = min(1, Double(progress.bytesRead) / Double(total))
        let phase = progress.phase.rawValue
        let counts =
            progress.phase == .importing
            ? "\(progress.rows) rows, \(progress.eventsAppended) events" : "\(progress.rows) rows"
        if isTerminal {
            let now = Self.milliseconds()
            guard now - lastDraw >= 100 || fraction >= 1 else { return }
            lastDraw = now
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let percent = Int(fraction * 100)
            writeAll(fileDescriptor: 2, Array("\r\u{1B}[K\(phase) [\(bar)] \(percent)%  \(counts)".utf8))
            drawn = true
        } else {
            let tenth = Int(fraction * 10)
            guard tenth > lastTenth[progress.phase, default: -1] else { return }
            lastTenth[progress.phase] = tenth
            standardError("\(phase): \(tenth * 10)% (\(counts))")
        }
    }

    mutating func finish() {
        if drawn { writeAll(fileDescriptor: 2, Array("\r\u{1B}[K".utf8)) }
        drawn = false
    }

    private static func milliseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1000 + UInt64(spec.tv_nsec) / 1_000_000
    }
}
