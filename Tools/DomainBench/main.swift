import BenchSupport
import Ledger
import TTHCDomain
import TTHCWorkload

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The domain benchmark: validate-and-append throughput of generated dossier events against the raw
// ledger append of the same drafts, in one run, and the decode throughput of stored payloads.
// See Tools/README.md.

let console = ToolConsole(name: "domain-bench")
/// Progress lines go to standard error, so that standard output carries the figures alone.
func report(_ line: String) { console.say(line) }
func fail(_ message: String, status: Int32 = 1) -> Never { console.fail(message, status: status) }

let options = DomainBenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
var template = Array("\(options.parentDirectory)/domain-bench.XXXXXX".utf8CString)
guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
    fail(
        "cannot create a temporary directory in \(options.parentDirectory): \(String(cString: strerror(errno)))",
        status: 4)
}
let scratch = String(cString: created)

/// Deletes the two ledgers and the scratch directory.
func removeScratch() {
    for ledger in ["domain", "raw"] {
        for file in ["data.mdb", "lock.mdb"] { unlink("\(scratch)/\(ledger)/\(file)") }
        rmdir("\(scratch)/\(ledger)")
    }
    rmdir(scratch)
}

struct Figures {
    var events = 0
    var payloadBytes = 0
    var domain = Clock.zero
    var raw = Clock.zero
    var encode = Clock.zero
    var generate = Clock.zero
    var scan = Clock.zero
    var decodeScan = Clock.zero
    var decoded = 0
}

var figures = Figures()
do {
    var ledgerOptions = Ledger.Options(create: true)
    ledgerOptions.unsafeNoSync = options.noSync
    let domain = try DomainLedger(directory: "\(scratch)/domain", options: ledgerOptions)
    let raw = try Ledger(directory: "\(scratch)/raw", options: ledgerOptions)
    report("domain-bench: ledgers in \(scratch)")

    let workload = Workload(seed: options.seed, dossiers: options.dossiers)
    let reference = workload.referenceEntries()
    try domain.append(reference)
    try raw.append(reference.map { try $0.draft() })
    let firstDossierSeq = UInt64(reference.count) + 1

    var generated = Clock.now()
    try workload.forEachDossierBatch(size: options.batchSize) { entries in
        let start = Clock.now()
        figures.generate = figures.generate + (start - generated)
        try domain.append(entries)
        let appended = Clock.now()
        let drafts = try entries.map { try $0.draft() }
        let encoded = Clock.now()
        try raw.append(drafts)
        let rawAppended = Clock.now()
        figures.domain = figures.domain + (appended - start)
        figures.encode = figures.encode + (encoded - appended)
        figures.raw = figures.raw + (rawAppended - encoded)
        figures.events += entries.count
        figures.payloadBytes += drafts.reduce(0) { $0 + $1.payload.count }
        if figures.events % (options.batchSize * 20) < entries.count {
            report("… \(grouped(figures.events)) events")
        }
        generated = Clock.now()
    }

    // Reading back: the scan alone, then the scan with every payload decoded.
    var start = Clock.now()
    var scanned = 0
    try domain.ledger.scan(from: firstDossierSeq) { view in
        scanned &+= view.payload.count
        return true
    }
    figures.scan = Clock.now() - start
    start = Clock.now()
    try domain.ledger.scan(from: firstDossierSeq) { view in
        _ = try DomainEvent(typeName: view.type, schemaVersion: view.schemaVersion, payload: Array(view.payload))
        figures.decoded += 1
        return true
    }
    figures.decodeScan = Clock.now() - start
    if figures.decoded != figures.events || scanned != figures.payloadBytes {
        throw LedgerError(.integrity, "read back \(figures.decoded) events, appended \(figures.events)")
    }
} catch {
    removeScratch()
    fail("\(error)", status: 4)
}
removeScratch()

/// One line of the table: what was timed, and the events per second it reached by the wall
/// clock and by CPU time, with the time it took.
func row(_ name: String, events: Int, time: Clock) -> String {
    func rate(_ seconds: Double) -> String { seconds > 0 ? grouped(Int(Double(events) / seconds)) : "–" }
    return padded(name, 46) + rightAligned(rate(time.wall), 12) + rightAligned(rate(time.cpu), 12)
        + rightAligned(String(Double(Int(time.wall * 100)) / 100) + " s", 10)
}
let decodeAlone = figures.decodeScan - figures.scan
let ratio = figures.raw.wall / max(figures.domain.wall, 1e-9)
let cpuRatio = figures.raw.cpu / max(figures.domain.cpu, 1e-9)
print(
    """
    domain-bench: \(grouped(figures.events)) dossier events of \(grouped(options.dossiers)) dossiers (seed \(options.seed)), \
    batches of \(grouped(options.batchSize)), \(options.noSync ? "no fsync" : "durable commits"), \
    \(grouped(figures.payloadBytes / max(1, figures.events))) payload bytes per event

    \(padded("events per second", 46))        wall         CPU      wall
    \(row("validate-and-append (DomainLedger.append)", events: figures.events, time: figures.domain))
    \(row("raw Ledger.append of the same drafts", events: figures.events, time: figures.raw))
    \(row("  protobuf encode (in the first, not the second)", events: figures.events, time: figures.encode))
    \(row("  generating the workload (in neither)", events: figures.events, time: figures.generate))
    \(row("scan of the stored events", events: figures.events, time: figures.scan))
    \(row("scan and protobuf decode of every payload", events: figures.events, time: figures.decodeScan))
    \(row("protobuf decode alone (the difference)", events: figures.events, time: decodeAlone))

    validate-and-append reaches \(String(Double(Int(ratio * 1000)) / 1000)) of the raw append's throughput by the \
    wall clock, \(String(Double(Int(cpuRatio * 1000)) / 1000)) by CPU time
    """)
