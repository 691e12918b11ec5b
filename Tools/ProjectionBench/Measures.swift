import BenchSupport
import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's memory, in bytes.
enum Memory {
    /// The peak resident set so far (`getrusage`'s `ru_maxrss`). It counts the pages of the
    /// memory-mapped ledger the process touched, not only its own allocations.
    static func peakResident() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024  // kilobytes on Linux
    }

    /// The anonymous resident memory now (`RssAnon` of `/proc/self/status`): the heap and stacks,
    /// without the mapped file. 0 where the kernel does not say.
    static func anonymousResident() -> Int {
        (processFields("status")["RssAnon"] ?? 0) * 1024
    }
}

/// `value` with `places` decimals, truncated.
func decimal(_ value: Double, _ places: Int = 2) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    return String(Double(Int(value * scale)) / scale)
}

/// Bytes as MiB.
func mebibytes(_ bytes: Int) -> String { decimal(Double(bytes) / 1_048_576, 1) + " MiB" }

/// What the process has done besides computing.
enum Activity {
    /// Bytes passed to `write` and its kin so far (`wchar` of Linux's `/proc/self/io`): LMDB
    /// writes each dirty page of a commit with them. 0 where the kernel does not say.
    static func bytesWritten() -> Int {
        processFields("io")["wchar"] ?? 0
    }

    /// Context switches so far: voluntary (waiting, e.g. for the disk) and involuntary (another
    /// process got the core).
    static func contextSwitches() -> (voluntary: Int, involuntary: Int) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return (usage.ru_nvcsw, usage.ru_nivcsw)
    }
}

/// Samples the anonymous resident memory every few milliseconds on a thread of its own, to catch
/// the peak inside a write transaction (LMDB keeps a transaction's dirty pages in the heap until
/// the commit), which a reading taken between transactions would miss.
///
/// `@unchecked Sendable`: `peak` and `running` are read and written only while holding `mutex`.
final class AnonymousMemorySampler: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var running = true
    private var highest = 0
    private let finished = DispatchSemaphore(value: 0)

    init(intervalMicroseconds: UInt32 = 5_000) {
        pthread_mutex_init(mutex, nil)
        DispatchQueue.global().async {
            while self.locked({ self.running }) {
                let now = Memory.anonymousResident()
                self.locked { self.highest = max(self.highest, now) }
                usleep(intervalMicroseconds)
            }
            self.finished.signal()
        }
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    private func locked<Result>(_ body: () -> Result) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    /// Stops sampling and returns the largest reading.
    func stop() -> Int {
        locked { running = false }
        finished.wait()
        return locked { highest }
    }
}
