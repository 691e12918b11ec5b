/// Turns a computed report into the bytes of one format.
///
/// Every format is a pure function of the report: no clock, no locale, no dictionary order,
/// so the same ledger position gives the same bytes.
public enum ReportRenderer {
    public static func render(_ report: QuarterlyReport, format: ReportFormat, language: ReportLanguage) -> [UInt8] {
        switch format {
        case .json: Array((report.json().serialized() + "\n").utf8)
        case .md: Array(QuarterlyMarkdown(report: report, language: language).render().utf8)
        case .csv: QuarterlyCSV(report: report, language: language).render()
        case .html: Array(QuarterlyHTML(report: report, language: language).render().utf8)
        }
    }

    public static func render(_ report: MonthlyReport, format: ReportFormat, language: ReportLanguage) -> [UInt8] {
        switch format {
        case .json: Array((report.json().serialized() + "\n").utf8)
        case .md: Array(MonthlyMarkdown(report: report, language: language).render().utf8)
        case .csv: MonthlyCSV(report: report, language: language).render()
        case .html: Array(MonthlyHTML(report: report, language: language).render().utf8)
        }
    }
}
