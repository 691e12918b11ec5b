/// A JSON value as a portal export line holds it.
///
/// Numbers keep their text: the importer reads them as the whole numbers the portal sends
/// (`"KenhThucHien":2`), and keeping the text means `2.0` or `1e3` is reported as written rather
/// than silently converted.
indirect enum PortalJSON {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([PortalJSON])
    /// Members in the order written; keys are unique.
    case object([(key: String, value: PortalJSON)])

    /// What the value is, for messages: `an array`, `a string`, ….
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// Where and why a line is not JSON.
struct JSONSyntaxError: Error, Equatable {
    /// The byte (from 1) where the problem is; 0 for the line as a whole.
    var column: Int
    var reason: String

    var description: String { column > 0 ? "\(reason) at column \(column)" : reason }
}

/// A strict JSON parser (RFC 8259) for one line of a JSON lines file.
///
/// It never recurses deeper than ``ReadLimits/jsonDepth`` and never reads past the line, so no
/// input can crash or stall it. Strings must be valid UTF-8 and may not hold raw control
/// characters; escapes, including surrogate pairs, are decoded; a lone surrogate is an error.
struct PortalJSONParser {
    private let bytes: [UInt8]
    private var index = 0

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses `bytes` as exactly one JSON value with optional surrounding whitespace.
    static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> PortalJSON {
        var parser = PortalJSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        if parser.index < bytes.count { throw parser.failure("unexpected text after the JSON value") }
        return value
    }

    private func failure(_ reason: String) -> JSONSyntaxError {
        JSONSyntaxError(column: index + 1, reason: reason)
    }

    private func unexpected() -> JSONSyntaxError {
        guard index < bytes.count else { return failure("unexpected end of line") }
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F {
            return failure("unexpected character '\(Character(Unicode.Scalar(byte)))'")
        }
        return failure("unexpected byte 0x\(String(byte, radix: 16, uppercase: true))")
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> PortalJSON {
        guard index < bytes.count else { throw unexpected() }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            return try object(depth: depth + 1)
        case UInt8(ascii: "["):
            return try array(depth: depth + 1)
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try number())
        default:
            throw unexpected()
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
        for offset in 0..<count {
            guard index < bytes.count, bytes[index] == expected[offset] else { throw unexpected() }
            index += 1
        }
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> PortalJSON {
        if depth > ReadLimits.jsonDepth { throw failure("nesting deeper than \(ReadLimits.jsonDepth) levels") }
        index += 1
        var members: [(key: String, value: PortalJSON)] = []
        var keys = Set<String>()
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw unexpected() }
            let keyStart = index
            let key = try string()
            if !keys.insert(key).inserted {
                throw JSONSyntaxError(column: keyStart + 1, reason: "duplicate key \"\(key)\"")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw unexpected() }
            index += 1
            skipWhitespace()
            members.append((key, try value(depth: depth)))
            skipWhitespace()
            guard index < bytes.count else { throw unexpected() }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            } else {
                throw unexpected()
            }
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> PortalJSON {
        if depth > ReadLimits.jsonDepth { throw failure("nesting deeper than \(ReadLimits.jsonDepth) levels") }
        index += 1
        var elements: [PortalJSON] = []
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try value(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw unexpected() }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            } else {
                throw unexpected()
            }
        }
    }

    private mutating func number() throws(JSONSyntaxError) -> String {
        let start = index
        func isDigit(_ at: Int) -> Bool {
            at < bytes.count && bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9")
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard isDigit(index) else { throw unexpected() }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(index) else { throw unexpected() }
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                index += 1
            }
            guard isDigit(index) else { throw unexpected() }
            while isDigit(index) { index += 1 }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        let start = index
        index += 1
        var text: [UInt8] = []
        while true {
            guard index < bytes.count else { throw failure("unexpected end of line in a string") }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let string = String(validating: text, as: UTF8.self) else {
                    throw JSONSyntaxError(column: start + 1, reason: "a string is not valid UTF-8")
                }
                return string
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw failure("unexpected end of line in a string") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): text.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): text.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): text.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try unicodeEscape()
                    text.append(contentsOf: String(Character(scalar)).utf8)
                default:
                    index -= 1
                    throw failure("invalid escape in a string")
                }
            case 0x00..<0x20:
                throw failure("a control character in a string (write it as an escape)")
            default:
                text.append(byte)
                index += 1
            }
        }
    }

    /// Reads the four hex digits after `\u` (and a second escape for a surrogate pair).
    private mutating func unicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let escapeStart = index - 2
        let first = try hexQuad()
        switch first {
        case 0xD800...0xDBFF:
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw JSONSyntaxError(column: escapeStart + 1, reason: "a lone surrogate in a string") }
            index += 2
            let second = try hexQuad()
            guard (0xDC00...0xDFFF).contains(second) else {
                throw JSONSyntaxError(column: escapeStart + 1, reason: "a lone surrogate in a string")
            }
            let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else {
                throw JSONSyntaxError(column: escapeStart + 1, reason: "an invalid escape in a string")
            }
            return scalar
        case 0xDC00...0xDFFF:
            throw JSONSyntaxError(column: escapeStart + 1, reason: "a lone surrogate in a string")
        default:
            guard let scalar = Unicode.Scalar(first) else {
                throw JSONSyntaxError(column: escapeStart + 1, reason: "an invalid escape in a string")
            }
            return scalar
        }
    }

    private mutating func hexQuad() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw failure("unexpected end of line in a string") }
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw failure("invalid \\u escape in a string")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}
