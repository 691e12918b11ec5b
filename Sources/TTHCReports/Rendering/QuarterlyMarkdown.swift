/// The quarterly report as Markdown: form 06/VPCP/KSTT's header lines and its 13 columns as one
/// GitHub table, rows grouped by level under numbered headings, then the totals.
struct QuarterlyMarkdown {
    let report: QuarterlyReport
    let language: ReportLanguage

    func render() -> String {
        var table = MarkdownTable(
            columns: QuarterlyColumn.allCases.map { column in
                MarkdownTable.Column(
                    title: column.fullHeading(language), alignment: column == .unit ? .left : .right)
            })
        let blanks = Array(repeating: "", count: QuarterlyColumn.figures.count)
        for group in LevelGroup.grouping(report.rows, by: \.level) {
            let heading = MarkdownTable.escape(ReportText.levelName(group.level, language))
            table.append([MarkdownTable.strong(group.numeral), MarkdownTable.strong(heading)] + blanks)
            for (index, row) in group.rows.enumerated() {
                table.append(
                    [String(index + 1), MarkdownTable.escape(row.name)] + QuarterlyColumn.figureTexts(row.counts))
            }
        }
        table.append(
            ["", MarkdownTable.strong(ReportText.totalLabel(language))]
                + QuarterlyColumn.figureTexts(report.totals).map(MarkdownTable.strong))

        let lines = [
            "# " + MarkdownTable.escape(QuarterlyReport.title(language)),
            QuarterlyReport.formLine(language) + " · " + ReportText.periodName(report.period, language),
            ReportText.periodLine(report.period, language),
            QuarterlyReport.unitOfMeasureLine(language),
            ReportText.positionLine(report.position, language),
        ]
        return (lines + [table.render()]).joined(separator: "\n\n") + "\n"
    }
}
