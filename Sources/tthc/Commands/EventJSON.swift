import Foundation
import Ledger
import TTHCDomain

/// The JSON-lines form of a stored event, as `log` and `export` print it: the envelope, the
/// payload in the proto3 JSON mapping, and the payload's exact bytes in base64 so that
/// `import-ledger` can restore the very bytes the hash covers.
enum EventJSON {
    static func line(_ event: RecordedEvent) -> String {
        let payloadJSON: JSONValue
        if let decoded = try? DomainEvent(
            typeName: event.type, schemaVersion: event.schemaVersion, payload: event.payload),
            let text = try? decoded.payloadJSON()
        {
            payloadJSON = .raw(text)
        } else {
            payloadJSON = .null
        }
        return JSONValue.object([
            ("seq", .int(event.seq)),
            ("stream", .string(event.stream)),
            ("streamVersion", .int(event.streamVersion)),
            ("eventId", .string(event.eventId)),
            ("type", .string(event.type)),
            ("schemaVersion", .int(event.schemaVersion)),
            ("occurredAt", .string(event.occurredAt.iso8601)),
            ("recordedAt", .string(event.recordedAt.iso8601)),
            ("actor", .string(event.actor)),
            ("prevHash", .string(hexString(event.prevHash))),
            ("hash", .string(hexString(event.hash))),
            ("payload", payloadJSON),
            ("payloadBase64", .string(Data(event.payload).base64EncodedString())),
        ]).serialized()
    }

    /// Reads a line written by ``line(_:)`` back into the stored event.
    static func parse(_ line: String, lineNumber: Int, file: String) throws -> RecordedEvent {
        func fail(_ field: String, _ reason: String) -> CommandFailure {
            CommandFailure(message: "\(file):\(lineNumber): \(field): \(reason)", exitStatus: 1)
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw fail("line", "is not a JSON object")
        }
        func string(_ key: String) throws -> String {
            guard let value = object[key] as? String else { throw fail(key, "is missing or not a string") }
            return value
        }
        func integer(_ key: String) throws -> UInt64 {
            guard let value = object[key] as? NSNumber, value.int64Value >= 0 else {
                throw fail(key, "is missing or not a whole number")
            }
            return value.uint64Value
        }
        func instant(_ key: String) throws -> Timestamp {
            guard let value = Timestamp(iso8601: try string(key)) else { throw fail(key, "is not an RFC 3339 instant") }
            return value
        }
        func hex(_ key: String) throws -> [UInt8] {
            guard let value = bytes(fromHex: try string(key)), value.count == 32 else {
                throw fail(key, "is not 32 bytes of hexadecimal")
            }
            return value
        }
        guard let payload = Data(base64Encoded: try string("payloadBase64")) else {
            throw fail("payloadBase64", "is not base64")
        }
        return RecordedEvent(
            seq: try integer("seq"), stream: try string("stream"), streamVersion: try integer("streamVersion"),
            eventId: try string("eventId"), type: try string("type"),
            schemaVersion: UInt32(truncatingIfNeeded: try integer("schemaVersion")),
            occurredAt: try instant("occurredAt"),
            recordedAt: try instant("recordedAt"), actor: try string("actor"), payload: Array(payload),
            prevHash: try hex("prevHash"), hash: try hex("hash"))
    }
}
