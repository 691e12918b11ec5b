/// A wall-clock reading in Vietnam: a local date and a time of day, to the microsecond.
///
/// The portal's timestamps (`NgayTiepNhan`, `NgayHenTra`, …) are local wall-clock readings with no
/// offset. Keeping them as a value of their own, rather than as instants, means the local date a
/// rule compares is the one the desk wrote, whatever time zone the process runs in. Convert to and
/// from UTC instants with ``VietnamTime``.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The local calendar date.
    public let date: LocalDate

    /// Microseconds since local midnight, `0..<86_400_000_000`.
    public let microsecondOfDay: Int64

    static let microsecondsPerSecond: Int64 = 1_000_000
    static let microsecondsPerDay: Int64 = 86_400 * microsecondsPerSecond

    /// The reading with these fields, or `nil` if any is out of range (hour 24, minute 60, …).
    ///
    /// Second 60 is rejected: the ledger's instants count no leap seconds, so it could not be stored.
    public init?(date: LocalDate, hour: Int, minute: Int, second: Int, microsecond: Int = 0) {
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second),
            (0..<1_000_000).contains(microsecond)
        else { return nil }
        let seconds = Int64(hour * 3_600 + minute * 60 + second)
        self.init(date: date, microsecondOfDay: seconds * Self.microsecondsPerSecond + Int64(microsecond))
    }

    /// The reading `microsecondOfDay` after midnight of `date`, which must be within the day.
    init(date: LocalDate, microsecondOfDay: Int64) {
        self.date = date
        self.microsecondOfDay = microsecondOfDay
    }

    /// Parses the portal's `yyyyMMddHHmmss` as a local wall-clock reading.
    ///
    /// Exactly fourteen digits naming a real day and time; anything else is `nil`.
    public init?(portal text: String) {
        guard let reading = DecimalText.withBytes(of: text, Self.parsePortal) else { return nil }
        self = reading
    }

    /// Reads `yyyyMMddHHmmss`, all of `bytes`; `nil` unless it names a real day and time.
    private static func parsePortal(_ bytes: UnsafeBufferPointer<UInt8>) -> LocalDateTime? {
        guard bytes.count == 14, let date = LocalDate.parseCompact(bytes, at: 0),
            let hour = DecimalText.value(in: bytes, at: 8, count: 2),
            let minute = DecimalText.value(in: bytes, at: 10, count: 2),
            let second = DecimalText.value(in: bytes, at: 12, count: 2)
        else { return nil }
        return LocalDateTime(date: date, hour: hour, minute: minute, second: second)
    }

    /// The hour, 0–23.
    public var hour: Int { Int(microsecondOfDay / 3_600_000_000) }

    /// The minute, 0–59.
    public var minute: Int { Int(microsecondOfDay / 60_000_000 % 60) }

    /// The second, 0–59.
    public var second: Int { Int(microsecondOfDay / Self.microsecondsPerSecond % 60) }

    /// The microsecond within the second, 0–999 999.
    public var microsecond: Int { Int(microsecondOfDay % Self.microsecondsPerSecond) }

    /// `yyyyMMddHHmmss`, the portal's form; sub-second digits are dropped.
    public var portalDescription: String {
        var bytes = Array(date.compactDescription.utf8)
        bytes.reserveCapacity(14)
        appendTime(to: &bytes, separator: nil)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `yyyy-MM-ddTHH:mm:ss`, with `.ffffff` only when there are microseconds.
    public var description: String {
        var bytes = Array(date.description.utf8)
        bytes.append(UInt8(ascii: "T"))
        appendTime(to: &bytes, separator: UInt8(ascii: ":"))
        if microsecond != 0 {
            bytes.append(UInt8(ascii: "."))
            DecimalText.append(microsecond, width: 6, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func appendTime(to bytes: inout [UInt8], separator: UInt8?) {
        DecimalText.append(hour, width: 2, to: &bytes)
        if let separator { bytes.append(separator) }
        DecimalText.append(minute, width: 2, to: &bytes)
        if let separator { bytes.append(separator) }
        DecimalText.append(second, width: 2, to: &bytes)
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.microsecondOfDay) < (rhs.date, rhs.microsecondOfDay)
    }
}
