import Foundation
import OversightCore

/// "Audit alerts": the alerts waiting for a team manager's response (Inadequate, or a
/// safeguarding concern), the alerts answered, and the audits past their due date with the
/// manager each is escalated to.
public enum AuditAlertsPage {
    /// An open or answered alert with who it goes to.
    public struct AlertRow: Sendable {
        public var alert: AuditAlert
        /// Display names of the users alerted.
        public var alerted: [String]
        /// Whether the viewer is one of them.
        public var isMine: Bool
        public init(alert: AuditAlert, alerted: [String], isMine: Bool) { self.alert = alert; self.alerted = alerted; self.isMine = isMine }
    }

    /// An overdue audit with who it is escalated to.
    public struct OverdueRow: Sendable {
        public var audit: Audit
        public var escalatedTo: [String]
        public var isMine: Bool
        public init(audit: Audit, escalatedTo: [String], isMine: Bool) { self.audit = audit; self.escalatedTo = escalatedTo; self.isMine = isMine }
    }

    public static func render(alerts: [AlertRow], overdue: [OverdueRow], today: Day, reviewPath: (AuditID) -> String) -> HTML {
        typealias M = QAMarkup
        var out = M.heading(1, "l", "Audit alerts")
        out += M.para(
            "An audit graded Inadequate, or one that records a safeguarding concern, alerts the child's team manager at once; the alert stays open until they record their response. An audit past its due date is escalated to the auditor's manager."
        )
        let open = alerts.filter(\.alert.isOpen)
        func mine(_ isMine: Bool) -> HTML { isMine ? .text(" ") + M.tag("Yours", "grey") : .empty }
        out +=
            open.isEmpty
            ? M.heading(2, "m", "Waiting for a response") + M.para("No alert is waiting for a response.")
            : M.table(
                caption: "Waiting for a response (\(open.count))", head: ["Audit", "Team", "Why", "Raised", "Alerted"],
                rows: open.map { r in
                    [
                        M.link(reviewPath(r.alert.audit), "Audit \(r.alert.audit)") + mine(r.isMine), .text(r.alert.team ?? "No team recorded"),
                        .text(r.alert.reasons.map(\.words).joined(separator: "; ")), .text(Format.timestamp(r.alert.raisedAt)),
                        .text(r.alerted.isEmpty ? "Nobody: no manager or administrator account" : r.alerted.joined(separator: ", ")),
                    ]
                })
        let answered = alerts.filter { !$0.alert.isOpen }.prefix(20)
        if !answered.isEmpty {
            out += M.table(
                caption: "Answered (latest \(answered.count))", head: ["Audit", "Team", "Why", "Response"],
                rows: answered.map { r in
                    [
                        M.link(reviewPath(r.alert.audit), "Audit \(r.alert.audit)"), .text(r.alert.team ?? "No team recorded"),
                        .text(r.alert.reasons.map(\.words).joined(separator: "; ")),
                        .text("\(r.alert.response ?? "") (\(r.alert.respondedBy ?? ""), \(r.alert.respondedAt.map(Format.timestamp) ?? ""))"),
                    ]
                })
        }
        out +=
            overdue.isEmpty
            ? M.heading(2, "m", "Overdue audits") + M.para("No audit is past its due date.")
            : M.table(
                caption: "Overdue audits (\(overdue.count))", head: ["Audit", "Auditor", "Due", "Escalated to"],
                rows: overdue.map { r in
                    let late = r.audit.dueDate.days(to: today)
                    return [
                        .text("Audit \(r.audit.id) (\(r.audit.type.title.lowercased()))") + mine(r.isMine), .text(r.audit.auditor),
                        .text("\(Format.date(r.audit.dueDate)) (\(late) day\(late == 1 ? "" : "s") ago)"),
                        .text(r.escalatedTo.isEmpty ? "Nobody: no manager or administrator account" : r.escalatedTo.joined(separator: ", ")),
                    ]
                })
        return out
    }

    /// The alert on an audit's review page: why, when, and the response or the form for it.
    public static func panel(_ alert: AuditAlert, alerted: [String], canRespond: Bool, csrf: String, action: String, error: String?) -> HTML {
        typealias M = QAMarkup
        var out = M.heading(2, "l", "Alert to the team manager")
        out += M.summaryList([
            ("Why", .text(alert.reasons.map(\.words).joined(separator: "; "))), ("Raised", .text(Format.timestamp(alert.raisedAt))),
            ("Alerted", .text(alerted.isEmpty ? "Nobody: no manager or administrator account" : alerted.joined(separator: ", "))),
            (
                "Response",
                .text(alert.response.map { "\($0) (\(alert.respondedBy ?? ""), \(alert.respondedAt.map(Format.timestamp) ?? ""))" } ?? "Not recorded yet")
            ),
        ])
        guard alert.isOpen, canRespond else { return out }
        let form =
            M.hidden("csrf", csrf)
            + FormGroup.textarea(
                id: "response", label: "Your response", hint: "What you have done, or will do, about it and by when", value: "", error: error)
            + Button.render("Record the response")
        return out + M.el("form", [("method", "post"), ("action", action), ("novalidate", "novalidate")], form)
    }
}
