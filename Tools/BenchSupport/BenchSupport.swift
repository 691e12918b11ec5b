#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// What the hand-run tools share: their messages on standard error, their option reading, and the
// clocks and memory figures the benchmarks report.

/// A tool's voice: progress and errors go to standard error, prefixed on failure by its name, so
/// that standard output carries the figures alone.
public struct ToolConsole: Sendable {
    public let name: String

    public init(name: String) { self.name = name }

    /// Writes `line` to standard error.
    public func say(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    /// Says `name: message` and exits with `status`.
    public func fail(_ message: String, status: Int32 = 1) -> Never {
        say("\(name): \(message)")
        exit(status)
    }
}

/// Reads `--flag value` options one at a time; a missing or malformed value, or `--help`, ends
/// the process with the usage text.
public struct OptionReader {
    private var remaining: ArraySlice<String>
    private let usage: String
    private let console: ToolConsole

    public init(_ arguments: [String], usage: String, console: ToolConsole) {
        remaining = arguments[...]
        self.usage = usage
        self.console = console
    }

    /// The next flag; prints the usage and exits 0 on `--help` or `-h`.
    public mutating func nextFlag() -> String? {
        guard let flag = remaining.popFirst() else { return nil }
        if flag == "--help" || flag == "-h" {
            print(usage)
            exit(0)
        }
        return flag
    }

    /// The value after `flag`.
    public mutating func value(after flag: String) -> String {
        guard let text = remaining.popFirst() else { fail("\(flag) needs a value") }
        return text
    }

    /// A whole number of at least `minimum` after `flag`; `_` and `,` may group its digits.
    public mutating func number(after flag: String, minimum: Int) -> Int {
        let text = value(after: flag)
        guard let number = Int(text.filter { $0 != "_" && $0 != "," }), number >= minimum else {
            console.fail("\(flag) \(text): give a whole number of at least \(minimum)")
        }
        return number
    }

    /// A seed (any unsigned 64-bit number) after `flag`.
    public mutating func seed(after flag: String) -> UInt64 {
        let text = value(after: flag)
        guard let seed = UInt64(text) else { console.fail("\(flag) \(text): give a whole number") }
        return seed
    }

    /// Ends the process with `message` followed by the usage text.
    public func fail(_ message: String) -> Never {
        console.fail("\(message)\n\n\(usage)")
    }
}

/// A reading of the wall clock and of the CPU time the process has used, in seconds.
///
/// Both are reported: on a shared machine the wall clock also counts the time other processes
/// hold the cores, while the CPU time leaves out the waits for the disk.
public struct Clock: Sendable {
    public var wall: Double
    public var cpu: Double

    public init(wall: Double, cpu: Double) {
        self.wall = wall
        self.cpu = cpu
    }

    public static func now() -> Clock {
        func seconds(_ id: clockid_t) -> Double {
            var spec = timespec()
            clock_gettime(id, &spec)
            return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
        }
        return Clock(wall: seconds(CLOCK_MONOTONIC), cpu: seconds(CLOCK_PROCESS_CPUTIME_ID))
    }

    public static func - (lhs: Clock, rhs: Clock) -> Clock {
        Clock(wall: lhs.wall - rhs.wall, cpu: lhs.cpu - rhs.cpu)
    }

    public static func + (lhs: Clock, rhs: Clock) -> Clock {
        Clock(wall: lhs.wall + rhs.wall, cpu: lhs.cpu + rhs.cpu)
    }

    public static let zero = Clock(wall: 0, cpu: 0)
}

// MARK: Tables

/// `1234567` as `1,234,567`: thousands separated by commas, for reading figures at a glance.
public func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = value < 0 ? "-" : ""
    for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
        out.append(digit)
    }
    return out
}

/// `1234567.8` as `1,234,568`.
public func grouped(_ value: Double) -> String { grouped(Int(value.rounded())) }

/// `text` followed by spaces up to `width` characters (at least one).
public func padded(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(1, width - text.count))
}

/// `text` after spaces up to `width` characters (at least one).
public func rightAligned(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(1, width - text.count)) + text
}

/// The numeric fields of one of this process's Linux `/proc/self` files (`status`, `io`): lines of
/// `name: value`, with `status` giving sizes in kB (`RssAnon:  1234 kB` reads as 1234). Empty
/// where the kernel does not provide the file.
public func processFields(_ file: String) -> [String: Int] {
    let descriptor = open("/proc/self/" + file, O_RDONLY)
    guard descriptor >= 0 else { return [:] }
    defer { close(descriptor) }
    var bytes = [UInt8]()
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { break }
        bytes += chunk[0..<count]
    }
    var fields: [String: Int] = [:]
    for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
        guard let colon = line.firstIndex(of: ":"),
            let value = line[line.index(after: colon)...].split(whereSeparator: { $0 == " " || $0 == "\t" }).first
                .flatMap({ Int($0) })
        else { continue }
        fields[String(line[..<colon])] = value
    }
    return fields
}
