/// The monthly report as one printable HTML page: headline figures, then the sections of SPEC §5.2
/// with charts where they say more than numbers — the Resolution 66 targets as bars against their
/// target lines, plan tasks on a timeline against their deadlines, on-time and online rates by unit.
struct MonthlyHTML {
    let report: MonthlyReport
    let language: ReportLanguage

    func render() -> String {
        let title = MonthlyReport.title(language) + " — " + ReportText.periodName(report.period, language)
        var body = HTMLFragment.header(
            formNumber: nil, title: MonthlyReport.title(language),
            periodName: ReportText.periodName(report.period, language),
            lines: [ReportText.periodLine(report.period, language)],
            position: report.position, language: language)
        body += HTMLFragment.cards(cards)
        body += "<div class=\"columns\">\n" + section(.procedures) + section(.dossiers) + "</div>\n"
        body += section(.targets) + section(.planTasks) + section(.units)
        return HTMLPage(language: language, title: title, body: body).render()
    }

    private typealias Heading = MonthlyReport.Heading
    private var vi: Bool { language == .vi }

    private var cards: [HTMLFragment.Card] {
        let dossiers = report.dossiers
        let procedures = report.procedures
        let overdueTasks = report.planTasks.filter { $0.status == .overdue }.count
        return [
            .init(value: String(dossiers.received), label: vi ? "Hồ sơ tiếp nhận" : "Dossiers received"),
            .init(value: ReportText.percentSign(dossiers.onlineRatePct), label: vi ? "Tỷ lệ trực tuyến" : "Online"),
            .init(
                value: ReportText.percentSign(dossiers.onTimeRatePct),
                label: vi ? "Tỷ lệ giải quyết đúng hạn" : "Resolved on time"),
            .init(
                value: ReportText.percentSign(procedures.timeReductionPct),
                label: vi ? "Cắt giảm thời gian giải quyết" : "Processing time cut",
                tone: tone(of: .timeReduction)),
            .init(
                value: ReportText.percentSign(procedures.costReductionPct),
                label: vi ? "Cắt giảm chi phí tuân thủ" : "Compliance cost cut", tone: tone(of: .costReduction)),
            .init(
                value: String(dossiers.dueDateLongerThanProcedure),
                label: vi ? "Hồ sơ có hạn trả dài hơn quy định" : "Due date longer than allowed",
                tone: dossiers.dueDateLongerThanProcedure > 0 ? "bad" : "good"),
            .init(
                value: String(overdueTasks), label: vi ? "Nhiệm vụ quá hạn" : "Overdue plan tasks",
                tone: overdueTasks > 0 ? "bad" : "good"),
        ]
    }

    /// `good` when the year's target of `measure` is met, `warning` when not, `nil` without a target.
    private func tone(of measure: ReformTarget.Measure) -> String? {
        report.targets.first { $0.target.measure == measure }.map { $0.met ? "good" : "warning" }
    }

    private func section(_ section: MonthlyReport.Section) -> String {
        var html = "<section>\n<h2>\(HTMLPage.escape(section.numberedHeading(language)))</h2>\n"
        switch section {
        case .procedures:
            html += keyValueTable(
                ProcedureFigures.Item.allCases.map { ($0.label(language), $0.text(in: report.procedures)) })
        case .dossiers:
            html += keyValueTable(
                MonthlyDossierFigures.Item.allCases.map { ($0.label(language), $0.text(in: report.dossiers)) })
        case .targets:
            html += targets
        case .planTasks:
            html += planTasks
        case .units:
            html += units
        }
        return html + "</section>\n"
    }

    private func keyValueTable(_ rows: [(String, String)]) -> String {
        var html = "<table class=\"key-value\">\n<thead><tr><th>\(HTMLPage.escape(Heading.indicator(language)))</th>"
        html += "<th>\(HTMLPage.escape(Heading.value(language)))</th></tr></thead>\n<tbody>\n"
        for (label, value) in rows {
            html += "<tr>" + HTMLFragment.cell(label) + HTMLFragment.cell(value, class: "figure") + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private var targets: String {
        let bars: [SVGBarChart.Bar]
        if report.targets.isEmpty {
            bars = [
                .init(
                    label: ProcedureFigures.Item.timeReductionPct.label(language),
                    value: report.procedures.timeReductionPct, tone: .accent),
                .init(
                    label: ProcedureFigures.Item.costReductionPct.label(language),
                    value: report.procedures.costReductionPct, tone: .accent),
            ]
        } else {
            bars = report.targets.map { result in
                .init(
                    label: result.label(language), value: result.actual,
                    detail: (vi ? "mục tiêu " : "target ") + "\(result.target.target)%",
                    target: Double(result.target.target), tone: result.met ? .good : .warning)
            }
        }
        let caption = vi ? "Kết quả so với mục tiêu" : "Progress against the targets"
        var html = HTMLFragment.figure(
            caption: caption,
            note: vi
                ? "cắt giảm so với năm 2024; vạch đứt là mục tiêu" : "cuts against 2024; the dashed line is the target",
            svg: SVGBarChart(
                description: caption, bars: bars, targetLegend: vi ? "Mục tiêu" : "Target", labelWidth: 430
            ).render())
        guard !report.targets.isEmpty else { return html }
        html += "<table>\n<thead><tr>"
        for heading in [
            Heading.id(language), Heading.indicator(language), Heading.target(language), Heading.actual(language),
            Heading.result(language),
        ] {
            html += "<th>\(HTMLPage.escape(heading))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for result in report.targets {
            html += "<tr>" + HTMLFragment.cell(result.target.id) + HTMLFragment.cell(result.label(language))
            html += HTMLFragment.cell(String(result.target.target), class: "figure")
            html += HTMLFragment.cell(ReportText.percent(result.actual), class: "figure")
            html +=
                "<td>" + HTMLFragment.badge(result.verdict(language), tone: result.met ? "good" : "warning") + "</td>"
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private var planTasks: String {
        guard !report.planTasks.isEmpty else {
            return "<p class=\"empty\">\(vi ? "Không có nhiệm vụ." : "No plan tasks.")</p>\n"
        }
        let caption = vi ? "Tiến độ so với thời hạn" : "Progress against the deadlines"
        var html = HTMLFragment.figure(
            caption: caption, note: vi ? "vùng tô là kỳ báo cáo" : "the shaded band is the reporting period",
            svg: SVGPlanTimeline(tasks: report.planTasks, period: report.period, language: language).render())
        html += "<table>\n<thead><tr>"
        for heading in [
            Heading.id(language), Heading.task(language), Heading.deadline(language), Heading.completed(language),
            Heading.status(language),
        ] {
            html += "<th>\(HTMLPage.escape(heading))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for task in report.planTasks {
            html += "<tr>" + HTMLFragment.cell(task.id) + HTMLFragment.cell(task.title)
            html += HTMLFragment.cell(ReportText.date(task.deadline, language), class: "figure")
            html += HTMLFragment.cell(task.completed.map { ReportText.date($0, language) } ?? "", class: "figure")
            let badge = HTMLFragment.badge(task.status.label(language), tone: SVGPlanTimeline.tone(task.status))
            html += "<td>\(badge)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private var units: String {
        guard !report.units.isEmpty else {
            return "<p class=\"empty\">\(vi ? "Không có hồ sơ trong kỳ." : "No dossiers in the period.")</p>\n"
        }
        let onTimeCaption = vi ? "Tỷ lệ giải quyết đúng hạn theo đơn vị" : "On-time rate by unit"
        let onlineCaption = vi ? "Tỷ lệ tiếp nhận trực tuyến theo đơn vị" : "Online rate by unit"
        let onTime = HTMLFragment.rateBars(
            report.units.map { ($0.name, $0.figures.early + $0.figures.onTime, $0.figures.resolved) }, tone: .good)
        let online = HTMLFragment.rateBars(
            report.units.map { ($0.name, $0.figures.online, $0.figures.received) }, tone: .online)
        var html = "<div class=\"charts\">\n"
        html += HTMLFragment.figure(
            caption: onTimeCaption,
            note: vi ? "(trước hạn + đúng hạn) / đã giải quyết" : "(early + on time) / resolved",
            svg: SVGBarChart(description: onTimeCaption, bars: onTime).render())
        html += HTMLFragment.figure(
            caption: onlineCaption, note: vi ? "trực tuyến / tiếp nhận" : "online / received",
            svg: SVGBarChart(description: onlineCaption, bars: online).render())
        html += "</div>\n"

        let items = MonthlyDossierFigures.Item.allCases
        html += "<table class=\"wide\">\n<thead><tr>"
        html += "<th>\(HTMLPage.escape(QuarterlyColumn.number.heading(language)))</th>"
        html += "<th>\(HTMLPage.escape(QuarterlyColumn.unit.heading(language)))</th>"
        for item in items {
            html += "<th>\(HTMLPage.escape(item.shortLabel(language)))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for group in LevelGroup.grouping(report.units, by: \.level) {
            html += "<tr class=\"group\">" + HTMLFragment.cell(group.numeral, class: "number")
            html += HTMLFragment.cell(ReportText.levelName(group.level, language), colspan: items.count + 1)
            html += "</tr>\n"
            for (index, row) in group.rows.enumerated() {
                html +=
                    "<tr>" + HTMLFragment.cell(String(index + 1), class: "number")
                    + HTMLFragment.cell(row.name, class: "unit")
                html += row.figures.itemTexts.map { HTMLFragment.cell($0, class: "figure") }.joined() + "</tr>\n"
            }
        }
        html += "<tr class=\"total\">" + HTMLFragment.cell("", class: "number")
        html += HTMLFragment.cell(ReportText.totalLabel(language))
        html += report.dossiers.itemTexts.map { HTMLFragment.cell($0, class: "figure") }.joined() + "</tr>\n"
        return html + "</tbody>\n</table>\n"
    }
}
