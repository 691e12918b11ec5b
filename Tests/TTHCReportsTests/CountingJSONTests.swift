import Ledger
import TTHCDomain
import TTHCReports
import Testing

/// The exact JSON of SPEC §5.1 and §5.2 for small reports: keys in the specified order, compact,
/// integers as integers, percentages with at least one decimal.
@Suite struct CountingJSONTests {
    typealias L = CountingLedger

    /// The seed is 19 events: 4 units, the district's merger, 12 days off, 1 make-up day, 1 procedure.
    static let seedEvents: UInt64 = 19

    @Test func theQuarterlyReportSerializesWithTheKeysInTheSpecifiedOrder() throws {
        try withCountingLedger { ledger in
            // Department: received online 10 April, due 24 April, resolved 23 April → early.
            try ledger.receive("D1", at: "2025-04-10 09:00", channel: .online, due: "2025-04-24")
            try ledger.resolve("D1", at: "2025-04-23 09:00")
            // District (merges only on 1 July): received by post 10 March, open, no due date → carried
            // over, pending within the deadline.
            try ledger.receive("D2", at: "2025-03-10 09:00", channel: .postal, unit: L.district)

            let report = try ledger.quarterly(2025, 2)
            #expect(report.position.seq == Self.seedEvents + 3)
            let hash = report.position.hashHex
            let expected =
                #"{"report":"quarterly-tthc-control","form":"06/VPCP/KSTT","#
                + #""period":{"year":2025,"quarter":2,"from":"2025-03-15","to":"2025-06-14"},"#
                + #""ledger":{"seq":22,"hash":"\#(hash)"},"#
                + #""rows":["#
                + #"{"unit":"000.00.14.H23","name":"Sở Tài chính","level":"province","#
                + #""received":{"total":1,"online":1,"directOrPostal":0,"carriedOver":0},"#
                + #""resolved":{"total":1,"early":1,"onTime":0,"late":0},"#
                + #""pending":{"total":0,"withinDeadline":0,"overdue":0}},"#
                + #"{"unit":"000.20.31.H23","name":"UBND huyện Châu Thành","level":"district","#
                + #""received":{"total":1,"online":0,"directOrPostal":0,"carriedOver":1},"#
                + #""resolved":{"total":0,"early":0,"onTime":0,"late":0},"#
                + #""pending":{"total":1,"withinDeadline":1,"overdue":0}}],"#
                + #""totals":{"#
                + #""received":{"total":2,"online":1,"directOrPostal":0,"carriedOver":1},"#
                + #""resolved":{"total":1,"early":1,"onTime":0,"late":0},"#
                + #""pending":{"total":1,"withinDeadline":1,"overdue":0}}}"#
            #expect(report.json().serialized() == expected)
        }
    }

    @Test func theMonthlyReportSerializesWithTheKeysInTheSpecifiedOrder() throws {
        try withCountingLedger { ledger in
            try ledger.assignTask("II.1", deadline: "2025-04-30")
            try ledger.completeTask("II.1", on: "2025-04-28")
            // A business files online on Monday 21 April, due 7 May (10 working days), 4 documents of
            // which 1 reused, digitised; resolved 6 May → early.
            try ledger.receive(
                "D1", at: "2025-04-21 09:00", channel: .online, due: "2025-05-07", applicant: .business,
                digitized: true, documentsRequired: 4, documentsReused: 1)
            try ledger.resolve("D1", at: "2025-05-06 09:00")

            let report = try ledger.monthly(2025, 5)
            #expect(report.position.seq == Self.seedEvents + 4)
            let hash = report.position.hashHex
            // Dossier figures: online 1 / received 1 = 100.0; (early 1 + onTime 0) / resolved 1 = 100.0;
            // reused 1 / required 4 = 25.0.
            let figures =
                #""received":1,"online":1,"onlineRatePct":100.0,"business":1,"businessOnline":1,"#
                + #""locationIndependent":0,"resolved":1,"early":1,"onTime":0,"late":0,"onTimeRatePct":100.0,"#
                + #""pendingOverdue":0,"digitized":1,"documentsRequired":4,"documentsReused":1,"reuseRatePct":25.0,"#
                + #""dueDateLongerThanProcedure":0"#
            let expected =
                #"{"report":"monthly-tthc-reform","#
                + #""period":{"year":2025,"month":5,"from":"2025-04-15","to":"2025-05-14"},"#
                + #""ledger":{"seq":23,"hash":"\#(hash)"},"#
                // The seeded procedure, uncut: business, with a baseline, partly online, location-independent.
                + #""procedures":{"inForce":1,"businessRelated":1,"withBaseline":1,"timeCut":0,"#
                + #""timeReductionPct":0.0,"costReductionPct":0.0,"meetingTimeTarget":0,"#
                + #""onlineFull":0,"onlinePartial":1,"locationIndependent":1},"#
                + #""dossiers":{\#(figures)},"#
                + #""targets":["#
                + #"{"id":"2025-time-cut","target":30,"actual":0.0,"met":false},"#
                + #"{"id":"2025-cost-cut","target":30,"actual":0.0,"met":false},"#
                + #"{"id":"2025-business-online","target":100,"actual":100.0,"met":true},"#
                + #"{"id":"2025-location-independent","target":100,"actual":100.0,"met":true}],"#
                + #""planTasks":[{"id":"II.1","deadline":"2025-04-30","status":"done-on-time"}],"#
                + #""units":[{"unit":"000.00.14.H23","name":"Sở Tài chính","level":"province",\#(figures)}]}"#
            #expect(report.json().serialized() == expected)
        }
    }
}
