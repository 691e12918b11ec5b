/// One problem with one row of an import file, as `FILE:LINE: field: reason`.
///
/// `field` is the column name (or JSON key) at fault, `row` when the row as a whole is, `json`
/// when a line is not JSON; a problem with the file as a whole has no line.
public struct ImportIssue: Sendable, Hashable, CustomStringConvertible {
    /// The file as it was named on the command line.
    public var file: String
    /// The physical line the row starts on (from 1), or `nil` for the file as a whole.
    public var line: Int?
    public var field: String
    public var reason: String

    public init(file: String, line: Int?, field: String, reason: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }

    /// `FILE:LINE: field: reason`.
    public var description: String {
        if let line { return "\(file):\(line): \(field): \(reason)" }
        return "\(file): \(field): \(reason)"
    }
}
