import Ledger

/// One self-contained, printable HTML page.
///
/// Everything the page needs is inside it — the style sheet inline, charts as inline SVG, system
/// fonts only, no script — so it opens offline, can be mailed as one file, and prints on A4
/// landscape as the form is laid out.
struct HTMLPage {
    var language: ReportLanguage
    var title: String
    /// The body's HTML, already escaped.
    var body: String

    func render() -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.escape(title))</title>
        <style>
        \(Self.styleSheet)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// `text` with the characters HTML gives a meaning to replaced by references, for element
    /// content and quoted attribute values alike.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A number of CSS pixels or SVG user units, with at most two decimals and no locale.
    static func number(_ value: Double) -> String {
        let text = JSONValue.formatDecimal2(value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    private static let styleSheet = """
        :root {
          --ink: #1f2933; --muted: #5b6776; --rule: #9aa5b1; --light-rule: #d9dee5;
          --head: #e8eef6; --group: #f4f6f9; --accent: #1d5fbf; --online: #0e8a8a;
          --good: #2e8540; --warning: #c77c02; --bad: #c0392b; --open: #3b73c9;
        }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body {
          margin: 0 auto; padding: 24px 32px 32px; max-width: 1400px; color: var(--ink); background: #fff;
          font: 14px/1.45 "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
        }
        header.report { text-align: center; margin-bottom: 12px; }
        .form-number { text-align: right; font-style: italic; color: var(--muted); margin: 0; }
        h1 { font-size: 19px; margin: 6px 0 4px; text-transform: uppercase; }
        h2 { font-size: 16px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--head); }
        header.report p { margin: 2px 0; }
        .period-name { font-weight: 600; }
        .measure { font-style: italic; }
        .position { font-size: 12px; color: var(--muted); }
        .position code {
          font: 11px "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; overflow-wrap: anywhere;
        }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 20px; }
        .card { flex: 1 1 140px; border: 1px solid var(--light-rule); border-radius: 8px; padding: 10px 14px; }
        .card .value { display: block; font-size: 24px; font-weight: 700; line-height: 1.2; }
        .card .label { display: block; color: var(--muted); font-size: 12px; }
        .card.good .value { color: var(--good); }
        .card.warning .value { color: var(--warning); }
        .card.bad .value { color: var(--bad); }
        table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
        th, td { border: 1px solid var(--rule); padding: 4px 6px; }
        th { background: var(--head); font-weight: 600; text-align: center; vertical-align: middle; }
        thead tr.column-numbers th { background: #f7f9fc; font-weight: 400; font-style: italic; font-size: 12px; }
        td.number, td.figure { text-align: right; white-space: nowrap; }
        td.number { text-align: center; }
        td.unit { min-width: 14em; }
        tr.group td { background: var(--group); font-weight: 700; }
        tr.total td { background: var(--head); font-weight: 700; }
        table.key-value { width: auto; min-width: 60%; }
        table.key-value td:first-child { padding-right: 24px; }
        table.wide { font-size: 12px; }
        table.wide th { font-size: 11px; }
        .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 0 32px; }
        .columns table.key-value { width: 100%; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 20px 32px; }
        figure { margin: 16px 0 0; break-inside: avoid; }
        figcaption { font-weight: 600; margin-bottom: 6px; }
        figcaption small { font-weight: 400; color: var(--muted); }
        svg { display: block; max-width: 100%; height: auto; }
        svg text { font-family: inherit; font-size: 12px; fill: var(--ink); }
        svg .muted { fill: var(--muted); font-size: 11px; }
        svg .grid { stroke: var(--light-rule); stroke-width: 1; }
        svg .track { fill: #f0f2f5; }
        svg .target { stroke: var(--ink); stroke-width: 2; stroke-dasharray: 4 2; }
        svg .period { fill: #eaf1fb; }
        svg .period-end { stroke: var(--accent); stroke-width: 1.5; stroke-dasharray: 5 3; }
        .fill-accent { fill: var(--accent); } .fill-online { fill: var(--online); }
        .fill-good { fill: var(--good); } .fill-warning { fill: var(--warning); }
        .fill-bad { fill: var(--bad); } .fill-open { fill: var(--open); } .fill-neutral { fill: var(--muted); }
        .stroke-good { stroke: var(--good); } .stroke-warning { stroke: var(--warning); }
        .stroke-bad { stroke: var(--bad); } .stroke-open { stroke: var(--open); }
        .badge {
          display: inline-block; padding: 1px 9px; border-radius: 999px; color: #fff; font-size: 12px;
          font-weight: 600; white-space: nowrap;
        }
        .badge.good { background: var(--good); } .badge.warning { background: var(--warning); }
        .badge.bad { background: var(--bad); } .badge.open { background: var(--open); }
        .empty { color: var(--muted); font-style: italic; }
        footer { margin-top: 28px; padding-top: 8px; border-top: 1px solid var(--light-rule); }
        @page { size: A4 landscape; margin: 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 11px; }
          h1 { font-size: 16px; }
          h2 { font-size: 13px; margin-top: 18px; break-after: avoid; }
          .cards { flex-wrap: nowrap; gap: 8px; }
          .card { flex: 1 1 0; padding: 6px 10px; }
          .card .value { font-size: 18px; }
          th, td { padding: 2px 4px; }
          thead { display: table-header-group; }
          tr, figure, .card { break-inside: avoid; }
          tr.group { break-after: avoid; }
          .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 0 32px; }
        .columns table.key-value { width: 100%; }
        .charts { grid-template-columns: 1fr 1fr; gap: 12px 20px; }
          section.charts-page { break-before: page; }
        }
        """
}
