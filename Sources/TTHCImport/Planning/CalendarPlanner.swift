import TTHCDomain

/// Calendar files: `date (yyyy-MM-dd), kind (holiday|workday), name`.
///
/// A day already declared the same way adds nothing; a day declared the other way before is
/// declared anew (the latest declaration wins, and the earlier one stays in the log).
struct CalendarPlanner: RowPlanner {
    var references: ReferenceData
    let actor: String

    mutating func plan(_ row: SourceRow, state: DomainState) throws -> RowPlan {
        var reader = FieldReader(row)
        let date = reader.isoDate("date", required: true)
        let holiday = reader.choice("kind", ["holiday": true, "workday": false], expected: "holiday or workday")
        let name = reader.text("name") ?? ""
        guard reader.isValid, let date, let holiday else { return RowPlan(problems: reader.problems) }
        var plan = RowPlan()
        let at = ImportDates.startOf(date)
        if holiday {
            guard !references.calendar.holidays.contains(date) else { return plan }
            let event = HolidayDeclared.with {
                $0.date = date.description
                $0.name = name
            }
            plan.add(.holidayDeclared(event), at: at, actor: actor, id: "import/calendar/\(date)/holiday")
            references.calendar.declareHoliday(date)
        } else {
            guard !references.calendar.workdays.contains(date) else { return plan }
            let event = WorkdayDeclared.with {
                $0.date = date.description
                $0.name = name
            }
            plan.add(.workdayDeclared(event), at: at, actor: actor, id: "import/calendar/\(date)/workday")
            references.calendar.declareWorkday(date)
        }
        return plan
    }
}
