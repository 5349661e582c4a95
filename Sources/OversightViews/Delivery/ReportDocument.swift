import OversightCore

/// The pieces every report shares: the standalone document with its own print stylesheet (A4,
/// page numbers in the bottom margin, a page break before each `ov-page` section), and the
/// formatting of values, statuses and trends.
public enum ReportDocument {
    /// The print stylesheet: A4 portrait with 18 mm margins, "Page N of M" in the bottom margin
    /// (CSS page-margin boxes, which Chromium prints), each `section.ov-page` on a new page,
    /// tables and charts kept whole where they fit.
    public static let stylesheet = """
        @page { size: A4 portrait; margin: 18mm 16mm 20mm 16mm;
          @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, sans-serif; color: #505a5f; }
          @bottom-left { content: var(--ov-footer, ""); font: 9pt Arial, sans-serif; color: #505a5f; } }
        html { font: 11pt/1.4 Arial, Helvetica, sans-serif; color: #0b0c0c; }
        body { margin: 0; }
        .ov-page { break-before: page; }
        .ov-page:first-of-type { break-before: auto; }
        .ov-heading-xl { font-size: 28pt; margin: 0 0 8mm; }
        .ov-heading-l { font-size: 18pt; margin: 0 0 5mm; }
        .ov-heading-m { font-size: 14pt; margin: 6mm 0 3mm; }
        .ov-heading-s { font-size: 11.5pt; margin: 4mm 0 2mm; }
        .ov-body { margin: 0 0 3mm; }
        .ov-hint { color: #505a5f; }
        .ov-table { border-collapse: collapse; width: 100%; margin: 0 0 5mm; font-size: 9.5pt; }
        .ov-table th, .ov-table td { border-bottom: 1px solid #b1b4b6; padding: 1.5mm 2mm 1.5mm 0; text-align: left; vertical-align: top; }
        .ov-table td.ov-num, .ov-table th.ov-num { text-align: right; }
        .ov-table--compact { font-size: 7.5pt; }
        .ov-table--compact th, .ov-table--compact td { padding: 1mm 0.5mm; }
        .ov-table tr, .ov-kpi, figure { break-inside: avoid; }
        .ov-tag { display: inline-block; padding: 0.3mm 1.5mm; font-weight: bold; font-size: 8.5pt; }
        .ov-tag--green { background: #cce2d8; color: #005a30; }
        .ov-tag--amber { background: #fff7bf; color: #594d00; }
        .ov-tag--red { background: #f6d7d2; color: #942514; }
        .ov-tag--grey { background: #eeefef; color: #383f43; }
        .ov-cover { padding-top: 50mm; }
        .ov-contents a { color: #1d70b8; text-decoration: none; }
        .ov-kpi { margin: 0 0 6mm; }
        .ov-chart { width: 100%; max-width: 170mm; height: auto; }
        .ov-nodata { border-left: 4px solid #b1b4b6; padding: 2mm 4mm; color: #505a5f; }
        .ov-commentary { border-left: 4px solid #1d70b8; padding: 1mm 4mm; white-space: pre-wrap; }
        @media screen { body { max-width: 190mm; margin: 10mm auto; } .ov-page { border-top: 2px dashed #b1b4b6; padding-top: 8mm; margin-top: 8mm; } }
        """

    /// A complete HTML document: `title`, the stylesheet, and `body`.
    /// A one-section report (the daily list, the weekly report, the monthly pack, the clinic): the
    /// authority's name, the title as its heading, then `body`, as a whole document.
    public static func report(id: String, authority: String, title: String, body: HTML) -> HTML {
        let section =
            HTML.raw("<section class=\"ov-page\" id=\"\(id)\">") + paragraph(authority, "ov-hint") + heading(1, "l", title) + body + HTML.raw("</section>")
        return document(title: title, footer: "\(authority) \(title)", body: section)
    }

    public static func document(title: String, footer: String, body: HTML) -> HTML {
        // The footer text goes into a CSS string: quotes and backslashes are removed so it cannot end the string.
        let safeFooter = footer.filter { $0 != "\"" && $0 != "\\" && $0 != "<" && $0 != "\n" }
        return HTML.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>") + HTML.text(title)
            + HTML.raw("</title><style>\(stylesheet)\n:root { --ov-footer: \"\(safeFooter)\"; }</style></head><body>\n")
            + body + HTML.raw("\n</body></html>\n")
    }

    /// A tag for a KPI status.
    public static func tag(_ status: KPIStatus) -> HTML {
        switch status {
        case .green: return tag(status.words, .green)
        case .amber: return tag(status.words, .amber)
        case .red: return tag(status.words, .red)
        case .monitor, .noData: return tag(status.words, .grey)
        }
    }

    /// A tag for an action's status.
    public static func tag(_ status: ActionStatus) -> HTML {
        switch status {
        case .complete, .onTrack: return tag(status.label, .green)
        case .atRisk: return tag(status.label, .amber)
        case .offTrack: return tag(status.label, .red)
        case .notStarted, .closed: return tag(status.label, .grey)
        }
    }

    /// The colours of `ov-tag`.
    public enum Colour: String, Sendable { case green, amber, red, grey }

    /// `<strong class="ov-tag ov-tag--COLOUR">text</strong>`.
    public static func tag(_ text: String, _ colour: Colour) -> HTML {
        HTML.raw("<strong class=\"ov-tag ov-tag--\(colour.rawValue)\">") + HTML.text(text) + HTML.raw("</strong>")
    }

    /// A trend in words with an arrow (the arrow is decoration; the words carry the meaning).
    public static func trend(_ t: Trend) -> String {
        switch t {
        case .improving, .higher: return "↑ " + t.words
        case .worsening, .lower: return "↓ " + t.words
        case .same: return "→ " + t.words
        case .unknown: return t.words
        }
    }

    /// A value in its unit: a percentage `18.5%`, a rate `62.3`, a count `12`, a ratio `0.62`;
    /// "–" when unknown.
    public static func value(_ v: Double?, _ unit: MeasureUnit) -> String {
        guard let v, v.isFinite else { return "–" }
        switch unit {
        case .percent: return decimal(v, 1) + "%"
        case .rate: return decimal(v, 1)
        case .count: return v == v.rounded() ? String(Int(v)) : decimal(v, 1)
        case .ratio: return decimal(v, 2)
        }
    }

    /// A result's value, or "c" when `suppression` hides it.
    public static func value(_ r: MeasureResult?, _ unit: MeasureUnit, _ suppression: Suppression) -> String {
        guard let r else { return "–" }
        return suppression.hides(r) ? Suppression.mark : value(r.value, unit)
    }

    /// A number with `places` decimals.
    public static func decimal(_ v: Double, _ places: Int) -> String {
        var p = 1.0
        for _ in 0..<places { p *= 10 }
        let r = (v * p).rounded() / p
        var s = String(r)
        if places == 0 { return String(Int(r)) }
        if !s.contains(".") { s += "." }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        let frac = String(parts[1]).padding(toLength: places, withPad: "0", startingAt: 0)
        return "\(parts[0]).\(frac)"
    }

    /// A KPI's target as words: the number in the measure's unit, or what it aims for.
    public static func target(_ t: Target, value: Double?, unit: MeasureUnit) -> String {
        switch t {
        case .value(let v): return self.value(v, unit)
        case .belowLastYear, .decrease: return "Below last year" + (value.map { " (\(self.value($0, unit)))" } ?? "")
        case .aboveLastYear, .increase: return "Above last year" + (value.map { " (\(self.value($0, unit)))" } ?? "")
        case .statisticalNeighbourAverage: return "Neighbours' average" + (value.map { " (\(self.value($0, unit)))" } ?? "")
        case .monitor: return "Monitor"
        case .toBeAgreed: return "To be agreed"
        }
    }

    /// A table: `<table class="ov-table">` with a caption, headings and rows of cells; cells
    /// whose column is numeric (`numeric[i]`) are right-aligned.
    /// `compact` uses the smaller type of `ov-table--compact` (for months across a page).
    public static func table(caption: String?, headings: [String], rows: [[HTML]], numeric: Set<Int> = [], compact: Bool = false) -> HTML {
        // The wrapper lets a wide table scroll on its own on a narrow screen (the site's stylesheet),
        // reachable by keyboard so it can be scrolled without a mouse.
        let wrapper = "<div class=\"ov-table-wrapper\" tabindex=\"0\">"
        var h = HTML.raw(wrapper + (compact ? "<table class=\"ov-table ov-table--compact\">" : "<table class=\"ov-table\">"))
        if let caption { h += HTML.raw("<caption class=\"ov-heading-s\">") + HTML.text(caption) + HTML.raw("</caption>") }
        h += HTML.raw("<thead><tr>")
        for (i, head) in headings.enumerated() {
            h += HTML.raw(numeric.contains(i) ? "<th scope=\"col\" class=\"ov-num\">" : "<th scope=\"col\">") + HTML.text(head) + HTML.raw("</th>")
        }
        h += HTML.raw("</tr></thead><tbody>")
        for row in rows {
            h += HTML.raw("<tr>")
            for (i, cell) in row.enumerated() {
                h += HTML.raw(numeric.contains(i) ? "<td class=\"ov-num\">" : "<td>") + cell + HTML.raw("</td>")
            }
            h += HTML.raw("</tr>")
        }
        return h + HTML.raw("</tbody></table></div>")
    }

    /// A paragraph `ov-body` of text.
    public static func paragraph(_ text: String, _ extraClass: String = "") -> HTML {
        HTML.raw("<p class=\"ov-body\(extraClass.isEmpty ? "" : " " + extraClass)\">") + HTML.text(text) + HTML.raw("</p>")
    }

    /// A heading of a size (`l`, `m`, `s`), with an optional id for anchors.
    public static func heading(_ level: Int, _ size: String, _ text: String, id: String? = nil) -> HTML {
        HTML.raw("<h\(level) class=\"ov-heading-\(size)\"\(id.map { " id=\"\($0)\"" } ?? "")>") + HTML.text(text) + HTML.raw("</h\(level)>")
    }

    /// The "no data" notice shown instead of figures.
    public static func noData(_ text: String) -> HTML { paragraph(text, "ov-nodata") }

    /// A period as words: `1 April 2024 to 31 March 2025`, or `June 2024` for a calendar month.
    public static func periodText(_ p: Period) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        if p.start.dayOfMonth == 1, p.end == p.start.endOfMonth { return "\(months[p.start.month - 1]) \(p.start.year)" }
        func d(_ x: Day) -> String { "\(x.dayOfMonth) \(months[x.month - 1]) \(x.year)" }
        return "\(d(p.start)) to \(d(p.end))"
    }

    /// A day as words: `29 November 2026`.
    public static func dayText(_ d: Day) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(d.dayOfMonth) \(months[d.month - 1]) \(d.year)"
    }

    /// A month label `Jun 2024`.
    public static func monthLabel(_ d: Day) -> String {
        let m = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(m[d.month - 1]) \(d.year)"
    }
}
