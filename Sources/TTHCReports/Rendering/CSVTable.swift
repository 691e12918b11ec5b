/// A CSV file as spreadsheets open it.
///
/// UTF-8 with a byte-order mark, because Excel reads a BOM-less file in the machine's legacy code
/// page and garbles Vietnamese; CRLF line endings and RFC 4180 quoting, so a unit name with a comma,
/// a quote or a line break stays one field.
struct CSVTable {
    private(set) var records: [[String]] = []

    /// Appends one record; an empty record is a blank line.
    mutating func append(_ record: [String]) {
        records.append(record)
    }

    /// The file's bytes.
    var bytes: [UInt8] {
        var text = ""
        for record in records {
            text += record.map(Self.field).joined(separator: ",")
            text += "\r\n"
        }
        return Self.byteOrderMark + Array(text.utf8)
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// `text` as one field: quoted, with quotes doubled, when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
