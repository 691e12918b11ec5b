/// A stored event, borrowed from the memory map and decoded lazily.
///
/// Scans hand out views so that a pass over millions of events allocates nothing per event:
/// integers are read in place, strings and the payload are exposed as borrowed bytes, and
/// ``materialize()`` copies an event out when it must outlive the scan. A view is valid only
/// inside the closure that received it.
public struct EventView {
    /// `prevHash (32) ‖ hash (32) ‖ canonical bytes`.
    public let stored: UnsafeRawBufferPointer
    private let streamRange: Range<Int>
    private let eventIdRange: Range<Int>
    private let typeRange: Range<Int>
    private let actorRange: Range<Int>
    private let payloadRange: Range<Int>

    /// Checks the layout of a stored value; `nil` if it is malformed.
    init?(stored: UnsafeRawBufferPointer) {
        let base = CanonicalEncoding.storedPrefixCount
        guard stored.count >= base + CanonicalEncoding.fixedHeaderCount, stored[base] == CanonicalEncoding.formatTag
        else { return nil }
        var offset = base + CanonicalEncoding.fixedHeaderCount
        func field(lengthBytes: Int) -> Range<Int>? {
            guard offset + lengthBytes <= stored.count else { return nil }
            var length = 0
            for index in offset..<offset + lengthBytes { length = length << 8 | Int(stored[index]) }
            let start = offset + lengthBytes
            guard start + length <= stored.count else { return nil }
            offset = start + length
            return start..<offset
        }
        guard let stream = field(lengthBytes: 2), let eventId = field(lengthBytes: 2), let type = field(lengthBytes: 2),
            let actor = field(lengthBytes: 2), let payload = field(lengthBytes: 4), offset == stored.count
        else { return nil }
        self.stored = stored
        streamRange = stream
        eventIdRange = eventId
        typeRange = type
        actorRange = actor
        payloadRange = payload
    }

    private func uint64(at offset: Int) -> UInt64 { readUInt64(stored, at: offset)! }

    public var seq: UInt64 { uint64(at: 65) }
    public var streamVersion: UInt64 { uint64(at: 73) }
    public var schemaVersion: UInt32 {
        var value: UInt32 = 0
        for index in 81..<85 { value = value << 8 | UInt32(stored[index]) }
        return value
    }
    public var occurredAt: Timestamp { Timestamp(microsecondsSinceEpoch: Int64(bitPattern: uint64(at: 85))) }
    public var recordedAt: Timestamp { Timestamp(microsecondsSinceEpoch: Int64(bitPattern: uint64(at: 93))) }

    public var prevHash: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: stored[0..<32]) }
    public var hash: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: stored[32..<64]) }
    /// The canonical bytes the hash covers (after `prevHash`).
    public var canonical: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: stored[64...]) }

    public var streamBytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: stored[streamRange]) }
    public var eventIdBytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: stored[eventIdRange]) }
    public var typeBytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: stored[typeRange]) }
    public var actorBytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: stored[actorRange]) }
    /// The payload bytes, borrowed.
    public var payload: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: stored[payloadRange]) }

    public var stream: String { String(decoding: streamBytes, as: UTF8.self) }
    public var eventId: String { String(decoding: eventIdBytes, as: UTF8.self) }
    public var type: String { String(decoding: typeBytes, as: UTF8.self) }
    public var actor: String { String(decoding: actorBytes, as: UTF8.self) }

    /// Whether the type is `name`, without allocating a string.
    public func hasType(_ name: StaticString) -> Bool {
        let expected = UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        return typeBytes.elementsEqual(expected)
    }

    /// Copies the event out of the map.
    public func materialize() -> RecordedEvent {
        RecordedEvent(
            seq: seq, stream: stream, streamVersion: streamVersion, eventId: eventId, type: type,
            schemaVersion: schemaVersion, occurredAt: occurredAt, recordedAt: recordedAt, actor: actor,
            payload: Array(payload), prevHash: Array(prevHash), hash: Array(hash))
    }
}
