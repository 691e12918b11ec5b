struct MonthlyMarkdown {
    let report: MonthlyReport
    let language: ReportLanguage

    func render() -> String { "" }
}
