import Foundation
import Ledger
import TTHCDomain
import TTHCWorkload
import Testing

@testable import TTHCReports

/// The day tallies the reports sum (``PeriodTally/compute(_:daysInForce:)``) against the counting
/// rules applied to every dossier one by one (``PeriodTally/byDossier(_:daysInForce:)``).
@Suite struct PeriodTallyTests {
    /// Every month and quarter the generated province has dossiers in, and one on each side.
    static let periods: [ReportPeriod] =
        (1...12).compactMap { ReportPeriod.month(year: 2025, month: $0) }
        + (1...7).compactMap { ReportPeriod.month(year: 2026, month: $0) }
        + [ReportPeriod.month(year: 2024, month: 12)!, ReportPeriod.month(year: 2024, month: 11)!]
        + (1...4).compactMap { ReportPeriod.quarter(year: 2025, quarter: $0) }
        + (1...3).compactMap { ReportPeriod.quarter(year: 2026, quarter: $0) }

    @Test func dayTalliesCountLikeEveryDossierOnAGeneratedProvinceLiveAndAsOfHalfway() throws {
        try withTemporaryDirectory { path in
            var options = Ledger.Options(create: true)
            options.unsafeNoSync = true
            let domain = try DomainLedger(directory: path, options: options)
            let workload = Workload(seed: 7, dossiers: 2_500)
            try workload.forEachBatch(size: 2_000) { try domain.append($0) }

            let compared = try domain.withState { state, position in
                try expectTalliesCountLikeEveryDossier(state, position, "live")
            }
            #expect(compared > 0)
            let (state, position) = try domain.state(asOf: try halfway(domain))
            let comparedAsOf = try expectTalliesCountLikeEveryDossier(state, position, "as of halfway")
            #expect(comparedAsOf > 0)
        }
    }

    @Test func aDossierEndedBeforeItsCorrectedReceiptIsCountedOnItsOwnUntilCorrectedBack() throws {
        try withCountingLedger { ledger in
            try ledger.receive("D1", at: "2025-04-01 09:00", due: "2025-04-15")
            try ledger.resolve("D1", at: "2025-04-10 10:00")
            try ledger.receive("D2", at: "2025-04-02 09:00", channel: .online, due: "2025-04-16")
            try correctReceipt(of: "D1", to: "2025-04-20T03:00:00Z", in: ledger)

            // R = 2025-04-20 > E = 2025-04-10: not in the day tallies, but counted all the same.
            #expect(try irregularDossiers(ledger) == ["2025-04-20"])
            let q2 = try ledger.quarterly(2025, 2)
            #expect(
                q2.totals
                    == DossierCounts(online: 1, directOrPostal: 1, early: 1, overdue: 1))
            let irregular = try ledger.domain.withState { state, position in
                try expectTalliesCountLikeEveryDossier(state, position, "irregular")
            }
            #expect(irregular > 0)

            try correctReceipt(of: "D1", to: "2025-04-01T02:00:00Z", in: ledger)
            #expect(try irregularDossiers(ledger).isEmpty)
            let correctedBack = try ledger.domain.withState { state, position in
                try expectTalliesCountLikeEveryDossier(state, position, "corrected back")
            }
            #expect(correctedBack > 0)
        }
    }

    @Test func aDossierOpenAtThePeriodsEndForTheLongestSpanIsStillPending() throws {
        try withCountingLedger { ledger in
            // Received on Q2's last day, resolved 79 days later: the longest span of the ledger,
            // so that it ends on the last day the pending dossiers are looked for.
            try ledger.receive("D1", at: "2025-06-14 09:00", due: "2025-06-28")
            try ledger.resolve("D1", at: "2025-09-01 10:00")
            try ledger.receive("D2", at: "2025-06-02 09:00", due: "2025-06-16")
            try ledger.resolve("D2", at: "2025-06-05 10:00")

            #expect(
                try ledger.quarterly(2025, 2).totals == DossierCounts(directOrPostal: 2, early: 1, withinDeadline: 1))
            #expect(try ledger.quarterly(2025, 3).totals == DossierCounts(carriedOver: 1, late: 1))
            let compared = try ledger.domain.withState { state, position in
                try expectTalliesCountLikeEveryDossier(state, position, "longest span")
            }
            #expect(compared > 0)
        }
    }

    // MARK: Helpers

    /// Compares both ways of counting for every period of ``periods``; returns how many periods
    /// had any figure, so that a test can tell it compared something.
    @discardableResult
    func expectTalliesCountLikeEveryDossier(
        _ state: DomainState, _ position: LedgerPosition, _ label: String
    ) throws -> Int {
        let procedures = try state.procedures()
        var nonEmpty = 0
        for period in Self.periods {
            let context = try ReportContext(state: state, position: position, period: period)
            let summed = try PeriodTally.compute(context, daysInForce: ProcessingDaysInForce(procedures))
            let counted = try PeriodTally.byDossier(context, daysInForce: ProcessingDaysInForce(procedures))
            let counts = counted.counts.filter { !$0.value.isZero }
            #expect(summed.counts.filter { !$0.value.isZero } == counts, "\(label): \(period)")
            #expect(
                summed.figures.filter { !$0.value.isZero } == counted.figures.filter { !$0.value.isZero },
                "\(label): \(period)")
            if !counts.isEmpty { nonEmpty += 1 }
        }
        return nonEmpty
    }

    func halfway(_ domain: DomainLedger) throws -> UInt64 {
        try domain.ledger.head().seq / 2
    }

    func correctReceipt(of id: String, to instant: String, in ledger: CountingLedger) throws {
        var corrected = DossierCorrected()
        corrected.dossierID = id
        corrected.field = "receivedAt"
        corrected.newValue = instant
        corrected.reason = "nhập sai ngày tiếp nhận"
        try ledger.record(.dossierCorrected(corrected), at: "2025-04-21 08:00")
    }

    /// The receipt days of the dossiers counted on their own.
    func irregularDossiers(_ ledger: CountingLedger) throws -> [String] {
        try ledger.domain.withState { state, _ in
            var days = [String]()
            try state.forEachIrregularDossierFacts { days.append($0.receivedDay.description) }
            return days
        }
    }

    func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
        var template = Array((FileManager.default.temporaryDirectory.path + "/tthc-tally-XXXXXX").utf8CString)
        let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }
}
