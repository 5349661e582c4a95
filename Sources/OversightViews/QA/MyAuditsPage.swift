import OversightCore

/// "My audits": the user's audits not yet submitted, in three lists: overdue or due within a
/// week; the others not started; the others saved as drafts. Each audit is in one list only.
public enum MyAuditsPage {
    /// - Parameters:
    ///   - audits: the user's unsubmitted audits (`AuditRepository.myAudits`).
    ///   - today: the day the page is shown.
    ///   - auditPath: the link to an audit's form.
    public static func render(audits: [Audit], today: Day, auditPath: (AuditID) -> String) -> HTML {
        typealias M = QAMarkup
        var out = M.heading(1, "l", "My audits")
        guard !audits.isEmpty else { return out + M.para("You have no audits to do.") }
        let sorted = audits.sorted { ($0.dueDate, $0.id) < ($1.dueDate, $1.id) }
        let dueSoon = sorted.filter { $0.dueDate <= today.adding(days: 7) }
        func rows(_ list: [Audit]) -> [[HTML]] {
            list.map { a in
                let due: HTML = a.dueDate < today ? .text(Format.date(a.dueDate) + " ") + M.tag("Overdue", "red") : .text(Format.date(a.dueDate))
                return [M.link(auditPath(a.id), M.subject(a)), .text(a.type.title), due, M.statusTag(a.status)]
            }
        }
        let head = ["Audit", "Type", "Due", "Status"]
        if !dueSoon.isEmpty { out += M.table(caption: "Due within a week or overdue", head: head, rows: rows(dueSoon)) }
        let later = sorted.filter { $0.dueDate > today.adding(days: 7) }
        let assigned = later.filter { $0.status == .assigned }
        let drafts = later.filter { $0.status == .inProgress }
        out +=
            assigned.isEmpty
            ? M.heading(2, "m", "Not started, due later") + M.para("No other audits waiting to be started.")
            : M.table(caption: "Not started, due later", head: head, rows: rows(assigned))
        out +=
            drafts.isEmpty
            ? M.heading(2, "m", "Drafts, due later") + M.para("No other drafts saved.")
            : M.table(caption: "Drafts, due later", head: head, rows: rows(drafts))
        return out
    }
}
