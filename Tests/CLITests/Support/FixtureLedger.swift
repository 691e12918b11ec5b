import Foundation
import Ledger
import TTHCDomain
import TTHCImport

/// The ledger `tthc demo` builds from `Fixtures/`, built once per test process and copied for
/// each test that needs it, so tests stay independent without importing it again each time.
enum FixtureLedger {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path

    private static let lock = NSLock()
    nonisolated(unsafe) private static var built: String?

    /// A fresh copy of the fixture ledger in `directory`.
    static func copy(into directory: String) throws -> String {
        let source = try template()
        let target = directory + "/fixtures-ledger"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source + "/data.mdb", toPath: target + "/data.mdb")
        return target
    }

    private static func template() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        removeLeftovers()
        let directory = FileManager.default.temporaryDirectory.path + "/tthc-fixture-ledger-\(getpid())"
        try? FileManager.default.removeItem(atPath: directory)
        var options = Ledger.Options(create: true)
        options.unsafeNoSync = true
        do {
            let domain = try DomainLedger(directory: directory, options: options)
            let importer = Importer(ledger: domain)
            for file in [
                "calendar.csv", "units.csv", "procedures.csv", "plan-tasks.csv", "dossiers.csv", "dossiers.jsonl",
            ] {
                try importer.run(.file(path: fixtures + "/" + file))
            }
            try domain.ledger.sync()
        }
        built = directory
        atexit { try? FileManager.default.removeItem(atPath: FixtureLedger.builtPath()) }
        return directory
    }

    /// Removes the fixture ledgers of test processes that are gone: the `atexit` removal does not
    /// run when the test runner ends the process another way.
    private static func removeLeftovers() {
        let parent = FileManager.default.temporaryDirectory.path
        let prefix = "tthc-fixture-ledger-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: parent + "/" + name) }
        }
    }

    fileprivate static func builtPath() -> String {
        FileManager.default.temporaryDirectory.path + "/tthc-fixture-ledger-\(getpid())"
    }
}
