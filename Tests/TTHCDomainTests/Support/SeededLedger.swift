import Foundation
import Ledger
import SwiftProtobuf
import Testing

@testable import TTHCDomain

/// A real domain ledger on disk, in a directory of its own, seeded with the reference facts most
/// tests need: a province, one of its communes, one procedure and the 2024–2026 calendar.
///
/// Every test gets its own directory, so tests run in parallel; the directory is removed after.
enum SeededLedger {
    /// The provincial People's Committee: competent for ``procedure``.
    static let province = "000.00.00.H23"
    /// A commune under the province.
    static let commune = "001.20.31.H23"
    /// A procedure of 10 working days, resolved by the province, in force since 2024-01-01.
    static let procedure = "1.001193"
    static let procedureDays: UInt32 = 10

    /// Runs `body` over a fresh seeded ledger and the directory it lives in.
    static func with<Result>(_ body: (DomainLedger, String) throws -> Result) throws -> Result {
        try withTemporaryDirectory { directory in
            let ledger = try open(directory, create: true)
            try ledger.append(referenceEntries())
            return try body(ledger, directory)
        }
    }

    /// Opens the domain ledger in `directory`; fsync is off, as nothing here survives the test.
    static func open(_ directory: String, create: Bool = false) throws -> DomainLedger {
        var options = Ledger.Options(create: create)
        options.unsafeNoSync = true
        return try DomainLedger(directory: directory, options: options)
    }

    /// The seed: units, the calendar of `Holidays`, and the procedure.
    static func referenceEntries() -> [DomainLedger.Entry] {
        var entries = [
            entry(
                .unitRegistered(
                    .with {
                        $0.code = province
                        $0.name = "UBND tỉnh Hậu Giang"
                        $0.level = .province
                        $0.effectiveFrom = "2020-01-01"
                    })),
            entry(
                .unitRegistered(
                    .with {
                        $0.code = commune
                        $0.name = "UBND phường I"
                        $0.level = .commune
                        $0.parent = province
                        $0.effectiveFrom = "2020-01-01"
                    })),
        ]
        for declaration in Holidays.declarations {
            var day = LocalDate.iso(declaration.from)
            while day <= .iso(declaration.through) {
                switch declaration.kind {
                case .holiday:
                    entries.append(
                        entry(
                            .holidayDeclared(
                                .with {
                                    $0.date = "\(day)"; $0.name = declaration.name
                                })))
                case .workday:
                    entries.append(
                        entry(
                            .workdayDeclared(
                                .with {
                                    $0.date = "\(day)"; $0.name = declaration.name
                                })))
                }
                day = day.adding(days: 1)
            }
        }
        entries.append(publication(procedure, days: procedureDays))
        return entries
    }

    /// A `ProcedurePublished` of a procedure resolved by the province, effective 2024-01-01.
    static func publication(_ code: String, days: UInt32, units: [String] = [province]) -> DomainLedger.Entry {
        entry(
            .procedurePublished(
                .with {
                    $0.code = code
                    $0.name = "Thủ tục \(code)"
                    $0.field = "G18"
                    $0.level = .province
                    $0.competentUnits = units
                    $0.processingDays = days
                    $0.baselineDays2024 = days
                    $0.complianceCostVnd = 500_000
                    $0.baselineCostVnd2024 = 500_000
                    $0.onlineLevel = .full
                    $0.decision = "100/QĐ-UBND"
                    $0.effectiveFrom = "2024-01-01"
                }))
    }

    /// An entry recorded by the province, at `local` time when given (else 2025-01-02 08:00).
    static func entry(
        _ event: DomainEvent, at local: String = "2025-01-02 08:00", id: String? = nil
    ) -> DomainLedger.Entry {
        DomainLedger.Entry(
            event, occurredAt: Timestamp(microsecondsSinceEpoch: microseconds(local)), actor: province, eventId: id)
    }

    /// UTC microseconds of a local wall-clock reading `yyyy-MM-dd HH:mm`.
    static func microseconds(_ local: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int64 {
        let text = local.replacingOccurrences(of: " ", with: "T") + ":00+07:00"
        guard let timestamp = Timestamp(iso8601: text) else {
            Issue.record("not a local time yyyy-MM-dd HH:mm: \(local)", sourceLocation: sourceLocation)
            return 0
        }
        return timestamp.microsecondsSinceEpoch
    }

    /// The protobuf instant of a local wall-clock reading `yyyy-MM-dd HH:mm`.
    static func instant(
        _ local: String, sourceLocation: SourceLocation = #_sourceLocation
    )
        -> Google_Protobuf_Timestamp
    {
        let micros = microseconds(local, sourceLocation: sourceLocation)
        return Google_Protobuf_Timestamp(seconds: micros / 1_000_000, nanos: Int32(micros % 1_000_000) * 1_000)
    }
}

/// Dossier events with sensible defaults, so a test states only what it is about.
enum Dossier {
    static func received(
        _ id: String, at local: String = "2025-04-15 08:30", due: String? = nil,
        procedure: String = SeededLedger.procedure, competentUnit: String = SeededLedger.province,
        receivingUnit: String = "", eventId: String? = nil
    ) -> DomainLedger.Entry {
        SeededLedger.entry(
            .dossierReceived(
                .with {
                    $0.dossierID = id
                    $0.procedureCode = procedure
                    $0.competentUnit = competentUnit
                    $0.receivingUnit = receivingUnit
                    $0.channel = .online
                    $0.applicantKind = .citizen
                    $0.receivedAt = SeededLedger.instant(local)
                    if let due { $0.dueAt = SeededLedger.instant(due) }
                    $0.documentsRequired = 3
                    $0.documentsReused = 1
                }), at: local, id: eventId)
    }

    static func resolved(_ id: String, at local: String, eventId: String? = nil) -> DomainLedger.Entry {
        SeededLedger.entry(
            .dossierResolved(
                .with {
                    $0.dossierID = id
                    $0.resolvedAt = SeededLedger.instant(local)
                    $0.outcome = .approved
                }), at: local, id: eventId)
    }

    static func returned(_ id: String, at local: String) -> DomainLedger.Entry {
        SeededLedger.entry(
            .dossierResultReturned(
                .with {
                    $0.dossierID = id
                    $0.returnedAt = SeededLedger.instant(local)
                }), at: local)
    }

    static func withdrawn(_ id: String, at local: String) -> DomainLedger.Entry {
        SeededLedger.entry(
            .dossierWithdrawn(
                .with {
                    $0.dossierID = id
                    $0.at = SeededLedger.instant(local)
                    $0.reason = "applicant's request"
                }), at: local)
    }

    static func supplementRequested(_ id: String, at local: String) -> DomainLedger.Entry {
        SeededLedger.entry(
            .dossierSupplementRequested(
                .with {
                    $0.dossierID = id
                    $0.at = SeededLedger.instant(local)
                    $0.reason = "missing a certified copy"
                    $0.kind = .supplement
                }), at: local)
    }

    static func supplementReceived(_ id: String, at local: String) -> DomainLedger.Entry {
        SeededLedger.entry(
            .dossierSupplementReceived(
                .with {
                    $0.dossierID = id
                    $0.at = SeededLedger.instant(local)
                }), at: local)
    }

    static func dueDateChanged(_ id: String, to local: String, at recorded: String) -> DomainLedger.Entry {
        SeededLedger.entry(
            .dossierDueDateChanged(
                .with {
                    $0.dossierID = id
                    $0.newDueAt = SeededLedger.instant(local)
                    $0.reason = "apology letter"
                }), at: recorded)
    }
}

/// A fresh directory under the system's temporary folder, removed afterwards.
func withTemporaryDirectory<Result>(_ body: (String) throws -> Result) throws -> Result {
    var template = Array((FileManager.default.temporaryDirectory.path + "/tthc-domain-test-XXXXXX").utf8CString)
    guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
        throw CocoaError(.fileWriteUnknown)
    }
    let path = String(cString: created)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// Appends `entries`, expecting the domain rules to refuse them with `field` and `reason`, and
/// checks that nothing was written.
func expectRefusal(
    _ ledger: DomainLedger, _ entries: [DomainLedger.Entry], field: String, reason: String,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let before = try ledger.ledger.head()
    do {
        try ledger.append(entries)
        Issue.record("appended, though \(field) should have been refused", sourceLocation: sourceLocation)
    } catch let error as DomainValidationError {
        #expect(error.field == field, sourceLocation: sourceLocation)
        #expect(error.reason == reason, sourceLocation: sourceLocation)
    }
    #expect(try ledger.ledger.head() == before, "the refused append wrote events", sourceLocation: sourceLocation)
}
