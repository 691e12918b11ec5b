extension MonthlyReport {
    /// The report's title.
    static func title(_ language: ReportLanguage) -> String {
        switch language {
        case .vi: "Báo cáo tình hình cải cách thủ tục hành chính (Nghị quyết 66/NQ-CP)"
        case .en: "Administrative-procedure reform progress (Resolution 66/NQ-CP)"
        }
    }

    /// The report's sections, in the order every format lays them out.
    enum Section: Int, CaseIterable {
        case procedures = 1
        case dossiers
        case targets
        case planTasks
        case units

        func heading(_ language: ReportLanguage) -> String {
            switch (self, language) {
            case (.procedures, .vi): "Thủ tục hành chính"
            case (.dossiers, .vi): "Hồ sơ thủ tục hành chính"
            case (.targets, .vi): "Chỉ tiêu Nghị quyết 66/NQ-CP"
            case (.planTasks, .vi): "Nhiệm vụ kế hoạch"
            case (.units, .vi): "Hồ sơ theo đơn vị"
            case (.procedures, .en): "Procedures"
            case (.dossiers, .en): "Dossiers"
            case (.targets, .en): "Resolution 66/NQ-CP targets"
            case (.planTasks, .en): "Plan tasks"
            case (.units, .en): "Dossiers by unit"
            }
        }

        /// The heading numbered, `1. Thủ tục hành chính`.
        func numberedHeading(_ language: ReportLanguage) -> String {
            "\(rawValue). " + heading(language)
        }
    }

    /// Headings shared by the formats' key/value and target tables.
    enum Heading {
        static func indicator(_ language: ReportLanguage) -> String { language == .vi ? "Chỉ tiêu" : "Indicator" }
        static func value(_ language: ReportLanguage) -> String { language == .vi ? "Giá trị" : "Value" }
        static func id(_ language: ReportLanguage) -> String { language == .vi ? "Mã" : "ID" }
        static func target(_ language: ReportLanguage) -> String { language == .vi ? "Mục tiêu (%)" : "Target (%)" }
        static func actual(_ language: ReportLanguage) -> String { language == .vi ? "Thực tế (%)" : "Actual (%)" }
        static func result(_ language: ReportLanguage) -> String { language == .vi ? "Kết quả" : "Result" }
        static func task(_ language: ReportLanguage) -> String { language == .vi ? "Nhiệm vụ" : "Task" }
        static func deadline(_ language: ReportLanguage) -> String { language == .vi ? "Thời hạn" : "Deadline" }
        static func completed(_ language: ReportLanguage) -> String {
            language == .vi ? "Ngày hoàn thành" : "Completed"
        }
        static func status(_ language: ReportLanguage) -> String { language == .vi ? "Trạng thái" : "Status" }
        static func unitCode(_ language: ReportLanguage) -> String { language == .vi ? "Mã đơn vị" : "Unit code" }
        static func level(_ language: ReportLanguage) -> String { language == .vi ? "Cấp" : "Level" }
    }
}

extension MonthlyReport.TargetResult {
    /// What the target measures, in words.
    func label(_ language: ReportLanguage) -> String {
        switch (target.measure, language) {
        case (.timeReduction, .vi): "Cắt giảm thời gian giải quyết TTHC liên quan đến kinh doanh"
        case (.costReduction, .vi): "Cắt giảm chi phí tuân thủ TTHC liên quan đến kinh doanh"
        case (.businessOnline, .vi): "TTHC liên quan đến doanh nghiệp được cung cấp trực tuyến"
        case (.locationIndependent, .vi): "TTHC thực hiện không phụ thuộc địa giới hành chính trong tỉnh"
        case (.fullOnlineOfEligible, .vi): "TTHC đủ điều kiện được cung cấp trực tuyến toàn trình"
        case (.timeReduction, .en): "Processing-time reduction of business procedures"
        case (.costReduction, .en): "Compliance-cost reduction of business procedures"
        case (.businessOnline, .en): "Business procedures offered online"
        case (.locationIndependent, .en): "Procedures independent of administrative boundaries"
        case (.fullOnlineOfEligible, .en): "Eligible procedures offered full-process online"
        }
    }

    /// Whether the target is met: `✓ Đạt` or `✗ Chưa đạt`.
    func verdict(_ language: ReportLanguage) -> String {
        switch (met, language) {
        case (true, .vi): "✓ Đạt"
        case (false, .vi): "✗ Chưa đạt"
        case (true, .en): "✓ Met"
        case (false, .en): "✗ Not met"
        }
    }
}

extension MonthlyReport.PlanTaskResult.Status {
    /// The status as the provincial plan's progress tables write it.
    func label(_ language: ReportLanguage) -> String {
        switch (self, language) {
        case (.doneOnTime, .vi): "Hoàn thành đúng hạn"
        case (.doneLate, .vi): "Hoàn thành trễ hạn"
        case (.open, .vi): "Đang thực hiện"
        case (.overdue, .vi): "Quá hạn"
        case (.doneOnTime, .en): "Done on time"
        case (.doneLate, .en): "Done late"
        case (.open, .en): "In progress"
        case (.overdue, .en): "Overdue"
        }
    }
}
