import Ledger
import SwiftProtobuf

/// The tables of the domain projection and how their keys are laid out.
///
/// | table | key | value |
/// |---|---|---|
/// | `dossiers` | dossier id | ``DossierState`` |
/// | `dossiersByEnd` | end day (4, sortable) ‖ dossier id | ``DossierFacts``; end day `FFFFFFFF` while open |
/// | `procedures` | procedure code | ``ProcedureState`` |
/// | `units` | unit code | ``UnitState`` |
/// | `calendar` | day (4, sortable) | ``CalendarDayState`` |
/// | `planTasks` | task id | ``PlanTaskState`` |
/// | `reports` | `seq` (8) | ``ReportIssued`` |
/// | `receiptDays`, `endDays`, `dueDates`, `irregularDossiers`, `spans` | see ``DossierTallies`` | |
enum DomainTables {
    static let names = [
        "dossiers", "dossiersByEnd", "procedures", "units", "calendar", "planTasks", "reports", "receiptDays",
        "endDays", "dueDates", "irregularDossiers", "spans",
    ]
    static let dossiers = ProjectionTable(0)
    static let dossiersByEnd = ProjectionTable(1)
    static let procedures = ProjectionTable(2)
    static let units = ProjectionTable(3)
    static let calendar = ProjectionTable(4)
    static let planTasks = ProjectionTable(5)
    static let reports = ProjectionTable(6)
    static let receiptDays = ProjectionTable(7)
    static let endDays = ProjectionTable(8)
    static let dueDates = ProjectionTable(9)
    static let irregularDossiers = ProjectionTable(10)
    static let spans = ProjectionTable(11)

    /// The end-day key of a dossier still open: after every real day.
    static let openEndKey: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]

    /// A day number as 4 bytes that sort like the days (sign bit flipped, big-endian).
    static func dayKey(_ day: LocalDate) -> [UInt8] {
        var key = [UInt8]()
        key.reserveCapacity(4)
        appendDayKey(day, to: &key)
        return key
    }

    /// Appends the ``dayKey(_:)`` of `day` to `key`.
    static func appendDayKey(_ day: LocalDate, to key: inout [UInt8]) {
        let biased = UInt32(bitPattern: day.dayNumber) ^ 0x8000_0000
        withUnsafeBytes(of: biased.bigEndian) { key.append(contentsOf: $0) }
    }

    static func day(fromKey key: UnsafeRawBufferPointer) -> LocalDate? {
        guard key.count >= 4 else { return nil }
        let biased = UInt32(key[0]) << 24 | UInt32(key[1]) << 16 | UInt32(key[2]) << 8 | UInt32(key[3])
        guard biased != 0xFFFF_FFFF else { return nil }
        return LocalDate(dayNumber: Int32(bitPattern: biased ^ 0x8000_0000))
    }

    static func seqKey(_ seq: UInt64) -> [UInt8] { withUnsafeBytes(of: seq.bigEndian) { Array($0) } }
}

extension ProjectionStore {
    /// Decodes the message stored under `key`, if any.
    func message<M: SwiftProtobuf.Message>(_: M.Type, _ table: ProjectionTable, _ key: String) throws -> M? {
        try value(table, forKey: Array(key.utf8)).map { try M(serializedBytes: $0) }
    }

    func putMessage(_ message: some SwiftProtobuf.Message, _ table: ProjectionTable, _ key: String) throws {
        try put(table, key: Array(key.utf8), value: try message.serializedBytes())
    }
}

/// UTC microseconds of a protobuf timestamp.
func microseconds(_ timestamp: Google_Protobuf_Timestamp) -> Int64 {
    timestamp.seconds * 1_000_000 + Int64(timestamp.nanos / 1_000)
}

/// A protobuf timestamp of UTC microseconds.
func protobufTimestamp(microseconds: Int64) -> Google_Protobuf_Timestamp {
    let seconds = microseconds >= 0 ? microseconds / 1_000_000 : (microseconds - 999_999) / 1_000_000
    return Google_Protobuf_Timestamp(seconds: seconds, nanos: Int32((microseconds - seconds * 1_000_000) * 1_000))
}

/// The Vietnamese local date of an instant in UTC microseconds.
@usableFromInline func localDay(_ microseconds: Int64) -> LocalDate {
    VietnamTime.localDate(utcMicroseconds: microseconds)
}
