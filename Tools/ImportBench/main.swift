import BenchSupport
import Foundation
import Ledger
import TTHCDomain
import TTHCImport

// Import throughput against the ledger's raw append rate, in one run. See BenchOptions.usage.

let console = ToolConsole(name: "import-bench")
func fail(_ message: String, status: Int32 = 1) -> Never { console.fail(message, status: status) }

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// CPU time of the process (user and system), in seconds: on a shared machine the wall clock
/// also counts other processes' turns.
func cpuSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Anonymous (heap) and file-backed (LMDB's memory map) resident memory now, in MiB, from
/// `/proc/self/status`; zeros where it cannot be read.
func residentMemory() -> (heap: Int, mapped: Int) {
    let status = processFields("status")
    return ((status["RssAnon"] ?? 0) / 1024, (status["RssFile"] ?? 0) / 1024)
}

func rate(_ count: Int, _ duration: Double) -> String {
    grouped(Int((Double(count) / max(duration, 1e-9)).rounded()))
}

let options = BenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))

var template = Array("\(options.parentDirectory)/import-bench.XXXXXX".utf8CString)
guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
    fail("cannot create a directory under \(options.parentDirectory)", status: 4)
}
let scratch = String(cString: created)
/// Removes the scratch directory unless it is to be kept; `exit` skips `defer`, so every way out
/// calls it.
func removeScratch() {
    if !options.keep { try? FileManager.default.removeItem(atPath: scratch) }
}

do {
    var ledgerOptions = Ledger.Options(create: true)
    ledgerOptions.unsafeNoSync = options.noSync
    let domain = try DomainLedger(directory: scratch + "/import", options: ledgerOptions)
    let importer = Importer(ledger: domain)
    for name in ["units.csv", "calendar.csv", "procedures.csv", "plan-tasks.csv"] {
        try importer.run(.file(path: options.fixtures + "/" + name))
    }
    let base = try domain.ledger.head().seq

    let clock = ContinuousClock()
    let file = scratch + "/dossiers.csv"
    var bytes = 0
    let generation = try clock.measure {
        let generator = try domain.withState { state, _ in try PortalExportGenerator(state: state) }
        bytes = try generator.write(rows: options.rows, seed: options.seed, to: file)
    }
    print(
        "generated \(grouped(options.rows)) rows (\(grouped(bytes)) bytes) in "
            + String(format: "%.1f s", seconds(generation))
    )

    var importOptions = ImportOptions()
    importOptions.batchSize = options.batchSize
    var checked: ContinuousClock.Instant?
    var checkedCPU = 0.0
    var peakHeap = 0
    var progressCalls = 0
    let startedCPU = cpuSeconds()
    let started = clock.now
    let summary = try importer.run(.file(path: file), options: importOptions) { progress in
        progressCalls += 1
        if progressCalls % 50 == 0 { peakHeap = max(peakHeap, residentMemory().heap) }
        if progress.phase == .importing && checked == nil {
            checked = clock.now
            checkedCPU = cpuSeconds()
        }
    }
    let finished = clock.now
    let importCPU = cpuSeconds() - startedCPU
    let checkCPU = checked == nil ? importCPU : checkedCPU - startedCPU
    let afterImport = residentMemory()
    let total = seconds(started.duration(to: finished))
    let checking = seconds(started.duration(to: checked ?? finished))
    let events = summary.eventsAppended
    guard summary.rowsRejected == 0, try domain.ledger.head().seq == base + UInt64(events) else {
        removeScratch()
        fail("the generated file did not import whole: \(summary.rowsRejected) rows rejected")
    }

    // The same events, appended to a bare ledger in batches of the same size.
    let raw = try Ledger(directory: scratch + "/raw", options: ledgerOptions)
    var appendTime = Duration.zero
    var appendCPU = 0.0
    var batch: [EventDraft] = []
    batch.reserveCapacity(options.batchSize)
    func flush() throws {
        guard !batch.isEmpty else { return }
        let drafts = batch
        let before = cpuSeconds()
        appendTime += try clock.measure { try raw.append(drafts) }
        appendCPU += cpuSeconds() - before
        batch.removeAll(keepingCapacity: true)
    }
    try domain.ledger.scan(from: base + 1) { view in
        batch.append(
            EventDraft(
                stream: view.stream, type: view.type, schemaVersion: view.schemaVersion, payload: Array(view.payload),
                occurredAt: view.occurredAt, actor: view.actor, eventId: view.eventId))
        if batch.count == options.batchSize { try flush() }
        return true
    }
    try flush()
    let rawSeconds = seconds(appendTime)

    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let mode = options.noSync ? "no fsync" : "fsync per batch"
    print("rows                 \(grouped(summary.rowsRead))  (\(grouped(summary.rowsSkipped)) skipped: status 1)")
    print("events               \(grouped(events))")
    for (type, count) in summary.eventsByType.sorted(by: { $0.key < $1.key }) {
        print("  \(type.padding(toLength: 28, withPad: " ", startingAt: 0)) \(grouped(count))")
    }
    print("                     wall                          cpu")
    print(String(format: "check pass           %6.1f s                      %6.1f s", checking, checkCPU))
    print(
        String(
            format: "append pass          %6.1f s                      %6.1f s", total - checking, importCPU - checkCPU)
    )
    print(
        String(format: "import               %6.1f s  ", total)
            + "\(rate(summary.rowsRead, total)) rows/s  \(rate(events, total)) events/s"
            + String(format: "   %6.1f s  ", importCPU)
            + "\(rate(summary.rowsRead, importCPU)) rows/s  \(rate(events, importCPU)) events/s")
    print(
        String(format: "raw Ledger.append    %6.1f s  ", rawSeconds) + "\(rate(events, rawSeconds)) events/s"
            + String(format: "                %6.1f s  ", appendCPU) + "\(rate(events, appendCPU)) events/s")
    print(
        String(
            format: "import / raw         %.2f× the wall time, %.2f× the cpu time", total / rawSeconds,
            importCPU / appendCPU))
    print("mode                 \(mode), batches of \(grouped(options.batchSize)) events")
    print(
        "memory               heap at most \(grouped(max(peakHeap, afterImport.heap))) MiB during the import; "
            + "ledger map \(grouped(afterImport.mapped)) MiB resident after it")
    print("peak RSS             \(grouped(Int(usage.ru_maxrss) / 1024)) MiB (heap and memory-mapped ledger pages)")
    if options.keep { print("kept \(scratch)") }
    removeScratch()
} catch let error as ImportError {
    removeScratch()
    fail((error.issues.prefix(5).map(\.description) + [error.summary]).joined(separator: "\n"))
} catch {
    removeScratch()
    fail("\(error)", status: 4)
}
