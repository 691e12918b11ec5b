import BenchSupport
import Ledger
import TTHCDomain
import TTHCWorkload

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// tthc-workload: writes a generated province and its dossiers into a ledger through the domain
// rules, and/or as native JSON lines for `tthc append`. See Tools/README.md.

let console = ToolConsole(name: "tthc-workload")
/// Progress lines go to standard error, so that standard output carries the figures alone.
func report(_ line: String) { console.say(line) }
func fail(_ message: String, status: Int32 = 1) -> Never { console.fail(message, status: status) }

let options = WorkloadOptions(arguments: Array(CommandLine.arguments.dropFirst()))
let dossiers = options.dossiers
let seed = options.seed
let ledgerDirectory = options.ledgerDirectory
let jsonlPath = options.jsonlPath
let batchSize = options.batchSize

let domainLedger: DomainLedger?
do {
    if let ledgerDirectory {
        var ledgerOptions = Ledger.Options(create: true)
        ledgerOptions.unsafeNoSync = options.noSync
        domainLedger = try DomainLedger(directory: ledgerDirectory, options: ledgerOptions)
    } else {
        domainLedger = nil
    }
} catch {
    fail("cannot open the ledger: \(error)", status: 4)
}

let output: UnsafeMutablePointer<FILE>?
if let jsonlPath {
    guard let file = jsonlPath == "-" ? fdopen(1, "w") : fopen(jsonlPath, "w") else {
        fail("cannot write \(jsonlPath): \(String(cString: strerror(errno)))", status: 4)
    }
    output = file
} else {
    output = nil
}

let workload = Workload(seed: seed, dossiers: dossiers)
let started = Timestamp.now()
var events = 0
var appended = 0
var head = LedgerPosition.genesis
do {
    try workload.forEachBatch(size: batchSize) { entries in
        if let domainLedger {
            let outcome = try domainLedger.append(entries)
            appended += outcome.appendedCount
            head = outcome.head
        }
        if let output {
            var text = ""
            text.reserveCapacity(entries.count * 400)
            for entry in entries {
                text += try NativeEventJSON.line(entry)
                text += "\n"
            }
            guard fputs(text, output) >= 0 else {
                throw LedgerError(.storage, "cannot write \(jsonlPath ?? "-"): \(String(cString: strerror(errno)))")
            }
        }
        events += entries.count
        if events % (batchSize * 50) < entries.count {
            report("… \(events) events")
        }
    }
    if let output, fclose(output) != 0 {
        throw LedgerError(.storage, "cannot write \(jsonlPath ?? "-"): \(String(cString: strerror(errno)))")
    }
} catch let error as DomainValidationError {
    fail("the generated event was refused, a bug in the generator: \(error) (event id \(error.eventId))", status: 2)
} catch let error as LedgerError {
    fail("\(error)", status: error.code.exitStatus)
} catch {
    fail("\(error)", status: 4)
}

let seconds = Double(Timestamp.now().microsecondsSinceEpoch - started.microsecondsSinceEpoch) / 1_000_000
let rate = seconds > 0 ? Int(Double(events) / seconds) : 0
var summary =
    "\(events) events of \(dossiers) dossiers (seed \(seed)) in \(Double(Int(seconds * 10)) / 10)s: \(rate) events/s"
if let ledgerDirectory {
    summary += "; appended \(appended) to \(ledgerDirectory), head \(head.seq) \(head.hashHex)"
}
report(summary)
