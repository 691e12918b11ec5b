import TTHCDomain

/// Plan-task files: `MaNhiemVu, NoiDung, DonViChuTri, HanHoanThanh (yyyyMMdd), NgayHoanThanh`.
///
/// A new task is assigned (`PlanTaskAssigned`); a known task whose title, lead unit or deadline
/// changed is assigned again; a completion date not yet recorded completes it
/// (`PlanTaskCompleted`). The file gives no assignment date, so an assignment takes the
/// deadline as its business time.
struct PlanTaskPlanner: RowPlanner {
    var references: ReferenceData
    let defaultActor: String

    mutating func plan(_ row: SourceRow, state: DomainState) throws -> RowPlan {
        var reader = FieldReader(row)
        let id = reader.code("MaNhiemVu")
        let title = reader.required("NoiDung")
        let lead = reader.code("DonViChuTri", required: false)
        let deadline = reader.compactDate("HanHoanThanh", required: true)
        let completed = reader.compactDate("NgayHoanThanh")
        if let lead, references.units[lead] == nil { reader.fail("DonViChuTri", "unknown unit \(lead)") }
        guard reader.isValid, let id, let title, let deadline else { return RowPlan(problems: reader.problems) }
        var plan = RowPlan()
        let actor = lead ?? defaultActor
        var task = references.planTasks[id]
        if task == nil || task?.title != title || task?.leadUnit != lead ?? ""
            || task?.deadlineDay != deadline.dayNumber
        {
            let event = PlanTaskAssigned.with {
                $0.taskID = id
                $0.title = title
                $0.leadUnit = lead ?? ""
                $0.deadline = deadline.description
            }
            let suffix = task == nil ? "assigned" : "assigned/\(fingerprint("\(title)|\(lead ?? "")|\(deadline)"))"
            plan.add(
                .planTaskAssigned(event), at: ImportDates.startOf(deadline), actor: actor,
                id: "import/plan/\(id)/\(suffix)")
            var updated = task ?? PlanTaskState()
            updated.taskID = id
            updated.title = title
            updated.leadUnit = lead ?? ""
            updated.deadlineDay = deadline.dayNumber
            task = updated
        }
        if let completed, task?.completed != true || task?.completedDay != completed.dayNumber {
            let event = PlanTaskCompleted.with {
                $0.taskID = id
                $0.completedAt = completed.description
            }
            plan.add(
                .planTaskCompleted(event), at: ImportDates.startOf(completed), actor: actor,
                id: "import/plan/\(id)/completed/\(completed.compactDescription)")
            task?.completed = true
            task?.completedDay = completed.dayNumber
        }
        references.planTasks[id] = task
        return plan
    }
}
