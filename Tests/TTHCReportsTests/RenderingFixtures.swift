import Ledger
import TTHCDomain

@testable import TTHCReports

/// Reports built by hand for the rendering tests: small, with every figure known, and with the
/// awkward cases in them — a unit name holding a comma, quotes, `&` and `<`, a unit without
/// resolved dossiers (its on-time rate is "—"), all three levels, and one plan task per status.
enum RenderingFixtures {
    static let position = LedgerPosition(seq: 4711, hash: (0..<32).map { UInt8(($0 * 37 + 11) % 256) })
    static let hashHex = "0b30557a9fc4e90e33587da2c7ec11365b80a5caef14395e83a8cdf2173c6186"

    static func counts(
        online: Int, directOrPostal: Int, carriedOver: Int, early: Int, onTime: Int, late: Int, withinDeadline: Int,
        overdue: Int
    ) -> DossierCounts {
        var counts = DossierCounts()
        counts.online = online
        counts.directOrPostal = directOrPostal
        counts.carriedOver = carriedOver
        counts.early = early
        counts.onTime = onTime
        counts.late = late
        counts.withinDeadline = withinDeadline
        counts.overdue = overdue
        return counts
    }

    /// A name that needs quoting in CSV and escaping in HTML and Markdown.
    static let awkwardName = "Sở Kế hoạch, Đầu tư & \"Phát triển\" <thử>"

    static let quarterly: QuarterlyReport = {
        let rows = [
            QuarterlyReport.Row(
                unit: "000.00.31.H23", name: "Sở Tư pháp", level: .province,
                counts: counts(
                    online: 12, directOrPostal: 8, carriedOver: 5, early: 10, onTime: 6, late: 2, withinDeadline: 5,
                    overdue: 2)),
            QuarterlyReport.Row(
                unit: "000.00.32.H23", name: awkwardName, level: .province,
                counts: counts(
                    online: 30, directOrPostal: 10, carriedOver: 0, early: 20, onTime: 15, late: 3, withinDeadline: 2,
                    overdue: 0)),
            QuarterlyReport.Row(
                unit: "000.15.31.H23", name: "UBND huyện Châu Thành", level: .district,
                counts: counts(
                    online: 0, directOrPostal: 6, carriedOver: 2, early: 1, onTime: 3, late: 1, withinDeadline: 2,
                    overdue: 1)),
            QuarterlyReport.Row(
                unit: "000.15.31.H23.07", name: "UBND xã Tân Phú", level: .commune,
                counts: counts(
                    online: 4, directOrPostal: 3, carriedOver: 0, early: 0, onTime: 0, late: 0, withinDeadline: 7,
                    overdue: 0)),
        ]
        return QuarterlyReport(
            period: .quarter(year: 2025, quarter: 2)!, position: position, rows: rows,
            totals: rows.reduce(DossierCounts()) { $0 + $1.counts })
    }()

    static func figures(
        received: Int, online: Int, business: Int, businessOnline: Int, locationIndependent: Int, resolved: Int,
        early: Int, onTime: Int, late: Int, pendingOverdue: Int, digitized: Int, documentsRequired: Int,
        documentsReused: Int, dueDateLongerThanProcedure: Int
    ) -> MonthlyDossierFigures {
        var figures = MonthlyDossierFigures()
        figures.received = received
        figures.online = online
        figures.business = business
        figures.businessOnline = businessOnline
        figures.locationIndependent = locationIndependent
        figures.resolved = resolved
        figures.early = early
        figures.onTime = onTime
        figures.late = late
        figures.pendingOverdue = pendingOverdue
        figures.digitized = digitized
        figures.documentsRequired = documentsRequired
        figures.documentsReused = documentsReused
        figures.dueDateLongerThanProcedure = dueDateLongerThanProcedure
        return figures
    }

    static func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    static let monthly: MonthlyReport = {
        var procedures = ProcedureFigures()
        procedures.inForce = 120
        procedures.businessRelated = 60
        procedures.withBaseline = 50
        procedures.timeCut = 40
        procedures.timeReductionPct = 32.456
        procedures.costReductionPct = 27.5
        procedures.meetingTimeTarget = 28
        procedures.onlineFull = 70
        procedures.onlinePartial = 30
        procedures.locationIndependent = 45
        let units = [
            MonthlyReport.UnitRow(
                unit: "000.00.31.H23", name: "Sở Tư pháp", level: .province,
                figures: figures(
                    received: 40, online: 30, business: 10, businessOnline: 9, locationIndependent: 4, resolved: 36,
                    early: 20, onTime: 14, late: 2, pendingOverdue: 1, digitized: 35, documentsRequired: 120,
                    documentsReused: 30, dueDateLongerThanProcedure: 2)),
            MonthlyReport.UnitRow(
                unit: "000.00.32.H23", name: awkwardName, level: .province,
                figures: figures(
                    received: 25, online: 5, business: 20, businessOnline: 4, locationIndependent: 0, resolved: 0,
                    early: 0, onTime: 0, late: 0, pendingOverdue: 0, digitized: 10, documentsRequired: 0,
                    documentsReused: 0, dueDateLongerThanProcedure: 0)),
            MonthlyReport.UnitRow(
                unit: "000.15.31.H23.07", name: "UBND xã Tân Phú", level: .commune,
                figures: figures(
                    received: 15, online: 6, business: 0, businessOnline: 0, locationIndependent: 3, resolved: 12,
                    early: 2, onTime: 7, late: 3, pendingOverdue: 2, digitized: 12, documentsRequired: 30,
                    documentsReused: 10, dueDateLongerThanProcedure: 1)),
        ]
        let actuals: [String: Double?] = [
            "2025-time-cut": 32.456, "2025-cost-cut": 27.5, "2025-business-online": 83.33333,
            "2025-location-independent": nil,
        ]
        let targets = ReformTarget.resolution66.filter { $0.year == 2025 }.map { target in
            MonthlyReport.TargetResult(target: target, actual: actuals[target.id] ?? nil)
        }
        let planTasks = [
            MonthlyReport.PlanTaskResult(
                id: "I.1", title: "Rà soát, cắt giảm thời gian giải quyết TTHC", deadline: date("2025-03-31"),
                completed: date("2025-03-28"), status: .doneOnTime),
            MonthlyReport.PlanTaskResult(
                id: "II.1", title: "Công bố danh mục TTHC không phụ thuộc địa giới hành chính",
                deadline: date("2025-04-30"), completed: date("2025-05-06"), status: .doneLate),
            MonthlyReport.PlanTaskResult(
                id: "II.2", title: "Số hóa hồ sơ, kết quả giải quyết TTHC", deadline: date("2025-06-30"),
                completed: nil, status: .open),
            MonthlyReport.PlanTaskResult(
                id: "III.1", title: "Tái cấu trúc quy trình <điện tử> & kết nối", deadline: date("2025-05-10"),
                completed: nil, status: .overdue),
        ]
        return MonthlyReport(
            period: .month(year: 2025, month: 5)!, position: position, procedures: procedures,
            dossiers: units.reduce(MonthlyDossierFigures()) { $0 + $1.figures }, targets: targets,
            planTasks: planTasks, units: units)
    }()

    /// The records of a CSV file as RFC 4180 reads them, after the byte-order mark.
    static func parseCSV(_ bytes: [UInt8]) -> [[String]] {
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        scalars.removeFirst()
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",":
                record.append(field)
                field = ""
            case "\r":
                if scalars.first == "\n" { scalars.removeFirst() }
                record.append(field)
                records.append(record == [""] ? [] : record)
                record = []
                field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        return records
    }
}
