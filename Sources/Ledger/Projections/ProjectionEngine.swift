import Dispatch

/// Keeps projections in step with the log: catch-up, inline updates on append, versioned
/// rebuilds in a shadow copy swapped in atomically, and replays as of a past position.
///
/// Each projection's tables are named `<projection>@<generation>.<table>`, the generation
/// alternating between 1 and 2. The `projections` table holds, per projection, the active
/// generation, its version and checkpoint, and a rebuild in progress (the shadow, in the other
/// generation) with its own version and checkpoint. Every state change
/// and the checkpoint it reaches are written in one write transaction, so a crash never leaves
/// them disagreeing; a rebuild killed halfway resumes from the shadow's checkpoint.
///
/// Readers keep reading the active generation while a rebuild fills the shadow; the swap
/// applies the last events to the shadow and makes it active in one write transaction.
public final class ProjectionEngine {
    public let ledger: Ledger
    public let projections: [any Projection]
    /// Events applied per write transaction while catching up or rebuilding.
    ///
    /// Each commit writes every page the chunk dirtied, and a dossier's pages are dirtied again by
    /// its later events: on a 10M-event ledger, chunks of 250,000 write a third of what chunks of
    /// 50,000 do, for a tenth less CPU time and about 40 MiB more heap (`projection-bench`).
    /// A chunk's event views and what the projection buffers for it (the domain projection: the
    /// chunk's dossiers, decoded) stay in memory until its commit, so the heap grows with it:
    /// about 430 MiB at most for chunks of 250,000 on that ledger.
    public var chunkSize = 250_000
    private let metaTable: Table
    private var tableCache: [String: Table] = [:]

    /// Reports progress: projection name, events applied so far, events to apply in all. Called
    /// with 0 applied before the first chunk, then after each chunk's commit. Throwing from it
    /// stops the work after the last committed chunk.
    public typealias Progress = (_ projection: String, _ done: UInt64, _ total: UInt64) throws -> Void

    public init(ledger: Ledger, projections: [any Projection]) throws {
        self.ledger = ledger
        self.projections = projections
        metaTable = try ledger.table(named: "projections")
    }

    // MARK: Status

    /// Version, checkpoint, lag and rebuild state of every projection.
    public func status() throws -> [ProjectionStatus] {
        let head = try ledger.head().seq
        return try ledger.readTables { txn in
            try projections.map { projection in
                let record = try self.record(of: projection, in: txn) ?? ProjectionRecord()
                return ProjectionStatus(
                    name: projection.name, codeVersion: projection.version, storedVersion: record.version,
                    checkpoint: record.checkpoint, lag: head - min(head, record.checkpoint),
                    shadow: record.shadowGeneration == 0 ? nil : (record.shadowVersion, record.shadowCheckpoint))
            }
        }
    }

    // MARK: Catching up

    /// Runs `body`, which folds `events` events, dropping the ledger's mapped pages from the
    /// resident set meanwhile when that is more than a chunk
    /// (``Ledger/trimmingResidentPages(budget:fromColdCache:_:)``).
    private func trimming<Result>(over events: UInt64, _ body: () throws -> Result) rethrows -> Result {
        events > UInt64(chunkSize) ? try ledger.trimmingResidentPages(body) : try body()
    }

    /// Brings every projection to the head: applies new events, or rebuilds a projection whose
    /// stored version differs from the code's (or that was never built).
    public func catchUp(progress: Progress? = nil) throws {
        for projection in projections {
            // The head is read in the same transaction: this runs before every append and read.
            let (record, head) = try ledger.readTables { txn in
                (
                    try self.record(of: projection, in: txn),
                    try Ledger.head(in: txn.transaction, events: ledger.events).position.seq
                )
            }
            if let record, record.generation != 0, record.version == projection.version {
                try trimming(over: head - min(head, record.checkpoint)) {
                    try advance(projection, shadow: false, progress: progress)
                }
            } else {
                try rebuild(projection, progress: progress)
            }
        }
    }

    /// Rebuilds the named projection (all when `nil`) from `seq` 1 in a shadow copy, then swaps.
    public func rebuild(named name: String? = nil, progress: Progress? = nil) throws {
        let chosen = projections.filter { name == nil || $0.name == name }
        guard !chosen.isEmpty else {
            let known = projections.map(\.name).joined(separator: ", ")
            throw LedgerError(.invalidInput, "no projection named \(name ?? ""); known: \(known)")
        }
        for projection in chosen { try rebuild(projection, progress: progress) }
    }

    /// Rebuilds `projection` from a cold page cache, trimming the map's resident pages: a rebuild
    /// reads the whole ledger (``Ledger/trimmingResidentPages(budget:fromColdCache:_:)``).
    private func rebuild(_ projection: any Projection, progress: Progress?) throws {
        try ledger.trimmingResidentPages(fromColdCache: true) { try rebuildShadow(projection, progress: progress) }
    }

    /// Fills a shadow generation of `projection` from `seq` 1 (or resumes one), then swaps it in.
    private func rebuildShadow(_ projection: any Projection, progress: Progress?) throws {
        // Start a shadow in the other generation, or resume one of the same version.
        let existing = try ledger.readTables { try self.record(of: projection, in: $0) } ?? ProjectionRecord()
        if existing.shadowGeneration == 0 || existing.shadowVersion != projection.version {
            let generation: UInt32 = existing.generation == 1 ? 2 : 1
            let tables = try self.tables(of: projection, generation: generation)
            try ledger.writeTables { txn in
                var record = try self.record(of: projection, in: txn) ?? ProjectionRecord()
                guard record.generation == existing.generation else {
                    throw LedgerError(
                        .conflict, "projection \(projection.name) changed while starting its rebuild; run it again")
                }
                for table in tables { try txn.removeAll(table) }
                record.shadowVersion = projection.version
                record.shadowGeneration = generation
                record.shadowCheckpoint = 0
                try self.store(record, of: projection, in: txn)
            }
        }
        try advance(projection, shadow: true, progress: progress)

        // Swap: finish the shadow and make it active in one write transaction. The old
        // generation is emptied, not deleted, so table handles stay valid for every reader;
        // readers already inside a transaction keep seeing the old state (LMDB's snapshots).
        let record = try ledger.readTables { try self.record(of: projection, in: $0) } ?? ProjectionRecord()
        let shadowTables = try tables(of: projection, generation: record.shadowGeneration)
        let oldTables = record.generation == 0 ? [] : try tables(of: projection, generation: record.generation)
        try ledger.writeTables { txn in
            guard var current = try self.record(of: projection, in: txn),
                current.shadowGeneration == record.shadowGeneration, current.generation == record.generation
            else {
                throw LedgerError(.conflict, "projection \(projection.name) changed during its rebuild; run it again")
            }
            let head = try Ledger.head(in: txn.transaction, events: ledger.events).position.seq
            let store = LMDBProjectionStore(transaction: txn, tables: shadowTables)
            try ledger.forEachEvent(in: current.shadowCheckpoint + 1..<head + 1, transaction: txn) { view in
                try projection.apply(view, to: store)
            }
            try store.flushBuffer()
            current.version = current.shadowVersion
            current.generation = current.shadowGeneration
            current.checkpoint = head
            current.shadowVersion = 0
            current.shadowGeneration = 0
            current.shadowCheckpoint = 0
            try self.store(current, of: projection, in: txn)
            for table in oldTables { try txn.removeAll(table) }
        }
    }

    /// Applies the events after the active (or shadow) checkpoint, a chunk per write transaction.
    private func advance(_ projection: any Projection, shadow: Bool, progress: Progress?) throws {
        var reportedTotal: UInt64?
        var started: UInt64 = 0
        while true {
            let head = try ledger.head().seq
            let record = try ledger.readTables { try self.record(of: projection, in: $0) } ?? ProjectionRecord()
            let generation = shadow ? record.shadowGeneration : record.generation
            let checkpoint = shadow ? record.shadowCheckpoint : record.checkpoint
            if reportedTotal == nil {
                started = checkpoint
                reportedTotal = head - min(head, checkpoint)
                // Reported before the first chunk too, so that a rate measured from the first
                // report counts the whole work, not all of it but the first chunk.
                if checkpoint < head { try progress?(projection.name, 0, reportedTotal ?? 0) }
            }
            if checkpoint >= head { break }
            let tables = try self.tables(of: projection, generation: generation)
            let end = min(head, checkpoint + UInt64(chunkSize))
            try ledger.writeTables { txn in
                guard var current = try self.record(of: projection, in: txn),
                    (shadow ? current.shadowGeneration : current.generation) == generation,
                    (shadow ? current.shadowCheckpoint : current.checkpoint) == checkpoint
                else { return }  // another process moved it on: read again
                let store = LMDBProjectionStore(transaction: txn, tables: tables)
                try fold(projection, checkpoint + 1..<end + 1, in: txn, into: store)
                try store.flushBuffer()
                if shadow { current.shadowCheckpoint = end } else { current.checkpoint = end }
                try self.store(current, of: projection, in: txn)
            }
            try progress?(projection.name, end - started, max(reportedTotal ?? 0, end - started))
        }
    }

    /// Events a projection prepares ahead per batch (``Projection/prepare(_:)``) while catching up,
    /// rebuilding and replaying, and while appending (where the first batch is prepared before
    /// anything else can start, so it is smaller).
    private static let preparedBatch = 4_096
    private static let preparedAppendBatch = 1_024

    /// Applies the events in `range` to `store`, in order. The transaction reads the events and
    /// writes at most projection tables, so the views of the events stay valid until it ends.
    func fold(
        _ projection: any Projection, _ range: Range<UInt64>, in txn: StoreTransaction, into store: any ProjectionStore
    ) throws {
        var views = [EventView]()
        views.reserveCapacity(range.count)
        try ledger.forEachEvent(in: range, transaction: txn) { views.append($0) }
        try Self.pipelined(projection, views, batch: Self.preparedBatch) { view, prepared in
            try projection.apply(view, prepared: prepared, to: store)
        }
    }

    /// Calls `body` on each of `views` in order, with what `projection` prepared for it: while
    /// this thread works through one batch, the next is prepared on another. With less than two
    /// batches, nothing is prepared (`body` gets `nil`, which ``Projection/apply(_:prepared:to:)``
    /// and ``Projection/validate(_:prepared:against:)`` take as "work it out yourself").
    private static func pipelined(
        _ projection: any Projection, _ views: [EventView], batch: Int,
        _ body: (EventView, (any Sendable)?) throws -> Void
    ) throws {
        let batches = stride(from: 0, to: views.count, by: batch).map {
            PreparedBatch(views[$0..<min(views.count, $0 + batch)])
        }
        guard batches.count > 1 else {
            for view in views { try body(view, nil) }
            return
        }
        batches[0].prepare(by: projection)
        let queue = DispatchQueue.global(qos: .userInitiated)
        var done: PreparedBatch?
        for (index, batch) in batches.enumerated() {
            let next = index + 1 < batches.count ? batches[index + 1] : nil
            let prepared = DispatchSemaphore(value: 0)
            if let next {
                // The other thread also frees what the batch before this one prepared, so that
                // this one does not spend its time freeing a chunk's decoded events at the end.
                queue.async { [done] in
                    done?.discard()
                    next.prepare(by: projection)
                    prepared.signal()
                }
            }
            // The next batch is always waited for, even when this one throws.
            defer { if next != nil { prepared.wait() } }
            for (view, value) in zip(batch.views, batch.prepared) { try body(view, value) }
            done = batch
        }
        queue.async { [done] in done?.discard() }
    }

    // MARK: Appending

    /// Appends `drafts` and folds them into every projection in the same write transaction,
    /// after each projection has validated each new event against the state before it.
    ///
    /// Projections are caught up first, so validation always sees the whole log.
    @discardableResult
    public func append(_ drafts: [EventDraft]) throws -> AppendOutcome {
        try catchUp()
        let active = try projections.map { projection in
            let generation = try ledger.readTables { try self.record(of: projection, in: $0)?.generation } ?? 0
            return (projection, generation, try tables(of: projection, generation: generation))
        }
        return try ledger.append(drafts) { context in
            let txn = context.transaction
            for (projection, generation, tables) in active {
                guard var record = try self.record(of: projection, in: txn), record.generation == generation else {
                    throw LedgerError(.conflict, "projection \(projection.name) was rebuilt during the append; retry")
                }
                let store = LMDBProjectionStore(transaction: txn, tables: tables)
                // Events appended by a process that did not keep this projection in step.
                if record.checkpoint + 1 < context.newEvents.lowerBound {
                    try self.ledger.forEachEvent(
                        in: record.checkpoint + 1..<context.newEvents.lowerBound, transaction: txn
                    ) {
                        try projection.apply($0, to: store)
                    }
                }
                var views = [EventView]()
                views.reserveCapacity(context.newEvents.count)
                try context.forEachEvent { views.append($0) }
                try Self.pipelined(projection, views, batch: Self.preparedAppendBatch) { view, prepared in
                    try projection.validate(view, prepared: prepared, against: store)
                    try projection.apply(view, prepared: prepared, to: store)
                }
                try store.flushBuffer()
                record.checkpoint = context.newEvents.upperBound - 1
                try self.store(record, of: projection, in: txn)
            }
        }
    }

    // MARK: Reading

    /// Runs `body` over the active state of `projection`, caught up to the head first, with the
    /// checkpoint that state reflects.
    public func read<Result>(
        _ projection: any Projection, catchingUp: Bool = true,
        _ body: (_ store: any ProjectionStore, _ checkpoint: LedgerPosition) throws -> Result
    ) throws -> Result {
        if catchingUp { try catchUp() }
        // Both generations' tables are opened up front; the record read inside the transaction
        // says which one is active in that snapshot.
        let tables = [try self.tables(of: projection, generation: 1), try self.tables(of: projection, generation: 2)]
        return try ledger.readTables { txn in
            guard let record = try self.record(of: projection, in: txn), record.generation != 0 else {
                throw LedgerError(.invalidInput, "projection \(projection.name) has never been built")
            }
            let position: LedgerPosition =
                try ledger.event(at: record.checkpoint, in: txn)?.position ?? .genesis
            return try body(
                LMDBProjectionStore(transaction: txn, tables: tables[Int(record.generation) - 1]), position)
        }
    }

    /// The state of `projection` as of `seq`, folded in memory from the log without touching the
    /// live projections (forensic replay).
    public func replay(_ projection: any Projection, through seq: UInt64) throws -> MemoryProjectionStore {
        let store = MemoryProjectionStore(tableCount: projection.tableNames.count)
        let last = min(seq, try ledger.head().seq)
        var next: UInt64 = 1
        // A chunk at a time, each in its own read transaction, folded as a rebuild folds them
        // and written out, so that the buffer stays small.
        try trimming(over: last) {
            while next <= last {
                let end = min(last, next + UInt64(chunkSize) - 1)
                try ledger.readTables { txn in try fold(projection, next..<end + 1, in: txn, into: store) }
                try store.flushBuffer()
                next = end + 1
            }
        }
        return store
    }

    /// Every entry of the active state, for comparing two states in tests and tools.
    public func snapshot(_ projection: any Projection) throws -> [[[UInt8]: [UInt8]]] {
        try read(projection, catchingUp: false) { store, _ in
            var tables = [[[UInt8]: [UInt8]]]()
            for index in projection.tableNames.indices {
                var entries = [[UInt8]: [UInt8]]()
                try store.scan(ProjectionTable(index)) { key, value in
                    entries[Array(key)] = Array(value)
                    return true
                }
                tables.append(entries)
            }
            return tables
        }
    }

    // MARK: Bookkeeping

    private func tableName(_ projection: any Projection, generation: UInt32, index: Int) -> String {
        "\(projection.name)@\(generation).\(projection.tableNames[index])"
    }

    func tables(of projection: any Projection, generation: UInt32) throws -> [Table] {
        try projection.tableNames.indices.map { index in
            let name = tableName(projection, generation: generation, index: index)
            if let table = tableCache[name] { return table }
            let table = try ledger.table(named: name)
            tableCache[name] = table
            return table
        }
    }

    func record(of projection: any Projection, in txn: StoreTransaction) throws -> ProjectionRecord? {
        try txn.value(metaTable, forKey: Array(projection.name.utf8)).flatMap(ProjectionRecord.init(bytes:))
    }

    private func store(_ record: ProjectionRecord, of projection: any Projection, in txn: StoreTransaction) throws {
        try txn.put(metaTable, key: Array(projection.name.utf8), value: record.bytes)
    }
}

/// The stored bookkeeping of one projection: 32 bytes, big-endian.
struct ProjectionRecord: Equatable {
    var version: UInt32 = 0
    var generation: UInt32 = 0
    var checkpoint: UInt64 = 0
    var shadowVersion: UInt32 = 0
    var shadowGeneration: UInt32 = 0
    var shadowCheckpoint: UInt64 = 0

    init() {}

    init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        func read<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> T {
            bytes[offset..<offset + MemoryLayout<T>.size].reduce(T(0)) { $0 << 8 | T($1) }
        }
        version = read(0, UInt32.self)
        generation = read(4, UInt32.self)
        checkpoint = read(8, UInt64.self)
        shadowVersion = read(16, UInt32.self)
        shadowGeneration = read(20, UInt32.self)
        shadowCheckpoint = read(24, UInt64.self)
    }

    var bytes: [UInt8] {
        var out = [UInt8]()
        out.appendBigEndian(version)
        out.appendBigEndian(generation)
        out.appendBigEndian(checkpoint)
        out.appendBigEndian(shadowVersion)
        out.appendBigEndian(shadowGeneration)
        out.appendBigEndian(shadowCheckpoint)
        return out
    }
}

/// A batch of events and what a projection prepared for them (``ProjectionEngine``'s fold).
/// `@unchecked Sendable`: it is prepared on one thread, then read on another only after the
/// preparing thread signalled it had finished.
private final class PreparedBatch: @unchecked Sendable {
    let views: ArraySlice<EventView>
    private(set) var prepared: [(any Sendable)?] = []

    init(_ views: ArraySlice<EventView>) { self.views = views }

    func prepare(by projection: any Projection) {
        prepared = views.map(projection.prepare)
    }

    /// Frees what was prepared, once folded.
    func discard() { prepared = [] }
}
