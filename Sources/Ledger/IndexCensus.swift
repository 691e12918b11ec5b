import Dispatch
import LMDB

/// Checks the `streams`, `streamIds`, `eventIds` and `types` indexes against the events by
/// walking each index in its own key order, instead of looking each event up in each index.
///
/// Looking up five keys per event in trees keyed by something other than `seq` reads a page
/// from a different place of the file for nearly every lookup, and the time grows faster than
/// the ledger. Instead the chain walk records, per event, a digest of what each index must say
/// of it (``record(_:)``); then each index is read front to back and every entry is compared
/// with the digest of the event it names. An event named by no matching entry of an index, or
/// an entry naming no event that matches it, is a problem of that index.
///
/// The digests are 32 bits of `Hasher`, whose seed differs in every process, so no stored
/// entry can be made to collide on purpose; the events themselves are covered by SHA-256.
/// Memory: 12 bytes per event, plus a bit per event per index.
///
/// `@unchecked Sendable`: the buffers are written by the chain walk's lanes at disjoint `seq`s,
/// then by the index walks, each into bitmaps of its own, and read after both have ended.
final class IndexCensus: @unchecked Sendable {
    private let eventCount: UInt64
    private let streamDigests: UnsafeMutableBufferPointer<UInt32>
    private let eventIdDigests: UnsafeMutableBufferPointer<UInt32>
    private let typeDigests: UnsafeMutableBufferPointer<UInt32>

    init(eventCount: UInt64) {
        self.eventCount = eventCount
        let slots = Int(eventCount) + 1
        streamDigests = .allocate(capacity: slots)
        eventIdDigests = .allocate(capacity: slots)
        typeDigests = .allocate(capacity: slots)
    }

    func deallocate() {
        streamDigests.deallocate()
        eventIdDigests.deallocate()
        typeDigests.deallocate()
    }

    /// Records what the indexes must say of `view`'s event.
    func record(_ view: EventView) {
        let seq = Int(view.seq)
        streamDigests[seq] = Self.streamDigest(Self.digest(view.streamBytes), view.streamVersion)
        eventIdDigests[seq] = Self.digest(view.eventIdBytes)
        typeDigests[seq] = Self.digest(view.typeBytes)
    }

    /// A problem of an index, tied to the first event it leaves without its entry when there is
    /// one.
    struct Problem: Sendable {
        var seq: UInt64?
        var problem: String
    }

    /// Walks the four indexes as they stand in `txn`, the transaction whose head the census
    /// counted: `eventIds` and `types` on one thread, `streamIds` and `streams` on another.
    func check(ledger: Ledger, in txn: Transaction) throws -> Problem? {
        let lanes = Lanes<Problem?>(count: 2)
        let txn = Lent(txn)
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            lanes.set(
                lane,
                Result {
                    // One lane reads in the census's own transaction; the other opens one of its
                    // own, whose later entries (seq past the count) belong to appends made since.
                    if lane == 1 { return try checkStreams(ledger: ledger, in: txn.value) }
                    return try ledger.environment.read { own in
                        let head = try Ledger.head(in: own, events: ledger.events).position.seq
                        return try checkEventIdsAndTypes(ledger: ledger, in: own, later: head > eventCount)
                    }
                })
        }
        let problems = try lanes.values().compactMap { $0 }
        return problems.filter { $0.seq != nil }.min { $0.seq! < $1.seq! } ?? problems.first
    }

    // MARK: Event ids and types

    private func checkEventIdsAndTypes(ledger: Ledger, in txn: Transaction, later: Bool) throws -> Problem? {
        let eventIds = try walk(ledger.eventIds, named: "eventIds", in: txn, later: later) { key, value in
            guard value.count == 8, let seq = readUInt64(value) else { return nil }
            return (seq, Self.digest(key))
        }
        let types = try walk(ledger.types, named: "types", in: txn, later: later) { key, _ in
            guard key.count >= 9, key[key.count - 9] == 0, let seq = readUInt64(key, at: key.count - 8) else {
                return nil
            }
            return (seq, Self.digest(UnsafeRawBufferPointer(rebasing: key[0..<key.count - 9])))
        }
        return [eventIds, types].compactMap { $0 }.min { ($0.seq ?? .max) < ($1.seq ?? .max) }
    }

    /// Walks `database`, whose entries each name one event (`entry` gives its `seq` and the
    /// digest the event must have, or `nil` for a malformed entry), and checks that every event
    /// is named once by a matching entry.
    private func walk(
        _ database: Database, named name: String, in txn: Transaction, later: Bool,
        _ entry: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) -> (UInt64, UInt32)?
    ) throws -> Problem? {
        let digests = name == "eventIds" ? eventIdDigests : typeDigests
        var named = Bitmap(count: eventCount)
        var stray: String?
        try txn.withCursor(database) { cursor in
            while let current = try cursor.next() {
                guard let (seq, digest) = entry(current.key, current.value) else {
                    stray = stray ?? "the \(name) index holds a malformed entry"
                    continue
                }
                if seq > eventCount && later { continue }
                guard seq >= 1, seq <= eventCount, digests[Int(seq)] == digest, !named[seq] else {
                    stray = stray ?? "the \(name) index holds an entry that names no event like it (seq \(seq))"
                    continue
                }
                named[seq] = true
            }
        }
        if let missing = named.firstClear() {
            return Problem(seq: missing, problem: "the \(name) index does not point at it")
        }
        return stray.map { Problem(seq: nil, problem: $0) }
    }

    // MARK: Streams

    /// Stream numbers are dense from 1 and each names one stream; every `streams` entry names
    /// the event with that stream and version; each stream's versions follow each other from 1
    /// in `seq` order; and every event is named once.
    private func checkStreams(ledger: Ledger, in txn: Transaction) throws -> Problem? {
        let count = try txn.statistics(ledger.streamIds).entries
        var names = [UInt32](repeating: 0, count: count + 1)
        var numbered = Bitmap(count: UInt64(count))
        let censusProblem: String? = try txn.withCursor(ledger.streamIds) { cursor in
            while let entry = try cursor.next() {
                let stream = String(decoding: entry.key, as: UTF8.self)
                guard entry.value.count == 8, let id = readUInt64(entry.value), id >= 1, id <= UInt64(count) else {
                    return "the number of stream \(stream) is damaged or out of range"
                }
                guard !numbered[id] else { return "two streams have number \(id)" }
                numbered[id] = true
                names[Int(id)] = Self.digest(entry.key)
            }
            return nil
        }
        if let censusProblem { return Problem(seq: nil, problem: censusProblem) }

        var named = Bitmap(count: eventCount)
        var started = Bitmap(count: UInt64(count))
        var stray: String?
        var out: Problem?
        try txn.withCursor(ledger.streams) { cursor in
            var previous: (id: UInt64, version: UInt64, seq: UInt64) = (0, 0, 0)
            while let entry = try cursor.next() {
                guard entry.key.count == 16, entry.value.count == 8, let id = readUInt64(entry.key),
                    let version = readUInt64(entry.key, at: 8), let seq = readUInt64(entry.value)
                else {
                    stray = stray ?? "the streams index holds a malformed entry"
                    continue
                }
                defer { previous = (id, version, seq) }
                guard id >= 1, id <= UInt64(count), seq >= 1, seq <= eventCount,
                    streamDigests[Int(seq)] == Self.streamDigest(names[Int(id)], version), !named[seq]
                else {
                    stray = stray ?? "the streams index holds an entry that names no event like it (seq \(seq))"
                    continue
                }
                let follows =
                    previous.id == id ? version == previous.version + 1 && seq > previous.seq : version == 1
                if !follows && out == nil {
                    out = Problem(seq: seq, problem: "its stream version does not follow the previous one")
                }
                if version == 1 { started[id] = true }
                named[seq] = true
            }
        }
        if let missing = named.firstClear() {
            let problem = Problem(seq: missing, problem: "the streams index does not point at it")
            return out.map { $0.seq! < missing ? $0 : problem } ?? problem
        }
        if let out { return out }
        if let unstarted = started.firstClear() {
            let stream = try txn.withCursor(ledger.streamIds) { cursor in
                while let entry = try cursor.next() {
                    if readUInt64(entry.value) == unstarted { return String(decoding: entry.key, as: UTF8.self) }
                }
                return "number \(unstarted)"
            }
            return Problem(seq: nil, problem: "stream \(stream) has no version 1")
        }
        return stray.map { Problem(seq: nil, problem: $0) }
    }

    // MARK: Digests

    private static func digest(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var hasher = Hasher()
        hasher.combine(bytes: bytes)
        return UInt32(truncatingIfNeeded: hasher.finalize())
    }

    private static func streamDigest(_ name: UInt32, _ version: UInt64) -> UInt32 {
        var hasher = Hasher()
        hasher.combine(name)
        hasher.combine(version)
        return UInt32(truncatingIfNeeded: hasher.finalize())
    }
}

/// One bit per number 1…count.
private struct Bitmap {
    private var words: [UInt64]
    private let count: UInt64

    init(count: UInt64) {
        self.count = count
        words = [UInt64](repeating: 0, count: Int(count / 64) + 1)
    }

    subscript(number: UInt64) -> Bool {
        get { words[Int(number / 64)] & (1 << (number % 64)) != 0 }
        set {
            if newValue {
                words[Int(number / 64)] |= 1 << (number % 64)
            } else {
                words[Int(number / 64)] &= ~(1 << (number % 64))
            }
        }
    }

    /// The smallest number 1…count whose bit is clear.
    func firstClear() -> UInt64? {
        for (index, word) in words.enumerated() where word != .max {
            var bits = ~word
            if index == 0 { bits &= ~1 }  // there is no number 0
            guard bits != 0 else { continue }
            let number = UInt64(index) * 64 + UInt64(bits.trailingZeroBitCount)
            return number <= count ? number : nil
        }
        return nil
    }
}
