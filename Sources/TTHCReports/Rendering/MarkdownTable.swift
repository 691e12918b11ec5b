/// A GitHub-flavoured Markdown table.
///
/// Cells are Markdown already: escape plain text with ``escape(_:)`` before putting it in a cell,
/// so that a `|` in a unit name does not split the row.
struct MarkdownTable {
    enum Alignment {
        case left, right, center
    }

    struct Column {
        var title: String
        var alignment: Alignment
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(columns: [Column]) {
        self.columns = columns
    }

    mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table, one line per row, without a final line break.
    func render() -> String {
        var lines = [line(columns.map { Self.escape($0.title) })]
        lines.append(
            line(
                columns.map { column in
                    switch column.alignment {
                    case .left: ":---"
                    case .right: "---:"
                    case .center: ":---:"
                    }
                }))
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }

    private func line(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    /// Plain text as Markdown that shows it literally: Markdown's punctuation is backslash-escaped
    /// and line breaks become spaces, since a table row is one line.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "|", "<", ">", "*", "_", "`", "[", "]": out += "\\" + String(character)
            case "\n", "\r", "\r\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// Bold text (the cell is Markdown: escape plain text first).
    static func strong(_ markdown: String) -> String {
        markdown.isEmpty ? "" : "**" + markdown + "**"
    }
}
