/// The monthly report as CSV: one block per section, separated by blank records.
///
/// Each block is a title record (one field), a header record, then the data records:
///
/// - *Báo cáo* (report): key/value records — title, period, ledger `seq` and `hash`;
/// - *1. Thủ tục hành chính* and *2. Hồ sơ thủ tục hành chính*: key/value records (*Chỉ tiêu*,
///   *Giá trị*), the figures in SPEC §5.2's order, rates as percentages with two decimals or "—";
/// - *3. Chỉ tiêu Nghị quyết 66/NQ-CP*: ID, indicator, target %, actual %, result (*Đạt*/*Chưa đạt*);
/// - *4. Nhiệm vụ kế hoạch*: ID, task, deadline, completion date, status;
/// - *5. Hồ sơ theo đơn vị*: unit code, unit, level, then the 17 dossier figures — one record per
///   unit, no group-heading records (the level column lets a spreadsheet filter) — and the totals.
///
/// Blocks differ in width; to import one block as a table, select its header and data records.
struct MonthlyCSV {
    let report: MonthlyReport
    let language: ReportLanguage

    func render() -> [UInt8] {
        typealias Heading = MonthlyReport.Heading
        var csv = CSVTable()
        let reportHeading = language == .vi ? "Báo cáo" : "Report"
        csv.append([reportHeading])
        csv.append([Heading.indicator(language), Heading.value(language)])
        for (key, value) in metadata {
            csv.append([key, value])
        }

        for section in MonthlyReport.Section.allCases {
            csv.append([])
            csv.append([section.numberedHeading(language)])
            switch section {
            case .procedures:
                csv.append([Heading.indicator(language), Heading.value(language)])
                for item in ProcedureFigures.Item.allCases {
                    csv.append([item.label(language), item.text(in: report.procedures)])
                }
            case .dossiers:
                csv.append([Heading.indicator(language), Heading.value(language)])
                for item in MonthlyDossierFigures.Item.allCases {
                    csv.append([item.label(language), item.text(in: report.dossiers)])
                }
            case .targets:
                csv.append([
                    Heading.id(language), Heading.indicator(language), Heading.target(language),
                    Heading.actual(language), Heading.result(language),
                ])
                for result in report.targets {
                    csv.append([
                        result.target.id, result.label(language), String(result.target.target),
                        ReportText.percent(result.actual), result.verdict(language),
                    ])
                }
            case .planTasks:
                csv.append([
                    Heading.id(language), Heading.task(language), Heading.deadline(language),
                    Heading.completed(language), Heading.status(language),
                ])
                for task in report.planTasks {
                    csv.append([
                        task.id, task.title, ReportText.date(task.deadline, language),
                        task.completed.map { ReportText.date($0, language) } ?? "", task.status.label(language),
                    ])
                }
            case .units:
                csv.append(
                    [Heading.unitCode(language), QuarterlyColumn.unit.heading(language), Heading.level(language)]
                        + MonthlyDossierFigures.Item.allCases.map { $0.shortLabel(language) })
                for row in report.units {
                    csv.append(
                        [row.unit, row.name, ReportText.levelName(row.level, language)] + row.figures.itemTexts)
                }
                csv.append(["", ReportText.totalLabel(language), ""] + report.dossiers.itemTexts)
            }
        }
        return csv.bytes
    }

    private var metadata: [(String, String)] {
        let position = language == .vi ? "Vị trí sổ cái" : "Ledger position"
        return [
            (language == .vi ? "Tên báo cáo" : "Report", MonthlyReport.title(language)),
            (ReportText.periodLabel(language), ReportText.periodRange(report.period, language)),
            (position + ": seq", String(report.position.seq)),
            (position + ": hash", report.position.hashHex),
        ]
    }
}
