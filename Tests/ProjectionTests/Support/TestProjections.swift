import Foundation
import Ledger

/// A projection that counts events per stream and remembers the last seq of each: simple
/// enough to check by hand, and its `variant` changes the fold so two versions differ.
final class StreamCountProjection: Projection, @unchecked Sendable {
    let name = "streamCounts"
    let version: UInt32
    let tableNames = ["counts"]
    /// 1 counts events; 2 counts payload bytes instead, so a rebuilt state is visibly new.
    let variant: Int

    init(version: UInt32 = 1, variant: Int = 1) {
        self.version = version
        self.variant = variant
    }

    func apply(_ event: EventView, to store: any ProjectionStore) throws {
        let key = Array(event.streamBytes)
        let current = try store.value(ProjectionTable(0), forKey: key).map { decode($0) } ?? 0
        let step = variant == 1 ? 1 : UInt64(event.payload.count)
        try store.put(ProjectionTable(0), key: key, value: encode(current + step))
    }

    func encode(_ value: UInt64) -> [UInt8] { withUnsafeBytes(of: value.bigEndian) { Array($0) } }
    func decode(_ bytes: [UInt8]) -> UInt64 { bytes.reduce(0) { $0 << 8 | UInt64($1) } }
}

/// A fresh directory under the system's temporary folder, removed afterwards.
func withTemporaryDirectory<Result>(_ body: (String) throws -> Result) throws -> Result {
    var template = Array((FileManager.default.temporaryDirectory.path + "/projection-test-XXXXXX").utf8CString)
    let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

func openLedger(_ path: String) throws -> Ledger {
    var options = Ledger.Options(create: true)
    options.unsafeNoSync = true
    return try Ledger(directory: path, options: options)
}

/// A small `Counted` event of stream `s/<stream>`.
func countedDraft(stream: Int, payload: [UInt8], second: Int64) -> EventDraft {
    EventDraft(
        stream: "s/\(stream)", type: "Counted", payload: payload, occurredAt: Timestamp(secondsSinceEpoch: second),
        actor: "test")
}

/// Appends `count` small events spread over `streams` streams.
func appendEvents(_ ledger: Ledger, count: Int, streams: Int = 7, offset: Int = 0) throws {
    try ledger.append(
        (offset..<offset + count).map { index in
            countedDraft(
                stream: index % streams, payload: [UInt8](repeating: 1, count: index % 5 + 1), second: Int64(index))
        })
}

/// The directory holding the test bundle and the package's other built products.
func productsDirectory() -> String {
    let executable =
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
    while url.pathExtension == "xctest" {
        url = url.deletingLastPathComponent()
    }
    return url.path
}
