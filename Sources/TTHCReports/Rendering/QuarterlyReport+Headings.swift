/// The fixed lines of form 06/VPCP/KSTT's header.
extension QuarterlyReport {
    /// The form's title.
    static func title(_ language: ReportLanguage) -> String {
        switch language {
        case .vi: "Tình hình, kết quả giải quyết TTHC tại cơ quan, đơn vị trực tiếp giải quyết TTHC"
        case .en: "Administrative-procedure dossiers handled by the units that resolve them"
        }
    }

    /// The form's number.
    static func formLine(_ language: ReportLanguage) -> String {
        language == .vi ? "Mẫu số 06/VPCP/KSTT" : "Form 06/VPCP/KSTT"
    }

    /// The unit of measure line of the form's header.
    static func unitOfMeasureLine(_ language: ReportLanguage) -> String {
        language == .vi ? "Đơn vị tính: số hồ sơ TTHC" : "Unit of measure: administrative-procedure dossiers"
    }
}
