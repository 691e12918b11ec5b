/// Reads the rows of an import file, CSV or JSON lines, as ``SourceRow``s.
///
/// The format is told from the first byte: a file whose first non-blank character is `{` is JSON
/// lines, anything else CSV with a header row. ``columns`` are the CSV header, or the keys of the
/// first JSON object, from which the importer tells the kind of file.
struct RowReader {
    enum Format: Equatable {
        case csv
        case jsonl
    }

    let format: Format
    /// The header (CSV) or the keys of the first object (JSON lines).
    let columns: [String]
    /// The header row as it stands in the file (CSV only), for `--reject-file`.
    let headerRaw: [UInt8]
    private var csv: CSVReader?
    private var jsonl: JSONLReader?
    private var pending: SourceRow?

    /// Opens `source` and reads its header (CSV) or first line (JSON lines).
    ///
    /// - Throws: ``ReadFailure`` when the header cannot be read or repeats a column; the I/O
    ///   errors of ``ImportSource/open()``.
    init(source: ImportSource) throws {
        let stream = try source.open()
        if Self.startsWithObject(source) {
            format = .jsonl
            var reader = JSONLReader(stream: stream)
            let row = try reader.next().map(Self.row(from:))
            jsonl = reader
            pending = row
            columns = row.map { Array($0.fields.keys) + Array($0.lists.keys) + Array($0.malformed.keys) } ?? []
            headerRaw = []
        } else {
            format = .csv
            var reader = CSVReader(stream: stream)
            guard let header = try reader.next() else {
                throw ReadFailure(line: 1, field: "header", reason: "the file is empty: a CSV file needs a header row")
            }
            if let problem = header.problem {
                throw ReadFailure(line: header.line, field: "header", reason: "the header row \(problem.reason)")
            }
            let names = header.fields.map(trim)
            var seen = Set<String>()
            for name in names where !name.isEmpty && !seen.insert(name).inserted {
                throw ReadFailure(line: header.line, field: "header", reason: "names column \(name) twice")
            }
            columns = names
            headerRaw = header.raw
            csv = reader
        }
    }

    /// Whether the first non-blank byte of a file is `{`, looking past leading blank lines.
    private static func startsWithObject(_ source: ImportSource) -> Bool {
        guard var stream = try? source.open() else { return false }
        guard (try? stream.skipByteOrderMark()) != nil else { return false }
        var scanned = 0
        while scanned < 4096, let byte = try? stream.next() {
            scanned += 1
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            default: return byte == UInt8(ascii: "{")
            }
        }
        return false
    }

    /// Bytes consumed so far.
    var offset: Int { csv?.offset ?? jsonl?.offset ?? 0 }

    /// The next row, or `nil` at the end.
    ///
    /// - Throws: ``ReadFailure`` when a record is too long to be a row; I/O errors.
    mutating func next() throws -> SourceRow? {
        if let row = pending {
            pending = nil
            return row
        }
        if var reader = jsonl {
            defer { jsonl = reader }
            return try reader.next().map(Self.row(from:))
        }
        guard var reader = csv else { return nil }
        defer { csv = reader }
        guard let record = try reader.next() else { return nil }
        var row = SourceRow(line: record.line, raw: record.raw)
        if let problem = record.problem {
            let field = problem.field < columns.count ? columns[problem.field] : "row"
            row.problems.append(RowProblem(field.isEmpty ? "row" : field, problem.reason))
        }
        if record.fields.count != columns.count {
            row.problems.append(
                RowProblem("row", "has \(record.fields.count) fields where the header has \(columns.count)"))
        }
        row.fields.reserveCapacity(columns.count)
        for (name, value) in zip(columns, record.fields) where !name.isEmpty {
            let trimmed = trim(value)
            if !trimmed.isEmpty { row.fields[name] = trimmed }
        }
        return row
    }

    private static func row(from record: JSONLRecord) -> SourceRow {
        var row = SourceRow(line: record.line, raw: record.raw)
        switch record.object {
        case .success(let members):
            row.take(members)
        case .failure(let error):
            row.problems.append(RowProblem("json", error.description))
        }
        return row
    }
}
