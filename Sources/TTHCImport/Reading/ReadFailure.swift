/// A problem that stops reading a file altogether: nothing after it can be trusted to be split
/// into rows correctly (an unclosed quote that swallows the rest of the file, a line too long).
struct ReadFailure: Error, Equatable {
    /// The physical line where the problem starts.
    var line: Int
    /// `header` for a problem with the header row, `row` otherwise.
    var field = "row"
    var reason: String
}

/// Upper bounds that keep a hostile or broken file from exhausting memory.
enum ReadLimits {
    /// The longest record (CSV) or line (JSONL), in bytes.
    static let recordBytes = 1 << 20
    /// The deepest nesting of JSON arrays and objects.
    static let jsonDepth = 32
}
