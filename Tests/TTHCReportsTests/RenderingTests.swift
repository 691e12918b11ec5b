import Testing

@testable import TTHCReports

private typealias Fixtures = RenderingFixtures

private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

private func render(_ report: QuarterlyReport, _ format: ReportFormat, _ language: ReportLanguage = .vi) -> String {
    text(ReportRenderer.render(report, format: format, language: language))
}

private func render(_ report: MonthlyReport, _ format: ReportFormat, _ language: ReportLanguage = .vi) -> String {
    text(ReportRenderer.render(report, format: format, language: language))
}

private let quarterlyHeadings = [
    "TT", "Đơn vị", "Số hồ sơ nhận giải quyết - Tổng số", "Số hồ sơ nhận giải quyết - Trong kỳ: Trực tuyến",
    "Số hồ sơ nhận giải quyết - Trong kỳ: Trực tiếp, dịch vụ bưu chính", "Số hồ sơ nhận giải quyết - Từ kỳ trước",
    "Số hồ sơ đã giải quyết - Tổng số", "Số hồ sơ đã giải quyết - Trước hạn", "Số hồ sơ đã giải quyết - Đúng hạn",
    "Số hồ sơ đã giải quyết - Quá hạn", "Số hồ sơ đang giải quyết - Tổng số", "Số hồ sơ đang giải quyết - Trong hạn",
    "Số hồ sơ đang giải quyết - Quá hạn",
]

@Suite struct QuarterlyCSVRenderingTests {
    let bytes = ReportRenderer.render(Fixtures.quarterly, format: .csv, language: .vi)

    @Test func startsWithTheUTF8ByteOrderMark() {
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func endsEveryLineWithCRLF() {
        let lineFeeds = bytes.indices.filter { bytes[$0] == 0x0A }
        #expect(!lineFeeds.isEmpty)
        #expect(lineFeeds.allSatisfy { $0 > 0 && bytes[$0 - 1] == 0x0D })
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
    }

    @Test func headerRowIsTheThirteenColumnsOfForm06InOrder() {
        #expect(Fixtures.parseCSV(bytes).first == quarterlyHeadings)
    }

    @Test func quotesAUnitNameHoldingACommaAndAQuote() {
        #expect(text(bytes).contains(",\"Sở Kế hoạch, Đầu tư & \"\"Phát triển\"\" <thử>\","))
        let records = Fixtures.parseCSV(bytes)
        #expect(records.contains { $0.count > 1 && $0[1] == Fixtures.awkwardName })
    }

    @Test func everyRecordHasThirteenFields() {
        #expect(Fixtures.parseCSV(bytes).allSatisfy { $0.count == 13 })
    }

    @Test func groupsUnitsByLevelWithOnlyTheUnitColumnFilledOnHeadings() {
        let records = Fixtures.parseCSV(bytes)
        let blanks = Array(repeating: "", count: 11)
        #expect(records[1] == ["", "Sở, ban, ngành"] + blanks)
        #expect(records[2] == ["1", "Sở Tư pháp", "25", "12", "8", "5", "18", "10", "6", "2", "7", "5", "2"])
        #expect(records[3].prefix(2) == ["2", Fixtures.awkwardName])
        #expect(records[4] == ["", "Cấp huyện"] + blanks)
        #expect(records[5].prefix(2) == ["1", "UBND huyện Châu Thành"])
        #expect(records[6] == ["", "Cấp xã"] + blanks)
        #expect(records[8] == ["", "Tổng cộng", "80", "46", "27", "7", "61", "31", "24", "6", "19", "16", "3"])
    }

    @Test func statesThePeriodAndTheLedgerPositionAfterTheTable() {
        let records = Fixtures.parseCSV(bytes)
        let blank = Array(repeating: "", count: 13)
        #expect(records[9] == blank)
        let pairs = records.dropFirst(10).map { Array($0.prefix(2)) }
        #expect(pairs.contains(["Kỳ báo cáo", "từ ngày 15/03/2025 đến ngày 14/06/2025"]))
        #expect(pairs.contains(["Đơn vị tính", "số hồ sơ TTHC"]))
        #expect(pairs.contains(["Vị trí sổ cái: seq", "4711"]))
        #expect(pairs.contains(["Vị trí sổ cái: hash", Fixtures.hashHex]))
    }
}

@Suite struct QuarterlyMarkdownRenderingTests {
    let markdown = render(Fixtures.quarterly, .md)

    @Test func totalsRowCarriesTheSumsOfTheRows() {
        let totals =
            "|  | **Tổng cộng** | **80** | **46** | **27** | **7** | **61** | **31** | **24** | **6** | **19** | "
            + "**16** | **3** |"
        #expect(markdown.contains(totals + "\n"))
    }

    @Test func statesTheFormHeaderAndTheLedgerPosition() {
        #expect(markdown.contains("Kỳ báo cáo: từ ngày 15/03/2025 đến ngày 14/06/2025"))
        #expect(markdown.contains("Đơn vị tính: số hồ sơ TTHC"))
        #expect(markdown.contains("seq 4711"))
        #expect(markdown.contains(Fixtures.hashHex))
    }

    @Test func headerRowHasTheThirteenColumnsInOrder() {
        #expect(markdown.contains("| " + quarterlyHeadings.joined(separator: " | ") + " |\n"))
    }

    @Test func numbersUnitsWithinTheirLevelGroup() {
        #expect(markdown.contains("| **I** | **Sở, ban, ngành** |"))
        #expect(markdown.contains("| 1 | Sở Tư pháp | 25 | 12 | 8 | 5 | 18 | 10 | 6 | 2 | 7 | 5 | 2 |"))
        #expect(markdown.contains("| **II** | **Cấp huyện** |"))
        #expect(markdown.contains("| 1 | UBND huyện Châu Thành |"))
        #expect(markdown.contains("| **III** | **Cấp xã** |"))
    }

    @Test func escapesMarkdownInUnitNames() {
        var report = Fixtures.quarterly
        report.rows[0].name = "Sở A | B <b>"
        let markdown = render(report, .md)
        #expect(markdown.contains("| 1 | Sở A \\| B \\<b\\> |"))
    }
}

@Suite struct QuarterlyHTMLRenderingTests {
    let html = render(Fixtures.quarterly, .html)

    @Test func isOneSelfContainedPrintableFile() {
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<html lang=\"vi\">"))
        #expect(html.contains("@media print"))
        for forbidden in ["http://", "https://", "<script", "@import", "url(", "<link", "<img", "src="] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
    }

    @Test func escapesMarkupInAUnitName() {
        #expect(html.contains("Sở Kế hoạch, Đầu tư &amp; &quot;Phát triển&quot; &lt;thử&gt;"))
        #expect(!html.contains("<thử>"))
    }

    @Test func statesThePeriodAndTheLedgerPosition() {
        #expect(html.contains("Kỳ báo cáo: từ ngày 15/03/2025 đến ngày 14/06/2025"))
        #expect(html.contains("seq 4711"))
        #expect(html.contains(Fixtures.hashHex))
    }

    @Test func laysOutTheHeadingAsForm06Does() {
        #expect(html.contains("<th rowspan=\"3\">TT</th><th rowspan=\"3\">Đơn vị</th>"))
        #expect(html.contains("<th colspan=\"4\">Số hồ sơ nhận giải quyết</th>"))
        #expect(html.contains("<th colspan=\"4\">Số hồ sơ đã giải quyết</th>"))
        #expect(html.contains("<th colspan=\"3\">Số hồ sơ đang giải quyết</th>"))
        #expect(html.contains("<th colspan=\"2\">Trong kỳ</th>"))
        #expect(html.contains("<th>Trực tuyến</th><th>Trực tiếp, dịch vụ bưu chính</th>"))
        #expect(html.contains("<th>(13)</th>"))
    }

    @Test func chartsTheOnTimeAndOnlineRateOfEachUnit() {
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2)
        // Sở Tư pháp: (10 + 6) / 18 on time; 12 / 20 online. Tân Phú resolved nothing.
        #expect(html.contains("<title>Sở Tư pháp: 88.89% (16/18)</title>"))
        #expect(html.contains("<title>Sở Tư pháp: 60.0% (12/20)</title>"))
        #expect(html.contains("<title>UBND xã Tân Phú: — (0/0)</title>"))
    }
}

@Suite struct MonthlyRenderingTests {
    @Test func markdownHasEverySectionWithItsFigures() {
        let markdown = render(Fixtures.monthly, .md)
        for heading in [
            "## 1. Thủ tục hành chính", "## 2. Hồ sơ thủ tục hành chính", "## 3. Chỉ tiêu Nghị quyết 66/NQ-CP",
            "## 4. Nhiệm vụ kế hoạch", "## 5. Hồ sơ theo đơn vị",
        ] {
            #expect(markdown.contains(heading + "\n"))
        }
        #expect(markdown.contains("Kỳ báo cáo: từ ngày 15/04/2025 đến ngày 14/05/2025"))
        #expect(markdown.contains("| Tỷ lệ cắt giảm thời gian giải quyết (%) | 32.46 |"))
        #expect(markdown.contains("| Hồ sơ có hạn trả kết quả dài hơn quy định | 3 |"))
        #expect(markdown.contains("| Tỷ lệ giải quyết đúng hạn (%) | 89.58 |"))
        #expect(markdown.contains("| Tỷ lệ tái sử dụng giấy tờ (%) | 26.67 |"))
        #expect(markdown.contains("seq 4711, hash \(Fixtures.hashHex)"))
    }

    @Test func marksTargetsMetOrNot() {
        let markdown = render(Fixtures.monthly, .md)
        #expect(
            markdown.contains(
                "| 2025-time-cut | Cắt giảm thời gian giải quyết TTHC liên quan đến kinh doanh | 30 | 32.46 | ✓ Đạt |"))
        #expect(
            markdown.contains(
                "| 2025-cost-cut | Cắt giảm chi phí tuân thủ TTHC liên quan đến kinh doanh | 30 | 27.5 | ✗ Chưa đạt |"))
    }

    @Test func printsARateWithoutDenominatorAsADash() {
        let markdown = render(Fixtures.monthly, .md)
        #expect(markdown.contains("| 100 | — | ✗ Chưa đạt |"))
        let csv = Fixtures.parseCSV(ReportRenderer.render(Fixtures.monthly, format: .csv, language: .vi))
        let awkward = csv.first { $0.first == "000.00.32.H23" }
        #expect(awkward?[13] == "—")
        #expect(awkward?[18] == "—")
    }

    @Test func writesPlanTaskStatusesInVietnamese() {
        let markdown = render(Fixtures.monthly, .md)
        #expect(
            markdown.contains(
                "| I.1 | Rà soát, cắt giảm thời gian giải quyết TTHC | 31/03/2025 | 28/03/2025 | Hoàn thành đúng hạn |")
        )
        for status in ["Hoàn thành trễ hạn", "Đang thực hiện", "| Quá hạn |"] {
            #expect(markdown.contains(status))
        }
    }

    @Test func csvIsOneBlockPerSectionInASpreadsheetReadableFile() {
        let bytes = ReportRenderer.render(Fixtures.monthly, format: .csv, language: .vi)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(bytes.indices.filter { bytes[$0] == 0x0A }.allSatisfy { bytes[$0 - 1] == 0x0D })
        let records = Fixtures.parseCSV(bytes)
        #expect(records.contains(["Vị trí sổ cái: seq", "4711"]))
        #expect(records.contains(["Vị trí sổ cái: hash", Fixtures.hashHex]))
        #expect(records.contains(["Kỳ báo cáo", "từ ngày 15/04/2025 đến ngày 14/05/2025"]))
        for heading in ["1. Thủ tục hành chính", "3. Chỉ tiêu Nghị quyết 66/NQ-CP", "5. Hồ sơ theo đơn vị"] {
            let index = records.firstIndex(of: [heading])
            #expect(index != nil)
            if let index { #expect(records[index - 1] == []) }
        }
        #expect(records.contains(["Hồ sơ có hạn trả kết quả dài hơn quy định", "3"]))
        #expect(
            records.contains([
                "II.1", "Công bố danh mục TTHC không phụ thuộc địa giới hành chính", "30/04/2025", "06/05/2025",
                "Hoàn thành trễ hạn",
            ]))
        #expect(records.last?.prefix(5) == ["", "Tổng cộng", "", "80", "41"])
    }

    @Test func htmlIsSelfContainedWithTheChartsOfTheReport() {
        let html = render(Fixtures.monthly, .html)
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("@media print"))
        for forbidden in ["http://", "https://", "<script", "@import", "url(", "<link", "<img", "src="] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.contains("Tái cấu trúc quy trình &lt;điện tử&gt; &amp; kết nối"))
        #expect(!html.contains("<điện tử>"))
        #expect(html.contains("seq 4711"))
        #expect(html.contains(Fixtures.hashHex))
        // Targets against their target lines, the plan timeline, and the two rate charts by unit.
        #expect(html.components(separatedBy: "<svg ").count - 1 == 4)
        #expect(html.components(separatedBy: "<line class=\"target\"").count - 1 == 4 + 1)
        #expect(html.contains("<span class=\"badge bad\">Quá hạn</span>"))
        #expect(html.contains("<span class=\"badge good\">Hoàn thành đúng hạn</span>"))
        #expect(html.contains("<span class=\"badge warning\">Hoàn thành trễ hạn</span>"))
        #expect(html.contains("<span class=\"badge open\">Đang thực hiện</span>"))
    }
}

@Suite struct RenderingLanguageTests {
    @Test func englishHeadingsWithEn() {
        let csv = Fixtures.parseCSV(ReportRenderer.render(Fixtures.quarterly, format: .csv, language: .en))
        #expect(
            csv.first?.prefix(4) == [
                "No.", "Unit", "Dossiers received - Total", "Dossiers received - In the period: Online",
            ])
        #expect(csv.contains { $0.prefix(2) == ["", "Departments"] })
        #expect(csv.contains { $0.prefix(2) == ["", "Total"] })

        let markdown = render(Fixtures.quarterly, .md, .en)
        #expect(markdown.contains("Reporting period: from 2025-03-15 to 2025-06-14"))
        #expect(markdown.contains("| **II** | **District level** |"))
        #expect(!markdown.contains("Tổng cộng"))

        let html = render(Fixtures.quarterly, .html, .en)
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("<th colspan=\"4\">Dossiers resolved</th>"))

        let monthly = render(Fixtures.monthly, .md, .en)
        #expect(monthly.contains("## 4. Plan tasks"))
        #expect(monthly.contains("| Due date longer than the procedure allows | 3 |"))
        for status in ["Done on time", "Done late", "In progress", "Overdue", "✓ Met", "✗ Not met"] {
            #expect(monthly.contains(status))
        }
    }

    @Test func vietnameseIsTheDefaultLanguage() {
        #expect(ReportLanguage(rawValue: "vi") == .vi)
        #expect(render(Fixtures.monthly, .html).contains("<html lang=\"vi\">"))
    }
}

@Suite struct RenderingDeterminismTests {
    @Test(arguments: ReportFormat.allCases, ReportLanguage.allCases)
    func theSameReportRendersToIdenticalBytesTwice(format: ReportFormat, language: ReportLanguage) {
        let quarterly = QuarterlyReport(
            period: Fixtures.quarterly.period, position: Fixtures.quarterly.position, rows: Fixtures.quarterly.rows,
            totals: Fixtures.quarterly.totals)
        #expect(
            ReportRenderer.render(Fixtures.quarterly, format: format, language: language)
                == ReportRenderer.render(quarterly, format: format, language: language))
        #expect(
            ReportRenderer.render(Fixtures.monthly, format: format, language: language)
                == ReportRenderer.render(Fixtures.monthly, format: format, language: language))
    }

    @Test func anEmptyQuarterStillStatesItsPeriodPositionAndTotals() {
        let empty = QuarterlyReport(
            period: Fixtures.quarterly.period, position: .genesis, rows: [], totals: DossierCounts())
        for format in [ReportFormat.md, .html] {
            let output = render(empty, format)
            #expect(output.contains("Kỳ báo cáo: từ ngày 15/03/2025 đến ngày 14/06/2025"))
            #expect(output.contains("seq 0, hash "))
            #expect(output.contains(String(repeating: "0", count: 64)))
            #expect(output.contains("Tổng cộng"))
        }
    }
}
