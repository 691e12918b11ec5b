import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Pure work spread over the machine's cores.
enum Cores {
    /// The cores online.
    static let count = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    /// Fewer items than this are not worth handing to another thread.
    static let serialBelow = 2_048

    /// `transform` of each index in `0..<count`, in order, computed in one contiguous stripe of
    /// indexes per core; below `serialBelow` items, on the calling thread. `transform` must be
    /// safe to call from several threads at once. Rethrows the error of the first index that threw.
    static func map<T: Sendable>(
        _ count: Int, serialBelow: Int = Cores.serialBelow, _ transform: @Sendable (Int) throws -> T
    ) throws -> [T] {
        let stripes = Self.count
        guard count >= serialBelow, stripes > 1 else { return try (0..<count).map(transform) }
        let parts = Stripes<T>(count: stripes)
        DispatchQueue.concurrentPerform(iterations: stripes) { stripe in
            let range = count * stripe / stripes..<count * (stripe + 1) / stripes
            parts.results[stripe] = Result { try range.map(transform) }
        }
        var results = [T]()
        results.reserveCapacity(count)
        for part in parts.results { results += try part!.get() }
        return results
    }

    /// Ends the lifetime of `value` on another thread, so that freeing a large structure (a
    /// transaction's buffered dossiers) does not hold up the caller.
    static func release(_ value: some Sendable) {
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(value) {} }
    }

    /// Work started on another thread at once, its result waited for by ``value()``.
    /// `@unchecked Sendable`: the result is written before the semaphore is signalled, and read
    /// only after waiting on it.
    final class Background<T: Sendable>: @unchecked Sendable {
        private var result: Result<T, any Error>?
        private let done = DispatchSemaphore(value: 0)

        /// Starts `work`; on the calling thread, before returning, when `inline` (work too small
        /// to be worth a thread).
        init(inline: Bool = false, _ work: @escaping @Sendable () throws -> T) {
            if inline {
                result = Result { try work() }
                done.signal()
                return
            }
            DispatchQueue.global(qos: .userInitiated).async {
                self.result = Result { try work() }
                self.done.signal()
            }
        }

        /// The work's result (or error), once it has finished. Call it once.
        func value() throws -> T {
            done.wait()
            return try result!.get()
        }
    }

    /// One result slot per stripe. `@unchecked Sendable`: each stripe writes only its own slot,
    /// and the slots are read after every stripe has finished.
    private final class Stripes<T>: @unchecked Sendable {
        let results: UnsafeMutableBufferPointer<Result<[T], any Error>?>

        init(count: Int) {
            results = .allocate(capacity: count)
            results.initialize(repeating: nil)
        }

        deinit {
            results.deinitialize()
            results.deallocate()
        }
    }
}
