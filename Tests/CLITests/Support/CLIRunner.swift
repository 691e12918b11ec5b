import Foundation
import Testing

/// Runs the built `tthc` binary as a user would and captures what it printed.
struct CLIResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

enum CLI {
    /// The `tthc` binary next to the test bundle.
    static var executable: String {
        let bundle =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: bundle).deletingLastPathComponent()
        while url.pathExtension == "xctest" { url = url.deletingLastPathComponent() }
        return url.appendingPathComponent("tthc").path
    }

    @discardableResult
    static func run(
        _ arguments: [String], input: String? = nil, environment: [String: String] = [:]
    ) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["TTHC_LEDGER"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let inputPipe = Pipe()
        process.standardInput = inputPipe
        try process.run()
        if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inputPipe.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let errorReader = PipeReader(error.fileHandleForReading)
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errorReader.wait()
        process.waitUntilExit()
        return CLIResult(
            status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}

/// Reads a pipe to its end on another thread.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        // `data` is written once on the reading thread and read only after `done` is signalled.
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

/// A fresh directory under the system's temporary folder, removed afterwards.
func withTemporaryDirectory<Result>(_ body: (String) throws -> Result) throws -> Result {
    var template = Array((FileManager.default.temporaryDirectory.path + "/cli-test-XXXXXX").utf8CString)
    let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// Compares `actual` with the snapshot file `name` under `Tests/CLITests/Snapshots/`.
/// `TTHC_RECORD_SNAPSHOTS=1` rewrites it instead: re-record only on purpose.
func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")
    let file = directory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["TTHC_RECORD_SNAPSHOTS"] == "1" {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: file)
        // Recording is never a pass: a run that re-recorded must be followed by one that compares.
        Issue.record(
            "snapshot \(name) recorded; run again without TTHC_RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
        return
    }
    // Bytes, not text: decoding would drop a CSV's byte-order mark.
    let expected = try Data(contentsOf: file)
    #expect(Data(actual.utf8) == expected, "snapshot \(name) differs", sourceLocation: sourceLocation)
}
