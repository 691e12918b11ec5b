import TTHCDomain

/// The processing days of each procedure in force on a dossier's receipt date, as the report's
/// ledger position knows them (SPEC §3: "the procedure in force on the receipt date").
///
/// A dossier keeps the processing days known when its receipt was recorded; a time cut recorded
/// later but in force on the receipt date changes what the desk should have promised. Looked up
/// once per procedure and day, since a month's receipts share few of either.
struct ProcessingDaysInForce {
    private struct Key: Hashable {
        var code: String
        var day: Int32
    }

    private let procedures: [String: ProcedureState]
    private var known: [Key: Int?] = [:]

    init(_ procedures: [ProcedureState]) {
        self.procedures = Dictionary(procedures.map { ($0.code, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The days of `dossier`'s procedure in force on its receipt date; `nil` when it was not in force.
    mutating func days(for dossier: some CountedDossier) -> Int? {
        days(code: dossier.procedureCode, on: dossier.receivedDay)
    }

    /// The days of procedure `code` in force on `day`; `nil` when it was not in force.
    mutating func days(code: String, on day: LocalDate) -> Int? {
        let key = Key(code: code, day: day.dayNumber)
        if let days = known[key] { return days }
        let days = procedures[code]?.attributes(on: day).map { Int($0.processingDays) }
        known[key] = days
        return days
    }
}
