/// The e-mails audits send: an alert to the child's team manager (graded Inadequate, or a
/// safeguarding concern recorded), and an overdue audit escalated to the auditor's manager. A
/// message names the audit, its team and why; never the child (the link leads to the audit,
/// behind sign-in).
public struct AuditNotice: Hashable, Sendable {
    public var to: String
    public var subject: String
    public var body: String

    /// The alert of `audit` to each of `recipients` (display name and address) with a valid
    /// address; none when the audit raised no alert. `link` is the audit's review page.
    public static func alert(_ audit: Audit, recipients: [(name: String, email: String)], link: String?) -> [AuditNotice] {
        guard let alert = audit.alert else { return [] }
        return recipients.filter { OverdueReminder.isValidAddress($0.email) }.map { r in
            let lines =
                [
                    "Dear \(r.name),", "",
                    "Audit \(audit.id) (\(audit.type.title.lowercased())\(audit.team.map { ", \($0)" } ?? "")) needs your response:",
                    "",
                ] + alert.reasons.map { "- \($0.words)" } + [
                    "", "Please read the audit and record what you have done about it\(link.map { ": \($0)" } ?? " in Oversight.")", "",
                    "This message names no child.",
                ]
            return AuditNotice(to: r.email, subject: "Oversight: audit \(audit.id) needs your response", body: lines.joined(separator: "\n"))
        }
    }

    /// One message to `recipient` listing the overdue `audits` escalated to them on `today`.
    /// `link` is where the audits are seen.
    public static func escalation(_ audits: [Audit], recipient: (name: String, email: String), today: Day, link: String?) -> AuditNotice? {
        guard !audits.isEmpty, OverdueReminder.isValidAddress(recipient.email) else { return nil }
        var lines = [
            "Dear \(recipient.name),", "",
            "\(audits.count == 1 ? "This audit is" : "These \(audits.count) audits are") past the due date and not submitted:", "",
        ]
        for a in audits.sorted(by: { ($0.dueDate, $0.id) < ($1.dueDate, $1.id) }) {
            let late = a.dueDate.days(to: today)
            lines.append("- Audit \(a.id) (\(a.type.title.lowercased())), auditor \(a.auditor); due \(a.dueDate.uk), \(late) day\(late == 1 ? "" : "s") ago")
        }
        lines += ["", "Please agree a new date with the auditor in Oversight\(link.map { ": \($0)" } ?? ".")", "", "This message names no child."]
        return AuditNotice(
            to: recipient.email, subject: "Oversight: \(audits.count) overdue audit\(audits.count == 1 ? "" : "s") escalated to you",
            body: lines.joined(separator: "\n"))
    }
}
