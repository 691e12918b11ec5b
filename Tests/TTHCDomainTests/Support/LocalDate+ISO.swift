import Testing

@testable import TTHCDomain

extension LocalDate {
    /// The date written `yyyy-MM-dd`, for tests that state their dates literally.
    ///
    /// A typo records an issue at the caller rather than trapping, so one bad literal fails one test.
    static func iso(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> LocalDate {
        guard let date = LocalDate(iso: text) else {
            Issue.record("not a yyyy-MM-dd date: \(text)", sourceLocation: sourceLocation)
            return LocalDate(dayNumber: 0)
        }
        return date
    }
}
