/// A JSON value that writes itself deterministically: object keys in the order given, numbers
/// without locale, no whitespace. Reports and event exports use it so the same inputs always
/// give the same bytes.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    /// A number rounded half away from zero to two decimals, written with at least one decimal
    /// (`33.33`, `30.0`).
    case decimal2(Double)
    case string(String)
    case array([JSONValue])
    /// Keys in the order given.
    case object([(String, JSONValue)])
    /// Text that is already JSON (e.g. a payload in the proto3 JSON mapping), written as is.
    case raw(String)

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// An integer from any integer type.
    public static func int(_ value: some BinaryInteger) -> JSONValue { .integer(Int64(value)) }

    /// A rate or `null` when there is none.
    public static func optionalDecimal(_ value: Double?) -> JSONValue { value.map { .decimal2($0) } ?? .null }

    /// The compact serialization.
    public func serialized() -> String {
        var out = ""
        write(into: &out)
        return out
    }

    public func write(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .integer(let value): out += String(value)
        case .decimal2(let value): out += Self.formatDecimal2(value)
        case .string(let value): Self.writeString(value, into: &out)
        case .raw(let text): out += text
        case .array(let values):
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                value.write(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                Self.writeString(key, into: &out)
                out += ":"
                value.write(into: &out)
            }
            out += "}"
        }
    }

    /// Rounds half away from zero to two decimals and writes it with at least one decimal.
    public static func formatDecimal2(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let hundredths = Int64((abs(value) * 100).rounded(.toNearestOrAwayFromZero))
        let sign = value < 0 && hundredths != 0 ? "-" : ""
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return "\(sign)\(whole).0" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Appends `value` as a JSON string: quoted, with `"`, `\` and control characters escaped.
    public static func writeString(_ value: String, into out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
