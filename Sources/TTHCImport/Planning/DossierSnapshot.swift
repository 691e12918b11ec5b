import TTHCDomain

/// One dossier row read and checked: the portal's view of a dossier at the export.
///
/// Reading checks everything the row says on its own and against the known units and
/// procedures; comparing with the ledger is ``DossierPlanner``'s part.
struct DossierSnapshot {
    /// A stop of the clock the row shows (`NgayBoSung` … `NgayTiepNhanBoSung`).
    struct Pause {
        var start: PortalInstant
        var end: PortalInstant?
        /// The due date before the pause (`NgayHenTraTruoc`, JSON lines only).
        var dueBefore: PortalInstant?
        /// The due date after it (`NgayHenTraMoi`, JSON lines only).
        var dueAfter: PortalInstant?
        var reason: String
        /// How messages name its columns: `` for the CSV columns, `DanhSachHoSoBoSung[1].` for a
        /// JSON list entry.
        var fieldPrefix: String
    }

    var id: String
    /// `TrangThaiHoSo`, 1–10.
    var status: Int
    var procedureCode = ""
    var competentUnit = ""
    var receivingUnit = ""
    var channel = Channel.unspecified
    var applicantKind = ApplicantKind.unspecified
    var receivedAt: PortalInstant?
    var dueAt: PortalInstant?
    /// `NgayKetThucXuLy` as written (absent for status 10 means "same as NgayTra").
    var endAt: PortalInstant?
    var returnedAt: PortalInstant?
    var digitized = false
    var onlinePayment = false
    var documentsRequired: UInt32 = 0
    var documentsReused: UInt32 = 0
    /// Every pause the row shows, oldest first; only the last may be open.
    var pauses: [Pause] = []

    static let statusNames = [
        1: "registered", 2: "accepted", 3: "not accepted", 4: "in progress", 5: "supplement requested",
        6: "awaiting fees", 7: "withdrawn", 8: "halted", 9: "resolved", 10: "result returned",
    ]

    static let channels: [String: Channel] = ["1": .direct, "2": .online, "3": .postal]
    static let applicantKinds: [String: ApplicantKind] = ["1": .citizen, "2": .business, "3": .agency, "4": .other]
    static let pauseList = "DanhSachHoSoBoSung"

    /// The pause kind a status names for the open pause: 5 supplement, 6 fees, 8 halted.
    var openPauseKind: PauseKind {
        switch status {
        case 6: .fees
        case 8: .halted
        default: .supplement
        }
    }

    /// When the dossier ended, as the ledger records it: `NgayKetThucXuLy`, else for status 10
    /// `NgayTra`.
    var resolvedAt: PortalInstant? { endAt ?? (status == 10 ? returnedAt : nil) }

    /// Every instant the row gives; the latest stands for "when the export saw it".
    var latestInstant: Int64 {
        var latest = receivedAt?.micros ?? 0
        for instant in [dueAt, endAt, returnedAt] { if let instant { latest = max(latest, instant.micros) } }
        for pause in pauses {
            latest = max(latest, pause.start.micros)
            if let end = pause.end { latest = max(latest, end.micros) }
        }
        return latest
    }

    /// Reads and checks a row; `nil` with the reasons in `reader` when it is bad.
    static func read(_ reader: inout FieldReader, references: ReferenceData) -> DossierSnapshot? {
        let id = reader.code("MaHoSo", maximumLength: 200)
        let statusText = reader.required("TrangThaiHoSo")
        var status: Int?
        if let statusText {
            if let value = Int(statusText), statusNames[value] != nil {
                status = value
            } else {
                reader.fail("TrangThaiHoSo", "unknown status \(statusText) (expected 1 to 10)")
            }
        }
        guard let id, let status else { return nil }
        var snapshot = DossierSnapshot(id: id, status: status)
        // Status 1: registered, not yet a dossier under processing; nothing else is read.
        if status == 1 { return reader.isValid ? snapshot : nil }

        let competent = reader.code("DonViXuLy")
        let desk = reader.code("DonViTiepNhan", required: false)
        for (column, unit) in [("DonViXuLy", competent), ("DonViTiepNhan", desk)] {
            if let unit, references.units[unit] == nil { reader.fail(column, "unknown unit \(unit)") }
        }
        snapshot.competentUnit = competent ?? ""
        snapshot.receivingUnit = desk ?? competent ?? ""

        if status == 3 {
            let received = reader.instant("NgayTiepNhan")
            let refused = reader.instant("NgayKetThucXuLy")
            snapshot.receivedAt = received
            snapshot.endAt = refused ?? received
            if reader.text("NgayKetThucXuLy") == nil && reader.text("NgayTiepNhan") == nil {
                reader.fail("NgayKetThucXuLy", "is required for status 3 (not accepted), or else NgayTiepNhan")
            }
            return reader.isValid ? snapshot : nil
        }

        let procedure = reader.code("MaTTHC")
        if let procedure, references.procedures[procedure] == nil {
            reader.fail("MaTTHC", "unknown procedure \(procedure)")
        }
        snapshot.procedureCode = procedure ?? ""
        snapshot.channel =
            reader.choice("KenhThucHien", channels, expected: "1 (direct), 2 (online) or 3 (postal)") ?? .unspecified
        snapshot.applicantKind =
            reader.choice(
                "LoaiDoiTuong", applicantKinds, expected: "1 (citizen), 2 (business), 3 (agency) or 4 (other)")
            ?? .unspecified
        let received = reader.instant("NgayTiepNhan", required: true)
        snapshot.receivedAt = received
        snapshot.dueAt = reader.instant("NgayHenTra")
        snapshot.endAt = reader.instant("NgayKetThucXuLy")
        snapshot.returnedAt = reader.instant("NgayTra")
        snapshot.digitized = reader.flag("HoSoCoThanhPhanSoHoa")
        snapshot.onlinePayment = reader.flag("DuocThanhToanTrucTuyen")
        snapshot.documentsRequired = reader.number("SoGiayToYeuCau", as: UInt32.self, maximum: 10_000) ?? 0
        snapshot.documentsReused = reader.number("SoGiayToTaiSuDung", as: UInt32.self, maximum: 10_000) ?? 0
        if snapshot.documentsReused > snapshot.documentsRequired {
            reader.fail(
                "SoGiayToTaiSuDung",
                "\(snapshot.documentsReused) is more than SoGiayToYeuCau (\(snapshot.documentsRequired))")
        }

        let name = statusNames[status] ?? ""
        if (status == 7 || status == 9) && reader.text("NgayKetThucXuLy") == nil {
            reader.fail("NgayKetThucXuLy", "is required for status \(status) (\(name))")
        }
        if status == 10 && reader.text("NgayTra") == nil {
            reader.fail("NgayTra", "is required for status 10 (\(name))")
        }
        if let received {
            for (column, instant) in [("NgayHenTra", snapshot.dueAt), ("NgayKetThucXuLy", snapshot.endAt)] {
                if let instant, instant.micros < received.micros {
                    reader.fail(column, "\(instant.text) is before NgayTiepNhan \(received.text)")
                }
            }
            if let returned = snapshot.returnedAt {
                if let end = snapshot.endAt, returned.micros < end.micros {
                    reader.fail("NgayTra", "\(returned.text) is before NgayKetThucXuLy \(end.text)")
                } else if returned.micros < received.micros {
                    reader.fail("NgayTra", "\(returned.text) is before NgayTiepNhan \(received.text)")
                }
            }
        }
        snapshot.pauses = readPauses(&reader, received: received)
        if [5, 6, 8].contains(status) {
            if let last = snapshot.pauses.last {
                if let end = last.end {
                    reader.fail(
                        last.fieldPrefix + "NgayTiepNhanBoSung",
                        "must be empty for status \(status) (\(name)): the clock is stopped, yet it restarted on "
                            + end.text)
                }
            } else if reader.text("NgayBoSung") == nil {
                reader.fail("NgayBoSung", "is required for status \(status) (\(name))")
            }
        }
        if status == 9 || status == 10, let open = snapshot.pauses.last, open.end == nil {
            reader.fail(
                open.fieldPrefix + "NgayTiepNhanBoSung",
                "is required for status \(status) (\(name)): the clock stopped on \(open.start.text) must have "
                    + "restarted before the end")
        }
        return reader.isValid ? snapshot : nil
    }

    /// The pauses of `DanhSachHoSoBoSung` (JSON lines) and of `NgayBoSung`/`NgayTiepNhanBoSung`
    /// (the latest pause), merged and checked for order.
    private static func readPauses(_ reader: inout FieldReader, received: PortalInstant?) -> [Pause] {
        var pauses: [Pause] = []
        var problems: [RowProblem] = []
        func read(_ fields: [String: String], prefix: String) {
            let startText = fields["NgayBoSung"]
            let endText = fields["NgayTiepNhanBoSung"]
            func instant(_ column: String) -> PortalInstant? {
                guard let text = fields[column] else { return nil }
                return FieldReader.instant(text, column: prefix + column, problems: &problems)
            }
            let start = instant("NgayBoSung")
            let end = instant("NgayTiepNhanBoSung")
            let dueBefore = instant("NgayHenTraTruoc")
            let dueAfter = instant("NgayHenTraMoi")
            guard startText != nil else {
                if endText != nil || !prefix.isEmpty {
                    problems.append(
                        RowProblem(prefix + "NgayBoSung", "is required when a pause is given (NgayTiepNhanBoSung)"))
                }
                return
            }
            guard let start else { return }
            if let received, start.micros < received.micros {
                problems.append(
                    RowProblem(prefix + "NgayBoSung", "\(start.text) is before NgayTiepNhan \(received.text)"))
            }
            if let end, end.micros < start.micros {
                problems.append(
                    RowProblem(prefix + "NgayTiepNhanBoSung", "\(end.text) is before NgayBoSung \(start.text)"))
            }
            for (column, due) in [("NgayHenTraTruoc", dueBefore), ("NgayHenTraMoi", dueAfter)] {
                if let due, let received, due.micros < received.micros {
                    problems.append(
                        RowProblem(prefix + column, "\(due.text) is before NgayTiepNhan \(received.text)"))
                }
            }
            if startText != nil && endText != nil && end == nil { return }
            pauses.append(
                Pause(
                    start: start, end: end, dueBefore: dueBefore, dueAfter: dueAfter,
                    reason: fields["NoiDungBoSung"] ?? "", fieldPrefix: prefix))
        }

        if let list = reader.row.lists[pauseList] {
            for (index, entry) in list.enumerated() { read(entry, prefix: "\(pauseList)[\(index)].") }
        } else if let kind = reader.row.malformed[pauseList] {
            reader.fail(pauseList, "is \(kind), not a list of pause objects")
        } else if reader.row.fields[pauseList] != nil {
            reader.fail(pauseList, "is not a list of pause objects")
        }
        var latest: [String: String] = [:]
        for column in ["NgayBoSung", "NgayTiepNhanBoSung"] {
            if let text = reader.text(column) { latest[column] = text }
        }
        if !latest.isEmpty {
            let listed = pauses.contains { $0.start.text == latest["NgayBoSung"] }
            if listed {
                if let last = pauses.last, last.start.text == latest["NgayBoSung"],
                    last.end?.text != latest["NgayTiepNhanBoSung"]
                {
                    problems.append(
                        RowProblem(
                            "NgayTiepNhanBoSung",
                            "differs from the latest entry of \(pauseList) (\(last.end?.text ?? "empty"))"))
                }
            } else {
                read(latest, prefix: "")
            }
        }
        for problem in problems { reader.fail(problem.field, problem.reason) }
        pauses.sort { $0.start.micros < $1.start.micros }
        for (previous, next) in zip(pauses, pauses.dropFirst()) {
            guard let end = previous.end else {
                reader.fail(
                    next.fieldPrefix + "NgayBoSung",
                    "the pause from \(previous.start.text) is still open, so no later pause can start")
                break
            }
            if next.start.micros < end.micros {
                reader.fail(
                    next.fieldPrefix + "NgayBoSung",
                    "\(next.start.text) is before the previous pause ended (\(end.text))")
            }
        }
        return pauses
    }
}
