import Ledger

/// Per-day, per-unit counts of the dossiers' ``DossierFacts``, kept by the domain projection so
/// that a report sums a few thousand day rows instead of visiting every dossier of its period.
///
/// | table | key | value (little-endian `Int64` counters) |
/// |---|---|---|
/// | `receiptDays` | receipt day (4, sortable) ‖ competent unit | ``ReceiptTally`` |
/// | `endDays` | end day (4, sortable) ‖ competent unit | ``EndTally`` |
/// | `dueDates` | receipt day ‖ unit ‖ procedure (2-byte length ‖ UTF-8 each) ‖ given due day ‖ processing days at receipt (4, `FFFFFFFF` unknown) | count |
/// | `irregularDossiers` | dossier id | ``DossierFacts`` |
/// | `spans` | days from receipt to end (4, big-endian) | count |
///
/// Only *regular* dossiers are counted here: accepted, and not ended before the day they were
/// received (which validation refuses, but a correction can still record). For those, a period's
/// receipts, carried-over dossiers and resolutions follow from these counts alone; the few
/// irregular ones are kept whole in `irregularDossiers` for reports to classify one by one.
/// `spans` bounds how long after a day a dossier open on it can have ended: the longest span of a
/// regular ended dossier, so that the dossiers pending at a period's end are found among those
/// ending within that span of it (and those still open), not among every later one.
///
/// The fold updates the counts by the difference between a dossier's facts before and after the
/// events of each write transaction, and deletes a row when its counts return to zero, so that the
/// tables depend only on the dossiers' current facts: the same after incremental folding as after
/// a rebuild.
enum DossierTallies {
    /// The rows one dossier's change of facts, `old` → `new` (`nil`: not accepted), moves, and
    /// what becomes of its `irregularDossiers` entry. Computed apart from the store, so that many
    /// dossiers' changes can be worked out at once (``DossierBuffer``).
    struct Change: Sendable {
        /// Amounts to add to a row.
        struct Row: Sendable {
            var table: ProjectionTable
            var key: [UInt8]
            var counters: Counters
            var sign: Int64
        }

        enum Irregular: Sendable {
            case keep
            case put([UInt8])
            case delete
        }

        var rows: [Row] = []
        var irregular = Irregular.keep

        init(from old: DossierFacts?, to new: DossierFacts?) {
            guard old != new else { return }
            // Most changes touch one part or none (a pause, a return after the resolution): the rows
            // of the parts that stay as they were are left alone.
            let before = Parts(old)
            let after = Parts(new)
            move(before.receipt, after.receipt) { part, add in
                add(DomainTables.receiptDays, dayUnitKey(part.day, part.unit), part.tally.counters)
            }
            move(before.dueDate, after.dueDate) { part, add in
                let key = DueDateTally.key(
                    receivedDay: part.receivedDay, unit: part.unit, procedureCode: part.procedureCode,
                    givenDueDay: part.givenDueDay, processingDaysAtReceipt: part.processingDays)
                add(DomainTables.dueDates, key, Counters(one: 1))
            }
            move(before.end, after.end) { part, add in
                add(DomainTables.endDays, dayUnitKey(part.day, part.unit), part.tally.counters)
                add(DomainTables.spans, spanKey(days: part.span), Counters(one: 1))
            }
            if let new, !new.isRegular {
                irregular = .put(new.bytes)
            } else if let old, !old.isRegular {
                irregular = .delete
            }
        }

        /// When a part changed, takes away the rows of the old one and adds those of the new one:
        /// `rows` names each row of a part through `add(table, key, counters)`.
        private mutating func move<Part: Equatable>(
            _ before: Part?, _ after: Part?,
            _ rows: (Part, _ add: (ProjectionTable, [UInt8], Counters) -> Void) -> Void
        ) {
            guard before != after else { return }
            for (part, sign) in [(before, Int64(-1)), (after, 1)] {
                guard let part else { continue }
                rows(part) { table, key, counters in
                    self.rows.append(Row(table: table, key: key, counters: counters, sign: sign))
                }
            }
        }
    }

    /// The changes to the tally rows of many dossiers, summed row by row in memory and then
    /// written, each row read and written once (``DossierBuffer``).
    struct Changes: Sendable {
        /// The amounts to add to each row.
        private var rows: [RowKey: Counters] = [:]

        /// The sum of the rows `changes` move.
        init(_ changes: some Sequence<Change>) {
            for change in changes {
                for row in change.rows {
                    rows[RowKey(table: row.table.index, key: row.key), default: Counters()].add(
                        row.counters, times: row.sign)
                }
            }
        }

        /// A row: its table and key, hashed as one run of bytes rather than byte by byte.
        private struct RowKey: Hashable {
            var table: Int
            var key: [UInt8]

            func hash(into hasher: inout Hasher) {
                hasher.combine(table)
                key.withUnsafeBytes { hasher.combine(bytes: $0) }
            }
        }

        /// Adds the summed changes to the stored rows, deleting a row whose counts return to zero.
        func write(to store: any ProjectionStore) throws {
            for (row, change) in rows where !change.isZero {
                let table = ProjectionTable(row.table)
                var sum = Counters()
                if let stored = try store.value(table, forKey: row.key) {
                    guard let counters = Counters(bytes: stored) else {
                        let name = DomainTables.names[row.table]
                        throw LedgerError(
                            .integrity,
                            "a row of the domain projection's \(name) table holds \(stored.count) bytes, more "
                                + "than \(Counters.capacity) counters; rebuild the projection from the log: "
                                + "tthc rebuild domain")
                    }
                    sum = counters
                }
                sum.add(change, times: 1)
                if sum.isZero {
                    try store.delete(table, key: row.key)
                } else {
                    try store.put(table, key: row.key, value: sum.bytes)
                }
            }
        }
    }

    /// Writes what becomes of dossier `id`'s `irregularDossiers` entry.
    static func write(_ irregular: Change.Irregular, id: String, to store: any ProjectionStore) throws {
        switch irregular {
        case .keep: break
        case .put(let bytes): try store.put(DomainTables.irregularDossiers, key: Array(id.utf8), value: bytes)
        case .delete: try store.delete(DomainTables.irregularDossiers, key: Array(id.utf8))
        }
    }

    /// What a regular dossier adds to each kind of tally row; all `nil` for an irregular one.
    private struct Parts {
        struct Receipt: Equatable {
            var unit: String
            var day: LocalDate
            var tally: ReceiptTally
        }

        struct DueDate: Equatable {
            var unit: String
            var procedureCode: String
            var receivedDay: LocalDate
            var givenDueDay: LocalDate
            var processingDays: UInt32?
        }

        struct End: Equatable {
            var unit: String
            var day: LocalDate
            var tally: EndTally
            var span: Int32
        }

        var receipt: Receipt?
        var dueDate: DueDate?
        var end: End?

        init(_ facts: DossierFacts?) {
            guard let facts, facts.isRegular else { return }
            let receivedDay = facts.receivedDay
            receipt = Receipt(unit: facts.competentUnit, day: receivedDay, tally: ReceiptTally(facts))
            if let givenDueAt = facts.givenDueAt {
                dueDate = DueDate(
                    unit: facts.competentUnit, procedureCode: facts.procedureCode, receivedDay: receivedDay,
                    givenDueDay: localDay(givenDueAt), processingDays: facts.processingDays)
            }
            if let endDay = facts.endDay {
                end = End(
                    unit: facts.competentUnit, day: endDay, tally: EndTally(facts),
                    span: endDay.dayNumber - receivedDay.dayNumber)
            }
        }
    }

    /// The `receiptDays` and `endDays` key of `unit`'s row of `day`.
    static func dayUnitKey(_ day: LocalDate, _ unit: String) -> [UInt8] {
        var key = [UInt8]()
        key.reserveCapacity(4 + unit.utf8.count)
        DomainTables.appendDayKey(day, to: &key)
        key.append(contentsOf: unit.utf8)
        return key
    }

    /// The `spans` key of a span of `days` (≥ 0 for a regular dossier).
    static func spanKey(days: Int32) -> [UInt8] {
        let days = UInt32(max(0, days))
        return [UInt8(days >> 24), UInt8(days >> 16 & 0xFF), UInt8(days >> 8 & 0xFF), UInt8(days & 0xFF)]
    }

    /// The `index`th counter of a stored value; 0 past its end.
    static func counter(_ index: Int, of bytes: UnsafeRawBufferPointer) -> Int {
        guard (index + 1) * 8 <= bytes.count else { return 0 }
        return Int(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: Int64.self)))
    }

    /// The counters of a row, kept inline: a row holds at most ``capacity`` (a receipt day's
    /// eight), stored as that many little-endian `Int64`s.
    struct Counters: Sendable, Equatable {
        static let capacity = 8
        private var values = SIMD8<Int64>()
        /// How many the row holds; a sum holds as many as the longer of its terms.
        private(set) var count = 0

        init() {}

        init(one value: Int64) {
            values[0] = value
            count = 1
        }

        /// The first `count` of `values`.
        init(_ values: SIMD8<Int64>, count: Int) {
            self.values = values
            self.count = count
        }

        /// The counters of a stored value (a trailing partial counter is ignored); `nil` when it
        /// holds more than ``capacity``.
        init?(bytes: [UInt8]) {
            let stored = bytes.count / 8
            guard stored <= Self.capacity else { return nil }
            bytes.withUnsafeBytes { raw in
                for index in 0..<stored {
                    values[index] = Int64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: Int64.self))
                }
            }
            count = stored
        }

        var isZero: Bool { values == SIMD8() }

        /// Adds `times` × `other`, counter by counter.
        mutating func add(_ other: Counters, times: Int64) {
            values &+= other.values &* SIMD8(repeating: times)
            count = Swift.max(count, other.count)
        }

        /// The stored value: `count` little-endian `Int64`s.
        var bytes: [UInt8] {
            var out = [UInt8]()
            out.reserveCapacity(count * 8)
            for index in 0..<count { withUnsafeBytes(of: values[index].littleEndian) { out.append(contentsOf: $0) } }
            return out
        }
    }
}

extension DossierFacts {
    /// Not ended before the day it was received: counted in the day tallies (``DossierTallies``).
    var isRegular: Bool {
        guard let endDay else { return true }
        return endDay >= receivedDay
    }
}

/// The regular dossiers one unit received on one day (``DossierTallies``).
public struct ReceiptTally: Sendable, Equatable {
    public var received = 0
    public var online = 0
    public var business = 0
    public var businessOnline = 0
    /// Received at another desk than the competent unit's.
    public var locationIndependent = 0
    public var digitized = 0
    public var documentsRequired = 0
    public var documentsReused = 0

    init(_ facts: DossierFacts) {
        let online = facts.channel == .online
        let business = facts.applicantKind == .business
        received = 1
        self.online = online ? 1 : 0
        self.business = business ? 1 : 0
        businessOnline = business && online ? 1 : 0
        locationIndependent = facts.locationIndependent ? 1 : 0
        digitized = facts.digitized ? 1 : 0
        documentsRequired = Int(facts.documentsRequired)
        documentsReused = Int(facts.documentsReused)
    }

    init(bytes: UnsafeRawBufferPointer) {
        func at(_ index: Int) -> Int { DossierTallies.counter(index, of: bytes) }
        received = at(0)
        online = at(1)
        business = at(2)
        businessOnline = at(3)
        locationIndependent = at(4)
        digitized = at(5)
        documentsRequired = at(6)
        documentsReused = at(7)
    }

    var counters: DossierTallies.Counters {
        DossierTallies.Counters(
            SIMD8(
                Int64(received), Int64(online), Int64(business), Int64(businessOnline), Int64(locationIndependent),
                Int64(digitized), Int64(documentsRequired), Int64(documentsReused)), count: 8)
    }
}

/// The regular dossiers of one unit that ended on one day, by how the end compares with the due
/// date in force then (``DossierTallies``).
public struct EndTally: Sendable, Equatable {
    /// Ended before the due date.
    public var beforeDue = 0
    /// Ended on the due date.
    public var onDue = 0
    /// Ended after the due date.
    public var afterDue = 0
    /// Withdrawn, or resolved with no due date.
    public var withdrawnOrWithoutDue = 0

    public var total: Int { beforeDue + onDue + afterDue + withdrawnOrWithoutDue }

    init(_ facts: DossierFacts) {
        guard let endedAt = facts.endedAt, let endDay = facts.endDay, !(facts.withdrawn && !facts.resolved),
            let due = facts.dueAt(asOf: endedAt).map(localDay)
        else {
            withdrawnOrWithoutDue = 1
            return
        }
        if endDay < due {
            beforeDue = 1
        } else if endDay == due {
            onDue = 1
        } else {
            afterDue = 1
        }
    }

    init(bytes: UnsafeRawBufferPointer) {
        func at(_ index: Int) -> Int { DossierTallies.counter(index, of: bytes) }
        beforeDue = at(0)
        onDue = at(1)
        afterDue = at(2)
        withdrawnOrWithoutDue = at(3)
    }

    var counters: DossierTallies.Counters {
        DossierTallies.Counters(
            SIMD8(Int64(beforeDue), Int64(onDue), Int64(afterDue), Int64(withdrawnOrWithoutDue), 0, 0, 0, 0), count: 4)
    }
}

/// How many regular dossiers of one unit and procedure, received on one day, were given one due
/// date: what the `dueDateLongerThanProcedure` figure compares with the procedure's time in force
/// (``DossierTallies``).
public struct DueDateTally: Sendable, Equatable {
    public var receivedDay: LocalDate
    public var unit: String
    public var procedureCode: String
    public var givenDueDay: LocalDate
    /// The processing days known when the receipts were recorded.
    public var processingDaysAtReceipt: Int?
    public var count: Int

    static func key(
        receivedDay: LocalDate, unit: String, procedureCode: String, givenDueDay: LocalDate,
        processingDaysAtReceipt: UInt32?
    ) -> [UInt8] {
        var key = [UInt8]()
        key.reserveCapacity(16 + unit.utf8.count + procedureCode.utf8.count)
        DomainTables.appendDayKey(receivedDay, to: &key)
        for text in [unit, procedureCode] {
            let count = min(text.utf8.count, Int(UInt16.max))
            key.append(UInt8(count >> 8))
            key.append(UInt8(count & 0xFF))
            key.append(contentsOf: text.utf8.prefix(count))
        }
        DomainTables.appendDayKey(givenDueDay, to: &key)
        let days = processingDaysAtReceipt ?? UInt32.max
        withUnsafeBytes(of: days.bigEndian) { key.append(contentsOf: $0) }
        return key
    }

    /// Reads a stored row; `nil` when it is not one.
    init?(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) {
        var offset = 4
        func text() -> String? {
            guard offset + 2 <= key.count else { return nil }
            let count = Int(key[offset]) << 8 | Int(key[offset + 1])
            guard offset + 2 + count <= key.count else { return nil }
            defer { offset += 2 + count }
            return String(
                decoding: UnsafeRawBufferPointer(rebasing: key[offset + 2..<offset + 2 + count]), as: UTF8.self)
        }
        guard let receivedDay = DomainTables.day(fromKey: key), let unit = text(), let procedureCode = text(),
            offset + 8 == key.count,
            let givenDueDay = DomainTables.day(fromKey: UnsafeRawBufferPointer(rebasing: key[offset..<offset + 4]))
        else { return nil }
        let days = key[(offset + 4)...].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        self.receivedDay = receivedDay
        self.unit = unit
        self.procedureCode = procedureCode
        self.givenDueDay = givenDueDay
        processingDaysAtReceipt = days == UInt32.max ? nil : Int(days)
        count = DossierTallies.counter(0, of: value)
    }
}
