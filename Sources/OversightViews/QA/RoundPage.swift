import OversightCore

/// One round: its settings, progress, and every audit with its auditor, status and grade.
public enum RoundPage {
    /// - Parameters:
    ///   - round: the round.
    ///   - audits: its audits (`AuditRepository.audits(round:)`).
    ///   - today: the day the page is shown (for overdue audits).
    ///   - auditPath: the link to an audit.
    ///   - names: users' display names by username (auditors are shown by name).
    public static func render(round: AuditRound, audits: [Audit], today: Day, auditPath: (AuditID) -> String, names: [String: String] = [:]) -> HTML {
        typealias M = QAMarkup
        let p = RoundsPage.Progress(audits, today: today)
        var out = M.heading(1, "l", round.name)
        out += M.summaryList([
            ("Cohort", .text(round.cohort.title)), ("Cases open on", .text(Format.date(round.cohortDay))),
            ("Sample size", .text("\(round.sampleSize) (\(audits.count) drawn)")), ("Due", .text(Format.date(round.dueDate))),
            ("Moderation rate", .text("\(round.moderationRatePercent)%, and every audit graded Inadequate")),
            ("Random seed", .text(String(round.seed))),
            ("Progress", .text("\(p.total - p.notStarted - p.drafts) of \(p.total) submitted; \(p.overdue) overdue")),
        ])
        guard !audits.isEmpty else { return out + M.para("The cohort had no cases on the day it was drawn.") }
        let rows: [[HTML]] = audits.map { a in
            let due: HTML = !a.status.isSubmitted && a.dueDate < today ? .text(Format.date(a.dueDate) + " ") + M.tag("Overdue", "red") : .text(Format.date(a.dueDate))
            return [
                M.link(auditPath(a.id), M.subject(a)), .text(a.team ?? "-"), .text(names[a.auditor] ?? a.auditor), due, M.statusTag(a.status),
                a.status.isSubmitted ? M.gradeTag(a.finalGrade) : .text("-"),
            ]
        }
        return out + M.table(caption: "Audits", head: ["Audit", "Team", "Auditor", "Due", "Status", "Final grade"], rows: rows)
    }
}
