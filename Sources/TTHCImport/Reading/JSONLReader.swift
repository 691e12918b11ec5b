/// One line of a JSON lines file.
struct JSONLRecord {
    /// The physical line (from 1).
    var line: Int
    /// The line exactly as it stands in the file, line break included.
    var raw: [UInt8]
    /// The object's members, or why the line is not one JSON object.
    var object: Result<[(key: String, value: PortalJSON)], JSONSyntaxError>
}

/// Reads JSON lines: one JSON object per line, UTF-8 with or without a byte order mark, LF or
/// CRLF line breaks; blank lines are skipped.
///
/// A line that is not a JSON object spoils only itself. A line longer than
/// ``ReadLimits/recordBytes`` stops the reading.
struct JSONLReader {
    private var stream: ByteStream
    private var line = 0
    private var started = false
    private var raw: [UInt8] = []

    init(stream: ByteStream) {
        self.stream = stream
    }

    /// Bytes consumed so far.
    var offset: Int { stream.offset }

    /// The next non-blank line, or `nil` at the end of the file.
    ///
    /// - Throws: ``ReadFailure`` when a line is longer than ``ReadLimits/recordBytes``.
    mutating func next() throws -> JSONLRecord? {
        if !started {
            started = true
            try stream.skipByteOrderMark()
        }
        while true {
            raw.removeAll(keepingCapacity: true)
            line += 1
            while true {
                _ = stream.take(into: &raw) { $0 != UInt8(ascii: "\n") }
                if raw.count > ReadLimits.recordBytes {
                    throw ReadFailure(line: line, reason: "a line is longer than \(ReadLimits.recordBytes) bytes")
                }
                guard let byte = try stream.next() else { break }
                raw.append(byte)
                if byte == UInt8(ascii: "\n") { break }
            }
            let blank = raw.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
            if raw.isEmpty { return nil }
            if blank { continue }
            var content = raw
            if content.last == UInt8(ascii: "\n") { content.removeLast() }
            if content.last == UInt8(ascii: "\r") { content.removeLast() }
            let object: Result<[(key: String, value: PortalJSON)], JSONSyntaxError>
            do {
                let value = try PortalJSONParser.parse(content)
                if case .object(let members) = value {
                    object = .success(members)
                } else {
                    object = .failure(
                        JSONSyntaxError(
                            column: 0, reason: "a line must hold one JSON object, not \(value.kindDescription)"))
                }
            } catch {
                object = .failure(error)
            }
            return JSONLRecord(line: line, raw: raw, object: object)
        }
    }
}
