struct MonthlyHTML {
    let report: MonthlyReport
    let language: ReportLanguage

    func render() -> String { "" }
}
