import Foundation
import Ledger
import TTHCDomain
import TTHCReports

/// A small real ledger on disk for the counting tests: the 2025 calendar, a province with one
/// department, a district that merges into a commune, one procedure, and builders that record a
/// dossier's life one event at a time with times written as local wall-clock readings.
///
/// Each test gets its own ledger in its own temporary directory through ``withCountingLedger``,
/// so the tests run in parallel.
final class CountingLedger {
    /// UBND tỉnh Hậu Giang.
    static let province = "000.00.00.H23"
    /// Sở Tài chính, a provincial department (sở).
    static let department = "000.00.14.H23"
    /// UBND huyện Châu Thành, a district abolished by the 2025 restructuring.
    static let district = "000.20.31.H23"
    /// UBND xã Châu Thành, the commune that takes over the district's dossiers.
    static let commune = "000.30.31.H23"
    /// The seeded procedure: 10 working days now and in 2024, 1,000,000 VND now and in 2024,
    /// business-related, partly online, location-independent.
    static let procedure = "1.001612"

    let domain: DomainLedger

    fileprivate init(directory: String) throws {
        var options = Ledger.Options(create: true)
        options.unsafeNoSync = true
        // A fixed ledger clock: recordedAt plays no part in counting, and fixed it keeps hashes stable.
        options.clock = { Timestamp(secondsSinceEpoch: 1_767_225_600) }
        domain = try DomainLedger(directory: directory, options: options)
    }

    // MARK: Seeding

    /// Records the units, the 2025 days off and make-up day, and (unless `procedure` is false) the
    /// standard procedure, in one append.
    ///
    /// - Parameter districtMergesOn: the day the district is succeeded by the commune; `nil` for no merger.
    func seed(districtMergesOn: String?, procedure: Bool) throws {
        var events: [DomainEvent] = [
            .unitRegistered(unit(Self.province, "UBND tỉnh Hậu Giang", .province, parent: "")),
            .unitRegistered(unit(Self.department, "Sở Tài chính", .province, parent: Self.province)),
            .unitRegistered(unit(Self.district, "UBND huyện Châu Thành", .district, parent: Self.province)),
            .unitRegistered(unit(Self.commune, "UBND xã Châu Thành", .commune, parent: Self.province)),
        ]
        if let districtMergesOn {
            var merged = UnitMerged()
            merged.code = Self.district
            merged.successorCode = Self.commune
            merged.effectiveFrom = districtMergesOn
            events.append(.unitMerged(merged))
        }
        let daysOff = [
            ("2025-01-01", "Tết Dương lịch"), ("2025-01-27", "Tết Nguyên đán"), ("2025-01-28", "Tết Nguyên đán"),
            ("2025-01-29", "Tết Nguyên đán"), ("2025-01-30", "Tết Nguyên đán"), ("2025-01-31", "Tết Nguyên đán"),
            ("2025-04-07", "Giỗ Tổ Hùng Vương"), ("2025-04-30", "Ngày Giải phóng miền Nam"),
            ("2025-05-01", "Quốc tế Lao động"), ("2025-05-02", "Nghỉ bù"), ("2025-09-01", "Quốc khánh"),
            ("2025-09-02", "Quốc khánh"),
        ]
        for (date, name) in daysOff {
            var holiday = HolidayDeclared()
            holiday.date = date
            holiday.name = name
            events.append(.holidayDeclared(holiday))
        }
        var makeUp = WorkdayDeclared()
        makeUp.date = "2025-04-26"
        makeUp.name = "Làm bù cho ngày 02/05/2025"
        events.append(.workdayDeclared(makeUp))
        if procedure {
            events.append(
                .procedurePublished(
                    published(
                        Self.procedure, name: "Đăng ký thành lập hộ kinh doanh", days: 10, baselineDays: 10,
                        cost: 1_000_000, baselineCost: 1_000_000, businessRelated: true, online: .partial,
                        locationIndependent: true, effective: "2024-01-01")))
        }
        try domain.append(
            events.map {
                DomainLedger.Entry($0, occurredAt: LocalInstant.timestamp("2024-12-01"), actor: Self.province)
            })
    }

    private func unit(_ code: String, _ name: String, _ level: UnitLevel, parent: String) -> UnitRegistered {
        var unit = UnitRegistered()
        unit.code = code
        unit.name = name
        unit.level = level
        unit.parent = parent
        unit.effectiveFrom = "2020-01-01"
        return unit
    }

    // MARK: Recording

    /// Records one event that happened at local time `at`; returns its `seq`.
    @discardableResult
    func record(_ event: DomainEvent, at: String, actor: String = department) throws -> UInt64 {
        let outcome = try domain.append([
            DomainLedger.Entry(event, occurredAt: LocalInstant.timestamp(at), actor: actor)
        ])
        return outcome.seqs[0]
    }

    /// The ledger's head `seq`.
    var head: UInt64 {
        get throws { try domain.ledger.head().seq }
    }

    // MARK: Procedures

    func published(
        _ code: String, name: String = "Thủ tục", days: UInt32, baselineDays: UInt32, cost: Int64 = 0,
        baselineCost: Int64 = 0, businessRelated: Bool = true, online: OnlineLevel = .none,
        locationIndependent: Bool = false, effective: String = "2024-01-01"
    ) -> ProcedurePublished {
        var procedure = ProcedurePublished()
        procedure.code = code
        procedure.name = name
        procedure.field = "G01"
        procedure.level = .province
        procedure.competentUnits = [Self.department]
        procedure.processingDays = days
        procedure.baselineDays2024 = baselineDays
        procedure.complianceCostVnd = cost
        procedure.baselineCostVnd2024 = baselineCost
        procedure.businessRelated = businessRelated
        procedure.onlineLevel = online
        procedure.locationIndependent = locationIndependent
        procedure.decision = "2091/QĐ-UBND"
        procedure.effectiveFrom = effective
        return procedure
    }

    @discardableResult
    func publish(
        _ code: String, days: UInt32, baselineDays: UInt32, cost: Int64 = 0, baselineCost: Int64 = 0,
        businessRelated: Bool = true, online: OnlineLevel = .none, locationIndependent: Bool = false,
        effective: String = "2024-01-01"
    ) throws -> UInt64 {
        try record(
            .procedurePublished(
                published(
                    code, days: days, baselineDays: baselineDays, cost: cost, baselineCost: baselineCost,
                    businessRelated: businessRelated, online: online, locationIndependent: locationIndependent,
                    effective: effective)), at: "2024-12-01", actor: Self.province)
    }

    /// A time cut to `days` working days, in force from `effective`.
    @discardableResult
    func cutTime(
        _ code: String = procedure, to days: UInt32, effective: String, recordedAt: String? = nil
    ) throws
        -> UInt64
    {
        var cut = ProcedureTimeCut()
        cut.code = code
        cut.processingDays = days
        cut.decision = "QĐ cắt giảm \(effective)"
        cut.effectiveFrom = effective
        return try record(.procedureTimeCut(cut), at: recordedAt ?? effective, actor: Self.province)
    }

    /// A compliance-cost cut to `vnd`, in force from `effective`.
    @discardableResult
    func cutCost(_ code: String = procedure, to vnd: Int64, effective: String) throws -> UInt64 {
        var cut = ProcedureCostCut()
        cut.code = code
        cut.complianceCostVnd = vnd
        cut.decision = "QĐ cắt giảm chi phí \(effective)"
        cut.effectiveFrom = effective
        return try record(.procedureCostCut(cut), at: effective, actor: Self.province)
    }

    // MARK: Dossiers

    /// A dossier accepted at local time `at`; `due` is the date given to the applicant (a bare
    /// date means 17:00 that day), `nil` for none.
    @discardableResult
    func receive(
        _ id: String, at: String, channel: Channel = .direct, due: String? = nil, unit: String = department,
        desk: String? = nil, applicant: ApplicantKind = .citizen, procedure: String = procedure,
        digitized: Bool = false, documentsRequired: UInt32 = 0, documentsReused: UInt32 = 0
    ) throws -> UInt64 {
        var received = DossierReceived()
        received.dossierID = id
        received.procedureCode = procedure
        received.competentUnit = unit
        received.receivingUnit = desk ?? unit
        received.channel = channel
        received.applicantKind = applicant
        received.receivedAt = LocalInstant.protobuf(at)
        if let due { received.dueAt = LocalInstant.protobuf(due, defaultHour: 17) }
        received.digitized = digitized
        received.documentsRequired = documentsRequired
        received.documentsReused = documentsReused
        return try record(.dossierReceived(received), at: at, actor: desk ?? unit)
    }

    /// The desk refused the dossier (TrangThaiHoSo = 3).
    @discardableResult
    func refuseAtDesk(_ id: String, at: String, unit: String = department) throws -> UInt64 {
        var refused = DossierNotAccepted()
        refused.dossierID = id
        refused.at = LocalInstant.protobuf(at)
        refused.reason = "hồ sơ không đầy đủ"
        return try record(.dossierNotAccepted(refused), at: at, actor: unit)
    }

    @discardableResult
    func resolve(_ id: String, at: String) throws -> UInt64 {
        var resolved = DossierResolved()
        resolved.dossierID = id
        resolved.resolvedAt = LocalInstant.protobuf(at)
        resolved.outcome = .approved
        return try record(.dossierResolved(resolved), at: at)
    }

    @discardableResult
    func withdraw(_ id: String, at: String) throws -> UInt64 {
        var withdrawn = DossierWithdrawn()
        withdrawn.dossierID = id
        withdrawn.at = LocalInstant.protobuf(at)
        withdrawn.reason = "người nộp rút hồ sơ"
        return try record(.dossierWithdrawn(withdrawn), at: at)
    }

    /// The clock stops: a supplement is requested.
    @discardableResult
    func pause(_ id: String, at: String) throws -> UInt64 {
        var requested = DossierSupplementRequested()
        requested.dossierID = id
        requested.at = LocalInstant.protobuf(at)
        requested.reason = "bổ sung giấy tờ"
        requested.kind = .supplement
        return try record(.dossierSupplementRequested(requested), at: at)
    }

    /// The clock restarts: the supplement arrived, with a new due date when `newDue` is given.
    @discardableResult
    func resume(_ id: String, at: String, newDue: String? = nil) throws -> UInt64 {
        var received = DossierSupplementReceived()
        received.dossierID = id
        received.at = LocalInstant.protobuf(at)
        if let newDue { received.newDueAt = LocalInstant.protobuf(newDue, defaultHour: 17) }
        return try record(.dossierSupplementReceived(received), at: at)
    }

    /// The due date moves to `newDue`, decided at local time `at` (phiếu xin lỗi và hẹn lại).
    @discardableResult
    func moveDue(_ id: String, to newDue: String, at: String) throws -> UInt64 {
        var changed = DossierDueDateChanged()
        changed.dossierID = id
        changed.newDueAt = LocalInstant.protobuf(newDue, defaultHour: 17)
        changed.reason = "phiếu xin lỗi và hẹn lại"
        return try record(.dossierDueDateChanged(changed), at: at)
    }

    // MARK: Plan tasks

    func assignTask(_ id: String, deadline: String) throws {
        var task = PlanTaskAssigned()
        task.taskID = id
        task.title = "Nhiệm vụ \(id)"
        task.leadUnit = Self.department
        task.deadline = deadline
        try record(.planTaskAssigned(task), at: "2025-04-01", actor: Self.province)
    }

    func completeTask(_ id: String, on day: String) throws {
        var completed = PlanTaskCompleted()
        completed.taskID = id
        completed.completedAt = day
        completed.evidence = "Báo cáo số 1/BC-STC"
        try record(.planTaskCompleted(completed), at: day, actor: Self.department)
    }

    // MARK: Reports

    /// The quarterly report over the live state, or as the ledger stood after `asOf`.
    func quarterly(_ year: Int, _ quarter: Int, asOf: UInt64? = nil) throws -> QuarterlyReport {
        let period = ReportPeriod.quarter(year: year, quarter: quarter)!
        if let asOf {
            let (state, position) = try domain.state(asOf: asOf)
            return try QuarterlyReport.compute(state: state, position: position, period: period)
        }
        return try domain.withState { state, position in
            try QuarterlyReport.compute(state: state, position: position, period: period)
        }
    }

    /// The monthly report over the live state, or as the ledger stood after `asOf`.
    func monthly(_ year: Int, _ month: Int, asOf: UInt64? = nil) throws -> MonthlyReport {
        let period = ReportPeriod.month(year: year, month: month)!
        if let asOf {
            let (state, position) = try domain.state(asOf: asOf)
            return try MonthlyReport.compute(state: state, position: position, period: period)
        }
        return try domain.withState { state, position in
            try MonthlyReport.compute(state: state, position: position, period: period)
        }
    }
}

/// Runs `body` with a freshly seeded ledger in its own temporary directory, removed afterwards.
///
/// - Parameters:
///   - districtMergesOn: the day the district merges into the commune (`nil`: never).
///   - procedure: whether to publish the standard procedure.
func withCountingLedger(
    districtMergesOn: String? = "2025-07-01", procedure: Bool = true, _ body: (CountingLedger) throws -> Void
) throws {
    var template = Array((FileManager.default.temporaryDirectory.path + "/tthc-counting-XXXXXX").utf8CString)
    let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    defer { try? FileManager.default.removeItem(atPath: path) }
    let ledger = try CountingLedger(directory: path)
    try ledger.seed(districtMergesOn: districtMergesOn, procedure: procedure)
    try body(ledger)
}
