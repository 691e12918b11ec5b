import Dispatch
import LMDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Ledger {
    /// Runs `body` while another thread keeps the ledger's mapped pages in this process's resident
    /// set near `budget` bytes: it looks every 5 milliseconds, and when the process's resident
    /// file pages are over the budget, drops the map's pages (``Environment/releaseMappedPages()``).
    ///
    /// A fold over a whole ledger reads every page of it once, and the kernel counts each page
    /// it touched as resident until the map goes: a rebuild of 10M events grew to over 8 GiB of
    /// resident memory that way, almost all of it pages it would not read again. Dropped pages
    /// stay in the page cache and come back with a minor fault when touched again, so each drop
    /// costs the pages still in use (the upper levels of the trees) one fault. Dropping is safe
    /// at any moment, inside open transactions too: the map is read-only.
    ///
    /// How fast the pages come back depends on how the file sits in the page cache: a fault on a
    /// page cached in a large folio maps the whole folio. A rebuild of a 10M-event ledger whose
    /// copy was written in 4 MiB writes peaked at 2.4 GiB when looking every 20 ms and 1.3 GiB
    /// every 5 ms; on a copy made by `cp` it peaked at 0.8 and 0.7 GiB. `fromColdCache` first
    /// drops the file's cached pages (``Environment/dropCachedPages()``), so that the fold reads
    /// them back in small pieces whatever read or wrote the file before. It is meant for a fold
    /// over the whole ledger, which reads every page anyway.
    public func trimmingResidentPages<Result>(
        budget: Int = 256 << 20, fromColdCache: Bool = false, _ body: () throws -> Result
    ) rethrows -> Result {
        let environment = self.environment
        if fromColdCache { environment.dropCachedPages() }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "ledger.resident-pages"))
        let stopped = DispatchSemaphore(value: 0)
        timer.setEventHandler {
            if let resident = ResidentMemory.filePages(), resident > budget { environment.releaseMappedPages() }
        }
        timer.setCancelHandler { stopped.signal() }
        timer.schedule(deadline: .now() + .milliseconds(5), repeating: .milliseconds(5))
        timer.activate()
        // No drop may run once this returns: the caller may close the environment next.
        defer {
            timer.cancel()
            stopped.wait()
        }
        return try body()
    }
}

/// The process's resident memory, as the kernel counts it.
enum ResidentMemory {
    /// The bytes of mapped files resident in this process (the third field of
    /// `/proc/self/statm`, in pages), or `nil` where the kernel does not say.
    static func filePages() -> Int? {
        let descriptor = open("/proc/self/statm", O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { buffer -> Int? in
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            guard count > 0 else { return nil }
            let fields = buffer[..<count].split(separator: UInt8(ascii: " "))
            guard fields.count > 2, let pages = Int(String(decoding: fields[2], as: UTF8.self)) else { return nil }
            return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        }
    }
}
