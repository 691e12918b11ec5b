import Ledger

/// The dossiers the events of one write transaction changed, kept decoded in memory and written
/// once each, with their `dossiersByEnd` entry and their day tallies, when the engine flushes the
/// store (``ProjectionBuffer``).
///
/// A dossier's events come close together in the log (received, resolved, returned). Folded one by
/// one, each event would read and decode the stored state, encode it again, and move the
/// dossier's index entry and tally rows. Buffered, a rebuild chunk or an appended batch decodes a
/// dossier at most once and encodes it once, and moves its rows once, by the difference between
/// its facts before the transaction and after it; the tally rows of all the dossiers are summed in
/// memory first, since thousands of dossiers share a unit's day.
///
/// Only the domain projection writes the tables it buffers, and it reads a dossier from here
/// before the store, so validation sees every event before the one it checks.
final class DossierBuffer: ProjectionBuffer {
    /// One changed dossier. `@unchecked Sendable`: a flush reads entries from several threads,
    /// and nothing changes them meanwhile.
    final class Entry: @unchecked Sendable {
        let id: String
        var record: DossierRecord
        /// Its facts as stored before the transaction; `nil` when it was not accepted (or new).
        let storedFacts: DossierFacts?
        /// Whether an event changed it; one that did not is not written.
        var changed = false

        init(id: String, record: DossierRecord) {
            self.id = id
            self.record = record
            storedFacts = record.isAccepted ? DossierFacts(record) : nil
        }
    }

    /// In the order they were first changed, the order a flush writes them in (sorting the ids
    /// first made a rebuild slower, not faster).
    private var entries: [Entry] = []
    private var positions: [Key: Int] = [:]

    /// A dossier id with its hash, so that a look-up's probes compare integers rather than ids.
    private struct Key: Hashable {
        let id: String
        let hash: Int

        init(_ id: String) {
            self.id = id
            hash = id.hashValue
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (lhs: Key, rhs: Key) -> Bool { lhs.hash == rhs.hash && lhs.id == rhs.id }
    }

    /// The buffer attached to `store`, attached now if there is none.
    static func attached(to store: any ProjectionStore) throws -> DossierBuffer {
        if let buffer = store.buffer as? DossierBuffer { return buffer }
        try store.flushBuffer()
        let buffer = DossierBuffer()
        store.buffer = buffer
        return buffer
    }

    /// The dossier `id` as the transaction's earlier events left it: its entry, else the state
    /// `load()` reads from the store, kept as an entry that is not written unless an event changes
    /// it, so that the fold after a validation does not read it again; `nil` when there is none.
    func dossier(_ id: String, load: () throws -> DossierRecord?) rethrows -> DossierRecord? {
        let key = Key(id)
        if let position = positions[key] { return entries[position].record }
        guard let record = try load() else { return nil }
        add(Entry(id: id, record: record), key)
        return record
    }

    /// The entry of dossier `id`, made from `load()` (the stored state, or a new one) on first use.
    func entry(_ id: String, load: () throws -> DossierRecord?) rethrows -> Entry {
        let key = Key(id)
        if let position = positions[key] { return entries[position] }
        let entry = Entry(id: id, record: try load() ?? DossierRecord())
        add(entry, key)
        return entry
    }

    private func add(_ entry: Entry, _ key: Key) {
        positions[key] = entries.count
        entries.append(entry)
    }

    func flush(to store: any ProjectionStore) throws {
        let changed = entries.filter(\.changed)
        // What to write is worked out on every core: encoding the states, deriving their facts and
        // the rows those move. The writes follow in order, on this thread, in the store's transaction,
        // while another thread sums the tally rows they move.
        let writes = try Cores.map(changed.count) { try Writes(changed[$0]) }
        let tallies = Cores.Background(inline: changed.count < Cores.serialBelow) {
            DossierTallies.Changes(writes.lazy.map(\.tallies))
        }
        for (entry, writes) in zip(changed, writes) {
            try store.put(DomainTables.dossiers, key: Array(entry.id.utf8), value: writes.state)
            if let key = writes.unindex { try store.delete(DomainTables.dossiersByEnd, key: key) }
            if let index = writes.index {
                try store.put(DomainTables.dossiersByEnd, key: index.key, value: index.value)
            }
            try DossierTallies.write(writes.tallies.irregular, id: entry.id, to: store)
        }
        try tallies.value().write(to: store)
        // Freeing the transaction's dossiers is left to another thread.
        Cores.release((entries, positions, changed, writes))
        entries = []
        positions = [:]
    }

    /// The writes one changed dossier makes.
    private struct Writes: Sendable {
        /// Its encoded ``DossierState`` (``DossierRecord/bytes()``).
        var state: [UInt8]
        /// The `dossiersByEnd` entry to remove and the one to write: one per accepted dossier,
        /// under its end day, holding its ``DossierFacts``; written only when the key or the facts
        /// change.
        var unindex: [UInt8]?
        var index: (key: [UInt8], value: [UInt8])?
        var tallies: DossierTallies.Change

        init(_ entry: Entry) throws {
            state = try entry.record.bytes()
            let facts = entry.record.isAccepted ? DossierFacts(entry.record) : nil
            let old = Self.endKey(entry.storedFacts, id: entry.id)
            let new = Self.endKey(facts, id: entry.id)
            if let old, old != new { unindex = old }
            if let facts, let new, old != new || facts != entry.storedFacts { index = (new, facts.bytes) }
            tallies = DossierTallies.Change(from: entry.storedFacts, to: facts)
        }

        /// The `dossiersByEnd` key of a dossier with `facts`; `nil` when it is not accepted.
        private static func endKey(_ facts: DossierFacts?, id: String) -> [UInt8]? {
            guard let facts else { return nil }
            return (facts.endDay.map(DomainTables.dayKey) ?? DomainTables.openEndKey) + Array(id.utf8)
        }
    }
}
