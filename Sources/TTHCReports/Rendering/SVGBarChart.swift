/// A horizontal bar chart of percentages as inline SVG: one labelled bar per item on a 0–100 %
/// scale, optionally with a dashed target line per bar.
///
/// Bars beyond the scale are clipped to it; their label still states the value. An item without
/// a value (a rate whose denominator is 0) gets no bar and a "—".
struct SVGBarChart {
    /// The colour of a bar, a CSS class of ``HTMLPage``'s style sheet.
    enum Tone: String {
        case accent, online, good, warning, bad
    }

    struct Bar {
        var label: String
        var value: Double?
        /// Shown after the value in a muted tone, e.g. `(35/40)`.
        var detail: String = ""
        /// A target on the same scale, drawn as a dashed line across the bar.
        var target: Double? = nil
        var tone: Tone
    }

    /// Read out by screen readers in place of the picture.
    var description: String
    var bars: [Bar]
    /// The legend of the target line, when any bar has a target.
    var targetLegend: String? = nil

    /// The width of the label column, in pixels; longer labels lose their middle to "…".
    var labelWidth: Double

    private var plotLeft: Double { labelWidth + 8 }
    private let plotWidth = 330.0
    private var width: Double { plotLeft + plotWidth + 140 }
    private let rowHeight = 24.0
    private let barHeight = 15.0
    /// How many characters of a 12 px label fit the label column: about 6.8 px each in the
    /// sans-serif fonts the style sheet falls back to, Vietnamese diacritics included.
    private var labelCharacters: Int { Int(labelWidth / 6.8) }

    init(description: String, bars: [Bar], targetLegend: String? = nil, labelWidth: Double = 250) {
        self.description = description
        self.bars = bars
        self.targetLegend = targetLegend
        self.labelWidth = labelWidth
    }

    func render() -> String {
        let plotTop = 4.0
        let plotBottom = plotTop + rowHeight * Double(bars.count)
        let hasTargets = bars.contains { $0.target != nil }
        let height = plotBottom + 22 + (hasTargets && targetLegend != nil ? 20 : 0)
        var svg = "<svg width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\""
        svg += " role=\"img\" aria-label=\"\(HTMLPage.escape(description))\">\n"

        for tick in stride(from: 0.0, through: 100, by: 25) {
            let x = plotLeft + plotWidth * tick / 100
            svg += "<line class=\"grid\" x1=\"\(n(x))\" y1=\"\(n(plotTop))\" x2=\"\(n(x))\" y2=\"\(n(plotBottom))\"/>"
            svg += "<text class=\"muted\" x=\"\(n(x))\" y=\"\(n(plotBottom + 15))\" text-anchor=\"middle\">"
            svg += "\(n(tick))%</text>\n"
        }

        for (index, bar) in bars.enumerated() {
            let top = plotTop + rowHeight * Double(index)
            let barTop = top + (rowHeight - barHeight) / 2
            let baseline = top + rowHeight / 2 + 4
            svg += "<g><title>\(HTMLPage.escape(bar.label)): \(ReportText.percentSign(bar.value))"
            svg += bar.detail.isEmpty ? "" : " " + HTMLPage.escape(bar.detail)
            svg += "</title>"
            svg += "<text x=\"0\" y=\"\(n(baseline))\">"
            svg += HTMLPage.escape(ReportText.truncated(bar.label, to: labelCharacters)) + "</text>"
            svg += "<rect class=\"track\" x=\"\(n(plotLeft))\" y=\"\(n(barTop))\" width=\"\(n(plotWidth))\""
            svg += " height=\"\(n(barHeight))\"/>"
            if let value = bar.value {
                let barWidth = plotWidth * min(max(value, 0), 100) / 100
                svg += "<rect class=\"fill-\(bar.tone.rawValue)\" x=\"\(n(plotLeft))\" y=\"\(n(barTop))\""
                svg += " width=\"\(n(barWidth))\" height=\"\(n(barHeight))\"/>"
            }
            if let target = bar.target {
                let x = plotLeft + plotWidth * min(max(target, 0), 100) / 100
                svg += "<line class=\"target\" x1=\"\(n(x))\" y1=\"\(n(top + 1))\" x2=\"\(n(x))\""
                svg += " y2=\"\(n(top + rowHeight - 1))\"/>"
            }
            svg +=
                "<text x=\"\(n(plotLeft + plotWidth + 8))\" y=\"\(n(baseline))\">\(ReportText.percentSign(bar.value))"
            if !bar.detail.isEmpty {
                svg += " <tspan class=\"muted\">\(HTMLPage.escape(bar.detail))</tspan>"
            }
            svg += "</text></g>\n"
        }

        if hasTargets, let targetLegend {
            let y = plotBottom + 34
            svg += "<line class=\"target\" x1=\"\(n(plotLeft))\" y1=\"\(n(y - 10))\" x2=\"\(n(plotLeft))\""
            svg += " y2=\"\(n(y + 2))\"/>"
            svg += "<text class=\"muted\" x=\"\(n(plotLeft + 8))\" y=\"\(n(y))\">"
            svg += HTMLPage.escape(targetLegend) + "</text>\n"
        }
        return svg + "</svg>"
    }

    private func n(_ value: Double) -> String { HTMLPage.number(value) }
}
