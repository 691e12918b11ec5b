/// The monthly report as Markdown: the period and ledger position, then one section per block of
/// SPEC §5.2 — procedures, dossiers, targets, plan tasks, units — each a GitHub table.
struct MonthlyMarkdown {
    let report: MonthlyReport
    let language: ReportLanguage

    func render() -> String {
        var blocks = [
            "# " + MarkdownTable.escape(MonthlyReport.title(language)),
            ReportText.periodName(report.period, language),
            ReportText.periodLine(report.period, language),
            ReportText.positionLine(report.position, language),
        ]
        for section in MonthlyReport.Section.allCases {
            blocks.append("## " + MarkdownTable.escape(section.numberedHeading(language)))
            blocks.append(table(section).render())
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func table(_ section: MonthlyReport.Section) -> MarkdownTable {
        typealias Heading = MonthlyReport.Heading
        switch section {
        case .procedures:
            var table = keyValueTable()
            for item in ProcedureFigures.Item.allCases {
                table.append([MarkdownTable.escape(item.label(language)), item.text(in: report.procedures)])
            }
            return table
        case .dossiers:
            var table = keyValueTable()
            for item in MonthlyDossierFigures.Item.allCases {
                table.append([MarkdownTable.escape(item.label(language)), item.text(in: report.dossiers)])
            }
            return table
        case .targets:
            var table = MarkdownTable(columns: [
                .init(title: Heading.id(language), alignment: .left),
                .init(title: Heading.indicator(language), alignment: .left),
                .init(title: Heading.target(language), alignment: .right),
                .init(title: Heading.actual(language), alignment: .right),
                .init(title: Heading.result(language), alignment: .left),
            ])
            for result in report.targets {
                table.append([
                    MarkdownTable.escape(result.target.id), MarkdownTable.escape(result.label(language)),
                    String(result.target.target), ReportText.percent(result.actual), result.verdict(language),
                ])
            }
            return table
        case .planTasks:
            var table = MarkdownTable(columns: [
                .init(title: Heading.id(language), alignment: .left),
                .init(title: Heading.task(language), alignment: .left),
                .init(title: Heading.deadline(language), alignment: .right),
                .init(title: Heading.completed(language), alignment: .right),
                .init(title: Heading.status(language), alignment: .left),
            ])
            for task in report.planTasks {
                table.append([
                    MarkdownTable.escape(task.id), MarkdownTable.escape(task.title),
                    ReportText.date(task.deadline, language),
                    task.completed.map { ReportText.date($0, language) } ?? "",
                    task.status.label(language),
                ])
            }
            return table
        case .units:
            var table = MarkdownTable(
                columns: [
                    .init(title: QuarterlyColumn.number.heading(language), alignment: .right),
                    .init(title: QuarterlyColumn.unit.heading(language), alignment: .left),
                ]
                    + MonthlyDossierFigures.Item.allCases.map {
                        .init(title: $0.shortLabel(language), alignment: .right)
                    })
            let blanks = Array(repeating: "", count: MonthlyDossierFigures.Item.allCases.count)
            for group in LevelGroup.grouping(report.units, by: \.level) {
                let heading = MarkdownTable.escape(ReportText.levelName(group.level, language))
                table.append([MarkdownTable.strong(group.numeral), MarkdownTable.strong(heading)] + blanks)
                for (index, row) in group.rows.enumerated() {
                    table.append([String(index + 1), MarkdownTable.escape(row.name)] + row.figures.itemTexts)
                }
            }
            table.append(
                ["", MarkdownTable.strong(ReportText.totalLabel(language))]
                    + report.dossiers.itemTexts.map(MarkdownTable.strong))
            return table
        }
    }

    private func keyValueTable() -> MarkdownTable {
        MarkdownTable(columns: [
            .init(title: MonthlyReport.Heading.indicator(language), alignment: .left),
            .init(title: MonthlyReport.Heading.value(language), alignment: .right),
        ])
    }
}
