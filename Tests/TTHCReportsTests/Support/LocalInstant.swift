import Ledger
import SwiftProtobuf
import TTHCDomain
import Testing

/// Vietnamese wall-clock times written the way a desk clerk reads them, for tests that state their
/// instants literally: `"2025-03-15 00:30"` is half past midnight in Hậu Giang, which is
/// 2025-03-14T17:30Z.
///
/// A bare date `"2025-04-15"` means `defaultHour` o'clock that day.
enum LocalInstant {
    /// UTC microseconds of a local `yyyy-MM-dd[ HH:mm]`.
    static func microseconds(
        _ text: String, defaultHour: Int = 9, sourceLocation: SourceLocation = #_sourceLocation
    ) -> Int64 {
        let parts = text.split(separator: " ")
        let time = parts.count > 1 ? parts[1].split(separator: ":").compactMap { Int($0) } : [defaultHour, 0]
        guard let date = LocalDate(iso: String(parts[0])), time.count == 2,
            let reading = LocalDateTime(date: date, hour: time[0], minute: time[1], second: 0)
        else {
            Issue.record("not a local time yyyy-MM-dd[ HH:mm]: \(text)", sourceLocation: sourceLocation)
            return 0
        }
        return VietnamTime.utcMicroseconds(of: reading)
    }

    /// The ledger timestamp of a local time.
    static func timestamp(_ text: String, defaultHour: Int = 9) -> Timestamp {
        Timestamp(microsecondsSinceEpoch: microseconds(text, defaultHour: defaultHour))
    }

    /// The protobuf timestamp of a local time, as event payloads carry instants.
    static func protobuf(_ text: String, defaultHour: Int = 9) -> Google_Protobuf_Timestamp {
        let value = microseconds(text, defaultHour: defaultHour)
        return Google_Protobuf_Timestamp(seconds: value / 1_000_000, nanos: 0)
    }
}
