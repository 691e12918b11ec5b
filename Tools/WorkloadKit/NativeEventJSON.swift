import Ledger
import TTHCDomain

/// The native JSON-lines form of an event that `tthc append` reads: the envelope facts a caller
/// gives, and the payload in the proto3 JSON mapping.
///
/// ```json
/// {"type":"DossierResolved","eventId":"…/3","occurredAt":"2025-04-20T03:00:00.000000Z","actor":"000.00.31.H23","payload":{…}}
/// ```
public enum NativeEventJSON {
    /// One line, without the newline.
    public static func line(_ entry: DomainLedger.Entry) throws -> String {
        var out = "{\"type\":"
        appendQuoted(entry.event.typeName, to: &out)
        if let eventId = entry.eventId {
            out += ",\"eventId\":"
            appendQuoted(eventId, to: &out)
        }
        out += ",\"occurredAt\":\"" + entry.occurredAt.iso8601 + "\",\"actor\":"
        appendQuoted(entry.actor, to: &out)
        switch entry.expectedVersion {
        case .any: break
        case .noStream: out += ",\"expectedVersion\":0"
        case .exactly(let version): out += ",\"expectedVersion\":\(version)"
        }
        out += ",\"payload\":" + (try entry.event.payloadJSON()) + "}"
        return out
    }

    private static func appendQuoted(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
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
