import Ledger

/// The JSON-lines form of a stored event: the envelope, then the payload.
enum EventJSON {
    static func line(_ event: RecordedEvent) -> String {
        JSONValue.object([
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
            ("payloadHex", .string(hexString(event.payload))),
        ]).serialized()
    }
}
