import Foundation
import Ledger

/// A fresh directory under the system's temporary folder, removed afterwards.
func withTemporaryDirectory<Result>(_ body: (String) throws -> Result) throws -> Result {
    var template = Array((FileManager.default.temporaryDirectory.path + "/ledger-test-XXXXXX").utf8CString)
    let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// A new ledger on disk in its own temporary directory.
func withTemporaryLedger<Result>(
    noSync: Bool = false, initialMapSize: Int = 64 << 20, clock: (@Sendable () -> Timestamp)? = nil,
    _ body: (Ledger, String) throws -> Result
) throws -> Result {
    try withTemporaryDirectory { path in
        var options = Ledger.Options(create: true)
        options.unsafeNoSync = noSync
        options.initialMapSize = initialMapSize
        if let clock { options.clock = clock }
        let ledger = try Ledger(directory: path, options: options)
        return try body(ledger, path)
    }
}

/// A draft with a small payload derived from its index.
func draft(
    _ index: Int, stream: String = "test/a", type: String = "Tested", id: String? = nil,
    expected: ExpectedVersion = .any
) -> EventDraft {
    EventDraft(
        stream: stream, type: type, payload: Array("payload-\(index)".utf8),
        occurredAt: Timestamp(secondsSinceEpoch: 1_744_700_000 + Int64(index)), actor: "000.00.31.H23",
        eventId: id, expectedVersion: expected)
}

/// The directory holding the test bundle and the package's other built products.
func productsDirectory() -> String {
    let executable =
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
    while url.pathExtension == "xctest" || url.lastPathComponent == "Contents" || url.lastPathComponent == "MacOS" {
        url = url.deletingLastPathComponent()
    }
    return url.path
}
