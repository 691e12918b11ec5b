struct QuarterlyMarkdown {
    let report: QuarterlyReport
    let language: ReportLanguage

    func render() -> String { "" }
}
