import TTHCDomain

/// What the counting rules read of one dossier, from its ``DossierState`` (tracing, one dossier's
/// history) or from its ``DossierFacts`` (reports): one set of rules for both, so that the items
/// of a trace always add up to the figure of the report.
protocol CountedDossier {
    /// Accepted for processing: not only refused or registered.
    var isAccepted: Bool { get }
    var competentUnit: String { get }
    var procedureCode: String { get }
    var channel: Channel { get }
    var applicantKind: ApplicantKind { get }
    /// R.
    var receivedDay: LocalDate { get }
    /// E, if ended.
    var endDay: LocalDate? { get }
    /// E as an instant, if ended.
    var endedAt: Int64? { get }
    var resolved: Bool { get }
    var withdrawn: Bool { get }
    var digitized: Bool { get }
    var documentsRequired: UInt32 { get }
    var documentsReused: UInt32 { get }
    /// Received at another desk than the competent unit's.
    var receivedAtAnotherDesk: Bool { get }
    /// The processing days known when the receipt was recorded, if any.
    var processingDaysAtReceipt: Int? { get }

    /// D at `instant`.
    func dueAt(asOf instant: Int64) -> Int64?
    /// D at the end of local day `day`, as a local date.
    func dueDay(asOfEndOf day: LocalDate) -> LocalDate?
    func isPaused(on day: LocalDate) -> Bool
    func dueDateLongerThanProcedure(processingDays: Int?, calendar: WorkingCalendar) -> Bool
}

extension DossierState: CountedDossier {
    var receivedAtAnotherDesk: Bool { receivingUnit != competentUnit }
    var processingDaysAtReceipt: Int? { processingDaysKnown ? Int(processingDays) : nil }
}

extension DossierFacts: CountedDossier {
    /// Only accepted dossiers have facts.
    var isAccepted: Bool { true }
    var receivedAtAnotherDesk: Bool { locationIndependent }
    var processingDaysAtReceipt: Int? { processingDays.map(Int.init) }
}
