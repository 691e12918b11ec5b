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
    /// Re-walks the hash chain and every index.
    ///
    /// For each event in order: the key equals the encoded `seq` and follows the previous one
    /// without a gap; `prevHash` equals the previous event's hash; the hash recomputes from
    /// ``CanonicalEncoding``; the `streams`, `eventIds` and `types` indexes point back at it; its
    /// stream version follows the stream's previous one. Then each index holds exactly one entry
    /// per event, and the stream numbers are dense and each names one stream. A single flipped byte in a
    /// stored event or its hash breaks its hash or the next event's link.
    public func verify(progress: ((_ checked: UInt64, _ total: UInt64) -> Void)? = nil) throws -> VerificationReport {
        try storageGuard("verifying") {
            let total = try head().seq
            var report = VerificationReport(verifiedThrough: .genesis, eventsChecked: 0)
            var previousHash = [UInt8](repeating: 0, count: 32)
            var expected: UInt64 = 1
            var keyBuffer = [UInt8]()

            func fail(_ seq: UInt64?, _ problem: String) -> VerificationReport {
                report.firstBadSeq = seq
                report.problem = problem
                return report
            }

            while expected <= total {
                let chunkEnd = min(total, expected + UInt64(Self.scanChunkSize) - 1)
                let failure: VerificationReport? = try environment.read { txn in
                    try txn.withCursor(events) { cursor in
                        var entry = try seqKey(expected).withUnsafeBytes { try cursor.seek(atOrAfter: $0) }
                        while expected <= chunkEnd {
                            guard let current = entry else { return fail(expected, "event \(expected) is missing") }
                            guard current.key.count == 8, let keySeq = readUInt64(current.key) else {
                                return fail(expected, "a key of the events database is not an 8-byte seq")
                            }
                            guard keySeq == expected else {
                                return fail(expected, "event \(expected) is missing (the next stored is \(keySeq))")
                            }
                            guard let view = EventView(stored: current.value) else {
                                return fail(expected, "event \(expected) cannot be decoded")
                            }
                            guard view.seq == expected else {
                                return fail(expected, "event \(expected) encodes seq \(view.seq)")
                            }
                            guard view.prevHash.elementsEqual(previousHash) else {
                                return fail(
                                    expected, "event \(expected) does not link to the hash of event \(expected - 1)")
                            }
                            let digest = CanonicalEncoding.chainHash(previous: view.prevHash, canonical: view.canonical)
                            guard digest.elementsEqual(view.hash) else {
                                return fail(expected, "event \(expected) does not match its hash")
                            }
                            if let problem = try indexProblem(of: view, in: txn, keyBuffer: &keyBuffer) {
                                return fail(expected, "event \(expected): \(problem)")
                            }
                            previousHash = Array(view.hash)
                            report.verifiedThrough = LedgerPosition(seq: expected, hash: previousHash)
                            report.eventsChecked = expected
                            expected += 1
                            entry = try cursor.next()
                        }
                        return nil
                    }
                }
                if let failure { return failure }
                progress?(report.eventsChecked, total)
            }

            let problem: String? = try environment.read { txn in
                let eventCount = try txn.statistics(events).entries
                guard eventCount == Int(total) else {
                    return "the events database holds \(eventCount) entries, not \(total)"
                }
                for (name, database) in [("streams", streams), ("eventIds", eventIds), ("types", types)] {
                    let entries = try txn.statistics(database).entries
                    if entries != eventCount {
                        return "the \(name) index holds \(entries) entries for \(eventCount) events"
                    }
                }
                return try streamIdProblem(in: txn)
            }
            if let problem { return fail(nil, problem) }
            return report
        }
    }

    private func indexProblem(of view: EventView, in txn: Transaction, keyBuffer: inout [UInt8]) throws -> String? {
        let seq = view.seq
        guard let streamId = try streamIndex.id(of: view.streamBytes, in: txn) else {
            return "the streamIds index does not name its stream"
        }
        keyBuffer.removeAll(keepingCapacity: true)
        keyBuffer.appendBigEndian(streamId)
        keyBuffer.appendBigEndian(view.streamVersion)
        let streamSeq = try keyBuffer.withUnsafeBytes { try txn.value(streams, forKey: $0).flatMap { readUInt64($0) } }
        guard streamSeq == seq else { return "the streams index does not point at it" }
        if view.streamVersion > 1 {
            keyBuffer.removeSubrange(8...)
            keyBuffer.appendBigEndian(view.streamVersion - 1)
            let previous = try keyBuffer.withUnsafeBytes {
                try txn.value(streams, forKey: $0).flatMap { readUInt64($0) }
            }
            guard let previous, previous < seq else { return "its stream version does not follow the previous one" }
        }
        let idSeq = try txn.value(eventIds, forKey: view.eventIdBytes).flatMap { readUInt64($0) }
        guard idSeq == seq else { return "the eventIds index does not point at it" }
        keyBuffer.removeAll(keepingCapacity: true)
        keyBuffer.append(contentsOf: view.typeBytes)
        keyBuffer.append(0)
        keyBuffer.appendBigEndian(seq)
        guard try keyBuffer.withUnsafeBytes({ try txn.value(types, forKey: $0) }) != nil else {
            return "the types index does not list it"
        }
        return nil
    }

    /// Stream numbers are dense from 1, each names one stream, and each numbered stream starts at
    /// version 1 (with every event checked against `streams` and the counts equal, nothing else
    /// can hide there).
    private func streamIdProblem(in txn: Transaction) throws -> String? {
        let count = try txn.statistics(streamIds).entries
        var seen = [Bool](repeating: false, count: count + 1)
        return try txn.withCursor(streamIds) { cursor in
            while let entry = try cursor.next() {
                let stream = String(decoding: entry.key, as: UTF8.self)
                guard entry.value.count == 8, let id = readUInt64(entry.value), id >= 1, id <= UInt64(count) else {
                    return "the number of stream \(stream) is damaged or out of range"
                }
                guard !seen[Int(id)] else { return "two streams have number \(id)" }
                seen[Int(id)] = true
                guard try txn.contains(streams, key: StreamIndex.key(id, 1)) else {
                    return "stream \(stream) has no version 1"
                }
            }
            return nil
        }
    }
}
