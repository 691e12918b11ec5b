import Foundation
import Ledger
import TTHCDomain
import Testing

@testable import TTHCImport

/// Random and broken inputs: the readers and the importer never crash or hang, and an import
/// that fails appends nothing.
@Suite struct FuzzTests {
    static let seed: UInt64 = 0x7711_C0DE

    func corpus() throws -> [[UInt8]] {
        try [
            fixtureHead("dossiers.csv", lines: 8), fixtureHead("dossiers.jsonl", lines: 5),
            fixtureHead("units.csv", lines: 10), fixtureHead("procedures.csv", lines: 8),
            fixtureHead("calendar.csv", lines: 10), fixtureHead("plan-tasks.csv", lines: 6),
        ]
    }

    /// Reads every record of `bytes` both ways; a reader must stop within one record per byte.
    func readAll(_ bytes: [UInt8]) {
        var csv = CSVReader(stream: ByteStream(bytes: bytes))
        var count = 0
        while let record = try? csv.next() {
            count += 1
            if count > bytes.count + 1 || record.raw.isEmpty {
                Issue.record("the CSV reader does not progress on \(bytes)")
                break
            }
        }
        var jsonl = JSONLReader(stream: ByteStream(bytes: bytes))
        count = 0
        while let record = try? jsonl.next() {
            count += 1
            if count > bytes.count + 1 || record.raw.isEmpty {
                Issue.record("the JSON lines reader does not progress on \(bytes)")
                break
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func theReadersSurviveThousandsOfRandomAndMutatedInputs() throws {
        let corpus = try corpus()
        var mutator = Mutator(seed: Self.seed)
        for iteration in 0..<3_000 {
            let input: [UInt8]
            if iteration % 4 == 0 {
                input = mutator.randomBytes(maximumCount: 300)
            } else {
                input = mutator.mutate(
                    corpus[iteration % corpus.count], other: corpus[(iteration / 7) % corpus.count])
            }
            readAll(input)
            for line in input.split(separator: 10).prefix(3) {
                _ = try? PortalJSONParser.parse(Array(line))
            }
        }
    }

    static let jsonLines = """
        {"MaHoSo":"J-1","MaTTHC":"1.000688","KenhThucHien":2,"LoaiDoiTuong":1,"NgayTiepNhan":"20250415083000",\
        "NgayHenTra":"20250428083000","TrangThaiHoSo":4,"DonViXuLy":"000.00.31.H23","DanhSachHoSoBoSung":[]}
        {"MaHoSo":"J-2","MaTTHC":"1.000688","KenhThucHien":1,"LoaiDoiTuong":2,"NgayTiepNhan":"20250415083000",\
        "NgayHenTra":"20250505083000","NgayKetThucXuLy":"20250502080000","TrangThaiHoSo":9,"DonViXuLy":"000.00.31.H23",\
        "DanhSachHoSoBoSung":[{"NgayBoSung":"20250418100000","NgayTiepNhanBoSung":"20250422090000",\
        "NgayHenTraTruoc":"20250428083000","NgayHenTraMoi":"20250505083000","NoiDungBoSung":"x"}]}

        """

    @Test(.timeLimit(.minutes(1)))
    func importsOfBrokenFilesNeverCrashAndAppendNothingWhenRefused() throws {
        try withImportLedger { ledger, _ in
            try importSmallReferences(into: ledger)
            let importer = Importer(ledger: ledger)
            let samples: [(name: String, bytes: [UInt8])] = [
                (
                    "d.csv",
                    Array(
                        dossierFile(
                            dossierRow(id: "F-1"),
                            dossierRow(id: "F-2", end: "20250425100000", returned: "20250428090000", status: "10"),
                            dossierRow(id: "F-3", status: "5", pauseFrom: "20250418100000"),
                            dossierRow(id: "F-4", due: "", end: "20250415090000", status: "3")
                        ).utf8)
                ),
                ("d.jsonl", Array(Self.jsonLines.utf8)),
                (
                    "u.csv",
                    Array(
                        "MaDonVi,TenDonVi,Cap,MaDonViCha,MaDonViKeThua,NgayHieuLuc\nU-1,Đơn vị,xa,,,20250101\nU-1,Đơn vị,xa,,000.00.31.H23,20250701\n"
                            .utf8)
                ),
                ("c.csv", Array("date,kind,name\n2026-01-01,holiday,\"Tết, Dương lịch\"\n2026-08-22,workday,x\n".utf8)),
            ]
            var mutator = Mutator(seed: Self.seed ^ 0xFF)
            var refused = 0
            var imported = 0
            for iteration in 0..<1_500 {
                let sample = samples[iteration % samples.count]
                let other = samples[(iteration / 5) % samples.count].bytes
                let input = mutator.mutate(sample.bytes, other: other)
                let head = try ledger.ledger.head()
                do {
                    try importer.run(.bytes(name: sample.name, input))
                    imported += 1
                } catch let error as ImportError {
                    refused += 1
                    #expect(!error.issues.isEmpty)
                    #expect(try ledger.ledger.head() == head, "case \(iteration) was refused but appended")
                }
            }
            #expect(refused > 100 && imported > 100, "refused \(refused), imported \(imported)")
            #expect(try ledger.ledger.verify().isIntact)
        }
    }
}
