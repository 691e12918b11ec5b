import Foundation
import Ledger
import TTHCDomain
import TTHCImport
import Testing

/// Dossier rows are snapshots: each import appends only what the ledger does not hold yet.
@Suite struct SnapshotImportTests {
    static let id = "000.00.31.H23-250415-90001"
    static let prefix = "import/dossier/\(id)/"

    @Test func aProgressingDossierAppendsExactlyItsNewFactsAtEachSnapshot() throws {
        try withImportLedger { ledger, _ in
            try importSmallReferences(into: ledger)
            var head = try ledger.ledger.head().seq
            func step(_ row: String, expect events: [String]) throws {
                let summary = try importText(dossierFile(row), into: ledger)
                #expect(try appended(ledger, after: head) == events, "\(row)")
                #expect(summary.eventsAppended == events.count)
                head = try ledger.ledger.head().seq
            }
            // Accepted, in progress.
            try step(dossierRow(), expect: ["DossierReceived \(Self.prefix)received"])
            // The clock stops for a supplement.
            try step(
                dossierRow(status: "5", pauseFrom: "20250418100000"),
                expect: ["DossierSupplementRequested \(Self.prefix)pause/20250418100000"])
            // The supplement arrives; the due date moves by the paused working days.
            try step(
                dossierRow(due: "20250505083000", status: "4", pauseFrom: "20250418100000", pauseTo: "20250422090000"),
                expect: ["DossierSupplementReceived \(Self.prefix)pause/20250418100000/resumed"])
            // Resolved and returned.
            let finished = dossierRow(
                due: "20250505083000", end: "20250429150000", returned: "20250505090000", status: "10",
                pauseFrom: "20250418100000", pauseTo: "20250422090000")
            try step(
                finished,
                expect: ["DossierResolved \(Self.prefix)resolved", "DossierResultReturned \(Self.prefix)returned"])
            // The same snapshot again, and an older one: nothing.
            try step(finished, expect: [])
            let older = try importText(dossierFile(dossierRow(status: "4")), into: ledger)
            #expect(older.rowsSkipped == 1 && older.eventsAppended == 0)
            #expect(try appended(ledger, after: head).isEmpty)

            let dossier = try #require(try ledger.withState { state, _ in try state.dossier(Self.id) })
            #expect(dossier.givenDueAt == portal("20250428083000"))
            #expect(dossier.dueAt(asOf: portal("20250423000000")) == portal("20250505083000"))
            #expect(dossier.pauses.count == 1 && dossier.pauses[0].to == portal("20250422090000"))
            #expect(dossier.resolvedAt == portal("20250429150000"))
            #expect(dossier.returnedAt == portal("20250505090000"))
            #expect(dossier.corrections.isEmpty)
        }
    }

    @Test func aSnapshotThatContradictsARecordedFactBecomesACorrection() throws {
        try withImportLedger { ledger, _ in
            try importSmallReferences(into: ledger)
            try importText(dossierFile(dossierRow()), into: ledger)
            let head = try ledger.ledger.head().seq
            let corrected = dossierRow(
                channel: "1", received: "20250415093000", due: "20250430083000", desk: "000.00.11.H23")
            let summary = try importText(dossierFile(corrected), name: "export-0416.csv", into: ledger)
            #expect(summary.eventsByType == ["DossierCorrected": 4])
            let events = try dossierEvents(ledger, Self.id).compactMap { event -> DossierCorrected? in
                if case .dossierCorrected(let correction) = event { return correction }
                return nil
            }
            #expect(
                events.map { "\($0.field): \($0.oldValue) → \($0.newValue)" } == [
                    "receivingUnit: 000.00.31.H23 → 000.00.11.H23",
                    "channel: online → direct",
                    "receivedAt: 2025-04-15T08:30:00+07:00 → 2025-04-15T09:30:00+07:00",
                    "dueAt: 2025-04-28T08:30:00+07:00 → 2025-04-30T08:30:00+07:00",
                ])
            #expect(events.allSatisfy { $0.reason == "import export-0416.csv" })
            #expect(
                try appended(ledger, after: head).map { $0.split(separator: " ")[1] }.first
                    == "\(Self.prefix)corrected/receivingUnit/1/000.00.11.H23")

            let dossier = try #require(try ledger.withState { state, _ in try state.dossier(Self.id) })
            #expect(dossier.receivingUnit == "000.00.11.H23")
            #expect(dossier.channel == .direct)
            #expect(dossier.receivedAt == portal("20250415093000"))
            #expect(dossier.givenDueAt == portal("20250430083000"))

            // Corrected once: the same snapshot again changes nothing; going back corrects again.
            #expect(try importText(dossierFile(corrected), into: ledger).eventsAppended == 0)
            let back = try importText(dossierFile(dossierRow()), into: ledger)
            #expect(back.eventsByType == ["DossierCorrected": 4])
            #expect(try importText(dossierFile(dossierRow()), into: ledger).eventsAppended == 0)
        }
    }

    @Test func aResolutionDateThatChangesIsCorrectedAndAReturnedDossierKeepsItsEnd() throws {
        try withImportLedger { ledger, _ in
            try importSmallReferences(into: ledger)
            try importText(
                dossierFile(dossierRow(end: "20250425100000", returned: "20250428090000", status: "10")), into: ledger)
            let summary = try importText(
                dossierFile(dossierRow(end: "20250425110000", returned: "20250428090000", status: "10")), into: ledger)
            #expect(summary.eventsByType == ["DossierCorrected": 1])
            let dossier = try #require(try ledger.withState { state, _ in try state.dossier(Self.id) })
            #expect(dossier.resolvedAt == portal("20250425110000"))
            #expect(dossier.corrections.map(\.field) == ["resolvedAt"])
        }
    }

    @Test func aFinishedSnapshotThatLeavesOutTheRecordedPauseStillRecordsTheEnd() throws {
        try withImportLedger { ledger, _ in
            try importSmallReferences(into: ledger)
            try importText(
                dossierFile(
                    dossierRow(
                        due: "20250505083000", status: "4", pauseFrom: "20250418100000", pauseTo: "20250422090000")
                ),
                into: ledger)
            // The export of the finished dossier has no pause columns and the first due date.
            let summary = try importText(
                dossierFile(dossierRow(end: "20250429150000", returned: "20250505090000", status: "10")), into: ledger)
            #expect(summary.eventsByType == ["DossierResolved": 1, "DossierResultReturned": 1])
            let dossier = try #require(try ledger.withState { state, _ in try state.dossier(Self.id) })
            #expect(dossier.dueAt(asOf: portal("20250430000000")) == portal("20250505083000"))
            #expect(dossier.corrections.isEmpty)
        }
    }

    @Test func severalSnapshotsOfOneDossierInOneFileBuildOnEachOther() throws {
        try withImportLedger { ledger, _ in
            try importSmallReferences(into: ledger)
            let summary = try importText(
                dossierFile(
                    dossierRow(status: "2"),
                    dossierRow(status: "5", pauseFrom: "20250418100000"),
                    dossierRow(
                        due: "20250505083000", end: "20250429150000", status: "9", pauseFrom: "20250418100000",
                        pauseTo: "20250422090000")),
                into: ledger)
            #expect(summary.rowsChanged == 3)
            #expect(
                try dossierEvents(ledger, Self.id).map(\.typeName) == [
                    "DossierReceived", "DossierSupplementRequested", "DossierSupplementReceived", "DossierResolved",
                ])
        }
    }

    @Test func aCSVRowWithAClosedPauseRecordsTheDueDateGivenAtReceipt() throws {
        try withImportLedger { ledger, _ in
            try importSmallReferences(into: ledger)
            // 10 working days from Tue 15/4/2025 (Sat 26/4 worked, 30/4–2/5 off) is Mon 28/4; paused
            // Fri 18/4 to Tue 22/4 (Mon 21 and Tue 22 do not count) it is Mon 5/5.
            try importText(
                dossierFile(
                    dossierRow(
                        due: "20250505083000", status: "4", pauseFrom: "20250418100000", pauseTo: "20250422090000")),
                into: ledger)
            let dossier = try #require(try ledger.withState { state, _ in try state.dossier(Self.id) })
            #expect(dossier.givenDueAt == portal("20250428083000"))
            #expect(dossier.dueAt(asOf: portal("20250422090000")) == portal("20250505083000"))
        }
    }

    @Test func aJSONLineWithEveryPauseRecordsEachPauseAndItsDueDates() throws {
        try withImportLedger { ledger, _ in
            try importSmallReferences(into: ledger)
            let line = """
                {"MaHoSo":"\(Self.id)","MaTTHC":"1.000688","KenhThucHien":2,"LoaiDoiTuong":2,\
                "NgayTiepNhan":"20250415083000","NgayHenTra":"20250509083000","NgayKetThucXuLy":null,"NgayTra":null,\
                "TrangThaiHoSo":6,"DonViXuLy":"000.00.31.H23","DonViTiepNhan":"000.00.31.H23",\
                "HoSoCoThanhPhanSoHoa":1,"DuocThanhToanTrucTuyen":0,"SoGiayToYeuCau":3,"SoGiayToTaiSuDung":1,\
                "NgayBoSung":"20250512090000","NgayTiepNhanBoSung":null,"DanhSachHoSoBoSung":[\
                {"NgayBoSung":"20250418100000","NgayTiepNhanBoSung":"20250422090000","NgayHenTraTruoc":"20250428083000",\
                "NgayHenTraMoi":"20250507083000","NoiDungBoSung":"Bổ sung bản sao"},\
                {"NgayBoSung":"20250505100000","NgayTiepNhanBoSung":"20250506090000","NgayHenTraTruoc":"20250507083000",\
                "NgayHenTraMoi":"20250509083000","NoiDungBoSung":"Bổ sung giấy ủy quyền"},\
                {"NgayBoSung":"20250512090000","NgayTiepNhanBoSung":null,"NgayHenTraTruoc":"20250509083000",\
                "NgayHenTraMoi":null,"NoiDungBoSung":"Chờ nộp phí"}]}

                """
            let summary = try importText(line, name: "communes.jsonl", into: ledger)
            #expect(
                summary.eventsByType == [
                    "DossierReceived": 1, "DossierSupplementRequested": 3, "DossierSupplementReceived": 2,
                ])
            let dossier = try #require(try ledger.withState { state, _ in try state.dossier(Self.id) })
            #expect(dossier.givenDueAt == portal("20250428083000"))
            #expect(dossier.pauses.map(\.kind) == [.supplement, .supplement, .fees])
            #expect(dossier.dueAt(asOf: portal("20250510000000")) == portal("20250509083000"))
            let requested = try dossierEvents(ledger, Self.id).compactMap { event -> String? in
                if case .dossierSupplementRequested(let e) = event { return e.reason }
                return nil
            }
            #expect(requested == ["Bổ sung bản sao", "Bổ sung giấy ủy quyền", "Chờ nộp phí"])
            #expect(try importText(line, name: "communes.jsonl", into: ledger).eventsAppended == 0)
        }
    }

    @Test func notAcceptedAndRegisteredDossiers() throws {
        try withImportLedger { ledger, _ in
            try importSmallReferences(into: ledger)
            let summary = try importText(
                dossierFile(
                    dossierRow(id: "000.00.31.H23-250415-90002", due: "", end: "20250415090000", status: "3"),
                    dossierRow(id: "000.00.31.H23-250415-90003", due: "", status: "1")),
                into: ledger)
            #expect(summary.eventsByType == ["DossierNotAccepted": 1])
            #expect(summary.rowsSkipped == 1)
            let dossier = try #require(
                try ledger.withState { state, _ in try state.dossier("000.00.31.H23-250415-90002") })
            #expect(dossier.notAccepted && !dossier.isAccepted)
            #expect(dossier.notAcceptedAt == portal("20250415090000"))
            #expect(try ledger.withState { state, _ in try state.dossier("000.00.31.H23-250415-90003") } == nil)
        }
    }
}
