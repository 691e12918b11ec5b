import BenchSupport

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
        let fields = processFields("io")
        guard let passed = fields["wchar"], let sent = fields["write_bytes"] else { return nil }
        return WrittenBytes(passedToWrites: passed, sentToStorage: sent)
    }
}
