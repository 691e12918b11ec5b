import LMDB

extension Ledger {
    /// Appends events exported from another ledger exactly as they were: same `seq`, event id,
    /// `recordedAt` and payload. Each must continue this ledger's chain: its `seq` is the next
    /// one, its `prevHash` is the head's hash, and its hash recomputes from its bytes. So a
    /// restore that finishes at the exported head hash proves the export complete and unaltered.
    ///
    /// All of `events` are written in one write transaction, or none.
    public func restore(_ events: [RecordedEvent]) throws {
        try storageGuard("restoring events") {
            try environment.write { txn in
                var head = try Self.head(in: txn, events: self.events)
                var streamHeads = StreamHeads(index: streamIndex, transaction: txn)
                var canonical = [UInt8]()
                for event in events {
                    func reject(_ reason: String) -> LedgerError {
                        LedgerError(.integrity, "exported event \(event.seq): \(reason)")
                    }
                    guard event.seq == head.position.seq + 1 else {
                        throw reject("expected seq \(head.position.seq + 1) next")
                    }
                    guard event.prevHash == head.position.hash else {
                        throw reject("does not link to the previous hash")
                    }
                    guard event.recordedAt >= head.recordedAt else { throw reject("recordedAt goes back in time") }
                    let stream = try streamHeads.head(of: event.stream)
                    guard event.streamVersion == stream.version + 1 else {
                        throw reject(
                            "stream \(event.stream) version \(event.streamVersion) does not follow \(stream.version)")
                    }
                    canonical.removeAll(keepingCapacity: true)
                    CanonicalEncoding.encode(
                        seq: event.seq, streamVersion: event.streamVersion, schemaVersion: event.schemaVersion,
                        occurredAt: event.occurredAt, recordedAt: event.recordedAt, stream: event.stream,
                        eventId: event.eventId, type: event.type, actor: event.actor, payload: event.payload,
                        into: &canonical)
                    let hash = event.prevHash.withUnsafeBytes { previous in
                        canonical.withUnsafeBytes {
                            Array(CanonicalEncoding.chainHash(previous: previous, canonical: $0))
                        }
                    }
                    guard hash == event.hash else { throw reject("its hash does not match its contents") }
                    let key = seqKey(event.seq)
                    try txn.put(self.events, key: key, value: event.prevHash + event.hash + canonical, flags: .append)
                    try streamHeads.advance(event.stream, from: stream, seq: key)
                    do {
                        try txn.put(eventIds, key: Array(event.eventId.utf8), value: key, flags: .noOverwrite)
                    } catch LMDBError.keyExists {
                        throw reject("event id \(event.eventId) appears twice")
                    }
                    try txn.put(types, key: Array(event.type.utf8) + [0] + key, value: [UInt8](), flags: .noOverwrite)
                    head = Head(position: event.position, recordedAt: event.recordedAt)
                }
            }
        }
    }
}
