/// One row of an import file, the same whatever the format: CSV record or JSON line.
struct SourceRow {
    /// The physical line the row starts on.
    var line: Int
    /// The row exactly as it stands in the file, for `--reject-file`.
    var raw: [UInt8]
    /// Values by column name, whitespace trimmed; an empty value or JSON `null` is absent.
    var fields: [String: String] = [:]
    /// JSON arrays of objects by key (`DanhSachHoSoBoSung`), each object's scalar members as text.
    var lists: [String: [[String: String]]] = [:]
    /// Keys whose JSON value is neither a scalar nor an array of objects: what it is instead.
    var malformed: [String: String] = [:]
    /// What was found wrong while reading, before any column was interpreted.
    var problems: [RowProblem] = []

    init(line: Int, raw: [UInt8]) {
        self.line = line
        self.raw = raw
    }
}

/// A problem with one field of a row: the column (or JSON path) and the reason.
struct RowProblem: Equatable, Sendable {
    var field: String
    var reason: String

    init(_ field: String, _ reason: String) {
        self.field = field
        self.reason = reason
    }
}

extension SourceRow {
    /// Fills `fields`, `lists` and `malformed` from a JSON object.
    mutating func take(_ members: [(key: String, value: PortalJSON)]) {
        for (key, value) in members {
            switch value {
            case .array(let elements):
                var objects: [[String: String]] = []
                for (index, element) in elements.enumerated() {
                    guard case .object(let inner) = element else {
                        malformed[key] = "an array"
                        break
                    }
                    var object: [String: String] = [:]
                    for (innerKey, innerValue) in inner {
                        switch Self.scalarText(innerValue) {
                        case .some(.some(let text)): object[innerKey] = text
                        case .some(.none): break
                        case .none:
                            problems.append(
                                RowProblem(
                                    "\(key)[\(index)].\(innerKey)",
                                    "is \(innerValue.kindDescription), not a string or a number"))
                        }
                    }
                    objects.append(object)
                }
                if malformed[key] == nil { lists[key] = objects }
            default:
                switch Self.scalarText(value) {
                case .some(.some(let text)): fields[key] = text
                case .some(.none): break
                case .none: malformed[key] = value.kindDescription
                }
            }
        }
    }

    /// The text of a scalar: `.some(nil)` for null or empty, `nil` for an array or object.
    private static func scalarText(_ value: PortalJSON) -> String?? {
        switch value {
        case .null: return .some(nil)
        case .bool(let flag): return .some(flag ? "true" : "false")
        case .number(let text): return .some(text)
        case .string(let text):
            let trimmed = trim(text)
            return .some(trimmed.isEmpty ? nil : trimmed)
        case .array, .object: return nil
        }
    }
}

/// `text` without leading and trailing spaces, tabs and line breaks.
func trim(_ text: String) -> String {
    let utf8 = text.utf8
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return text }
    guard let start = utf8.firstIndex(where: { !isSpace($0) }) else { return "" }
    let end = utf8.lastIndex(where: { !isSpace($0) })!
    return String(text[start...end])
}
