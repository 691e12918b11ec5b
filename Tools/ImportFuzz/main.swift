import BenchSupport
import Foundation
import Ledger
import TTHCDomain
import TTHCImport

// A long fuzz run of the importer, by hand. See FuzzOptions.usage.

let console = ToolConsole(name: "import-fuzz")
func fail(_ message: String, status: Int32 = 1) -> Never { console.fail(message, status: status) }

let options = FuzzOptions(arguments: Array(CommandLine.arguments.dropFirst()))

var template = Array("\(options.parentDirectory)/import-fuzz.XXXXXX".utf8CString)
guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
    fail("cannot create a directory under \(options.parentDirectory)", status: 4)
}
let scratch = String(cString: created)

/// The first `lines` lines of a fixture, or nothing if it cannot be read.
func head(_ name: String, lines: Int) -> [UInt8] {
    guard let text = try? String(contentsOfFile: options.fixtures + "/" + name, encoding: .utf8) else {
        fail("cannot read \(options.fixtures)/\(name): pass --fixtures DIR")
    }
    return Array(
        text.split(separator: "\n", omittingEmptySubsequences: false).prefix(lines).joined(separator: "\n").utf8)
        + [10]
}

var problems = 0

/// Keeps a failing case for replay and counts it.
@MainActor func report(_ iteration: Int, _ name: String, _ input: [UInt8], _ what: String) {
    problems += 1
    let path = "\(scratch)/case-\(options.seed)-\(iteration)-\(name)"
    _ = FileManager.default.createFile(atPath: path, contents: Data(input))
    FileHandle.standardError.write(
        Data("case \(iteration) (seed \(options.seed)): \(what); input kept in \(path)\n".utf8))
}

do {
    var ledgerOptions = Ledger.Options(create: true)
    ledgerOptions.unsafeNoSync = true
    let domain = try DomainLedger(directory: scratch + "/ledger", options: ledgerOptions)
    let importer = Importer(ledger: domain)
    for name in ["units.csv", "calendar.csv", "procedures.csv", "plan-tasks.csv"] {
        try importer.run(.file(path: options.fixtures + "/" + name))
    }
    let corpus: [(name: String, bytes: [UInt8])] = [
        ("dossiers.csv", head("dossiers.csv", lines: 25)), ("dossiers.jsonl", head("dossiers.jsonl", lines: 12)),
        ("units.csv", head("units.csv", lines: 40)), ("procedures.csv", head("procedures.csv", lines: 30)),
        ("calendar.csv", head("calendar.csv", lines: 40)), ("plan-tasks.csv", head("plan-tasks.csv", lines: 11)),
    ]
    var mutator = InputMutator(seed: options.seed)
    var outcomes: [String: Int] = [:]
    let clock = ContinuousClock()
    let started = clock.now
    var slowest = Duration.zero
    for iteration in 0..<options.iterations {
        let sample = corpus[iteration % corpus.count]
        let input =
            mutator.chance(10)
            ? mutator.randomBytes(maximumCount: 2_000)
            : mutator.mutate(sample.bytes, other: corpus.randomElement(using: &mutator.random)!.bytes)
        var importOptions = ImportOptions(dryRun: mutator.chance(30))
        if mutator.chance(10) { importOptions.rejectFile = "\(scratch)/rejected" }
        let before = try domain.ledger.head()
        let caseStart = clock.now
        do {
            let summary = try importer.run(.bytes(name: sample.name, input), options: importOptions)
            outcomes[summary.eventsAppended > 0 ? "appended" : "nothing to append", default: 0] += 1
            if importOptions.dryRun, try domain.ledger.head() != before {
                report(iteration, sample.name, input, "a dry run wrote to the ledger")
            }
        } catch let error as ImportError {
            outcomes["refused", default: 0] += 1
            if error.issues.isEmpty || error.issues.contains(where: { $0.reason.isEmpty || $0.field.isEmpty }) {
                report(iteration, sample.name, input, "a refusal without a field or reason: \(error)")
            }
            if error.appendedBefore == 0, try domain.ledger.head() != before {
                report(iteration, sample.name, input, "a refused import wrote to the ledger")
            }
        } catch {
            report(iteration, sample.name, input, "unexpected error \(error)")
        }
        let elapsed = caseStart.duration(to: clock.now)
        slowest = max(slowest, elapsed)
        if elapsed > .seconds(options.slowSeconds) {
            report(iteration, sample.name, input, "took \(elapsed)")
        }
        if (iteration + 1) % 1_000 == 0 {
            print(
                "\(iteration + 1) cases: "
                    + outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            )
        }
    }
    let verification = try domain.ledger.verify()
    if !verification.isIntact { problems += 1 }
    print(
        "\(options.iterations) cases in \(started.duration(to: clock.now)), slowest \(slowest); "
            + "ledger \(verification.isIntact ? "verifies" : "FAILS verification") "
            + "at seq \(verification.verifiedThrough.seq)"
    )
    if problems > 0 { fail("\(problems) problems; cases kept in \(scratch)") }
    try? FileManager.default.removeItem(atPath: scratch)
} catch {
    fail("\(error); scratch kept in \(scratch)", status: 4)
}
