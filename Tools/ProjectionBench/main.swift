import BenchSupport
import Ledger
import TTHCDomain

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The projection benchmark: a full rebuild of every projection of an existing ledger against a
// bare protobuf-decode loop over the same payloads, in one run, with its peak memory; then the
// catch-up after events appended behind the projections' back. See Tools/README.md.

let console = ToolConsole(name: "projection-bench")
/// Progress lines go to standard error, so that standard output carries the figures alone.
func report(_ line: String) { console.say(line) }
func fail(_ message: String, status: Int32 = 1) -> Never { console.fail(message, status: status) }

/// Copies the file at `source` to `target` (created), returning its size.
func copyFile(_ source: String, to target: String) throws -> Int {
    let input = open(source, O_RDONLY)
    guard input >= 0 else { throw LedgerError(.storage, "cannot read \(source): \(String(cString: strerror(errno)))") }
    defer { close(input) }
    let output = open(target, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard output >= 0 else {
        throw LedgerError(.storage, "cannot create \(target): \(String(cString: strerror(errno)))")
    }
    defer { close(output) }
    var buffer = [UInt8](repeating: 0, count: 1 << 22)
    var total = 0
    while true {
        let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
        guard count >= 0 else {
            throw LedgerError(.storage, "cannot read \(source): \(String(cString: strerror(errno)))")
        }
        if count == 0 { break }
        var written = 0
        while written < count {
            let step = buffer.withUnsafeBytes { write(output, $0.baseAddress! + written, count - written) }
            guard step > 0 else {
                throw LedgerError(.storage, "cannot write \(target): \(String(cString: strerror(errno)))")
            }
            written += step
        }
        total += count
    }
    return total
}

let options = ProjectionBenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
var template = Array("\(options.parentDirectory)/projection-bench.XXXXXX".utf8CString)
guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
    fail(
        "cannot create a temporary directory in \(options.parentDirectory): \(String(cString: strerror(errno)))",
        status: 4)
}
let scratch = String(cString: created)
let copy = scratch + "/ledger"

/// Deletes the copy and the scratch directory.
func removeScratch() {
    for file in ["data.mdb", "lock.mdb"] { unlink("\(copy)/\(file)") }
    rmdir(copy)
    rmdir(scratch)
}

struct CatchUp {
    var kind: AppendedEvents.Kind
    var appended = 0
    var lag: UInt64 = 0
    var time = Clock(wall: 0, cpu: 0)
    var wrote = 0
}

struct Figures {
    var events: UInt64 = 0
    var ledgerBytes = 0
    var copy = Clock(wall: 0, cpu: 0)
    var rebuild = Clock(wall: 0, cpu: 0)
    var projections = [String]()
    var peakAfterRebuild = 0
    var peakAnonymous = 0
    var rebuildWrote = 0
    var rebuildSwitches = (voluntary: 0, involuntary: 0)
    var scan = Clock(wall: 0, cpu: 0)
    var decodeScan = Clock(wall: 0, cpu: 0)
    var payloadBytes = 0
    /// The catch-ups after events of each kind (``AppendedEvents/Kind``), in that order.
    var catchUps: [CatchUp] = []
    var peakAtEnd = 0
}

var figures = Figures()
do {
    guard mkdir(copy, 0o755) == 0 else {
        throw LedgerError(.storage, "cannot create \(copy): \(String(cString: strerror(errno)))")
    }
    report("projection-bench: copying \(options.ledger) to \(copy)")
    var start = Clock.now()
    figures.ledgerBytes = try copyFile(options.ledger + "/data.mdb", to: copy + "/data.mdb")
    figures.copy = Clock.now() - start

    var ledgerOptions = Ledger.Options()
    ledgerOptions.unsafeNoSync = options.noSync
    let domain = try DomainLedger(directory: copy, options: ledgerOptions)
    domain.engine.chunkSize = options.chunkSize
    figures.events = try domain.ledger.head().seq
    figures.projections = domain.engine.projections.map(\.name)

    // 1. Every projection from seq 1, as `tthc rebuild` does it.
    report(
        "projection-bench: rebuilding \(figures.projections.joined(separator: ", ")) over \(grouped(Int(figures.events))) events"
    )
    var nextReport: UInt64 = 1_000_000
    let writtenBefore = Activity.bytesWritten()
    let switchesBefore = Activity.contextSwitches()
    let sampler = AnonymousMemorySampler()
    start = Clock.now()
    try domain.engine.rebuild { name, done, total in
        if done >= nextReport || done == total {
            let elapsed = Clock.now() - start
            report("… \(name): \(grouped(Int(done)))/\(grouped(Int(total))) in \(decimal(elapsed.wall, 1)) s")
            nextReport = done + 1_000_000
        }
    }
    figures.rebuild = Clock.now() - start
    figures.peakAnonymous = sampler.stop()
    figures.rebuildWrote = Activity.bytesWritten() - writtenBefore
    let switchesAfter = Activity.contextSwitches()
    figures.rebuildSwitches = (
        switchesAfter.voluntary - switchesBefore.voluntary, switchesAfter.involuntary - switchesBefore.involuntary
    )
    figures.peakAfterRebuild = Memory.peakResident()
    let status = try domain.engine.status()
    guard status.allSatisfy({ $0.checkpoint == figures.events && $0.shadow == nil }) else {
        throw LedgerError(.integrity, "the rebuild did not reach the head: \(status)")
    }

    // 2. The same payloads, scanned alone and scanned and decoded.
    report("projection-bench: scanning and decoding")
    start = Clock.now()
    var touched = 0
    try domain.ledger.scan { view in
        touched &+= view.payload.count
        return true
    }
    figures.scan = Clock.now() - start
    figures.payloadBytes = touched
    start = Clock.now()
    var decoded: UInt64 = 0
    try domain.ledger.scan { view in
        _ = try DomainEvent(typeName: view.type, schemaVersion: view.schemaVersion, payload: Array(view.payload))
        decoded += 1
        return true
    }
    figures.decodeScan = Clock.now() - start
    guard decoded == figures.events else {
        throw LedgerError(.integrity, "decoded \(decoded) events of \(figures.events)")
    }

    // 3. Events appended by a writer that does not keep the projections, then the catch-up: old
    // dossiers recorded late, then the dossiers the province records next.
    for kind in [AppendedEvents.Kind.backfilled, .next] {
        var catchUp = CatchUp(kind: kind)
        let drafts = try AppendedEvents.drafts(count: options.append, seed: options.seed, kind: kind)
        catchUp.appended = try domain.ledger.append(drafts).appendedCount
        // An event id the ledger holds already appends nothing: the renaming must make them all new.
        guard catchUp.appended == drafts.count else {
            throw LedgerError(
                .integrity,
                "only \(catchUp.appended) of \(drafts.count) appended events were new: the ledger holds events "
                    + "of seed \(options.seed) renamed as this bench renames them; measure a ledger it did not append to"
            )
        }
        catchUp.lag = try domain.engine.status().map(\.lag).max() ?? 0
        report("projection-bench: appended \(grouped(catchUp.appended)) events; catching up")
        start = Clock.now()
        let writtenBefore = Activity.bytesWritten()
        try domain.engine.catchUp()
        catchUp.time = Clock.now() - start
        catchUp.wrote = Activity.bytesWritten() - writtenBefore
        guard try domain.engine.status().allSatisfy({ $0.lag == 0 }) else {
            throw LedgerError(.integrity, "the catch-up left a lag")
        }
        figures.catchUps.append(catchUp)
    }
    figures.peakAtEnd = Memory.peakResident()
} catch {
    removeScratch()
    fail("\(error)", status: 4)
}
removeScratch()

/// One line of the table: what was timed, its events per second by the wall clock and by CPU
/// time, and the wall and CPU time it took.
func row(_ name: String, events: UInt64, time: Clock) -> String {
    func rate(_ seconds: Double) -> String { seconds > 0 ? grouped(Int(Double(events) / seconds)) : "–" }
    return padded(name, 44) + rightAligned(rate(time.wall), 12) + rightAligned(rate(time.cpu), 12)
        + rightAligned(decimal(time.wall) + " s", 11) + rightAligned(decimal(time.cpu) + " s", 11)
}

/// One catch-up's line.
func describe(_ catchUp: CatchUp) -> String {
    let what =
        switch catchUp.kind {
        case .backfilled: "old dossiers recorded late"
        case .next: "the dossiers recorded next"
        }
    return "catch-up of \(grouped(catchUp.appended)) events appended behind the projections (\(what), lag "
        + "\(grouped(Int(catchUp.lag)))): \(decimal(catchUp.time.wall * 1000, 1)) ms wall, "
        + "\(decimal(catchUp.time.cpu * 1000, 1)) ms CPU; its commit wrote \(mebibytes(catchUp.wrote)) "
        + "(\(grouped(catchUp.wrote / 4_096)) pages of 4 KiB)"
}

let events = figures.events
let ratio = figures.decodeScan.wall / max(figures.rebuild.wall, 1e-9)
let cpuRatio = figures.decodeScan.cpu / max(figures.rebuild.cpu, 1e-9)
print(
    """
    projection-bench: \(options.ledger), \(grouped(Int(events))) events, \(mebibytes(figures.ledgerBytes)) \
    (copied in \(decimal(figures.copy.wall, 1)) s), \(grouped(figures.payloadBytes / max(1, Int(events)))) payload \
    bytes per event, rebuild chunks of \(grouped(options.chunkSize)), \(options.noSync ? "no fsync" : "durable commits")

    \(padded("events per second", 44))        wall         CPU       wall        CPU
    \(row("rebuild of \(figures.projections.joined(separator: ", ")) from seq 1", events: events, time: figures.rebuild))
    \(row("scan of the stored events", events: events, time: figures.scan))
    \(row("scan and protobuf decode of every payload", events: events, time: figures.decodeScan))

    the rebuild wrote \(mebibytes(figures.rebuildWrote)) (\(grouped(figures.rebuildWrote / max(1, Int(events)))) bytes an \
    event) and was switched out \(grouped(figures.rebuildSwitches.voluntary)) times waiting, \
    \(grouped(figures.rebuildSwitches.involuntary)) times for another process
    the rebuild reaches \(decimal(ratio, 3)) of the decode loop's throughput by the wall clock, \
    \(decimal(cpuRatio, 3)) by CPU time
    peak resident memory after the rebuild: \(mebibytes(figures.peakAfterRebuild)) (ru_maxrss: the heap and \
    the mapped ledger pages resident at once); anonymous memory at most \(mebibytes(figures.peakAnonymous)) (sampled every 5 ms)
    \(figures.catchUps.map(describe).joined(separator: "\n"))
    peak resident memory at the end: \(mebibytes(figures.peakAtEnd))
    """)
