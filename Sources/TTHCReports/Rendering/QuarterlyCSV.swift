/// The quarterly report as CSV, laid out so that the table imports as-is.
///
/// The first record is the header: the 13 columns of form 06/VPCP/KSTT in the form's order, each
/// named with its group (`Số hồ sơ nhận giải quyết - Tổng số`). Then, per level, a group heading
/// record with only the *Đơn vị* column filled (*Sở, ban, ngành*, *Cấp huyện*, *Cấp xã*), the
/// level's units numbered from 1, and the totals record (*Tổng cộng*, empty *TT*). After one blank
/// record come the header's other lines as key/value records — form, period, unit of measure,
/// ledger `seq` and `hash` — with the key in the first column and the value in the second. Every
/// record has 13 fields, so strict readers see one rectangular table, and nothing precedes the
/// header row.
struct QuarterlyCSV {
    let report: QuarterlyReport
    let language: ReportLanguage

    func render() -> [UInt8] {
        let width = QuarterlyColumn.allCases.count
        var csv = CSVTable()
        func append(_ fields: [String]) {
            csv.append(fields + Array(repeating: "", count: width - fields.count))
        }
        append(QuarterlyColumn.allCases.map { $0.fullHeading(language) })
        for group in LevelGroup.grouping(report.rows, by: \.level) {
            append(["", ReportText.levelName(group.level, language)])
            for (index, row) in group.rows.enumerated() {
                append([String(index + 1), row.name] + QuarterlyColumn.figureTexts(row.counts))
            }
        }
        append(["", ReportText.totalLabel(language)] + QuarterlyColumn.figureTexts(report.totals))
        append([])
        for (key, value) in metadata {
            append([key, value])
        }
        return csv.bytes
    }

    /// The header lines of the form as key/value pairs.
    private var metadata: [(String, String)] {
        let position = language == .vi ? "Vị trí sổ cái" : "Ledger position"
        return [
            (language == .vi ? "Mẫu số" : "Form", "06/VPCP/KSTT"),
            (ReportText.periodLabel(language), ReportText.periodRange(report.period, language)),
            (
                language == .vi ? "Đơn vị tính" : "Unit of measure",
                language == .vi ? "số hồ sơ TTHC" : "administrative-procedure dossiers"
            ),
            (position + ": seq", String(report.position.seq)),
            (position + ": hash", report.position.hashHex),
        ]
    }
}
