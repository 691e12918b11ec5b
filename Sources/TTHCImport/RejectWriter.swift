import Ledger

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes rejected rows, verbatim, to the `--reject-file`: a CSV file's header first, then each
/// bad row as it stood in the input, so that the file can be fixed and imported on its own.
final class RejectWriter {
    private let descriptor: Int32
    private let path: String

    init(path: String, header: [UInt8]) throws {
        self.path = path
        descriptor = openForWriting(path)
        guard descriptor >= 0 else {
            throw LedgerError(
                .invalidInput, "cannot create the reject file \(path): \(String(cString: strerror(errno)))")
        }
        if !header.isEmpty { try write(header) }
    }

    deinit { close(descriptor) }

    /// Appends one row, with a line break if it lacked one (the last line of a file).
    func write(_ row: [UInt8]) throws {
        var bytes = row
        if bytes.last != UInt8(ascii: "\n") && bytes.last != UInt8(ascii: "\r") { bytes.append(UInt8(ascii: "\n")) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { writeBytes(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw LedgerError(.storage, "cannot write the reject file \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}

private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

private func openForWriting(_ path: String) -> Int32 {
    open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
}
