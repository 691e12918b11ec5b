import BenchSupport
import Ledger
import TTHCDomain
import TTHCReports

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The report benchmark: the quarterly and monthly reports computed in process over a ledger's
// domain projection, live and as of a past position, beside the raw read of the rows they need,
// in one run. See Tools/README.md.

let console = ToolConsole(name: "report-bench")
/// Progress lines go to standard error, so that standard output carries the figures alone.
func report(_ line: String) { console.say(line) }
func fail(_ message: String, status: Int32 = 1) -> Never { console.fail(message, status: status) }

/// The runs of one measured thing.
struct Runs {
    var name: String
    var times = [Clock]()
    /// Rows and bytes read per run, when it reads rows.
    var rows: Int?
    var bytes = 0

    /// The median and the 90th percentile (nearest rank) of `values`.
    static func summary(_ values: [Double]) -> (median: Double, p90: Double) {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return (0, 0) }
        let p90Rank = max(1, Int((0.9 * Double(sorted.count)).rounded(.up)))
        return (sorted[(sorted.count - 1) / 2], sorted[p90Rank - 1])
    }

    var wall: (median: Double, p90: Double) { Self.summary(times.map(\.wall)) }
    var cpu: (median: Double, p90: Double) { Self.summary(times.map(\.cpu)) }

    mutating func time<Result>(_ body: () throws -> Result) rethrows -> Result {
        let start = Clock.now()
        let result = try body()
        times.append(Clock.now() - start)
        return result
    }
}

func milliseconds(_ seconds: Double) -> String {
    let value = seconds * 1000
    return value >= 100 ? String(Int(value.rounded())) : String(Double(Int((value * 10).rounded())) / 10)
}

let options = ReportBenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
guard let quarterly = ReportPeriod.quarter(year: options.year, quarter: options.quarter),
    let monthly = ReportPeriod.month(year: options.year, month: options.month)
else { fail("no such period: \(options.year) Q\(options.quarter) or month \(options.month)") }
let requests: [(name: String, request: ReportRequest, period: ReportPeriod)] = [
    ("quarterly \(quarterly.label)", .quarterly(year: options.year, quarter: options.quarter), quarterly),
    ("monthly \(monthly.label)", .monthly(year: options.year, month: options.month), monthly),
]

/// The first `dossiersByEnd` key of dossiers ending on `day` (the layout `DomainTables` documents:
/// the day number, sign bit flipped, big-endian).
func endIndexStart(_ day: LocalDate) -> [UInt8] {
    let biased = UInt32(bitPattern: day.dayNumber) ^ 0x8000_0000
    return [UInt8(biased >> 24), UInt8(biased >> 16 & 0xFF), UInt8(biased >> 8 & 0xFF), UInt8(biased & 0xFF)]
}

/// One pass over the rows of `table` from `start` to the first key ≥ `end`, adding up their
/// sizes: a raw read, without decoding anything.
func readRows(
    _ store: any ProjectionStore, _ table: ProjectionTable, from start: [UInt8]? = nil, before end: [UInt8]? = nil
) throws -> (rows: Int, bytes: Int) {
    var rows = 0
    var bytes = 0
    try store.scan(table, prefix: [], from: start) { key, value in
        if let end, !key.lexicographicallyPrecedes(end) { return false }
        rows += 1
        bytes &+= key.count &+ value.count
        return true
    }
    return (rows, bytes)
}

/// The domain projection's tables by name.
struct Tables {
    let byName: [String: ProjectionTable]

    init(_ projection: DomainProjection) {
        byName = Dictionary(
            uniqueKeysWithValues: projection.tableNames.enumerated().map { ($0.element, ProjectionTable($0.offset)) })
    }

    func callAsFunction(_ name: String) -> ProjectionTable {
        guard let table = byName[name] else { fail("the domain projection has no table \(name)", status: 4) }
        return table
    }
}

/// The raw read of every row a report of `period` reads (the layouts `DossierTallies` documents):
/// the day tallies of receipts and ends up to its last day, the due-date tallies of its days for a
/// monthly report, the spans, the end-day index of dossiers ending after it within the longest
/// span or still open (whose receipt day decides whether they are pending), and the irregular
/// dossiers.
func readReportRows(
    _ store: any ProjectionStore, _ tables: Tables, _ period: ReportPeriod, monthly: Bool
) throws
    -> (rows: Int, bytes: Int)
{
    let afterPeriod = endIndexStart(period.to.adding(days: 1))
    var longestSpan: Int?
    try store.scan(tables("spans")) { key, _ in
        longestSpan = Int(key.reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
        return true
    }
    var parts = [
        try readRows(store, tables("receiptDays"), before: afterPeriod),
        try readRows(store, tables("endDays"), before: afterPeriod),
        try readRows(store, tables("spans")),
        try readRows(store, tables("dossiersByEnd"), from: [0xFF, 0xFF, 0xFF, 0xFF]),
        try readRows(store, tables("irregularDossiers")),
    ]
    if let longestSpan {
        let end = endIndexStart(period.to.adding(days: longestSpan + 1))
        parts.append(try readRows(store, tables("dossiersByEnd"), from: afterPeriod, before: end))
    }
    if monthly {
        parts.append(try readRows(store, tables("dueDates"), from: endIndexStart(period.from), before: afterPeriod))
    }
    return parts.reduce((0, 0)) { ($0.0 + $1.rows, $0.1 + $1.bytes) }
}

/// The quarterly totals the way reports were computed before the index held the facts: ids from
/// the index, each dossier looked up and its `DossierState` decoded, then classified with reasons.
func previousQuarterlyTotals(_ state: DomainState, _ period: ReportPeriod) throws -> [Int] {
    var totals = [Int](repeating: 0, count: 8)
    try state.forEachDossier(endingOnOrAfter: period.from) { dossier in
        guard let classification = DossierClassification.classify(dossier, in: period) else { return }
        switch classification.received {
        case .online: totals[0] += 1
        case .directOrPostal: totals[1] += 1
        case .carriedOver: totals[2] += 1
        }
        switch classification.resolved {
        case .early: totals[3] += 1
        case .onTime: totals[4] += 1
        case .late: totals[5] += 1
        case nil: break
        }
        switch classification.pending {
        case .withinDeadline: totals[6] += 1
        case .overdue: totals[7] += 1
        case nil: break
        }
    }
    return totals
}

func totals(of report: ComputedReport) -> [Int]? {
    guard case .quarterly(let quarterly) = report else { return nil }
    let t = quarterly.totals
    return [t.online, t.directOrPostal, t.carriedOver, t.early, t.onTime, t.late, t.withinDeadline, t.overdue]
}

var live = [Runs]()
var replayed = [Runs]()
var replayRun = Runs(name: "replay of the log into memory (once per report set)")
var position = LedgerPosition.genesis
var asOfPosition = LedgerPosition.genesis
var dossierCount = 0
var facts = 0

do {
    let domain = try DomainLedger(directory: options.ledger)
    guard let status = try domain.engine.status().first(where: { $0.name == domain.projection.name }) else {
        fail("the ledger has no domain projection", status: 4)
    }
    if status.codeVersion != status.storedVersion || status.lag > 0 {
        guard options.catchUp else {
            fail(
                "the domain projection is at version \(status.storedVersion) with \(grouped(Int(status.lag))) events "
                    + "to apply; this build has version \(status.codeVersion). Rebuild a copy with `tthc rebuild`, "
                    + "or pass --catch-up to bring this ledger up to date (it writes to it)")
        }
        report("report-bench: catching up the domain projection (not timed)…")
        let start = Clock.now()
        try domain.engine.catchUp()
        report("report-bench: caught up in \(milliseconds((Clock.now() - start).wall)) ms")
    }
    let tables = Tables(domain.projection)

    // Live: each repetition reads the index rows of each period, then computes and renders each
    // report, one read transaction each, so that drift on a shared machine touches all alike.
    for request in requests {
        live.append(Runs(name: "  rows it reads (raw read)"))
        live.append(Runs(name: "\(request.name): compute"))
        live.append(Runs(name: "\(request.name): render JSON"))
        live.append(Runs(name: "\(request.name): compute + render"))
    }
    var checkedTotals: [Int]?
    for repetition in 0..<options.repeatCount {
        for (index, request) in requests.enumerated() {
            let base = index * 4
            try domain.engine.read(domain.projection, catchingUp: false) { store, at in
                position = at
                let read = try live[base].time {
                    try readReportRows(store, tables, request.period, monthly: index == 1)
                }
                (live[base].rows, live[base].bytes) = read
                let start = Clock.now()
                let computed = try live[base + 1].time {
                    try request.request.compute(state: DomainState(store: store), position: at)
                }
                let bytes = live[base + 2].time { computed.render(.json) }
                live[base + 3].times.append(Clock.now() - start)
                if bytes.isEmpty { fail("\(request.name) rendered nothing", status: 2) }
                if repetition == 0, let totals = totals(of: computed) { checkedTotals = totals }
            }
        }
        report("… run \(repetition + 1) of \(options.repeatCount)")
    }

    // The path reports took before, and one full pass over the dossiers table, for scale.
    if options.previousRepeat > 0 {
        var previous = Runs(name: "\(requests[0].name): previous per-dossier path")
        var index = Runs(name: "  end-day index rows from \(quarterly.from) (raw read)")
        var fullScan = Runs(name: "  every row of the dossiers table (raw read)")
        for _ in 0..<options.previousRepeat {
            try domain.engine.read(domain.projection, catchingUp: false) { store, _ in
                let state = DomainState(store: store)
                let totals = try previous.time { try previousQuarterlyTotals(state, quarterly) }
                if let checkedTotals, totals != checkedTotals {
                    fail(
                        "the report's totals \(checkedTotals) differ from the per-dossier path's \(totals)",
                        status: 2)
                }
                let indexRead = try index.time {
                    try readRows(store, tables("dossiersByEnd"), from: endIndexStart(quarterly.from))
                }
                (index.rows, index.bytes) = indexRead
                let read = try fullScan.time { try readRows(store, tables("dossiers")) }
                (fullScan.rows, fullScan.bytes) = read
                dossierCount = read.rows
            }
        }
        live.append(previous)
        live.append(index)
        live.append(fullScan)
    }
    report("… live reports measured")

    // As of a past position: the state is folded in memory from the log, then reports computed over it.
    if options.replay {
        let head = try domain.ledger.head().seq
        let seq = min(options.asOf ?? max(1, head / 2), head)
        report("report-bench: replaying \(grouped(Int(seq))) events into memory…")
        let (state, at) = try replayRun.time { try domain.state(asOf: seq) }
        asOfPosition = at
        for request in requests {
            var runs = Runs(name: "\(request.name) as of \(grouped(Int(seq))): compute + render")
            for _ in 0..<options.asOfRepeat {
                let bytes = try runs.time { try request.request.compute(state: state, position: at).render(.json) }
                if bytes.isEmpty { fail("\(request.name) rendered nothing", status: 2) }
            }
            replayed.append(runs)
        }
    }
} catch {
    fail("\(error)", status: 4)
}

func line(_ runs: Runs) -> String {
    let wall = runs.wall
    let cpu = runs.cpu
    return padded(runs.name, 58) + rightAligned(milliseconds(wall.median), 9) + rightAligned(milliseconds(wall.p90), 9)
        + rightAligned(milliseconds(cpu.median), 9) + rightAligned(runs.rows.map(grouped) ?? "", 12)
        + rightAligned(runs.rows == nil ? "" : grouped(runs.bytes >> 20), 7) + rightAligned(String(runs.times.count), 5)
}

let header = padded("milliseconds", 58) + "  median      p90  CPU med        rows    MiB runs"
var output = """
    report-bench: \(options.ledger) at seq \(grouped(Int(position.seq))), \(grouped(dossierCount)) dossiers \
    (domain projection up to date; its catch-up is not timed)

    \(header)

    """
for runs in live { output += line(runs) + "\n" }
for (index, request) in requests.enumerated() {
    let report = live[index * 4 + 3].wall.median
    let floor = live[index * 4].wall.median
    output +=
        "\n\(request.name): \(milliseconds(report)) ms median, "
        + "\(String(Double(Int(report / max(floor, 1e-9) * 10)) / 10))× the raw read of the rows it reads"
}
if options.previousRepeat > 0, live.count > requests.count * 4 {
    let previous = live[requests.count * 4].wall.median
    output +=
        "\nthe per-dossier path took \(String(Double(Int(previous / max(live[3].wall.median, 1e-9) * 10)) / 10))× "
        + "as long for \(requests[0].name)"
}
if !replayed.isEmpty {
    output += "\n\nas of seq \(grouped(Int(asOfPosition.seq))) of \(grouped(Int(position.seq))):\n\(header)\n"
    output += line(replayRun) + "\n"
    for runs in replayed { output += line(runs) + "\n" }
}
print(output)
