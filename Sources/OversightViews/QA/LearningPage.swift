import Foundation
import OversightCore

/// The learning page for a period: grades by team and by theme, moderation agreement, the most
/// frequent strengths and areas for development, and the actions outstanding.
public enum LearningPage {
    /// - Parameters:
    ///   - summary: `LearningSummary` of the period.
    ///   - exportPath: link to the plain-text "what we learned" export, if offered.
    public static func render(summary s: LearningSummary, exportPath: String? = nil) -> HTML {
        typealias M = QAMarkup
        var out = M.heading(1, "l", "What we learned: \(Format.date(s.period.start)) to \(Format.date(s.period.end))")
        out += M.para("\(s.audits) audit\(s.audits == 1 ? "" : "s") submitted in the period, as at \(Format.date(s.reportDate)).")
        if let exportPath { out += M.el("p", [("class", "ov-body")], M.link(exportPath, "Download as text for the practice forum")) }
        func grades(_ caption: String, _ first: String, _ table: [String: [Grade: Int]]) -> HTML {
            guard !table.isEmpty else { return M.heading(2, "m", caption) + M.para("No graded audits.") }
            let rows: [[HTML]] = table.keys.sorted().map { k in
                let g = table[k]!
                let total = g.values.reduce(0, +)
                let ri = Grade.allCases.filter(\.isRequiresImprovementOrBetter).reduce(0) { $0 + (g[$1] ?? 0) }
                return [.text(k)] + Grade.allCases.map { HTML.text(String(g[$0] ?? 0)) }
                    + [.text(String(total)), .text(String(format: "%.0f%%", 100 * Double(ri) / Double(total)))]
            }
            return M.table(caption: caption, head: [first] + Grade.allCases.map(\.title) + ["Total", "RI or better"], rows: rows)
        }
        out += grades("Grades by team", "Team", s.gradesByTeam)
        out += grades("Grades by learning theme", "Theme", s.gradesByTheme)
        out += M.heading(2, "m", "Moderation")
        if s.moderations == 0 {
            out += M.para("No moderations were completed in the period.")
        } else {
            out += M.summaryList([
                ("Moderations completed", .text(String(s.moderations))),
                ("Agreed with the auditor", .text("\(s.moderationsAgreeing) (\(String(format: "%.0f%%", 100 * Double(s.moderationsAgreeing) / Double(s.moderations))))")),
                ("Weighted kappa", .text(s.kappa.map { String(format: "%.2f", $0) } ?? "Cannot be measured: every grade was the same")),
            ])
        }
        func tallies(_ caption: String, _ list: [LearningSummary.Tally]) -> HTML {
            guard !list.isEmpty else { return M.heading(2, "m", caption) + M.para("None recorded.") }
            return M.table(caption: caption, head: ["", "Audits"], rows: list.map { [.text($0.text), .text(String($0.count))] })
        }
        if !s.agencies.isEmpty {
            func pct(_ v: Double?) -> HTML { .text(v.map { String(format: "%.0f%%", $0) } ?? "-") }
            let rows: [[HTML]] = s.agencies.map { f in
                [.text(f.agency.title), .text(String(f.audits))] + Grade.allCases.map { HTML.text(String(f.grades[$0] ?? 0)) }
                    + [pct(f.riOrBetterPercent), pct(f.yesPercent)]
            }
            out += M.table(
                caption: "Multi-agency audits: findings by agency",
                head: ["Agency", "Audits"] + Grade.allCases.map(\.title) + ["RI or better", "Answers \u{201C}yes\u{201D}"], rows: rows)
        }
        out += tallies("Most frequent strengths", s.strengths)
        out += tallies("Most frequent areas for development", s.areasForDevelopment)
        if s.outstandingActions.isEmpty {
            out += M.heading(2, "m", "Actions outstanding") + M.para("No actions are outstanding.")
        } else {
            let rows: [[HTML]] = s.outstandingActions.map { o in
                [
                    .text(o.action.text), .text(o.action.owner), .text(o.team ?? "-"),
                    o.isOverdue ? .text(Format.date(o.action.due) + " ") + M.tag("Overdue", "red") : .text(Format.date(o.action.due)),
                ]
            }
            out += M.table(caption: "Actions outstanding", head: ["Action", "Owner", "Team", "Due"], rows: rows)
        }
        return out
    }
}
