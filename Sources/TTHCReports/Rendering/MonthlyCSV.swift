struct MonthlyCSV {
    let report: MonthlyReport
    let language: ReportLanguage

    func render() -> [UInt8] { [] }
}
