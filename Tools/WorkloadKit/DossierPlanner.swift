import TTHCDomain

/// Draws dossiers the way a province's one-stop desks receive them, and plans each one's life.
///
/// The mix follows the fixtures' (Fixtures/README.md): about half online, a few percent postal,
/// receipts at another desk, 2 % not accepted, 2.5 % withdrawn, about one dossier in fourteen
/// paused for a supplement, early/on-time/late about 40/50/10, a few percent of desks still counting
/// the days from before a time cut, attestations done on the spot without a due date. Procedures
/// are drawn by popularity, so a few of them get most of the dossiers, as in life.
struct DossierPlanner {
    let province: Province
    private var random: SplitMix64
    /// Per level, the running total of the procedures' popularity, in ``Province/proceduresByLevel`` order.
    private var popularity: [[Double]] = []
    /// The running number of each desk (unit index) and year since 2024 (MaHoSo's last part).
    private var running: [Int]
    private var stampDay = LocalDate(dayNumber: 0)
    private var stamp = ""

    init(province: Province, seed: UInt64) {
        self.province = province
        random = SplitMix64(seed: seed ^ 0x444F_5353_4945_5253)
        running = Array(repeating: 0, count: province.units.count * 4)
        for level in province.proceduresByLevel {
            var weights = (0..<level.count).map { 1 / Double($0 + 2) }
            for index in weights.indices.reversed() {
                weights.swapAt(index, random.below(index + 1))
            }
            var total = 0.0
            popularity.append(
                weights.map { weight in
                    total += weight
                    return total
                })
        }
    }

    /// Plans one dossier received on `day`.
    mutating func plan(on day: LocalDate) -> DossierPlan {
        let calendar = province.calendar
        let isWorkingDay = calendar.isWorkingDay(day)
        let levelDraw = random.fraction()
        let level = levelDraw < 0.3 ? 0 : levelDraw < 0.5 ? 1 : 2
        var procedure = pickProcedure(level: level)
        for _ in 0..<20 {
            let usable = !procedure.isAbolished(on: day) && (isWorkingDay || procedure.onlineLevel(on: day) != .none)
            if usable { break }
            procedure = pickProcedure(level: level)
        }
        let competentUnits = procedure.competentUnits(on: day)
        let competent = random.pick(competentUnits)
        var desk = competent
        if level == 0 && random.chance(0.2) {
            desk = province.index(of: Province.serviceCentreCode)
        } else if level > 0 && procedure.locationIndependent && competentUnits.count > 1 && random.chance(0.06) {
            desk = random.pick(competentUnits)
        }

        let onlineLevel = procedure.onlineLevel(on: day)
        let channel: Channel
        switch onlineLevel {
        case _ where !isWorkingDay: channel = onlineLevel == .none ? .postal : .online
        case .full: channel = random.chance(0.65) ? .online : random.chance(0.1) ? .postal : .direct
        case .partial: channel = random.chance(0.4) ? .online : random.chance(0.08) ? .postal : .direct
        default: channel = random.chance(0.06) ? .postal : .direct
        }
        let minute: Int
        if channel == .online && (!isWorkingDay || random.chance(0.2)) {
            minute = random.below(1_440)
        } else if channel == .online {
            minute = random.int(in: 420...1_319)
        } else {
            minute = random.int(in: 450...1_019)
        }
        let receivedAt = instant(day, minute: minute) + Int64(random.below(60)) * 1_000_000

        let applicantDraw = random.fraction()
        let applicant: ApplicantKind =
            procedure.businessRelated
            ? (applicantDraw < 0.7 ? .business : applicantDraw < 0.95 ? .citizen : .agency)
            : (applicantDraw < 0.85
                ? .citizen : applicantDraw < 0.93 ? .business : applicantDraw < 0.97 ? .agency : .other)
        let required = UInt32(random.int(in: 1...4) + random.below(9) / 2)
        let reused = random.chance(0.35) ? 0 : UInt32(random.int(in: 0...Int(required)))

        let processingDays = Int(procedure.processingDays(on: day))
        var deskDays = processingDays
        if processingDays > 0 && random.chance(0.035), let before = procedure.daysBeforeLatestCut(on: day) {
            deskDays = Int(before)
        }
        let dueMinute = isWorkingDay && (420..<1_020).contains(minute) ? minute : 1_020
        let givenDue: Int64? =
            processingDays == 0 || random.chance(0.005)
            ? nil : instant(calendar.addingWorkingDays(deskDays, to: day), minute: dueMinute)

        let plan = DossierPlan(
            id: dossierId(desk: desk, day: day), procedureCode: procedure.code,
            competentUnit: province.unit(competent).code,
            receivingUnit: province.unit(desk).code, channel: channel, applicantKind: applicant, receivedAt: receivedAt,
            dueAt: givenDue, digitized: random.chance(0.85),
            onlinePayment: channel == .online ? random.chance(0.45) : random.chance(0.05), documentsRequired: required,
            documentsReused: reused)

        if random.chance(0.02) {
            plan.steps.append((receivedAt + Int64(random.int(in: 1...30)) * 60_000_000, .notAccepted))
            return plan
        }
        plan.steps.append((receivedAt, .received))
        var last = receivedAt
        if reused < required && random.chance(0.003) {
            last = later(than: last, last + 2 * 3_600_000_000)
            plan.steps.append((last, .reuseCorrected(from: reused, to: reused + 1)))
        }

        // Pauses for a supplement, fees or a halt; one in a hundred is still awaited.
        var pauses = [DueDateRule.Pause]()
        var dueInForce = givenDue
        let pauseDraw = random.fraction()
        let pauseCount = processingDays < 2 ? 0 : pauseDraw < 0.015 ? 2 : pauseDraw < 0.085 ? 1 : 0
        for _ in 0..<pauseCount {
            let requestDay = calendar.addingWorkingDays(
                random.int(in: 1...max(1, processingDays / 2)), to: localDay(last))
            let kindDraw = random.fraction()
            let kind: PauseKind = kindDraw < 0.85 ? .supplement : kindDraw < 0.95 ? .fees : .halted
            last = later(than: last, instant(requestDay, minute: random.int(in: 480...989)))
            plan.steps.append((last, .supplementRequested(kind)))
            if random.chance(0.01) { return plan }
            let requested = localDay(last)
            let backDay = calendar.addingWorkingDays(random.int(in: 1...8), to: requested)
            last = later(than: last, instant(backDay, minute: random.int(in: 480...989)))
            pauses.append((from: requested, to: localDay(last)))
            var newDue: Int64?
            if givenDue != nil && random.chance(0.8),
                let day = DueDateRule.dueDate(
                    receivedOn: day, processingDays: deskDays, pauses: pauses, calendar: calendar)
            {
                newDue = instant(day, minute: dueMinute)
                dueInForce = newDue
            }
            plan.steps.append((last, .supplementReceived(newDueAt: newDue)))
        }
        let ledgerDue =
            DueDateRule.dueDate(receivedOn: day, processingDays: processingDays, pauses: pauses, calendar: calendar)
            ?? day
        let target = dueInForce.map(localDay) ?? ledgerDue

        if random.chance(0.025) {
            let span = calendar.workingDays(from: localDay(last).adding(days: 1), through: target)
            let withdrawDay = calendar.addingWorkingDays(random.int(in: 0...max(0, span)), to: localDay(last))
            plan.steps.append(
                (later(than: last, instant(withdrawDay, minute: random.int(in: 450...1_019))), .withdrawn))
            return plan
        }

        let resolveDay: LocalDate
        let outcomeDraw = random.fraction()
        if processingDays == 0 {
            resolveDay = random.chance(0.7) ? localDay(last) : calendar.nextWorkingDay(after: localDay(last))
        } else if outcomeDraw < 0.4 {
            resolveDay = workingDay(random.int(in: 1...3), before: target, notBefore: localDay(last))
        } else if outcomeDraw < 0.9 {
            resolveDay = target
        } else {
            resolveDay = calendar.addingWorkingDays(random.int(in: 1...8), to: target)
            if dueInForce != nil && random.chance(0.4) {
                let letterDay = workingDay(1, before: target, notBefore: localDay(last))
                last = later(than: last, instant(letterDay, minute: random.int(in: 480...1_019)))
                let newDue = instant(calendar.addingWorkingDays(random.int(in: 0...2), to: resolveDay), minute: 1_020)
                plan.steps.append((last, .dueDateChanged(newDueAt: newDue)))
            }
        }
        last = later(than: last, instant(resolveDay, minute: random.int(in: 450...1_049)))
        let electronic = channel == .online ? random.chance(0.75) : random.chance(0.2)
        plan.steps.append(
            (
                last,
                .resolved(
                    random.chance(0.96) ? .approved : .refused, electronic: electronic,
                    signed: electronic && random.chance(0.9))
            ))
        if random.chance(0.95) {
            let returnDay =
                electronic ? localDay(last) : calendar.addingWorkingDays(random.int(in: 0...3), to: localDay(last))
            last = later(than: last, instant(returnDay, minute: random.int(in: 450...1_049)))
            plan.steps.append((last, .returned))
        }
        return plan
    }

    private mutating func pickProcedure(level: Int) -> ProvinceProcedure {
        let totals = popularity[level]
        let target = random.fraction() * totals[totals.count - 1]
        var low = 0
        var high = totals.count - 1
        while low < high {
            let middle = (low + high) / 2
            if totals[middle] <= target { low = middle + 1 } else { high = middle }
        }
        return province.procedures[province.proceduresByLevel[level][low]]
    }

    /// MaHoSo: `<receiving desk>-<yyMMdd>-<running number of the desk in the year>`.
    private mutating func dossierId(desk: Int, day: LocalDate) -> String {
        if day != stampDay {
            let (year, month, dayOfMonth) = day.components
            stampDay = day
            stamp = twoDigits(year % 100) + twoDigits(month) + twoDigits(dayOfMonth)
        }
        let slot = desk * 4 + min(3, max(0, day.year - 2024))
        running[slot] += 1
        let number = running[slot]
        let digits = String(number)
        let padded = digits.count >= 5 ? digits : String(repeating: "0", count: 5 - digits.count) + digits
        return province.unit(desk).code + "-" + stamp + "-" + padded
    }

    /// The `count`-th working day before `day`, but not before `floor`.
    private func workingDay(_ count: Int, before day: LocalDate, notBefore floor: LocalDate) -> LocalDate {
        var current = day
        var remaining = count
        while remaining > 0 && current > floor {
            current = current.adding(days: -1)
            if province.calendar.isWorkingDay(current) { remaining -= 1 }
        }
        return max(current, floor)
    }

    /// `candidate`, or a few minutes after `instant` when the candidate is not later than it:
    /// the events of one dossier are strictly ordered in time.
    private mutating func later(than instant: Int64, _ candidate: Int64) -> Int64 {
        candidate > instant ? candidate : instant + Int64(random.int(in: 300...5_400)) * 1_000_000
    }

    private func instant(_ day: LocalDate, minute: Int) -> Int64 {
        VietnamTime.utcMicroseconds(startOf: day) + Int64(minute) * 60_000_000
    }
}

func localDay(_ microseconds: Int64) -> LocalDate {
    VietnamTime.localDate(utcMicroseconds: microseconds)
}

func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
}
