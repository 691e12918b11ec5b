extension ProcedureFigures {
    /// The procedure figures the monthly report shows, in SPEC §5.2's order, with their headings.
    enum Item: CaseIterable {
        case inForce
        case businessRelated
        case withBaseline
        case timeCut
        case timeReductionPct
        case costReductionPct
        case meetingTimeTarget
        case onlineFull
        case onlinePartial
        case locationIndependent

        func label(_ language: ReportLanguage) -> String {
            switch language {
            case .vi:
                switch self {
                case .inForce: "TTHC đang có hiệu lực"
                case .businessRelated: "TTHC liên quan đến hoạt động sản xuất, kinh doanh"
                case .withBaseline: "TTHC kinh doanh có số liệu gốc năm 2024"
                case .timeCut: "TTHC đã cắt giảm thời gian giải quyết"
                case .timeReductionPct: "Tỷ lệ cắt giảm thời gian giải quyết (%)"
                case .costReductionPct: "Tỷ lệ cắt giảm chi phí tuân thủ (%)"
                case .meetingTimeTarget: "TTHC đạt mục tiêu cắt giảm thời gian của năm"
                case .onlineFull: "TTHC cung cấp dịch vụ công trực tuyến toàn trình"
                case .onlinePartial: "TTHC cung cấp dịch vụ công trực tuyến một phần"
                case .locationIndependent: "TTHC thực hiện không phụ thuộc địa giới hành chính"
                }
            case .en:
                switch self {
                case .inForce: "Procedures in force"
                case .businessRelated: "Business-related procedures"
                case .withBaseline: "Business procedures with a 2024 baseline"
                case .timeCut: "Procedures with processing time cut"
                case .timeReductionPct: "Processing-time reduction (%)"
                case .costReductionPct: "Compliance-cost reduction (%)"
                case .meetingTimeTarget: "Procedures cut by the year's target or more"
                case .onlineFull: "Full-process online procedures"
                case .onlinePartial: "Partially online procedures"
                case .locationIndependent: "Location-independent procedures"
                }
            }
        }

        /// The figure as text: a count, or a percentage ("—" when there is no baseline).
        func text(in figures: ProcedureFigures) -> String {
            switch self {
            case .inForce: String(figures.inForce)
            case .businessRelated: String(figures.businessRelated)
            case .withBaseline: String(figures.withBaseline)
            case .timeCut: String(figures.timeCut)
            case .timeReductionPct: ReportText.percent(figures.timeReductionPct)
            case .costReductionPct: ReportText.percent(figures.costReductionPct)
            case .meetingTimeTarget: String(figures.meetingTimeTarget)
            case .onlineFull: String(figures.onlineFull)
            case .onlinePartial: String(figures.onlinePartial)
            case .locationIndependent: String(figures.locationIndependent)
            }
        }
    }
}
