import TTHCDomain

/// Plan tasks against their deadlines as inline SVG: one row per task on a shared date axis, the
/// reporting period shaded.
///
/// A diamond marks the deadline; a dot marks the completion. The segment between them says how
/// the task stands: green from completion up to the deadline (done on time), amber from the
/// deadline to a late completion, red from a missed deadline to the period's end (overdue), blue
/// dashed from the period's end to a deadline still ahead (in progress).
struct SVGPlanTimeline {
    var tasks: [MonthlyReport.PlanTaskResult]
    var period: ReportPeriod
    var language: ReportLanguage

    private let width = 1200.0
    private let plotLeft = 330.0
    private let plotWidth = 840.0
    private let rowHeight = 24.0
    private let labelCharacters = 50

    func render() -> String {
        let dates = tasks.flatMap { [$0.deadline] + ($0.completed.map { [$0] } ?? []) } + [period.from, period.to]
        let first = dates.min()!.adding(days: -5)
        let last = dates.max()!.adding(days: 5)
        let span = Double(first.days(to: last))
        func x(_ date: LocalDate) -> Double { plotLeft + plotWidth * Double(first.days(to: date)) / span }

        let axisTop = 20.0
        let plotTop = axisTop + 8
        let plotBottom = plotTop + rowHeight * Double(tasks.count)
        let height = plotBottom + 34
        let description = language == .vi ? "Tiến độ nhiệm vụ so với thời hạn" : "Plan tasks against their deadlines"
        var svg = "<svg width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\""
        svg += " role=\"img\" aria-label=\"\(HTMLPage.escape(description))\">\n"

        let periodLeft = x(period.from)
        let periodRight = x(period.to)
        svg +=
            "<rect class=\"period\" x=\"\(n(periodLeft))\" y=\"\(n(plotTop))\" width=\"\(n(periodRight - periodLeft))\""
        svg += " height=\"\(n(plotBottom - plotTop))\"/>\n"
        for tick in monthStarts(from: first, to: last) {
            let tickX = x(tick)
            svg += "<line class=\"grid\" x1=\"\(n(tickX))\" y1=\"\(n(axisTop))\" x2=\"\(n(tickX))\""
            svg += " y2=\"\(n(plotBottom))\"/>"
            svg += "<text class=\"muted\" x=\"\(n(tickX + 3))\" y=\"\(n(axisTop - 6))\">\(monthLabel(tick))</text>\n"
        }
        svg += "<line class=\"period-end\" x1=\"\(n(periodRight))\" y1=\"\(n(axisTop))\" x2=\"\(n(periodRight))\""
        svg += " y2=\"\(n(plotBottom))\"/>\n"

        for (index, task) in tasks.enumerated() {
            let middle = plotTop + rowHeight * (Double(index) + 0.5)
            let deadlineX = x(task.deadline)
            let tone = Self.tone(task.status)
            svg += "<g><title>\(HTMLPage.escape(task.id)) · \(HTMLPage.escape(task.title)) · "
            svg += "\(MonthlyReport.Heading.deadline(language)) \(ReportText.date(task.deadline, language)) · "
            svg += "\(task.status.label(language))</title>"
            let label = ReportText.truncated(task.id + "  " + task.title, to: labelCharacters)
            svg += "<text x=\"0\" y=\"\(n(middle + 4))\">\(HTMLPage.escape(label))</text>"
            svg += "<line class=\"grid\" x1=\"\(n(plotLeft))\" y1=\"\(n(middle))\" x2=\"\(n(plotLeft + plotWidth))\""
            svg += " y2=\"\(n(middle))\"/>"
            switch task.status {
            case .doneOnTime, .doneLate:
                let doneX = task.completed.map(x) ?? deadlineX
                svg += segment(from: doneX, to: deadlineX, y: middle, tone: tone, dashed: false)
                svg += "<circle class=\"fill-\(tone)\" cx=\"\(n(doneX))\" cy=\"\(n(middle))\" r=\"5\"/>"
            case .overdue:
                svg += segment(from: deadlineX, to: periodRight, y: middle, tone: tone, dashed: false)
            case .open:
                svg += segment(from: periodRight, to: deadlineX, y: middle, tone: tone, dashed: true)
            }
            svg += diamond(at: deadlineX, y: middle, tone: tone)
            svg += "</g>\n"
        }

        let legendY = plotBottom + 22
        let periodEnd = language == .vi ? "Cuối kỳ báo cáo" : "End of the period"
        let deadline = language == .vi ? "Thời hạn" : "Deadline"
        let completed = language == .vi ? "Ngày hoàn thành" : "Completed"
        svg += "<line class=\"period-end\" x1=\"\(n(plotLeft))\" y1=\"\(n(legendY - 10))\" x2=\"\(n(plotLeft))\""
        svg += " y2=\"\(n(legendY + 2))\"/>"
        svg += "<text class=\"muted\" x=\"\(n(plotLeft + 8))\" y=\"\(n(legendY))\">\(periodEnd)"
        svg += " \(ReportText.date(period.to, language))</text>"
        svg += diamond(at: plotLeft + 230, y: legendY - 4, tone: "neutral")
        svg += "<text class=\"muted\" x=\"\(n(plotLeft + 242))\" y=\"\(n(legendY))\">\(deadline)</text>"
        svg += "<circle class=\"fill-neutral\" cx=\"\(n(plotLeft + 340))\" cy=\"\(n(legendY - 4))\" r=\"5\"/>"
        svg += "<text class=\"muted\" x=\"\(n(plotLeft + 352))\" y=\"\(n(legendY))\">\(completed)</text>\n"
        return svg + "</svg>"
    }

    /// The CSS tone of a status: the colour of its badge, bar and markers.
    static func tone(_ status: MonthlyReport.PlanTaskResult.Status) -> String {
        switch status {
        case .doneOnTime: "good"
        case .doneLate: "warning"
        case .open: "open"
        case .overdue: "bad"
        }
    }

    private func segment(from start: Double, to end: Double, y: Double, tone: String, dashed: Bool) -> String {
        let dash = dashed ? " stroke-dasharray=\"6 4\"" : ""
        return "<line class=\"stroke-\(tone)\" x1=\"\(n(min(start, end)))\" y1=\"\(n(y))\" x2=\"\(n(max(start, end)))\""
            + " y2=\"\(n(y))\" stroke-width=\"4\" stroke-linecap=\"round\"\(dash)/>"
    }

    private func diamond(at x: Double, y: Double, tone: String) -> String {
        let r = 6.5
        return "<path class=\"fill-\(tone)\" stroke=\"#fff\" stroke-width=\"1.5\" d=\"M\(n(x)) \(n(y - r))"
            + "L\(n(x + r)) \(n(y))L\(n(x)) \(n(y + r))L\(n(x - r)) \(n(y))Z\"/>"
    }

    /// The first days of the months after `first` up to `last`, thinned to at most 12 ticks.
    private func monthStarts(from first: LocalDate, to last: LocalDate) -> [LocalDate] {
        var starts: [LocalDate] = []
        var (year, month, _) = first.components
        while true {
            month += 1
            if month == 13 {
                month = 1
                year += 1
            }
            guard let start = LocalDate(year: year, month: month, day: 1), start <= last else { break }
            starts.append(start)
        }
        let step = (starts.count + 11) / 12
        return step <= 1 ? starts : starts.enumerated().filter { $0.offset % step == 0 }.map(\.element)
    }

    private func monthLabel(_ date: LocalDate) -> String {
        let (year, month, _) = date.components
        let twoDigits = month < 10 ? "0\(month)" : "\(month)"
        return language == .vi ? "\(twoDigits)/\(year)" : "\(year)-\(twoDigits)"
    }

    private func n(_ value: Double) -> String { HTMLPage.number(value) }
}
