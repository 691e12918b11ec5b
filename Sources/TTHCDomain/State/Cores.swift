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

    /// `transform` of each index in `0..<count`, in order, computed in one contiguous stripe of
    /// indexes per core; below `serialBelow` items, on the calling thread. `transform` must be
    /// safe to call from several threads at once. Rethrows the error of the first index that threw.
    static func map<T: Sendable>(
        _ count: Int, serialBelow: Int = 2_048, _ transform: @Sendable (Int) throws -> T
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
