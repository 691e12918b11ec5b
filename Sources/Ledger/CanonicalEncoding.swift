import Crypto

/// The canonical byte encoding of an event, which the hash chain covers.
///
/// An inspector can recompute every hash with any language from this description alone.
/// All integers are unsigned big-endian unless marked; strings are UTF-8 without terminator.
///
/// ```
/// offset  size  field
///  0       1    format tag, always 0x01
///  1       8    seq
///  9       8    streamVersion
/// 17       4    schemaVersion
/// 21       8    occurredAt, signed, microseconds since 1970-01-01T00:00:00Z
/// 29       8    recordedAt, signed, microseconds since 1970-01-01T00:00:00Z
/// 37       2+n  stream   (2-byte length, then the bytes)
///          2+n  eventId  (2-byte length, then the bytes)
///          2+n  type     (2-byte length, then the bytes)
///          2+n  actor    (2-byte length, then the bytes)
///          4+n  payload  (4-byte length, then the protobuf bytes)
/// ```
///
/// `hash = SHA-256(prevHash ‖ canonical bytes)`, where `prevHash` is the previous event's hash
/// and 32 zero bytes for `seq` 1. The `events` database stores, under the 8-byte big-endian
/// `seq`, the value `prevHash (32) ‖ hash (32) ‖ canonical bytes`.
public enum CanonicalEncoding {
    /// The value of the format tag byte.
    public static let formatTag: UInt8 = 1
    /// Bytes before the variable-length fields.
    static let fixedHeaderCount = 37
    /// Bytes before the canonical encoding in a stored value.
    public static let storedPrefixCount = 64

    /// The longest stream, event id, type or actor, in UTF-8 bytes.
    public static let maximumFieldLength = 400

    /// Appends the canonical bytes of an event to `buffer`.
    static func encode(
        seq: UInt64, streamVersion: UInt64, schemaVersion: UInt32, occurredAt: Timestamp, recordedAt: Timestamp,
        stream: String, eventId: String, type: String, actor: String, payload: [UInt8], into buffer: inout [UInt8]
    ) {
        let start = buffer.count
        let count = encodedCount(stream: stream, eventId: eventId, type: type, actor: actor, payload: payload)
        buffer.append(contentsOf: repeatElement(0, count: count))
        buffer.withUnsafeMutableBytes { bytes in
            encode(
                seq: seq, streamVersion: streamVersion, schemaVersion: schemaVersion, occurredAt: occurredAt,
                recordedAt: recordedAt, stream: stream, eventId: eventId, type: type, actor: actor, payload: payload,
                into: UnsafeMutableRawBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// The size of an event's canonical bytes.
    static func encodedCount(stream: String, eventId: String, type: String, actor: String, payload: [UInt8]) -> Int {
        // Two bytes before each of the four strings, four before the payload.
        let lengthPrefixes = 4 * 2 + 4
        return fixedHeaderCount + lengthPrefixes + stream.utf8.count + eventId.utf8.count + type.utf8.count
            + actor.utf8.count + payload.count
    }

    /// Writes the canonical bytes of an event into `buffer`, which holds exactly
    /// ``encodedCount(stream:eventId:type:actor:payload:)`` bytes.
    ///
    /// The ledger encodes each event straight into the space LMDB reserved for its value, so the
    /// bytes are written once and hashed where they lie.
    static func encode(
        seq: UInt64, streamVersion: UInt64, schemaVersion: UInt32, occurredAt: Timestamp, recordedAt: Timestamp,
        stream: String, eventId: String, type: String, actor: String, payload: [UInt8],
        into buffer: UnsafeMutableRawBufferPointer
    ) {
        var writer = ByteWriter(buffer)
        writer.write(formatTag)
        writer.write(seq)
        writer.write(streamVersion)
        writer.write(schemaVersion)
        writer.write(UInt64(bitPattern: occurredAt.microsecondsSinceEpoch))
        writer.write(UInt64(bitPattern: recordedAt.microsecondsSinceEpoch))
        writer.writeField(stream)
        writer.writeField(eventId)
        writer.writeField(type)
        writer.writeField(actor)
        writer.write(UInt32(payload.count))
        payload.withUnsafeBytes { writer.write($0) }
        precondition(writer.isAtEnd, "canonical encoding wrote \(writer.offset) of \(buffer.count) bytes")
    }

    /// `SHA-256(prevHash ‖ canonical)`.
    static func chainHash(previous: UnsafeRawBufferPointer, canonical: UnsafeRawBufferPointer) -> SHA256.Digest {
        var hasher = SHA256()
        hasher.update(bufferPointer: previous)
        hasher.update(bufferPointer: canonical)
        return hasher.finalize()
    }

    /// Decodes a stored value (`prevHash ‖ hash ‖ canonical`); `nil` if it is malformed.
    static func decodeStored(_ stored: UnsafeRawBufferPointer) -> RecordedEvent? {
        guard stored.count >= storedPrefixCount + fixedHeaderCount else { return nil }
        var reader = ByteReader(stored)
        guard let prevHash = reader.bytes(32), let hash = reader.bytes(32), reader.uint8() == formatTag,
            let seq = reader.uint64(), let streamVersion = reader.uint64(), let schemaVersion = reader.uint32(),
            let occurred = reader.uint64(), let recorded = reader.uint64(),
            let stream = reader.string16(), let eventId = reader.string16(), let type = reader.string16(),
            let actor = reader.string16(), let payloadCount = reader.uint32(),
            let payload = reader.bytes(Int(payloadCount)), reader.isAtEnd
        else { return nil }
        return RecordedEvent(
            seq: seq, stream: stream, streamVersion: streamVersion, eventId: eventId, type: type,
            schemaVersion: schemaVersion, occurredAt: Timestamp(microsecondsSinceEpoch: Int64(bitPattern: occurred)),
            recordedAt: Timestamp(microsecondsSinceEpoch: Int64(bitPattern: recorded)), actor: actor,
            payload: payload, prevHash: prevHash, hash: hash)
    }
}

extension [UInt8] {
    @inline(__always)
    mutating func appendBigEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }
}

/// The 8-byte big-endian key of a `seq`, so that keys sort in `seq` order.
@inline(__always)
func seqKey(_ seq: UInt64) -> [UInt8] {
    withUnsafeBytes(of: seq.bigEndian) { Array($0) }
}

/// Writes big-endian fields into a buffer sized for them beforehand.
struct ByteWriter {
    let buffer: UnsafeMutableRawBufferPointer
    private(set) var offset = 0

    init(_ buffer: UnsafeMutableRawBufferPointer) { self.buffer = buffer }

    var isAtEnd: Bool { offset == buffer.count }

    @inline(__always)
    mutating func write<T: FixedWidthInteger>(_ value: T) {
        precondition(offset + MemoryLayout<T>.size <= buffer.count, "ByteWriter overflow")
        buffer.storeBytes(of: value.bigEndian, toByteOffset: offset, as: T.self)
        offset += MemoryLayout<T>.size
    }

    @inline(__always)
    mutating func write(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress else { return }
        precondition(offset + bytes.count <= buffer.count, "ByteWriter overflow")
        (buffer.baseAddress! + offset).copyMemory(from: source, byteCount: bytes.count)
        offset += bytes.count
    }

    /// A string field: its UTF-8 length in two bytes, then the bytes.
    mutating func writeField(_ text: String) {
        write(UInt16(text.utf8.count))
        if text.utf8.withContiguousStorageIfAvailable({ write(UnsafeRawBufferPointer($0)) }) == nil {
            for byte in text.utf8 { write(byte) }
        }
    }
}

/// Reads big-endian fields from a borrowed buffer, returning `nil` past its end.
struct ByteReader {
    let buffer: UnsafeRawBufferPointer
    var offset = 0

    init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    var isAtEnd: Bool { offset == buffer.count }

    mutating func uint8() -> UInt8? {
        guard offset < buffer.count else { return nil }
        defer { offset += 1 }
        return buffer[offset]
    }

    mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard offset + size <= buffer.count else { return nil }
        var value: T = 0
        withUnsafeMutableBytes(of: &value) {
            $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + size]))
        }
        offset += size
        return T(bigEndian: value)
    }

    mutating func uint16() -> UInt16? { integer(UInt16.self) }
    mutating func uint32() -> UInt32? { integer(UInt32.self) }
    mutating func uint64() -> UInt64? { integer(UInt64.self) }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, offset + count <= buffer.count else { return nil }
        defer { offset += count }
        return Array(buffer[offset..<offset + count])
    }

    mutating func string16() -> String? {
        guard let count = uint16(), offset + Int(count) <= buffer.count else { return nil }
        defer { offset += Int(count) }
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + Int(count)]), as: UTF8.self)
    }
}

/// Reads the big-endian `UInt64` at the start of `buffer`, if it has 8 bytes.
@inline(__always)
func readUInt64(_ buffer: UnsafeRawBufferPointer, at offset: Int = 0) -> UInt64? {
    guard buffer.count >= offset + 8 else { return nil }
    var value: UInt64 = 0
    withUnsafeMutableBytes(of: &value) {
        $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + 8]))
    }
    return UInt64(bigEndian: value)
}

/// SHA-256 of `bytes` as lowercase hexadecimal (for report digests and exports).
public func sha256Hex(_ bytes: [UInt8]) -> String {
    hexString(SHA256.hash(data: bytes))
}
