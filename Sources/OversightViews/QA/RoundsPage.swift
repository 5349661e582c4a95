import OversightCore

/// Round management: the create-round form (name, month, template, cohort, sample size, due
/// date, moderation rate) and a progress table per round.
public enum RoundsPage {
    /// A round's audits counted by where they are.
    public struct Progress: Hashable, Sendable {
        public var total = 0, notStarted = 0, drafts = 0, submitted = 0, moderated = 0, closed = 0, overdue = 0
        /// Counts `audits` as at `today`.
        public init(_ audits: [Audit], today: Day) {
            for a in audits {
                total += 1
                switch a.status {
                case .assigned: notStarted += 1
                case .inProgress: drafts += 1
                case .submitted, .selectedForModeration: submitted += 1
                case .moderated: moderated += 1
                case .feedbackGiven, .actionsComplete: closed += 1
                }
                if !a.status.isSubmitted && a.dueDate < today { overdue += 1 }
            }
        }
    }

    /// - Parameters:
    ///   - rounds: every round, latest first.
    ///   - auditsByRound: each round's audits, by round id.
    ///   - templates: templates a round can use.
    ///   - teams: teams offered as cohorts.
    ///   - errors: field errors of a refused post, by field name (`name`, `month`, `template`,
    ///     `cohort`, `sample-size`, `due-date`, `moderation-rate`).
    ///   - values: posted values to fill the form again.
    public static func render(
        rounds: [AuditRound], auditsByRound: [String: [Audit]], templates: [AuditTemplate], teams: [String],
        today: Day, errors: [String: String] = [:], values: [String: String] = [:],
        csrf: String, action: String, roundPath: (String) -> String
    ) -> HTML {
        typealias M = QAMarkup
        let order = ["name", "month", "template", "cohort", "sample-size", "due-date", "moderation-rate"]
        var out = M.errorSummary(order.compactMap { k in errors[k].map { (id: "round-\(k)", message: $0) } })
        out += M.heading(1, "l", "Audit rounds")
        if rounds.isEmpty {
            out += M.para("No rounds yet.")
        } else {
            let rows: [[HTML]] = rounds.map { r in
                let p = Progress(auditsByRound[r.id] ?? [], today: today)
                return [
                    M.link(roundPath(r.id), r.name), .text(r.cohort.title), .text(Format.date(r.dueDate)), .text("\(r.moderationRatePercent)%"),
                    .text(String(p.total)), .text(String(p.notStarted)), .text(String(p.drafts)), .text(String(p.submitted)),
                    .text(String(p.moderated)), .text(String(p.closed)),
                    p.overdue > 0 ? M.tag(String(p.overdue), "red") : .text("0"),
                ]
            }
            out += M.table(
                caption: "Progress",
                head: [
                    "Round", "Cohort", "Due", "Moderation rate", "Audits", "Not started", "Drafts",
                    "Submitted", "Moderated", "Feedback given", "Overdue",
                ], rows: rows)
        }
        var form = M.hidden("csrf", csrf)
        form += M.input(id: "round-name", name: "name", label: "Name", error: errors["name"], value: values["name"])
        form += M.input(
            id: "round-month", name: "month", label: "Month", hint: "For example 2026-04", error: errors["month"],
            type: "month", value: values["month"])
        form += M.radios(
            id: "round-template", name: "template", legend: "Template", hint: nil, error: errors["template"],
            options: templates.map { ($0.id, "\($0.title) (version \($0.version))") }, checked: values["template"])
        let cohorts = [CohortRule.allOpenCases] + teams.map { CohortRule.team($0) } + CohortRule.themes
        form += M.radios(
            id: "round-cohort", name: "cohort", legend: "Cohort", hint: "Cases are drawn at random from the cohort",
            error: errors["cohort"], options: cohorts.map { ($0.stored, $0.title) }, checked: values["cohort"])
        form += M.input(
            id: "round-sample-size", name: "sample-size", label: "Sample size", error: errors["sample-size"],
            type: "number", value: values["sample-size"])
        form += M.input(
            id: "round-due-date", name: "due-date", label: "Due date", hint: "For example 2026-04-28",
            error: errors["due-date"], type: "date", value: values["due-date"])
        form += M.input(
            id: "round-moderation-rate", name: "moderation-rate", label: "Moderation rate (%)",
            hint: "Audits graded Inadequate are always moderated", error: errors["moderation-rate"],
            type: "number", value: values["moderation-rate"])
        form += M.button("Create round", name: "intent", value: "create")
        out += M.heading(2, "m", "Create a round")
        return out + M.el("form", [("method", "post"), ("action", action), ("novalidate", "novalidate")], form)
    }
}
