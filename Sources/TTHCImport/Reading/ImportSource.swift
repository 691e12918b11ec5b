import Ledger

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where an import reads from: a file, or bytes already in memory (tests, fuzzing).
public enum ImportSource: Sendable {
    /// A file on disk, read in chunks so that its size does not bound memory.
    case file(path: String)
    /// Bytes in memory, shown in messages as `name`.
    case bytes(name: String, [UInt8])

    /// How messages name the input: the path as given, or the name of the bytes.
    public var displayName: String {
        switch self {
        case .file(let path): path
        case .bytes(let name, _): name
        }
    }

    /// The last component of ``displayName``: what corrections cite as their reason, so that the
    /// same file imported from two directories records the same facts.
    public var baseName: String {
        let name = displayName
        guard let slash = name.lastIndex(of: "/") else { return name }
        return String(name[name.index(after: slash)...])
    }

    /// The size in bytes, when it is known up front (for progress).
    func size() -> Int? {
        switch self {
        case .bytes(_, let bytes):
            return bytes.count
        case .file(let path):
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            return Int(status.st_size)
        }
    }

    /// A fresh stream over the bytes, from the start.
    func open() throws -> ByteStream {
        switch self {
        case .bytes(_, let bytes):
            return ByteStream(bytes: bytes)
        case .file(let path):
            let descriptor = openForReading(path)
            guard descriptor >= 0 else {
                let reason = String(cString: strerror(errno))
                throw LedgerError(.invalidInput, "cannot open \(path): \(reason)")
            }
            var status = stat()
            if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
                close(descriptor)
                throw LedgerError(.invalidInput, "cannot import \(path): it is a directory")
            }
            return ByteStream(descriptor: descriptor, path: path)
        }
    }
}

private func openForReading(_ path: String) -> Int32 {
    open(path, O_RDONLY)
}

/// Bytes read in chunks from a file descriptor, or served from memory, one at a time.
///
/// The readers ask for one byte at a time and peek at most one ahead. It is a value kept inside
/// the reader, so that the per-byte calls compile down to an index and a bounds check; only the
/// file descriptor lives in a class, to be closed once.
struct ByteStream {
    private var buffer: [UInt8]
    private var position = 0
    private var bufferStart = 0
    private let file: OpenFile?
    private static let chunkSize = 1 << 20

    /// An open file descriptor, closed when the last stream using it goes.
    final class OpenFile {
        let descriptor: Int32
        let path: String

        init(descriptor: Int32, path: String) {
            self.descriptor = descriptor
            self.path = path
        }

        deinit { close(descriptor) }
    }

    init(bytes: [UInt8]) {
        buffer = bytes
        file = nil
    }

    init(descriptor: Int32, path: String) {
        buffer = []
        file = OpenFile(descriptor: descriptor, path: path)
    }

    /// Bytes consumed so far.
    var offset: Int { bufferStart + position }

    /// The next byte, consumed; `nil` at the end.
    @inline(__always)
    mutating func next() throws -> UInt8? {
        if position == buffer.count {
            guard try refill() else { return nil }
        }
        let byte = buffer[position]
        position += 1
        return byte
    }

    /// The next byte without consuming it; `nil` at the end.
    @inline(__always)
    mutating func peek() throws -> UInt8? {
        if position == buffer.count {
            guard try refill() else { return nil }
        }
        return buffer[position]
    }

    /// Consumes bytes while `accept` holds, appending them to `bytes`; stops at the end of the
    /// buffered chunk too, so callers loop. Returns how many were taken.
    @inline(__always)
    mutating func take(into bytes: inout [UInt8], while accept: (UInt8) -> Bool) -> Int {
        let start = position
        while position < buffer.count && accept(buffer[position]) { position += 1 }
        if position > start { bytes.append(contentsOf: buffer[start..<position]) }
        return position - start
    }

    /// Skips a UTF-8 byte order mark at the current position, if there is one.
    mutating func skipByteOrderMark() throws {
        if position == buffer.count { _ = try refill() }
        if buffer.count - position >= 3, buffer[position] == 0xEF, buffer[position + 1] == 0xBB,
            buffer[position + 2] == 0xBF
        {
            position += 3
        }
    }

    private mutating func refill() throws -> Bool {
        guard let file else { return false }
        bufferStart += buffer.count
        position = 0
        if buffer.count != Self.chunkSize { buffer = [UInt8](repeating: 0, count: Self.chunkSize) }
        var count = 0
        while true {
            count = buffer.withUnsafeMutableBytes { read(file.descriptor, $0.baseAddress, Self.chunkSize) }
            if count >= 0 || errno != EINTR { break }
        }
        guard count >= 0 else {
            let reason = String(cString: strerror(errno))
            throw LedgerError(.storage, "cannot read \(file.path): \(reason)")
        }
        if count < Self.chunkSize { buffer.removeSubrange(count...) }
        return count > 0
    }
}
