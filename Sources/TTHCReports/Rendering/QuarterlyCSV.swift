struct QuarterlyCSV {
    let report: QuarterlyReport
    let language: ReportLanguage

    func render() -> [UInt8] { [] }
}
