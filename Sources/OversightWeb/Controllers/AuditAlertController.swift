import Foundation
import OversightCore
import OversightStore
import OversightViews
import Vapor

/// Audit alerts: the list of alerts and overdue audits, the team manager's response, and the
/// e-mail an alert sends at once when a mail server is configured.
enum AuditAlertController {
    /// The site address of a path, for e-mails; nil without a public address.
    static func absolute(_ req: Request, _ path: String) -> String? {
        guard var base = req.services.options.publicURL else { return nil }
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }

    /// GET /audits/alerts
    static func index(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let today = QAController.today(req)
        let repo = req.services.store.audits()
        let users = try await req.services.accounts.users(authority: user.authority)
        let audits = try await repo.allAudits(authority: user.authority)
        let alerts = audits.compactMap { a in a.alert.map { (a, $0) } }
            .sorted { ($0.1.isOpen ? 0 : 1, -$0.1.raisedAt.timeIntervalSince1970) < ($1.1.isOpen ? 0 : 1, -$1.1.raisedAt.timeIntervalSince1970) }
            .map { a, alert in
                let to = AuditRecipients.alert(a, users: users)
                return AuditAlertsPage.AlertRow(alert: alert, alerted: to.map(\.displayName), isMine: to.contains { $0.username == user.username })
            }
        let overdue = audits.filter { $0.isOverdue(on: today) }.sorted { ($0.dueDate, $0.id) < ($1.dueDate, $1.id) }.map { a in
            let to = AuditRecipients.escalation(a, users: users)
            return AuditAlertsPage.OverdueRow(audit: a, escalatedTo: to.map(\.displayName), isMine: to.contains { $0.username == user.username })
        }
        // Open alerts and overdue audits addressed to the viewer come first.
        let content = AuditAlertsPage.render(
            alerts: alerts.filter(\.isMine) + alerts.filter { !$0.isMine }, overdue: overdue.filter(\.isMine) + overdue.filter { !$0.isMine },
            today: today, reviewPath: AuditReviewController.reviewPath)
        return Pages.page(req, title: "Audit alerts", section: "Audits", content: content, breadcrumbs: [Breadcrumb("My audits", href: SiteURL.audits)])
    }

    /// A manager's home page notice: the open alerts addressed to them and the overdue audits
    /// escalated to them, with a link to the alerts page; empty when there are none.
    static func homeNotice(for user: UserAccount, _ req: Request) async throws -> HTML {
        guard user.role == .manager else { return .empty }
        let users = try await req.services.accounts.users(authority: user.authority)
        let today = QAController.today(req)
        let audits = try await req.services.store.audits().allAudits(authority: user.authority)
        let alerts = audits.filter { a in
            (a.alert?.isOpen ?? false) && AuditRecipients.alert(a, users: users).contains { $0.username == user.username }
        }.count
        let overdue = audits.filter { a in
            a.isOverdue(on: today) && AuditRecipients.escalation(a, users: users).contains { $0.username == user.username }
        }.count
        guard alerts + overdue > 0 else { return .empty }
        var parts: [String] = []
        if alerts > 0 { parts.append("\(alerts) audit alert\(alerts == 1 ? " waits" : "s wait") for your response") }
        if overdue > 0 { parts.append("\(overdue) overdue audit\(overdue == 1 ? " is" : "s are") escalated to you") }
        return Notice.inset(
            .text(parts.joined(separator: "; ") + ". ") + HTML.el("a", [("href", SitePath.auditAlerts.link())], text: "See audit alerts"))
    }

    /// POST /audits/:id/alert-response: the team manager's response; an administrator may stand in.
    static func respond(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let (audit, template) = try await QAController.audit(req)
        let users = try await req.services.accounts.users(authority: user.authority)
        guard user.role == .administrator || AuditRecipients.alert(audit, users: users).contains(where: { $0.username == user.username }) else {
            throw Abort(.forbidden, reason: "Only the manager alerted, or an administrator, can record the response to this alert.")
        }
        let text = (AuditReviewController.fields(req)["response"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            _ = try await req.services.store.audits(clock: req.services.clock).respondToAlert(audit.id, text: text, authority: user.authority, by: user.username)
        } catch let e as AuditWorkflowError {
            let message = text.isEmpty ? "Enter your response" : QAController.plain(e)
            return try await AuditReviewController.page(
                req, audit: audit, title: template.title, errors: [FieldError(fieldID: "response", message: message)], status: .unprocessableEntity)
        }
        try await req.services.accounts.record(
            authority: user.authority, user: user.username, action: "responded to audit alert", target: audit.id.rawValue, isChildLevel: false)
        return req.redirect(to: AuditReviewController.reviewPath(audit.id) + "?notice=response", redirectType: .normal)
    }

    /// Has `audit`'s alert e-mailed to the managers alerted, when a mail server is configured and
    /// the alert is new (`before` is the audit as it was): a job ("audit-alert"), sent at once by
    /// this process or another. A failure is logged and recorded, never shown to the auditor: the
    /// alert stands on the page whatever the mail does.
    static func mailIfNew(_ audit: Audit, before: Audit, _ req: Request) async {
        guard req.services.mailer != nil, let alert = audit.alert, alert.isOpen, alert.reasons != before.alert?.reasons ?? [] else { return }
        guard let la = req.user?.authority else { return }
        let payload = BackgroundWork.AuditAlertPayload(audit: audit.id.rawValue, link: absolute(req, AuditReviewController.reviewPath(audit.id)))
        do {
            try await req.services.store.jobs(clock: req.services.clock).enqueue(
                kind: "audit-alert", authority: la, by: req.user?.username ?? "oversight", payload: try BackgroundWork.text(payload))
            req.services.runner.wake()
        } catch {
            req.logger.warning("audit alert e-mail not queued", metadata: ["error": "\(type(of: error))"])
        }
    }

    /// E-mails `audit`'s open alert to the managers it alerts; records how many were sent and
    /// failed in the activity log. Returns the counts.
    static func mail(_ audit: Audit, authority la: String, link: String?, services: WebServices) async -> (sent: Int, failed: Int) {
        guard let mailer = services.mailer, audit.alert?.isOpen == true, let users = try? await services.accounts.users(authority: la) else { return (0, 0) }
        let to = AuditRecipients.alert(audit, users: users).compactMap { u in u.email.map { (name: u.displayName, email: $0) } }
        var sent = 0, failed = 0
        for n in AuditNotice.alert(audit, recipients: to, link: link) {
            do {
                try await mailer.send(to: n.to, subject: n.subject, body: n.body)
                sent += 1
            } catch {
                failed += 1
                services.runner.logger.warning("audit alert e-mail failed", metadata: ["error": "\(type(of: error))"])
            }
        }
        try? await services.accounts.record(
            authority: la, user: "oversight", action: "e-mailed audit alert", target: "\(audit.id): \(sent) sent, \(failed) failed", isChildLevel: false)
        return (sent, failed)
    }
}
