import Foundation
import OversightCore
import OversightStore
import OversightViews
import Vapor

/// After an audit is submitted: its grades and moderation, feedback to the practitioner and
/// manager, actions tracked to completion; supervision sessions entered by hand; the learning
/// summary as text for the practice forums.
enum AuditReviewController {
    static func reviewPath(_ id: AuditID) -> String { SitePath.auditReview.link(id.rawValue) }

    /// GET /audits/:id/review
    static func show(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let (audit, template) = try await QAController.audit(req)
        // Its auditor, and those who moderate and give feedback.
        guard audit.auditor == user.username || Access.moderators.allows(user.role) else { throw Abort(.forbidden) }
        return try await page(req, audit: audit, title: template.title, errors: [])
    }

    static func page(_ req: Request, audit: Audit, title: String, errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let csrf = req.signed?.csrf ?? ""
        var out = ErrorSummary.render(errors)
        if (try? req.query.get(String.self, at: "notice")) == "response" {
            out = Notice.banner(.success, heading: "Your response is recorded") + out
        }
        out += HTML.el("span", [("class", "ov-caption-l")], text: title)
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: "Audit review")
        out += SummaryList.render([
            .init("Status", text: audit.status.title),
            .init("Auditor", text: audit.auditor),
            .init("Due", text: Format.date(audit.dueDate)),
            .init("Auditor's grade", text: audit.grade?.title ?? "Not graded"),
            .init(
                "Moderation",
                text: audit.moderation.map { m in "\(m.grade.title) by \(m.moderator)" + (m.agrees ? " (agrees)" : " (revised: \(m.rationale ?? ""))") } ?? "Not moderated"),
            .init("Final grade", text: audit.finalGrade?.title ?? "Not graded"),
            .init("Feedback", text: audit.feedback ?? "Not given yet"),
        ])
        if let alert = audit.alert, let user = req.user {
            let alerted = AuditRecipients.alert(audit, users: try await req.services.accounts.users(authority: user.authority))
            let canRespond = Access.alertResponders.allows(user.role) && (user.role == .administrator || alerted.contains { $0.username == user.username })
            out += AuditAlertsPage.panel(
                alert, alerted: alerted.map(\.displayName), canRespond: canRespond, csrf: csrf,
                action: SitePath.auditAlertResponse.link(audit.id.rawValue), error: errors.first { $0.fieldID == "response" }?.message)
        }
        let canAct = req.user.map { Access.moderators.allows($0.role) } ?? false
        if canAct && audit.status.isSubmitted && audit.feedback == nil {
            var form = FormGroup.hidden(name: "csrf", value: csrf)
            form += FormGroup.textarea(
                id: "feedback", label: "Feedback to the practitioner and their manager", value: "",
                error: errors.first { $0.fieldID == "feedback" }?.message)
            form += Button.render("Record feedback")
            out += HTML.el("h2", [("class", "ov-heading-l")], text: "Feedback")
            out += HTML.el("form", [("method", "post"), ("action", SitePath.auditFeedback.link(audit.id.rawValue)), ("novalidate", "")], form)
        }
        out += HTML.el("h2", [("class", "ov-heading-l")], text: "Actions")
        out += DataTable(
            caption: "Actions from this audit", isCaptionVisible: false,
            columns: [.init("n", "Number", isNumeric: true), .init("text", "Action"), .init("owner", "Owner"), .init("due", "Due"), .init("done", "Done")],
            rows: audit.actions.map { a in
                [
                    .text(String(a.number)), .text(a.text), .text(a.owner), .text(Format.date(a.due)),
                    a.isDone
                        ? .text("Done by \(a.doneBy ?? "")")
                        : !canAct ? .text("Not yet") : Button.postForm("Mark done", action: SitePath.auditActionDone.link(audit.id.rawValue, String(a.number)), csrfToken: csrf),
                ]
            }, emptyMessage: "No actions yet."
        ).render()
        if canAct && audit.status == .feedbackGiven {
            var form = FormGroup.hidden(name: "csrf", value: csrf)
            form += FormGroup.text(id: "text", label: "Action", value: "", error: errors.first { $0.fieldID == "text" }?.message)
            form += FormGroup.text(id: "owner", label: "Owner", value: "", error: errors.first { $0.fieldID == "owner" }?.message)
            form += FormGroup.text(id: "due", label: "Due date", hint: "For example, 2025-05-30", value: "", error: errors.first { $0.fieldID == "due" }?.message)
            form += Button.render("Add action", kind: .secondary)
            out += HTML.el("form", [("method", "post"), ("action", SitePath.auditActions.link(audit.id.rawValue)), ("novalidate", "")], form)
        }
        return Pages.page(
            req, title: errors.isEmpty ? "Audit review" : "Error: Audit review", section: "Audits", content: out,
            breadcrumbs: [Breadcrumb("My audits", href: SiteURL.audits)], status: status)
    }

    static func fields(_ req: Request) -> [String: String] { (try? req.content.decode([String: String].self)) ?? [:] }

    /// Runs a workflow step; a refusal comes back as the page with its reason.
    static func step(_ req: Request, field: String, _ body: (AuditRepository, Audit, UserAccount) async throws -> Audit) async throws -> Response {
        let user = try req.requireUser
        let (audit, template) = try await QAController.audit(req)
        do {
            let updated = try await body(req.services.store.audits(clock: req.services.clock), audit, user)
            await req.services.dashboards.invalidate(authority: user.authority)
            try await req.services.accounts.record(authority: user.authority, user: user.username, action: "audit \(field)", target: audit.id.rawValue, isChildLevel: false)
            return req.redirect(to: reviewPath(updated.id), redirectType: .normal)
        } catch let e as AuditWorkflowError {
            return try await page(req, audit: audit, title: template.title, errors: [FieldError(fieldID: field, message: QAController.plain(e))], status: .unprocessableEntity)
        }
    }

    /// POST /audits/:id/feedback
    static func feedback(_ req: Request) async throws -> Response {
        let text = (fields(req)["feedback"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return try await step(req, field: "feedback") { repo, audit, user in
            try await repo.giveFeedback(audit.id, text: text, authority: user.authority, by: user.username)
        }
    }

    /// POST /audits/:id/actions
    static func addAction(_ req: Request) async throws -> Response {
        let f = fields(req)
        guard let due = Day.parseISO(Substring(f["due"] ?? "")) else {
            let (audit, template) = try await QAController.audit(req)
            return try await page(
                req, audit: audit, title: template.title, errors: [FieldError(fieldID: "due", message: "Enter the due date as YYYY-MM-DD")], status: .unprocessableEntity)
        }
        return try await step(req, field: "text") { repo, audit, user in
            try await repo.addAction(audit.id, text: f["text"] ?? "", owner: f["owner"] ?? "", due: due, authority: user.authority, by: user.username)
        }
    }

    /// POST /audits/:id/actions/:number/done
    static func completeAction(_ req: Request) async throws -> Response {
        guard let n = req.parameters.get("number", as: Int.self) else { throw Abort(.notFound) }
        return try await step(req, field: "actions") { repo, audit, user in
            // The last action done closes the audit's actions (the workflow does it).
            try await repo.completeAction(audit.id, number: n, authority: user.authority, by: user.username)
        }
    }

    /// GET /audits/learning.txt: "what we learned" as plain text for the practice forums.
    static func learningText(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let day = Day(req.services.clock())
        let (period, _) = try await QAController.learningPeriods(req, user: user, today: day)
        let summary = try await req.services.store.audits().learningSummary(period: period, reportDate: day, authority: user.authority)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"what-we-learned-\(period.start.iso)-\(period.end.iso).txt\"")
        return Response(status: .ok, headers: headers, body: .init(string: summary.plainText))
    }

    /// GET /audits/supervision: supervision sessions entered by hand, and the form to enter one.
    static func supervision(_ req: Request) async throws -> Response {
        try await supervisionPage(req, errors: [], values: [:], notice: nil)
    }

    static func supervisionPage(_ req: Request, errors: [FieldError], values: [String: String], notice: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try req.requireUser
        let sessions = try await req.services.store.audits().supervisionSessions(authority: user.authority)
        var out = ErrorSummary.render(errors)
        if let notice { out += Notice.banner(.success, heading: notice) }
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: "Supervision sessions")
        var form = FormGroup.hidden(name: "csrf", value: req.signed?.csrf ?? "")
        form += FormGroup.text(
            id: "worker", label: "Worker's id", hint: "As in the case management system", value: values["worker"] ?? "",
            error: errors.first { $0.fieldID == "worker" }?.message)
        form += FormGroup.text(
            id: "date", label: "Date", hint: "For example, 2025-03-14", value: values["date"] ?? "",
            error: errors.first { $0.fieldID == "date" }?.message)
        form += FormGroup.radios(
            id: "kind", legend: "Kind of session",
            options: [
                FormOption(value: "formal", label: "Formal supervision"),
                FormOption(value: "case", label: "Case discussion"),
            ],
            selected: values["kind"] ?? "formal")
        form += FormGroup.radios(
            id: "reflective", legend: "Was it reflective?", options: [FormOption(value: "Y", label: "Yes"), FormOption(value: "N", label: "No")],
            selected: values["reflective"] ?? "", error: errors.first { $0.fieldID == "reflective" }?.message)
        form += Button.render("Save the session")
        out += HTML.el("form", [("method", "post"), ("action", SitePath.supervision.link()), ("novalidate", "")], form)
        let standards = try await req.services.store.audits().practiceStandards(authority: user.authority)
        out += HTML.el("h2", [("class", "ov-heading-l")], text: "Practice standards")
        out += DataTable(
            caption: "Days between formal supervision sessions, by role", isCaptionVisible: false,
            columns: [.init("role", "Role"), .init("days", "Days", isNumeric: true)],
            rows: standards.map { [.text($0.role), .text(String($0.supervisionIntervalDays))] },
            emptyMessage: "None set: the measures use 28 days."
        ).render()
        var standardForm = FormGroup.hidden(name: "csrf", value: req.signed?.csrf ?? "")
        standardForm += FormGroup.text(
            id: "role", label: "Role", hint: "For example, social worker", value: values["role"] ?? "",
            error: errors.first { $0.fieldID == "role" }?.message)
        standardForm += FormGroup.text(
            id: "days", label: "Days between formal sessions", value: values["days"] ?? "",
            error: errors.first { $0.fieldID == "days" }?.message, width: "3")
        standardForm += Button.render("Set the standard", kind: .secondary)
        out += HTML.el("form", [("method", "post"), ("action", SitePath.supervisionStandards.link()), ("novalidate", "")], standardForm)
        out += HTML.el("h2", [("class", "ov-heading-l")], text: "Sessions entered")
        out += DataTable(
            caption: "Sessions entered here", columns: [.init("worker", "Worker"), .init("date", "Date"), .init("kind", "Kind"), .init("reflective", "Reflective")],
            rows: sessions.suffix(200).reversed().map { s in
                [.text(s.worker), .text(s.date.day.map(Format.date) ?? ""), .text(s.kind ?? ""), .text(s.reflective.map { $0 ? "Yes" : "No" } ?? "")]
            }, emptyMessage: "None yet."
        ).render()
        return Pages.page(
            req, title: errors.isEmpty ? "Supervision sessions" : "Error: Supervision sessions", section: "Audits", content: out,
            breadcrumbs: [Breadcrumb("My audits", href: SiteURL.audits)], status: status)
    }

    /// POST /audits/supervision/standards: a role's practice standard (days between formal sessions).
    static func setStandard(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let f = fields(req)
        var errors: [FieldError] = []
        let role = (f["role"] ?? "").trimmingCharacters(in: .whitespaces)
        if role.isEmpty { errors.append(FieldError(fieldID: "role", message: "Enter the role")) }
        let days = Int(f["days"] ?? "")
        if days == nil || !(1...365).contains(days!) { errors.append(FieldError(fieldID: "days", message: "Enter a number of days from 1 to 365")) }
        guard errors.isEmpty, let days else { return try await supervisionPage(req, errors: errors, values: f, notice: nil, status: .unprocessableEntity) }
        try await req.services.store.audits(clock: req.services.clock).setPracticeStandard(
            PracticeStandard(role: role, supervisionIntervalDays: days),
            authority: user.authority, by: user.username)
        await req.services.dashboards.invalidate(authority: user.authority)
        try await req.services.accounts.record(
            authority: user.authority, user: user.username, action: "set practice standard", target: "\(role): \(days) days", isChildLevel: false)
        return try await supervisionPage(req, errors: [], values: [:], notice: "The practice standard is saved")
    }

    /// POST /audits/supervision
    static func addSupervision(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let f = fields(req)
        var errors: [FieldError] = []
        let worker = (f["worker"] ?? "").trimmingCharacters(in: .whitespaces)
        if worker.isEmpty { errors.append(FieldError(fieldID: "worker", message: "Enter the worker's id")) }
        let date = Day.parseISO(Substring(f["date"] ?? ""))
        if date == nil { errors.append(FieldError(fieldID: "date", message: "Enter the date as YYYY-MM-DD")) }
        if let date, date > Day(req.services.clock()) { errors.append(FieldError(fieldID: "date", message: "The date must not be in the future")) }
        let reflective = f["reflective"].flatMap { $0 == "Y" ? true : $0 == "N" ? false : nil }
        if reflective == nil { errors.append(FieldError(fieldID: "reflective", message: "Say whether the session was reflective")) }
        guard errors.isEmpty, let date else { return try await supervisionPage(req, errors: errors, values: f, notice: nil, status: .unprocessableEntity) }
        _ = try await req.services.store.audits(clock: req.services.clock).addSupervisionSession(
            worker: worker, date: date, kind: f["kind"], reflective: reflective,
            authority: user.authority, by: user.username)
        await req.services.dashboards.invalidate(authority: user.authority)
        try await req.services.accounts.record(authority: user.authority, user: user.username, action: "entered supervision session", target: worker, isChildLevel: false)
        return try await supervisionPage(req, errors: [], values: [:], notice: "The session is saved")
    }
}
