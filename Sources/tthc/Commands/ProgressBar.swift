import Ledger

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Progress of a long operation on standard error: a bar with rate and ETA on a terminal, a
/// plain line every few seconds otherwise.
final class ProgressBar {
    private let label: String
    private let isTerminal = isatty(2) != 0
    private let started = monotonicSeconds()
    private var lastDrawn = 0.0
    private var drewBar = false

    init(label: String) { self.label = label }

    func update(done: UInt64, total: UInt64) {
        let now = monotonicSeconds()
        let interval = isTerminal ? 0.1 : 5.0
        guard now - lastDrawn >= interval || done == total else { return }
        lastDrawn = now
        let elapsed = max(now - started, 1e-6)
        let rate = Double(done) / elapsed
        let remaining = rate > 0 ? Double(total - min(done, total)) / rate : 0
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        // Nothing done yet (the report before the first chunk): no rate to tell.
        let stats =
            done == 0
            ? "\(done)/\(total)" : "\(done)/\(total) \(Self.format(rate))/s ETA \(Self.format(remaining))s"
        if isTerminal {
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            standardErrorRaw("\r\(label) [\(bar)] \(Int(fraction * 100))% \(stats)\u{1B}[K")
            drewBar = true
        } else {
            standardError("\(label): \(Int(fraction * 100))% \(stats)")
        }
    }

    func finish() {
        if drewBar { standardErrorRaw("\n") }
    }

    private static func format(_ value: Double) -> String {
        if value >= 1_000_000 { return formatted(value / 1_000_000) + "M" }
        if value >= 10_000 { return formatted(value / 1_000) + "k" }
        return String(Int(value.rounded()))
    }

    private static func formatted(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

func standardErrorRaw(_ text: String) {
    writeAll(fileDescriptor: 2, Array(text.utf8))
}

func monotonicSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}
