import Ledger

/// Pieces of HTML both reports' pages are built from. Every argument is plain text and is escaped
/// here.
enum HTMLFragment {
    /// The report's header: form number (if any), title, period, further lines, ledger position.
    static func header(
        formNumber: String?, title: String, periodName: String, lines: [String], position: LedgerPosition,
        language: ReportLanguage
    ) -> String {
        var html = "<header class=\"report\">\n"
        if let formNumber { html += "<p class=\"form-number\">\(HTMLPage.escape(formNumber))</p>\n" }
        html += "<h1>\(HTMLPage.escape(title))</h1>\n"
        html += "<p class=\"period-name\">\(HTMLPage.escape(periodName))</p>\n"
        for line in lines { html += "<p>\(HTMLPage.escape(line))</p>\n" }
        let label = language == .vi ? "Vị trí sổ cái" : "Ledger position"
        html += "<p class=\"position\">\(label): seq \(position.seq), hash <code>\(position.hashHex)</code></p>\n"
        return html + "</header>\n"
    }

    /// A headline figure.
    struct Card {
        var value: String
        var label: String
        /// `good`, `warning` or `bad` to colour the value; `nil` for the ink colour.
        var tone: String? = nil
    }

    /// A row of headline figures.
    static func cards(_ cards: [Card]) -> String {
        var html = "<div class=\"cards\">\n"
        for card in cards {
            let tone = card.tone.map { " " + $0 } ?? ""
            html += "<div class=\"card\(tone)\"><span class=\"value\">\(HTMLPage.escape(card.value))</span>"
            html += "<span class=\"label\">\(HTMLPage.escape(card.label))</span></div>\n"
        }
        return html + "</div>\n"
    }

    /// A chart with its caption and, in small type, how it is computed.
    static func figure(caption: String, note: String, svg: String) -> String {
        "<figure><figcaption>\(HTMLPage.escape(caption)) <small>\(HTMLPage.escape(note))</small></figcaption>\n"
            + svg + "\n</figure>\n"
    }

    /// A status badge.
    static func badge(_ text: String, tone: String) -> String {
        "<span class=\"badge \(tone)\">\(HTMLPage.escape(text))</span>"
    }

    /// A table cell; `figure` cells are right-aligned numbers.
    static func cell(_ text: String, class cssClass: String? = nil, colspan: Int = 1) -> String {
        let classAttribute = cssClass.map { " class=\"\($0)\"" } ?? ""
        let span = colspan > 1 ? " colspan=\"\(colspan)\"" : ""
        return "<td\(classAttribute)\(span)>\(HTMLPage.escape(text))</td>"
    }

    /// Bars of a rate per unit, highest first (units without a denominator last, in report order).
    static func rateBars(
        _ items: [(name: String, numerator: Int, denominator: Int)], tone: SVGBarChart.Tone
    ) -> [SVGBarChart.Bar] {
        let bars = items.map { item in
            SVGBarChart.Bar(
                label: item.name, value: rate(item.numerator, item.denominator),
                detail: "(\(item.numerator)/\(item.denominator))", tone: tone)
        }
        return bars.enumerated().sorted { lhs, rhs in
            switch (lhs.element.value, rhs.element.value) {
            case (let left?, let right?) where left != right: left > right
            case (nil, _?): false
            case (_?, nil): true
            default: lhs.offset < rhs.offset
            }
        }.map(\.element)
    }
}
