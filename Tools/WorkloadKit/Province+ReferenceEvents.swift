import Ledger
import TTHCDomain

extension Province {
    /// The unit that records the reference facts: the provincial People's Committee office.
    static let recorder = "000.00.10.H23"

    /// Every reference fact as events, in an order the domain rules accept: units, then mergers,
    /// the calendar, procedures as published, their changes by effective day, and the plan tasks.
    ///
    /// Event ids are `ref/<stream>/<n>`, so loading the same province twice appends nothing.
    func referenceEntries() -> [DomainLedger.Entry] {
        var entries = [DomainLedger.Entry]()
        var countsByStream = [String: Int]()
        func add(_ event: DomainEvent, on day: LocalDate, hour: Int = 8) {
            let stream = event.streamName
            let count = countsByStream[stream, default: 0] + 1
            countsByStream[stream] = count
            let instant = VietnamTime.utcMicroseconds(startOf: day) + Int64(hour) * 3_600_000_000
            entries.append(
                DomainLedger.Entry(
                    event, occurredAt: Timestamp(microsecondsSinceEpoch: instant), actor: Self.recorder,
                    eventId: "ref/\(stream)/\(count)"))
        }

        for unit in units {
            add(
                .unitRegistered(
                    .with {
                        $0.code = unit.code
                        $0.name = unit.name
                        $0.level = unit.level
                        $0.parent = unit.parent
                        $0.effectiveFrom = unit.effectiveFrom.description
                    }), on: unit.effectiveFrom)
        }
        for unit in units {
            guard let successor = unit.successor, let day = unit.mergedFrom else { continue }
            add(
                .unitMerged(
                    .with {
                        $0.code = unit.code
                        $0.successorCode = units[successor].code
                        $0.effectiveFrom = day.description
                    }), on: day)
        }

        for declaration in Self.calendarDeclarations {
            let day = LocalDate(iso: declaration.date)!
            let declaredOn = LocalDate(year: day.year - 1, month: 12, day: 15)!
            if declaration.workday {
                add(
                    .workdayDeclared(
                        .with {
                            $0.date = declaration.date; $0.name = declaration.name
                        }), on: declaredOn)
            } else {
                add(
                    .holidayDeclared(
                        .with {
                            $0.date = declaration.date; $0.name = declaration.name
                        }), on: declaredOn)
            }
        }

        let published = LocalDate(year: 2024, month: 1, day: 1)!
        for procedure in procedures {
            add(
                .procedurePublished(
                    .with {
                        $0.code = procedure.code
                        $0.name = procedure.name
                        $0.field = procedure.field
                        $0.level = procedure.level
                        $0.competentUnits = procedure.units.map { units[$0].code }
                        $0.processingDays = procedure.baselineDays
                        $0.baselineDays2024 = procedure.baselineDays
                        $0.complianceCostVnd = procedure.baselineCost
                        $0.baselineCostVnd2024 = procedure.baselineCost
                        $0.businessRelated = procedure.businessRelated
                        $0.onlineLevel = procedure.onlineLevel
                        $0.locationIndependent = procedure.locationIndependent
                        $0.internal = procedure.isInternal
                        $0.decision = procedure.decision
                        $0.effectiveFrom = published.description
                    }), on: published)
        }
        let changes = procedures.flatMap { procedure in procedure.changes.map { (procedure, $0) } }
            .enumerated()
            .sorted { ($0.element.1.day, $0.offset) < ($1.element.1.day, $1.offset) }
            .map(\.element)
        for (procedure, change) in changes {
            add(changeEvent(procedure, change), on: change.day)
        }

        let assigned = LocalDate(year: 2025, month: 4, day: 4)!
        for task in Self.planTasks {
            add(
                .planTaskAssigned(
                    .with {
                        $0.taskID = task.id
                        $0.title = task.title
                        $0.leadUnit = Self.recorder
                        $0.deadline = task.deadline
                    }), on: assigned)
        }
        for task in Self.planTasks {
            guard let completed = task.completed else { continue }
            add(
                .planTaskCompleted(
                    .with {
                        $0.taskID = task.id
                        $0.completedAt = completed
                        $0.evidence = "Báo cáo số \(task.id)/BC-UBND"
                    }), on: LocalDate(iso: completed)!, hour: 16)
        }
        return entries
    }

    private func changeEvent(_ procedure: ProvinceProcedure, _ change: ProvinceProcedure.Change) -> DomainEvent {
        let effective = change.day.description
        switch change.kind {
        case .timeCut(let days):
            return .procedureTimeCut(
                .with {
                    $0.code = procedure.code
                    $0.processingDays = days
                    $0.decision = change.decision
                    $0.effectiveFrom = effective
                })
        case .costCut(let cost):
            return .procedureCostCut(
                .with {
                    $0.code = procedure.code
                    $0.complianceCostVnd = cost
                    $0.decision = change.decision
                    $0.effectiveFrom = effective
                })
        case .onlineLevel(let level):
            return .procedureOnlineLevelChanged(
                .with {
                    $0.code = procedure.code
                    $0.onlineLevel = level
                    $0.decision = change.decision
                    $0.effectiveFrom = effective
                })
        case .scope(let competent):
            return .procedureScopeChanged(
                .with {
                    $0.code = procedure.code
                    $0.businessRelated = procedure.businessRelated
                    $0.locationIndependent = procedure.locationIndependent
                    $0.competentUnits = competent.map { units[$0].code }
                    $0.decision = change.decision
                    $0.effectiveFrom = effective
                })
        case .abolished:
            return .procedureAbolished(
                .with {
                    $0.code = procedure.code
                    $0.decision = change.decision
                    $0.effectiveFrom = effective
                })
        }
    }
}
