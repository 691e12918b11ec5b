import Dispatch
import LMDB

/// The result of ``Ledger/verify(progress:)``.
public struct VerificationReport: Sendable, Hashable {
    /// The last position that verified, i.e. the head when the ledger is intact.
    public var verifiedThrough: LedgerPosition
    /// How many events were checked.
    public var eventsChecked: UInt64
    /// The first `seq` found bad, when a problem is tied to an event.
    public var firstBadSeq: UInt64?
    /// What is wrong, in words; `nil` when the ledger is intact.
    public var problem: String?

    public var isIntact: Bool { problem == nil }
}

extension Ledger {
    /// Re-walks the hash chain and every index, as of the head when it starts.
    ///
    /// Everything is checked against one snapshot: the head is read in a read transaction that
    /// stays open to the end, so appends made meanwhile by this or another process are not
    /// seen, and an honest ledger always verifies whatever is written during the walk.
    ///
    /// For each event in order: the key equals the encoded `seq` and follows the previous one
    /// without a gap; `prevHash` equals the previous event's hash; the hash recomputes from
    /// ``CanonicalEncoding``. Then each index is walked in its own key order (``IndexCensus``):
    /// every entry names an event with that stream and version, event id or type, and every
    /// event is named by exactly one entry of each; stream numbers are dense and each names one
    /// stream, whose versions follow each other from 1 in `seq` order. A single flipped byte in
    /// a stored event or its hash breaks its hash or the next event's link.
    ///
    /// The events are split in two halves hashed on two threads, and the indexes walked on two
    /// threads, so the time grows with the events, not with their number times a tree's depth.
    public func verify(progress: ((_ checked: UInt64, _ total: UInt64) -> Void)? = nil) throws -> VerificationReport {
        try storageGuard("verifying") {
            try environment.read { txn in
                let head = try Self.head(in: txn, events: events).position
                let check = { try self.verify(through: head, in: txn, progress: progress) }
                return head.seq > 8 * UInt64(Self.scanChunkSize) ? try trimmingResidentPages(check) : try check()
            }
        }
    }

    private func verify(
        through head: LedgerPosition, in txn: Transaction, progress: ((UInt64, UInt64) -> Void)?
    ) throws -> VerificationReport {
        let total = head.seq
        let census = IndexCensus(eventCount: total)
        defer { census.deallocate() }

        // Events up to the head are the same in every later snapshot: each half may read them
        // in a read transaction of its own.
        let middle = total / 2
        let halves: [ClosedRange<UInt64>] = [1...max(1, middle), middle + 1...max(middle + 1, total)]
        let chainProblems = Lanes<ChainProblem?>(count: 2)
        let progress = Lent(progress.map { report in { (done: UInt64) in report(min(total, done * 2), total) } })
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            guard total > 0, !(lane == 0 && middle == 0) else { return chainProblems.set(lane, .success(nil)) }
            chainProblems.set(
                lane,
                Result {
                    try environment.read { laneTxn in
                        try checkChain(
                            halves[lane], in: laneTxn, census: census,
                            progress: lane == 0 ? progress.value : nil)
                    }
                })
        }
        if let first = try chainProblems.values().compactMap({ $0 }).min(by: { $0.seq < $1.seq }) {
            let before = try first.seq > 1 ? event(at: first.seq - 1, in: StoreTransaction(txn))?.position : nil
            return VerificationReport(
                verifiedThrough: before ?? .genesis, eventsChecked: first.seq - 1, firstBadSeq: first.seq,
                problem: first.problem)
        }
        let indexProblem = try census.check(ledger: self, in: txn)
        return VerificationReport(
            verifiedThrough: head, eventsChecked: total, firstBadSeq: indexProblem?.seq,
            problem: indexProblem.map { problem in
                problem.seq.map { "event \($0): \(problem.problem)" } ?? problem.problem
            })
    }

    /// The first event in `range` whose key, layout, link or hash is wrong; records what the
    /// indexes must say of each event in `census`.
    private func checkChain(
        _ range: ClosedRange<UInt64>, in txn: Transaction, census: IndexCensus, progress: ((UInt64) -> Void)?
    ) throws -> ChainProblem? {
        var expected = range.lowerBound
        var previousHash = [UInt8](repeating: 0, count: 32)
        if expected > 1 {
            guard let previous = try seqKey(expected - 1).withUnsafeBytes({ try txn.value(events, forKey: $0) }),
                let view = EventView(stored: previous)
            else { return nil }  // the other half reports it
            previousHash = Array(view.hash)
        }
        return try txn.withCursor(events) { cursor in
            var entry = try seqKey(expected).withUnsafeBytes { try cursor.seek(atOrAfter: $0) }
            while expected <= range.upperBound {
                guard let current = entry else { return ChainProblem(expected, "event \(expected) is missing") }
                guard current.key.count == 8, let keySeq = readUInt64(current.key) else {
                    return ChainProblem(expected, "a key of the events database is not an 8-byte seq")
                }
                guard keySeq == expected else {
                    return ChainProblem(expected, "event \(expected) is missing (the next stored is \(keySeq))")
                }
                guard let view = EventView(stored: current.value) else {
                    return ChainProblem(expected, "event \(expected) cannot be decoded")
                }
                guard view.seq == expected else {
                    return ChainProblem(expected, "event \(expected) encodes seq \(view.seq)")
                }
                guard view.prevHash.elementsEqual(previousHash) else {
                    return ChainProblem(
                        expected, "event \(expected) does not link to the hash of event \(expected - 1)")
                }
                let digest = CanonicalEncoding.chainHash(previous: view.prevHash, canonical: view.canonical)
                guard digest.elementsEqual(view.hash) else {
                    return ChainProblem(expected, "event \(expected) does not match its hash")
                }
                census.record(view)
                previousHash.withUnsafeMutableBytes { $0.copyMemory(from: view.hash) }
                if expected % UInt64(Self.scanChunkSize) == 0 { progress?(expected - range.lowerBound + 1) }
                expected += 1
                entry = try cursor.next()
            }
            return nil
        }
    }
}

/// A problem tied to one event, found by the chain walk.
private struct ChainProblem: Sendable {
    var seq: UInt64
    var problem: String
    init(_ seq: UInt64, _ problem: String) {
        self.seq = seq
        self.problem = problem
    }
}

/// One result per lane of a `concurrentPerform`.
///
/// `@unchecked Sendable`: each lane writes only its own slot, and the slots are read after
/// `concurrentPerform` has returned.
final class Lanes<Value>: @unchecked Sendable {
    private var results: [Result<Value, any Error>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ lane: Int, _ result: Result<Value, any Error>) { results[lane] = result }

    /// Every lane's value, or the first lane's error.
    func values() throws -> [Value] { try results.map { try $0!.get() } }
}

/// A value lent to one lane of a `concurrentPerform` while the thread that owns it waits.
///
/// `@unchecked Sendable`: exactly one lane uses it, and its owner does not until
/// `concurrentPerform` has returned, so it is never used by two threads at once.
struct Lent<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
