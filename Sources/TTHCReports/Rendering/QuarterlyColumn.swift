/// The 13 columns of form 06/VPCP/KSTT, in the form's order: the one definition of the headings
/// every format of the quarterly report uses.
enum QuarterlyColumn: Int, CaseIterable {
    case number = 1
    case unit
    case receivedTotal
    case receivedOnline
    case receivedDirectOrPostal
    case carriedOver
    case resolvedTotal
    case early
    case onTime
    case late
    case pendingTotal
    case withinDeadline
    case overdue

    /// The three column groups of the form.
    enum Group: CaseIterable {
        /// Số hồ sơ nhận giải quyết.
        case received
        /// Số hồ sơ đã giải quyết.
        case resolved
        /// Số hồ sơ đang giải quyết.
        case pending

        func heading(_ language: ReportLanguage) -> String {
            switch (self, language) {
            case (.received, .vi): "Số hồ sơ nhận giải quyết"
            case (.resolved, .vi): "Số hồ sơ đã giải quyết"
            case (.pending, .vi): "Số hồ sơ đang giải quyết"
            case (.received, .en): "Dossiers received"
            case (.resolved, .en): "Dossiers resolved"
            case (.pending, .en): "Dossiers pending"
            }
        }

        var columns: [QuarterlyColumn] { QuarterlyColumn.figures.filter { $0.group == self } }
    }

    /// The columns holding figures (3–13).
    static let figures: [QuarterlyColumn] = allCases.filter { $0.group != nil }

    var group: Group? {
        switch self {
        case .number, .unit: nil
        case .receivedTotal, .receivedOnline, .receivedDirectOrPostal, .carriedOver: .received
        case .resolvedTotal, .early, .onTime, .late: .resolved
        case .pendingTotal, .withinDeadline, .overdue: .pending
        }
    }

    /// The heading under the column's group, as the form prints it: `Trong kỳ: Trực tuyến`.
    func heading(_ language: ReportLanguage) -> String {
        switch language {
        case .vi:
            switch self {
            case .number: "TT"
            case .unit: "Đơn vị"
            case .receivedTotal, .resolvedTotal, .pendingTotal: "Tổng số"
            case .receivedOnline, .receivedDirectOrPostal:
                Self.inPeriodHeading(language) + ": " + (channelHeading(language) ?? "")
            case .carriedOver: "Từ kỳ trước"
            case .early: "Trước hạn"
            case .onTime: "Đúng hạn"
            case .late, .overdue: "Quá hạn"
            case .withinDeadline: "Trong hạn"
            }
        case .en:
            switch self {
            case .number: "No."
            case .unit: "Unit"
            case .receivedTotal, .resolvedTotal, .pendingTotal: "Total"
            case .receivedOnline, .receivedDirectOrPostal:
                Self.inPeriodHeading(language) + ": " + (channelHeading(language) ?? "")
            case .carriedOver: "Carried over"
            case .early: "Early"
            case .onTime: "On time"
            case .late: "Late"
            case .withinDeadline: "Within deadline"
            case .overdue: "Overdue"
            }
        }
    }

    /// The heading over the two channels of receipts in the period, *Trong kỳ*.
    static func inPeriodHeading(_ language: ReportLanguage) -> String {
        language == .vi ? "Trong kỳ" : "In the period"
    }

    /// The channel under *Trong kỳ* for columns 4 and 5; `nil` for the others.
    func channelHeading(_ language: ReportLanguage) -> String? {
        switch (self, language) {
        case (.receivedOnline, .vi): "Trực tuyến"
        case (.receivedDirectOrPostal, .vi): "Trực tiếp, dịch vụ bưu chính"
        case (.receivedOnline, .en): "Online"
        case (.receivedDirectOrPostal, .en): "In person or by post"
        default: nil
        }
    }

    /// The heading with its group, for one-row headers: `Số hồ sơ nhận giải quyết - Tổng số`.
    func fullHeading(_ language: ReportLanguage) -> String {
        guard let group else { return heading(language) }
        return group.heading(language) + " - " + heading(language)
    }

    /// The column's figure in `counts`; `nil` for the number and unit columns.
    func value(in counts: DossierCounts) -> Int? {
        switch self {
        case .number, .unit: nil
        case .receivedTotal: counts.receivedTotal
        case .receivedOnline: counts.online
        case .receivedDirectOrPostal: counts.directOrPostal
        case .carriedOver: counts.carriedOver
        case .resolvedTotal: counts.resolvedTotal
        case .early: counts.early
        case .onTime: counts.onTime
        case .late: counts.late
        case .pendingTotal: counts.pendingTotal
        case .withinDeadline: counts.withinDeadline
        case .overdue: counts.overdue
        }
    }

    /// The figures of columns 3–13, as text.
    static func figureTexts(_ counts: DossierCounts) -> [String] {
        figures.map { String($0.value(in: counts) ?? 0) }
    }
}
