import OversightCore

/// The moderation queue: audits awaiting moderation, oldest submission first.
public enum ModerationQueuePage {
    /// - Parameters:
    ///   - audits: audits selected for moderation, without the viewer's own
    ///     (`AuditRepository.moderationQueue(excludingAuditor:)`).
    ///   - moderatePath: the link to an audit's moderation form.
    public static func render(audits: [Audit], moderatePath: (AuditID) -> String) -> HTML {
        typealias M = QAMarkup
        var out = M.heading(1, "l", "Moderation queue")
        guard !audits.isEmpty else { return out + M.para("No audits are waiting for moderation.") }
        out += M.para("\(audits.count) audit\(audits.count == 1 ? "" : "s") waiting. Audits graded Inadequate are always moderated.")
        let rows: [[HTML]] = audits.map { a in
            [
                M.link(moderatePath(a.id), M.subject(a)), .text(a.type.title), .text(a.team ?? "-"), .text(a.auditor),
                M.gradeTag(a.grade), .text(a.submittedOn.map(Format.date) ?? "-"),
            ]
        }
        out += M.table(caption: "Awaiting moderation", head: ["Audit", "Type", "Team", "Auditor", "Auditor's grade", "Submitted"], rows: rows)
        return out
    }
}
