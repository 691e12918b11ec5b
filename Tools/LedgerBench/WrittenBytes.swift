#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes this process has written, from Linux's `/proc/self/io`: what it passed to write calls
/// and what that caused to be sent to storage.
///
/// Durable commits write every dirty page before they return, so the differences across a run
/// are what that run wrote. The two differ when the kernel writes back more than was written to
/// it, as when scattered 4 KiB page writes each dirty a larger page-cache folio.
struct WrittenBytes {
    /// `wchar`: bytes passed to `write`, `pwrite` and `writev`.
    var passedToWrites: Int
    /// `write_bytes`: bytes sent to the storage layer.
    var sentToStorage: Int

    /// The counters now, or `nil` where the kernel does not provide them.
    static func current() -> WrittenBytes? {
        let file = open("/proc/self/io", O_RDONLY)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = buffer.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        var fields: [Substring: Int] = [:]
        for line in String(decoding: buffer[..<count], as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: ":")
            if parts.count == 2 { fields[parts[0]] = Int(parts[1].trimmingPrefix(" ")) }
        }
        guard let passed = fields["wchar"], let sent = fields["write_bytes"] else { return nil }
        return WrittenBytes(passedToWrites: passed, sentToStorage: sent)
    }
}
