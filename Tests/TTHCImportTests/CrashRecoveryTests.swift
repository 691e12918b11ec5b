import Foundation
import Ledger
import TTHCDomain
import TTHCImport
import TTHCWorkload
import Testing

/// A crash in the middle of an import, then the same import again: the ledger ends with exactly
/// the events of an uninterrupted import.
@Suite struct CrashRecoveryTests {
    /// `count` portal CSV rows for the small references, of every status, deterministic.
    static func generatedDossiers(count: Int) -> String {
        var generator = SplitMix64(seed: 42)
        var rows: [String] = []
        let start = LocalDate(iso: "2025-01-02")!
        for index in 0..<count {
            let day = start.adding(days: index % 300)
            let date = day.compactDescription
            let id = "000.00.31.H23-\(date.dropFirst(2))-\(String(format: "%05d", index))"
            let received = date + "083000"
            let due = day.adding(days: 14).compactDescription + "083000"
            let end = day.adding(days: 10).compactDescription + "150000"
            let returned = day.adding(days: 11).compactDescription + "090000"
            let pauseFrom = day.adding(days: 2).compactDescription + "100000"
            let pauseTo = day.adding(days: 5).compactDescription + "090000"
            let channel = String(Int.random(in: 1...3, using: &generator))
            switch Int.random(in: 0..<20, using: &generator) {
            case 0:
                rows.append(dossierRow(id: id, channel: channel, received: received, due: due, status: "4"))
            case 1:
                rows.append(
                    dossierRow(
                        id: id, channel: channel, received: received, due: due, status: "5", pauseFrom: pauseFrom))
            case 2:
                rows.append(dossierRow(id: id, channel: channel, received: received, due: due, end: end, status: "7"))
            case 3:
                rows.append(
                    dossierRow(id: id, channel: channel, received: received, due: "", end: received, status: "3"))
            case 4:
                rows.append(dossierRow(id: id, channel: channel, received: received, due: due, end: end, status: "9"))
            case 5, 6:
                rows.append(
                    dossierRow(
                        id: id, channel: channel, received: received, due: due, end: end, returned: returned,
                        status: "10", pauseFrom: pauseFrom, pauseTo: pauseTo))
            default:
                rows.append(
                    dossierRow(
                        id: id, channel: channel, received: received, due: due, end: end, returned: returned,
                        status: "10"))
            }
        }
        return ([dossierHeader] + rows).joined(separator: "\n") + "\n"
    }

    /// The directory holding the test bundle and the package's other built products.
    static func productsDirectory() -> String {
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
        while url.pathExtension == "xctest" || url.lastPathComponent == "Contents" || url.lastPathComponent == "MacOS" {
            url = url.deletingLastPathComponent()
        }
        return url.path
    }

    static func runImport(_ tthc: String, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tthc)
        process.arguments = ["import"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The `tthc` executable built next to the test bundle (`swift build --build-tests` builds it).
    static let tthc = productsDirectory() + "/tthc"
    static let tthcIsBuilt = FileManager.default.isExecutableFile(atPath: tthc)

    @Test(
        .enabled(
            if: tthcIsBuilt, "runs the tthc executable next to the test bundle: build it with swift build --build-tests"
        ),
        .timeLimit(.minutes(3)))
    func aSIGKILLMidImportThenAReRunEndsWithTheEventsOfACleanImport() throws {
        let tthc = Self.tthc
        try withTemporaryDirectory { directory in
            let file = directory + "/dossiers.csv"
            try Self.generatedDossiers(count: 4_000).write(toFile: file, atomically: true, encoding: .utf8)
            var options = Ledger.Options(create: true)
            options.unsafeNoSync = true
            let crashed = try DomainLedger(directory: directory + "/crashed", options: options)
            let clean = try DomainLedger(directory: directory + "/clean", options: options)
            try importSmallReferences(into: crashed)
            try importSmallReferences(into: clean)
            let base = try crashed.ledger.head().seq

            // Kill the import once a few batches are in, well before the end.
            let arguments = [file, "--ledger", directory + "/crashed", "--batch-size", "500", "--quiet"]
            let process = try Self.runImport(tthc, arguments)
            while process.isRunning, try crashed.ledger.head().seq < base + 2_000 { usleep(5_000) }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            let killedAt = try crashed.ledger.head().seq
            #expect(killedAt > base)

            // Run it again to the end.
            let rerun = try Self.runImport(tthc, arguments)
            rerun.waitUntilExit()
            #expect(rerun.terminationStatus == 0)

            try Importer(ledger: clean).run(.file(path: file))
            let expected = try loggedEvents(clean.ledger)
            let actual = try loggedEvents(crashed.ledger)
            #expect(actual.count > killedAt)
            #expect(actual.count == expected.count)
            #expect(actual == expected)
            #expect(try crashed.ledger.verify().isIntact)

            // And once more: nothing.
            #expect(try Importer(ledger: crashed).run(.file(path: file)).eventsAppended == 0)
        }
    }
}
