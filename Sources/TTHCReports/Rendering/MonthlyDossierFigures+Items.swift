extension MonthlyDossierFigures {
    /// The dossier figures the monthly report shows, in SPEC §5.2's order, with their headings:
    /// a long one for key/value listings and a short one for the per-unit table's columns.
    enum Item: CaseIterable {
        case received
        case online
        case onlineRatePct
        case business
        case businessOnline
        case locationIndependent
        case resolved
        case early
        case onTime
        case late
        case onTimeRatePct
        case pendingOverdue
        case digitized
        case documentsRequired
        case documentsReused
        case reuseRatePct
        case dueDateLongerThanProcedure

        func label(_ language: ReportLanguage) -> String {
            switch language {
            case .vi:
                switch self {
                case .received: "Hồ sơ tiếp nhận trong kỳ"
                case .online: "Hồ sơ tiếp nhận trực tuyến"
                case .onlineRatePct: "Tỷ lệ hồ sơ trực tuyến (%)"
                case .business: "Hồ sơ của doanh nghiệp"
                case .businessOnline: "Hồ sơ của doanh nghiệp nộp trực tuyến"
                case .locationIndependent: "Hồ sơ tiếp nhận không phụ thuộc địa giới hành chính"
                case .resolved: "Hồ sơ đã giải quyết"
                case .early: "Giải quyết trước hạn"
                case .onTime: "Giải quyết đúng hạn"
                case .late: "Giải quyết quá hạn"
                case .onTimeRatePct: "Tỷ lệ giải quyết đúng hạn (%)"
                case .pendingOverdue: "Hồ sơ đang giải quyết quá hạn"
                case .digitized: "Hồ sơ được số hóa"
                case .documentsRequired: "Giấy tờ phải nộp"
                case .documentsReused: "Giấy tờ được tái sử dụng"
                case .reuseRatePct: "Tỷ lệ tái sử dụng giấy tờ (%)"
                case .dueDateLongerThanProcedure: "Hồ sơ có hạn trả kết quả dài hơn quy định"
                }
            case .en:
                switch self {
                case .received: "Dossiers received in the period"
                case .online: "Received online"
                case .onlineRatePct: "Online rate (%)"
                case .business: "Business dossiers"
                case .businessOnline: "Business dossiers filed online"
                case .locationIndependent: "Received regardless of administrative boundaries"
                case .resolved: "Dossiers resolved"
                case .early: "Resolved early"
                case .onTime: "Resolved on time"
                case .late: "Resolved late"
                case .onTimeRatePct: "On-time rate (%)"
                case .pendingOverdue: "Pending and overdue"
                case .digitized: "Digitized dossiers"
                case .documentsRequired: "Documents required"
                case .documentsReused: "Documents reused"
                case .reuseRatePct: "Document reuse rate (%)"
                case .dueDateLongerThanProcedure: "Due date longer than the procedure allows"
                }
            }
        }

        /// The column heading in the per-unit table.
        func shortLabel(_ language: ReportLanguage) -> String {
            switch language {
            case .vi:
                switch self {
                case .received: "Tiếp nhận"
                case .online: "Trực tuyến"
                case .onlineRatePct: "Tỷ lệ trực tuyến (%)"
                case .business: "Doanh nghiệp"
                case .businessOnline: "Doanh nghiệp trực tuyến"
                case .locationIndependent: "Không phụ thuộc địa giới"
                case .resolved: "Đã giải quyết"
                case .early: "Trước hạn"
                case .onTime: "Đúng hạn"
                case .late: "Quá hạn"
                case .onTimeRatePct: "Tỷ lệ đúng hạn (%)"
                case .pendingOverdue: "Đang giải quyết quá hạn"
                case .digitized: "Số hóa"
                case .documentsRequired: "Giấy tờ phải nộp"
                case .documentsReused: "Giấy tờ tái sử dụng"
                case .reuseRatePct: "Tỷ lệ tái sử dụng (%)"
                case .dueDateLongerThanProcedure: "Hạn trả dài hơn quy định"
                }
            case .en:
                switch self {
                case .received: "Received"
                case .online: "Online"
                case .onlineRatePct: "Online rate (%)"
                case .business: "Business"
                case .businessOnline: "Business online"
                case .locationIndependent: "Location-independent"
                case .resolved: "Resolved"
                case .early: "Early"
                case .onTime: "On time"
                case .late: "Late"
                case .onTimeRatePct: "On-time rate (%)"
                case .pendingOverdue: "Pending overdue"
                case .digitized: "Digitized"
                case .documentsRequired: "Documents required"
                case .documentsReused: "Documents reused"
                case .reuseRatePct: "Reuse rate (%)"
                case .dueDateLongerThanProcedure: "Due date too long"
                }
            }
        }

        /// The figure as text: a count, or a percentage ("—" when its denominator is 0).
        func text(in figures: MonthlyDossierFigures) -> String {
            switch self {
            case .received: String(figures.received)
            case .online: String(figures.online)
            case .onlineRatePct: ReportText.percent(figures.onlineRatePct)
            case .business: String(figures.business)
            case .businessOnline: String(figures.businessOnline)
            case .locationIndependent: String(figures.locationIndependent)
            case .resolved: String(figures.resolved)
            case .early: String(figures.early)
            case .onTime: String(figures.onTime)
            case .late: String(figures.late)
            case .onTimeRatePct: ReportText.percent(figures.onTimeRatePct)
            case .pendingOverdue: String(figures.pendingOverdue)
            case .digitized: String(figures.digitized)
            case .documentsRequired: String(figures.documentsRequired)
            case .documentsReused: String(figures.documentsReused)
            case .reuseRatePct: ReportText.percent(figures.reuseRatePct)
            case .dueDateLongerThanProcedure: String(figures.dueDateLongerThanProcedure)
            }
        }
    }

    /// Every figure as text, in the order of ``Item``.
    var itemTexts: [String] { Item.allCases.map { $0.text(in: self) } }
}
