import LMDB

extension Ledger {
    /// Events read per read transaction in long scans: short transactions let LMDB reuse pages
    /// while a scan over millions of events runs.
    public static let scanChunkSize = 8192

    /// The event at `seq` read inside an open transaction, or `nil` (also for `seq` 0).
    func event(at seq: UInt64, in transaction: StoreTransaction) throws -> RecordedEvent? {
        guard seq > 0 else { return nil }
        return try seqKey(seq).withUnsafeBytes { key in
            try transaction.transaction.value(events, forKey: key).flatMap { EventView(stored: $0)?.materialize() }
        }
    }

    /// The event at `seq`, or `nil` past the head.
    public func event(at seq: UInt64) throws -> RecordedEvent? {
        try storageGuard("reading event \(seq)") {
            try environment.read { txn in
                guard let stored = try seqKey(seq).withUnsafeBytes({ try txn.value(events, forKey: $0) }) else {
                    return nil
                }
                guard let view = EventView(stored: stored) else {
                    throw LedgerError(.integrity, "event \(seq) cannot be decoded; run `tthc verify`")
                }
                return view.materialize()
            }
        }
    }

    /// Visits the events with `from ≤ seq ≤ through` in order, as borrowed views.
    ///
    /// `through` defaults to the head when the scan starts, so the scan sees a consistent prefix
    /// even while writers append. Each chunk of ``scanChunkSize`` events is read in its own
    /// short read transaction. Return `false` from `body` to stop.
    public func scan(
        from: UInt64 = 1, through: UInt64? = nil, _ body: (EventView) throws -> Bool
    ) throws {
        try storageGuard("scanning events") {
            let last = try through ?? head().seq
            var next = max(from, 1)
            while next <= last {
                let chunkEnd = min(last, next &+ UInt64(Self.scanChunkSize) - 1)
                let keepGoing = try environment.read { txn in
                    try txn.withCursor(events) { cursor in
                        var entry = try seqKey(next).withUnsafeBytes { try cursor.seek(atOrAfter: $0) }
                        while let current = entry {
                            guard let seq = readUInt64(current.key), seq <= chunkEnd else { break }
                            guard let view = EventView(stored: current.value) else {
                                throw LedgerError(.integrity, "event \(seq) cannot be decoded; run `tthc verify`")
                            }
                            if try !body(view) { return false }
                            entry = try cursor.next()
                        }
                        return true
                    }
                }
                if !keepGoing { return }
                next = chunkEnd + 1
            }
        }
    }

    /// Visits the events in `range` inside an open transaction (a hook's or a projection
    /// engine's), as borrowed views.
    func forEachEvent(
        in range: Range<UInt64>, transaction: StoreTransaction, _ body: (EventView) throws -> Void
    ) throws {
        guard !range.isEmpty else { return }
        try transaction.transaction.withCursor(events) { cursor in
            var entry = try seqKey(range.lowerBound).withUnsafeBytes { try cursor.seek(atOrAfter: $0) }
            var expected = range.lowerBound
            while expected < range.upperBound {
                guard let current = entry, readUInt64(current.key) == expected,
                    let view = EventView(stored: current.value)
                else { throw LedgerError(.integrity, "event \(expected) cannot be read; run `tthc verify`") }
                try body(view)
                expected += 1
                entry = try cursor.next()
            }
        }
    }

    /// The events with `from ≤ seq ≤ through`, copied out. For short ranges; use ``scan`` for long.
    public func events(from: UInt64 = 1, through: UInt64? = nil) throws -> [RecordedEvent] {
        var result = [RecordedEvent]()
        try scan(from: from, through: through) { view in
            result.append(view.materialize())
            return true
        }
        return result
    }

    /// The events of one stream, in version order, recorded at or before `throughSeq`.
    public func events(inStream stream: String, throughSeq: UInt64? = nil) throws -> [RecordedEvent] {
        let id = try storageGuard("reading stream \(stream)") {
            try environment.read { txn in try streamIndex.id(of: stream.utf8, in: txn) }
        }
        guard let id else { return [] }
        let seqs = try indexedSeqs(streams, prefix: seqKey(id), seqInValue: true)
        return try materialize(seqs, through: throughSeq)
    }

    /// The events of one type, in `seq` order, recorded at or before `throughSeq`.
    public func events(ofType type: String, throughSeq: UInt64? = nil) throws -> [RecordedEvent] {
        let seqs = try indexedSeqs(types, prefix: Array(type.utf8) + [0], seqInValue: false)
        return try materialize(seqs, through: throughSeq)
    }

    /// The current version of a stream (0 when it has no events).
    public func streamVersion(_ stream: String) throws -> UInt64 {
        try storageGuard("reading stream \(stream)") {
            try environment.read { txn in
                guard let id = try streamIndex.id(of: stream.utf8, in: txn) else { return 0 }
                return try streamIndex.headVersion(of: id, in: txn)
            }
        }
    }

    /// The `seq` first recorded with `eventId`, if any.
    public func seq(ofEventId eventId: String) throws -> UInt64? {
        try storageGuard("reading event id \(eventId)") {
            try environment.read { txn in
                try txn.value(eventIds, forKey: Array(eventId.utf8)).flatMap { $0.withUnsafeBytes { readUInt64($0) } }
            }
        }
    }

    /// The last `seq` recorded at or before `instant` (0 if none): the ledger as it stood then.
    ///
    /// `recordedAt` never decreases with `seq`, so this is a binary search over the log.
    public func seq(recordedAtOrBefore instant: Timestamp) throws -> UInt64 {
        try storageGuard("searching by recordedAt") {
            try environment.read { txn in
                let last = try Self.head(in: txn, events: events).position.seq
                var low: UInt64 = 0  // recordedAt(low) ≤ instant, or low = 0
                var high = last + 1  // recordedAt(high) > instant, or past the head
                while high - low > 1 {
                    let middle = low + (high - low) / 2
                    guard let stored = try seqKey(middle).withUnsafeBytes({ try txn.value(events, forKey: $0) }),
                        let view = EventView(stored: stored)
                    else { throw LedgerError(.integrity, "event \(middle) cannot be read; run `tthc verify`") }
                    if view.recordedAt <= instant { low = middle } else { high = middle }
                }
                return low
            }
        }
    }

    private func indexedSeqs(_ database: Database, prefix: [UInt8], seqInValue: Bool) throws -> [UInt64] {
        try storageGuard("reading an index") {
            try environment.read { txn in
                try txn.withCursor(database) { cursor in
                    var seqs = [UInt64]()
                    var entry = try cursor.seek(atOrAfter: prefix)
                    while let current = entry, current.key.starts(with: prefix) {
                        let seq = seqInValue ? readUInt64(current.value) : readUInt64(current.key, at: prefix.count)
                        guard let seq else {
                            throw LedgerError(.integrity, "an index entry is damaged; run `tthc verify`")
                        }
                        seqs.append(seq)
                        entry = try cursor.next()
                    }
                    return seqs
                }
            }
        }
    }

    private func materialize(_ seqs: [UInt64], through: UInt64?) throws -> [RecordedEvent] {
        let limit = through ?? .max
        var result = [RecordedEvent]()
        for seq in seqs where seq <= limit {
            guard let event = try event(at: seq) else {
                throw LedgerError(.integrity, "an index names event \(seq), which is missing; run `tthc verify`")
            }
            result.append(event)
        }
        return result
    }
}
