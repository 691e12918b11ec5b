/// The quarterly report as one printable HTML page: form 06/VPCP/KSTT's header and table with its
/// three-row heading as the form prints it, headline figures, and bar charts of the on-time and
/// online rates by unit.
struct QuarterlyHTML {
    let report: QuarterlyReport
    let language: ReportLanguage

    func render() -> String {
        let title = QuarterlyReport.title(language) + " — " + ReportText.periodName(report.period, language)
        let body =
            HTMLFragment.header(
                formNumber: QuarterlyReport.formLine(language), title: QuarterlyReport.title(language),
                periodName: ReportText.periodName(report.period, language),
                lines: [
                    ReportText.periodLine(report.period, language), QuarterlyReport.unitOfMeasureLine(language),
                ],
                position: report.position, language: language)
            + HTMLFragment.cards(cards) + table + charts
        return HTMLPage(language: language, title: title, body: body).render()
    }

    private var vi: Bool { language == .vi }

    private var cards: [HTMLFragment.Card] {
        let totals = report.totals
        return [
            .init(value: String(totals.receivedTotal), label: vi ? "Hồ sơ nhận giải quyết" : "Dossiers received"),
            .init(value: String(totals.resolvedTotal), label: vi ? "Hồ sơ đã giải quyết" : "Dossiers resolved"),
            .init(
                value: ReportText.percentSign(onTimeRate(totals)),
                label: vi ? "Tỷ lệ giải quyết đúng hạn" : "Resolved on time"),
            .init(
                value: ReportText.percentSign(onlineRate(totals)),
                label: vi ? "Tỷ lệ tiếp nhận trực tuyến" : "Received online"),
            .init(
                value: String(totals.overdue), label: vi ? "Hồ sơ đang giải quyết quá hạn" : "Pending and overdue",
                tone: totals.overdue > 0 ? "bad" : "good"),
        ]
    }

    private var table: String {
        typealias Column = QuarterlyColumn
        var html = "<table class=\"form\">\n<thead>\n<tr>"
        html += "<th rowspan=\"3\">\(HTMLPage.escape(Column.number.heading(language)))</th>"
        html += "<th rowspan=\"3\">\(HTMLPage.escape(Column.unit.heading(language)))</th>"
        for group in Column.Group.allCases {
            html += "<th colspan=\"\(group.columns.count)\">\(HTMLPage.escape(group.heading(language)))</th>"
        }
        html += "</tr>\n<tr>"
        for column in Column.figures {
            switch column {
            case .receivedOnline:
                html += "<th colspan=\"2\">\(HTMLPage.escape(Column.inPeriodHeading(language)))</th>"
            case .receivedDirectOrPostal:
                continue
            default:
                html += "<th rowspan=\"2\">\(HTMLPage.escape(column.heading(language)))</th>"
            }
        }
        html += "</tr>\n<tr>"
        for column in [Column.receivedOnline, .receivedDirectOrPostal] {
            html += "<th>\(HTMLPage.escape(column.channelHeading(language) ?? ""))</th>"
        }
        html += "</tr>\n<tr class=\"column-numbers\">"
        for column in Column.allCases {
            html += "<th>(\(column.rawValue))</th>"
        }
        html += "</tr>\n</thead>\n<tbody>\n"

        for group in LevelGroup.grouping(report.rows, by: \.level) {
            html += "<tr class=\"group\">" + HTMLFragment.cell(group.numeral, class: "number")
            html += HTMLFragment.cell(ReportText.levelName(group.level, language), colspan: Column.allCases.count - 1)
            html += "</tr>\n"
            for (index, row) in group.rows.enumerated() {
                html += "<tr>" + HTMLFragment.cell(String(index + 1), class: "number")
                html += HTMLFragment.cell(row.name, class: "unit") + figureCells(row.counts) + "</tr>\n"
            }
        }
        html += "<tr class=\"total\">" + HTMLFragment.cell("", class: "number")
        html += HTMLFragment.cell(ReportText.totalLabel(language)) + figureCells(report.totals) + "</tr>\n"
        return html + "</tbody>\n</table>\n"
    }

    private func figureCells(_ counts: DossierCounts) -> String {
        QuarterlyColumn.figureTexts(counts).map { HTMLFragment.cell($0, class: "figure") }.joined()
    }

    private var charts: String {
        guard !report.rows.isEmpty else { return "" }
        let onTime = HTMLFragment.rateBars(
            report.rows.map { ($0.name, $0.counts.early + $0.counts.onTime, $0.counts.resolvedTotal) }, tone: .good)
        let online = HTMLFragment.rateBars(
            report.rows.map { ($0.name, $0.counts.online, $0.counts.online + $0.counts.directOrPostal) },
            tone: .online)
        let onTimeCaption = vi ? "Tỷ lệ giải quyết đúng hạn theo đơn vị" : "On-time rate by unit"
        let onlineCaption = vi ? "Tỷ lệ tiếp nhận trực tuyến theo đơn vị" : "Online rate by unit"
        var html = "<section class=\"charts-page\">\n<div class=\"charts\">\n"
        html += HTMLFragment.figure(
            caption: onTimeCaption,
            note: vi ? "(trước hạn + đúng hạn) / đã giải quyết" : "(early + on time) / resolved",
            svg: SVGBarChart(description: onTimeCaption, bars: onTime).render())
        html += HTMLFragment.figure(
            caption: onlineCaption,
            note: vi ? "trực tuyến / tiếp nhận trong kỳ" : "online / received in the period",
            svg: SVGBarChart(description: onlineCaption, bars: online).render())
        return html + "</div>\n</section>\n"
    }

    private func onTimeRate(_ counts: DossierCounts) -> Double? {
        rate(counts.early + counts.onTime, counts.resolvedTotal)
    }

    private func onlineRate(_ counts: DossierCounts) -> Double? {
        rate(counts.online, counts.online + counts.directOrPostal)
    }
}
