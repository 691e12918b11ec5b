/// One record of a CSV file.
struct CSVRecord {
    /// The physical line (from 1) the record starts on; a quoted field may span several lines.
    var line: Int
    var fields: [String]
    /// The record exactly as it stands in the file, line break included.
    var raw: [UInt8]
    /// The first syntax problem in the record, if any: the index of the field and the reason.
    var problem: (field: Int, reason: String)?
}

/// Reads CSV as RFC 4180 defines it, from UTF-8 with or without a byte order mark.
///
/// Records end at CRLF, LF or a lone CR; fields are separated by commas; a field in double quotes
/// may hold commas, line breaks and doubled quotes (`""`). Blank lines are skipped. A syntax
/// problem spoils only its record: reading goes on with the next one, so that every bad row of
/// a file can be reported at once. Only a record longer than ``ReadLimits/recordBytes`` stops
/// the reading, since an unclosed quote would otherwise swallow the rest of the file.
///
/// ```swift
/// var reader = try CSVReader(stream: source.open())
/// while let record = try reader.next() { … record.line, record.fields … }
/// ```
struct CSVReader {
    private var stream: ByteStream
    private var line = 1
    private var started = false
    private var raw: [UInt8] = []
    private var field: [UInt8] = []
    private var fieldCount = 0

    init(stream: ByteStream) {
        self.stream = stream
    }

    /// Bytes consumed so far.
    var offset: Int { stream.offset }

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    /// The next record, or `nil` at the end of the file.
    ///
    /// - Throws: ``ReadFailure`` when a record is longer than ``ReadLimits/recordBytes``.
    mutating func next() throws -> CSVRecord? {
        if !started {
            started = true
            try stream.skipByteOrderMark()
        }
        while true {
            let first = line
            raw.removeAll(keepingCapacity: true)
            field.removeAll(keepingCapacity: true)
            var fields: [String] = []
            fields.reserveCapacity(fieldCount)
            var problem: (field: Int, reason: String)?
            var state = State.fieldStart
            var blank = false

            reading: while true {
                // Ordinary bytes in bulk: everything but the few that end or quote a field.
                if state == .unquoted {
                    let taken = stream.take(into: &field) {
                        $0 != Self.comma && $0 != Self.cr && $0 != Self.lf && $0 != Self.quote
                    }
                    if taken > 0 { raw.append(contentsOf: field[(field.count - taken)...]) }
                } else if state == .quoted {
                    let taken = stream.take(into: &field) { $0 != Self.quote && $0 != Self.cr && $0 != Self.lf }
                    if taken > 0 { raw.append(contentsOf: field[(field.count - taken)...]) }
                }
                if raw.count > ReadLimits.recordBytes {
                    throw ReadFailure(
                        line: first,
                        reason: "a record is longer than \(ReadLimits.recordBytes) bytes (is a quote left open?)")
                }
                guard let byte = try stream.next() else {
                    if raw.isEmpty { return nil }
                    if state == .quoted && problem == nil {
                        problem = (fields.count, "a quoted field is not closed before the end of the file")
                    }
                    endField(&fields, &problem)
                    break reading
                }
                raw.append(byte)
                switch state {
                case .fieldStart, .unquoted:
                    if state == .fieldStart && byte == Self.quote {
                        state = .quoted
                    } else if byte == Self.comma {
                        endField(&fields, &problem)
                        state = .fieldStart
                    } else if byte == Self.cr || byte == Self.lf {
                        try endOfLine(byte)
                        if fields.isEmpty && field.isEmpty && state == .fieldStart {
                            blank = true
                        } else {
                            endField(&fields, &problem)
                        }
                        break reading
                    } else {
                        if byte == Self.quote && problem == nil {
                            problem = (
                                fields.count,
                                "has a quote inside an unquoted field (quote the whole field and double the quote)"
                            )
                        }
                        field.append(byte)
                        state = .unquoted
                    }
                case .quoted:
                    if byte == Self.quote {
                        state = .quoteInQuoted
                    } else {
                        field.append(byte)
                        if byte == Self.cr || byte == Self.lf {
                            if byte == Self.cr, try stream.peek() == Self.lf {
                                _ = try stream.next()
                                raw.append(Self.lf)
                                field.append(Self.lf)
                            }
                            line += 1
                        }
                    }
                case .quoteInQuoted:
                    if byte == Self.quote {
                        field.append(Self.quote)
                        state = .quoted
                    } else if byte == Self.comma {
                        endField(&fields, &problem)
                        state = .fieldStart
                    } else if byte == Self.cr || byte == Self.lf {
                        try endOfLine(byte)
                        endField(&fields, &problem)
                        break reading
                    } else {
                        if problem == nil {
                            problem = (fields.count, "has text after the closing quote of a quoted field")
                        }
                        field.append(byte)
                        state = .unquoted
                    }
                }
            }
            if blank { continue }
            fieldCount = fields.count
            return CSVRecord(line: first, fields: fields, raw: raw, problem: problem)
        }
    }

    /// Consumes the LF of a CRLF and counts the line break.
    private mutating func endOfLine(_ byte: UInt8) throws {
        if byte == Self.cr, try stream.peek() == Self.lf {
            _ = try stream.next()
            raw.append(Self.lf)
        }
        line += 1
    }

    /// Turns the bytes of the field just read into text.
    private mutating func endField(_ fields: inout [String], _ problem: inout (field: Int, reason: String)?) {
        var high: UInt8 = 0
        for byte in field { high |= byte }
        if high < 0x80 {
            fields.append(String(decoding: field, as: UTF8.self))
        } else if let text = String(validating: field, as: UTF8.self) {
            fields.append(text)
        } else {
            if problem == nil { problem = (fields.count, "is not valid UTF-8") }
            fields.append(String(decoding: field, as: UTF8.self))
        }
        field.removeAll(keepingCapacity: true)
    }
}
