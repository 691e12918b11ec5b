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
        JSONValue.writeString(entry.event.typeName, into: &out)
        if let eventId = entry.eventId {
            out += ",\"eventId\":"
            JSONValue.writeString(eventId, into: &out)
        }
        out += ",\"occurredAt\":\"" + entry.occurredAt.iso8601 + "\",\"actor\":"
        JSONValue.writeString(entry.actor, into: &out)
        switch entry.expectedVersion {
        case .any: break
        case .noStream: out += ",\"expectedVersion\":0"
        case .exactly(let version): out += ",\"expectedVersion\":\(version)"
        }
        out += ",\"payload\":" + (try entry.event.payloadJSON()) + "}"
        return out
    }
}
