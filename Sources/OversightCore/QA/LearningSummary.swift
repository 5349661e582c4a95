import Foundation

/// What a period's audits teach: grades by team and by learning theme, moderation agreement,
/// the most frequent strengths and areas for development, and the actions still outstanding.
///
/// Built from audits as they stood on the report date (as `QAMeasures`): grades are final grades
/// of audits submitted in the period; agreement is over moderations completed in the period;
/// outstanding actions are every action not done by the report date, whatever the audit's period.
public struct LearningSummary: Hashable, Sendable {
    /// A text and how many audits named it.
    public struct Tally: Hashable, Sendable {
        public var text: String
        public var count: Int
    }

    /// An action not yet done, with its audit and team.
    public struct OutstandingAction: Hashable, Sendable {
        public var audit: AuditID
        public var team: String?
        public var action: AuditAction
        /// Due before the report date.
        public var isOverdue: Bool
    }

    /// The label for audits with no team.
    public static let noTeam = "No team recorded"

    public var period: Period
    public var reportDate: Day
    /// Audits submitted in the period (any type).
    public var audits: Int
    /// Counts of final grades per team.
    public var gradesByTeam: [String: [Grade: Int]]
    /// Counts of final grades per learning theme (an audit with two themes counts in both).
    public var gradesByTheme: [String: [Grade: Int]]
    public var moderations: Int
    public var moderationsAgreeing: Int
    public var kappa: Double?
    /// Most frequent first, then alphabetical; at most `top` of each.
    public var strengths: [Tally]
    public var areasForDevelopment: [Tally]
    /// Earliest due first.
    public var outstandingActions: [OutstandingAction]
    /// What multi-agency audits found of each partner agency (empty without their templates).
    public var agencies: [AgencyFinding] = []

    /// Summarises `audits` for `period` as at `reportDate`; `templates` (every version) give the
    /// findings by agency of multi-agency audits.
    public static func compute(
        audits all: [Audit], templates: [AuditTemplate] = [], period: Period, reportDate: Day, top: Int = 10
    ) -> LearningSummary {
        let view = all.map { AuditAsOf($0, reportDate: reportDate) }
        let submitted = view.filter { period.contains($0.submittedOn) }
        var byTeam: [String: [Grade: Int]] = [:], byTheme: [String: [Grade: Int]] = [:]
        for a in submitted {
            guard let g = a.finalGrade else { continue }
            byTeam[a.audit.team ?? noTeam, default: [:]][g, default: 0] += 1
            for theme in a.audit.learningThemes { byTheme[theme, default: [:]][g, default: 0] += 1 }
        }
        let moderated = view.filter { period.contains($0.moderation.map { Day($0.at) }) }
        let pairs = moderated.compactMap { a in a.audit.grade.map { ($0, a.moderation!.grade) } }
        var outstanding: [OutstandingAction] = []
        for a in all {
            for action in a.actions where action.doneAt.map({ Day($0) > reportDate }) ?? true {
                outstanding.append(OutstandingAction(audit: a.id, team: a.team, action: action, isOverdue: action.due < reportDate))
            }
        }
        outstanding.sort { ($0.action.due, $0.audit, $0.action.number) < ($1.action.due, $1.audit, $1.action.number) }
        return LearningSummary(
            period: period, reportDate: reportDate, audits: submitted.count, gradesByTeam: byTeam,
            gradesByTheme: byTheme, moderations: pairs.count, moderationsAgreeing: pairs.filter { $0.0 == $0.1 }.count,
            kappa: QAMeasures.quadraticWeightedKappa(pairs),
            strengths: tally(submitted.map(\.audit.strengths), top: top),
            areasForDevelopment: tally(submitted.map(\.audit.areasForDevelopment), top: top),
            outstandingActions: outstanding,
            agencies: AgencyFinding.compute(audits: all, templates: templates, period: period, reportDate: reportDate))
    }

    /// Counts texts case-insensitively (each audit once per text), keeping the first spelling seen.
    static func tally(_ lists: [[String]], top: Int) -> [Tally] {
        var counts: [String: Int] = [:], spelling: [String: String] = [:]
        for list in lists {
            for key in Set(list.map { $0.trimmed.lowercased() }) where !key.isEmpty { counts[key, default: 0] += 1 }
            for s in list where spelling[s.trimmed.lowercased()] == nil { spelling[s.trimmed.lowercased()] = s.trimmed }
        }
        return counts.map { Tally(text: spelling[$0.key] ?? $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.text < $1.text }
            .prefix(top).map { $0 }
    }

    /// "What we learned": the summary as plain text for the practice forums (no child ids).
    public var plainText: String {
        var lines = ["What we learned: \(period.start.uk) to \(period.end.uk) (as at \(reportDate.uk))", ""]
        lines.append("Audits submitted: \(audits)")
        let agree = moderations == 0 ? "none completed" : "\(moderationsAgreeing) of \(moderations) agreed with the auditor"
        lines.append("Moderation: \(agree)" + (kappa.map { String(format: "; weighted kappa %.2f", $0) } ?? ""))
        func grades(_ title: String, _ table: [String: [Grade: Int]]) {
            guard !table.isEmpty else { return }
            lines += ["", title]
            for key in table.keys.sorted() {
                let g = table[key]!
                lines.append("- \(key): " + Grade.allCases.map { "\($0.title) \(g[$0] ?? 0)" }.joined(separator: ", "))
            }
        }
        grades("Grades by team", gradesByTeam)
        grades("Grades by theme", gradesByTheme)
        if !strengths.isEmpty { lines += ["", "Most frequent strengths"] + strengths.map { "- \($0.text) (\($0.count))" } }
        if !areasForDevelopment.isEmpty {
            lines += ["", "Most frequent areas for development"] + areasForDevelopment.map { "- \($0.text) (\($0.count))" }
        }
        if !agencies.isEmpty {
            lines += ["", "Multi-agency audits: findings by agency"]
            for f in agencies {
                let ri = f.riOrBetterPercent.map { String(format: "%.0f%% of grades RI or better", $0) } ?? "no grades"
                let yes = f.yesPercent.map { String(format: "%.0f%% of answers yes", $0) } ?? "no yes/no answers"
                lines.append("- \(f.agency.title): \(f.audits) audit(s); " + Grade.allCases.map { "\($0.title) \(f.grades[$0] ?? 0)" }.joined(separator: ", ") + "; \(ri); \(yes)")
            }
        }
        lines += ["", "Actions outstanding: \(outstandingActions.count) (\(outstandingActions.filter(\.isOverdue).count) overdue)"]
        return lines.joined(separator: "\n") + "\n"
    }
}
