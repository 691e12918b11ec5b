import Testing

@testable import TTHCDomain

@Suite struct VietnamTimeTests {
    /// 2025-04-14T17:30:00Z: half past midnight on 15 April in Vietnam.
    static let halfPastMidnightOn15April: Int64 = 1_744_651_800_000_000

    @Test func halfPastMidnightLocalIsTheEveningBeforeInUTCYetTheLocalDateIsThe15th() {
        let instant = VietnamTime.parsePortal("20250415003000")
        #expect(instant == Self.halfPastMidnightOn15April)
        // The UTC calendar day of that instant is the 14th (day 20 192).
        #expect(Self.halfPastMidnightOn15April / 86_400_000_000 == Int64(LocalDate.iso("2025-04-14").dayNumber))
        #expect(VietnamTime.localDate(utcMicroseconds: Self.halfPastMidnightOn15April) == .iso("2025-04-15"))
    }

    @Test func portalTimestampsFormatBackToTheSameText() {
        #expect(VietnamTime.formatPortal(utcMicroseconds: Self.halfPastMidnightOn15April) == "20250415003000")
        #expect(VietnamTime.parsePortal("20250414235959") == 1_744_649_999_000_000)
        #expect(VietnamTime.formatPortal(utcMicroseconds: 1_744_649_999_000_000) == "20250414235959")
        #expect(
            VietnamTime.formatISO8601(utcMicroseconds: Self.halfPastMidnightOn15April) == "2025-04-15T00:30:00+07:00")
        let reading = VietnamTime.localDateTime(utcMicroseconds: Self.halfPastMidnightOn15April + 7)
        #expect(reading.description == "2025-04-15T00:30:00.000007")
        #expect((reading.hour, reading.minute, reading.second, reading.microsecond) == (0, 30, 0, 7))
    }

    @Test func localMidnightIsSeventeenHundredUTCTheDayBefore() {
        let midnight = VietnamTime.utcMicroseconds(startOf: .iso("2025-04-15"))
        #expect(midnight == 1_744_650_000_000_000)
        #expect(VietnamTime.localDate(utcMicroseconds: midnight) == .iso("2025-04-15"))
        #expect(VietnamTime.localDate(utcMicroseconds: midnight - 1) == .iso("2025-04-14"))
    }

    @Test func instantsBefore1970RoundDownToThePreviousLocalDay() {
        #expect(VietnamTime.parsePortal("19700101000000") == -25_200_000_000)
        #expect(VietnamTime.localDate(utcMicroseconds: -1) == .iso("1970-01-01"))
        #expect(VietnamTime.formatPortal(utcMicroseconds: -1) == "19700101065959")
        #expect(VietnamTime.localDate(utcMicroseconds: -25_200_000_000) == .iso("1970-01-01"))
        #expect(VietnamTime.localDate(utcMicroseconds: -25_200_000_001) == .iso("1969-12-31"))
        #expect(VietnamTime.formatPortal(utcMicroseconds: -25_200_000_001) == "19691231235959")
    }

    @Test func theMostExtremeInstantsConvertWithoutOverflow() {
        #expect(VietnamTime.localDate(utcMicroseconds: .max) > .iso("2025-01-01"))
        #expect(VietnamTime.localDate(utcMicroseconds: .min) < .iso("1970-01-01"))
    }

    @Test func impossibleOrMalformedPortalTimestampsAreRejected() {
        for malformed in [
            "20250230120000",  // 30 February
            "20251301000000",  // month 13
            "20250015000000",  // month 0
            "20250415240000",  // hour 24
            "20250415236000",  // minute 60
            "20250415235960",  // second 60
            "2025041500300",  // 13 digits
            "202504150030000",  // 15 digits
            "2025041500300a",
            "2025-04-15 00:30",
            "",
        ] {
            #expect(VietnamTime.parsePortal(malformed) == nil, "\(malformed)")
        }
    }

    @Test func formattingThenParsingKeepsEveryInstantToTheSecond() {
        // Every 100 003 seconds (a prime, so times of day drift through the whole day) across 1960–2100.
        let first = VietnamTime.parsePortal("19600101000000")!
        let last = VietnamTime.parsePortal("21001231235959")!
        var instant = first + 123_456
        while instant < last {
            let text = VietnamTime.formatPortal(utcMicroseconds: instant)
            let wholeSeconds = instant - ((instant % 1_000_000) + 1_000_000) % 1_000_000
            let parsed = VietnamTime.parsePortal(text)
            guard parsed == wholeSeconds else {
                Issue.record("\(instant) formats as \(text), which parses back as \(String(describing: parsed))")
                return
            }
            instant += 100_003_000_000
        }
    }
}
