/// The output formats of a report.
public enum ReportFormat: String, Sendable, CaseIterable {
    case json, md, csv, html
}

/// The language of headings in human formats (JSON keys never change).
public enum ReportLanguage: String, Sendable, CaseIterable {
    /// Vietnamese: the official headings of the forms (the default).
    case vi
    case en
}
