import Foundation
import OversightCore
import OversightFormats
import OversightStore
import OversightViews
import Vapor

/// Families' and children's feedback: the Feedback page (forms, links, a summary for a period),
/// recording a form with a family, reading responses, and the public page a family's one-time
/// link opens.
///
/// The family's page shows the form's title and questions only. Every link that cannot be used
/// (unknown, expired, used, withdrawn) gets the same page and status, so the page tells nobody
/// which links exist. The form is protected by a double-submit token (a short-lived cookie the
/// form repeats), as the sign-in form is; links that cannot be used count against the client's
/// address (`feedbackLinkLimit`, 429 past the limit).
enum FeedbackController {
    static let formCookie = "oversight_feedback"

    /// GET /feedback
    static func index(_ req: Request) async throws -> Response {
        try await indexPage(req, notice: nil, newLink: nil)
    }

    static func indexPage(
        _ req: Request, notice: String?, newLink: (url: String, expires: String)?, problem: String? = nil, formProblem: String? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let user = try req.requireUser
        let repo = req.services.store.feedback(authority: user.authority, clock: req.services.clock)
        let snapshot = try await req.services.dashboards.snapshot(authority: user.authority)
        let period = try req.requestedPeriod() ?? req.services.dashboards.defaultPeriod(snapshot)
        let forms = try await repo.forms()
        let numbers = req.services.dashboards.numbers
        let measures = numbers.allMeasures(period: period, snapshot: snapshot, ids: MeasureCatalogue.feedback.map(\.id))
        let order = MeasureCatalogue.feedback.map(\.id)
        let titles = Dictionary(forms.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let links = try await repo.openLinks().map {
            FeedbackPages.LinkRow(id: $0.id, formTitle: titles[$0.formID] ?? $0.formID, team: $0.team, createdBy: $0.createdBy, expires: Format.timestamp($0.expiresAt))
        }
        let model = FeedbackPages.IndexModel(
            forms: forms, summary: FeedbackSummary(forms: forms, responses: snapshot.feedback, period: period),
            measures: measures.sorted { (order.firstIndex(of: $0.id) ?? 0) < (order.firstIndex(of: $1.id) ?? 0) }, openLinks: links,
            newLink: newLink, notice: notice, problem: problem, csrf: req.signed?.csrf ?? "", canReadResponses: user.role.readsFeedbackResponses,
            periodQuery: period.description, periodOptions: DashboardController.periodOptions(snapshot: snapshot, period: period),
            canManageForms: user.role.managesFeedbackForms, formProblem: formProblem)
        return Pages.page(
            req, title: ErrorSummary.title("Feedback from families", hasErrors: problem != nil || formProblem != nil), section: "Feedback", content: FeedbackPages.index(model),
            status: status)
    }

    /// GET /feedback/forms/:form
    static func recordForm(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        guard let form = try await req.services.store.feedback(authority: user.authority).latestForm(id: req.parameters.get("form") ?? "") else {
            throw Abort(.notFound)
        }
        return recordPage(req, FeedbackPages.RecordModel(form: form, csrf: req.signed?.csrf ?? ""))
    }

    static func recordPage(_ req: Request, _ m: FeedbackPages.RecordModel, status: HTTPResponseStatus = .ok) -> Response {
        Pages.page(
            req, title: ErrorSummary.title(m.form.title, hasErrors: !m.problems.isEmpty), section: "Feedback", content: FeedbackPages.record(m),
            breadcrumbs: [Breadcrumb("Feedback", href: SitePath.feedback.link())], status: status)
    }

    /// The answers in a posted form (fields `q-ID`).
    static func answers(_ fields: [String: String], form: FeedbackForm) -> [String: String] {
        var out: [String: String] = [:]
        for q in form.questions { if let v = fields["q-" + q.id] { out[q.id] = v } }
        return out
    }

    /// POST /feedback/forms/:form
    static func record(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let repo = req.services.store.feedback(authority: user.authority, clock: req.services.clock)
        guard let form = try await repo.latestForm(id: req.parameters.get("form") ?? "") else { throw Abort(.notFound) }
        let f = (try? req.content.decode([String: String].self)) ?? [:]
        let given = answers(f, form: form)
        let respondent = FeedbackRespondent(rawValue: f["respondent"] ?? "") ?? form.respondent
        let child = (f["child"] ?? "").trimmingCharacters(in: .whitespaces)
        let team = (f["team"] ?? "").trimmingCharacters(in: .whitespaces)
        var problems: [FeedbackAnswerProblem] = []
        if child.count > 40 { problems.append(FeedbackAnswerProblem(questionID: "child", message: "Enter the child's ID, at most 40 characters")) }
        if team.count > 100 { problems.append(FeedbackAnswerProblem(questionID: "team", message: "Enter the team's name, at most 100 characters")) }
        do {
            guard problems.isEmpty else { throw FeedbackRejected(form: form, problems: problems) }
            _ = try await repo.record(formID: form.id, answers: given, respondent: respondent, team: team, child: child, by: user.username)
        } catch let rejected as FeedbackRejected {
            return recordPage(
                req,
                FeedbackPages.RecordModel(
                    form: form, values: given, respondent: respondent, child: child, team: team, problems: problems + rejected.problems,
                    csrf: req.signed?.csrf ?? ""), status: .unprocessableEntity)
        }
        await req.services.dashboards.invalidate(authority: user.authority)
        try await req.services.accounts.record(
            authority: user.authority, user: user.username, action: "recorded feedback", target: form.id, isChildLevel: !child.isEmpty)
        return try await indexPage(req, notice: "The feedback is saved", newLink: nil)
    }

    /// POST /feedback/links/new
    static func createLink(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let f = (try? req.content.decode([String: String].self)) ?? [:]
        let daysText = (f["days"] ?? "").trimmingCharacters(in: .whitespaces)
        let days = daysText.isEmpty ? FeedbackRepository.defaultLinkDays : Int(daysText) ?? 0
        let repo = req.services.store.feedback(authority: user.authority, clock: req.services.clock)
        let made: NewFeedbackLink
        do {
            made = try await repo.createLink(formID: f["form"] ?? "", team: f["team"], days: days, by: user.username)
        } catch let StoreError.badInput(reason) {
            return try await indexPage(req, notice: nil, newLink: nil, problem: "The link was not made: \(reason)", status: .unprocessableEntity)
        }
        try await req.services.accounts.record(
            authority: user.authority, user: user.username, action: "made a feedback link", target: "link \(made.link.id) \(made.link.formID)",
            isChildLevel: false)
        var base = req.services.options.publicURL ?? "http://\(req.services.options.host):\(req.services.options.port)"
        while base.hasSuffix("/") { base.removeLast() }
        let url = base + SitePath.feedbackFamily.link(made.token)
        return try await indexPage(req, notice: nil, newLink: (url, Format.timestamp(made.link.expiresAt)))
    }

    /// POST /feedback/links/:id/withdraw
    static func withdrawLink(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        guard let id = req.parameters.get("id").flatMap(Int.init) else { throw Abort(.notFound) }
        let done = try await req.services.store.feedback(authority: user.authority, clock: req.services.clock).withdrawLink(id: id, by: user.username)
        guard done else { throw Abort(.notFound) }
        try await req.services.accounts.record(
            authority: user.authority, user: user.username, action: "withdrew a feedback link", target: "link \(id)", isChildLevel: false)
        return try await indexPage(req, notice: "The link is withdrawn", newLink: nil)
    }

    /// GET /feedback/responses/all
    static func responses(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let repo = req.services.store.feedback(authority: user.authority)
        let snapshot = try await req.services.dashboards.snapshot(authority: user.authority)
        let period = try req.requestedPeriod() ?? req.services.dashboards.defaultPeriod(snapshot)
        let responses = try await repo.responses(in: period)
        var forms: [String: FeedbackForm] = [:]
        for f in try await repo.forms() { forms[f.id] = f }
        try await req.services.accounts.record(
            authority: user.authority, user: user.username, action: "read feedback responses", target: period.description,
            isChildLevel: responses.contains { $0.child != nil })
        return Pages.page(
            req, title: "Feedback responses", section: "Feedback",
            content: FeedbackPages.responses(FeedbackPages.ResponsesModel(period: period, forms: forms, responses: responses)),
            breadcrumbs: [Breadcrumb("Feedback", href: SitePath.feedback.link())])
    }

    // MARK: An authority's own forms

    /// POST /feedback/forms: a form file (YAML, field `form-file` of a multipart form) saved as a
    /// new form or the next version of its id. A file that cannot be read, or a form the store
    /// refuses (a question a measure reads dropped), is shown on the file box, located; nothing is
    /// stored.
    static func uploadForm(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        guard let file = try MultipartForm(req)?.files.first(where: { $0.name == "form-file" }) else {
            return try await indexPage(
                req, notice: nil, newLink: nil, formProblem: "Choose a form file (YAML) to upload", status: .unprocessableEntity)
        }
        let name = UploadReceiver.safeName(file.fileName)
        let form: FeedbackForm
        do {
            form = try FeedbackFormReader().parse(data: file.bytes, file: name)
        } catch let e as FeedbackFormError {
            return try await indexPage(req, notice: nil, newLink: nil, formProblem: "The form was not saved: \(e.description)", status: .unprocessableEntity)
        }
        let repo = req.services.store.feedback(authority: user.authority, clock: req.services.clock)
        let before = try await repo.latestForm(id: form.id)
        let saved: FeedbackForm
        do {
            saved = try await repo.saveForm(form, by: user.username)
        } catch let StoreError.badInput(reason) {
            return try await indexPage(req, notice: nil, newLink: nil, formProblem: "The form was not saved: \(name): \(reason)", status: .unprocessableEntity)
        }
        if let before, before == saved {
            return try await indexPage(req, notice: "\(saved.title) is the same as its version \(saved.version): nothing changed", newLink: nil)
        }
        await req.services.dashboards.invalidate(authority: user.authority)
        try await req.services.accounts.record(
            authority: user.authority, user: user.username, action: "saved a feedback form", target: "\(saved.id) version \(saved.version)",
            isChildLevel: false)
        return try await indexPage(req, notice: "\(saved.title) is saved as version \(saved.version) of \(saved.id)", newLink: nil)
    }

    /// GET /feedback/forms/:form/yaml: the form's latest version as the YAML an upload reads.
    static func formFile(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        guard let form = try await req.services.store.feedback(authority: user.authority).latestForm(id: req.parameters.get("form") ?? "") else {
            throw Abort(.notFound)
        }
        let response = Response(status: .ok, body: .init(string: FeedbackFormWriter.yaml(form)))
        response.headers.replaceOrAdd(name: .contentType, value: "application/yaml; charset=utf-8")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(form.id).yaml\"")
        return response
    }

    // MARK: A family's link

    /// GET /feedback/:token (no sign-in)
    static func familyForm(_ req: Request) async throws -> Response {
        let services = req.services
        if services.feedbackLinkLimit.isBlocked(req.clientAddress, now: services.clock()) { return tooMany(req) }
        let token = req.parameters.get("token") ?? ""
        guard let form = try await services.store.feedbackLinks(clock: services.clock).form(token: token) else { return unusable(req) }
        return familyPage(req, FeedbackPages.FamilyModel(form: form, action: SitePath.feedbackFamily.link(token), csrf: ""))
    }

    /// POST /feedback/:token (no sign-in): one submission, then thanks.
    static func familySubmit(_ req: Request) async throws -> Response {
        let services = req.services
        if services.feedbackLinkLimit.isBlocked(req.clientAddress, now: services.clock()) { return tooMany(req) }
        let token = req.parameters.get("token") ?? ""
        let links = services.store.feedbackLinks(clock: services.clock)
        guard let form = try await links.form(token: token) else { return unusable(req) }
        let f = (try? req.content.decode([String: String].self)) ?? [:]
        guard let cookie = req.cookies[formCookie]?.string, let sent = f["csrf"], !cookie.isEmpty, Gate.constantTimeEqual(cookie, sent) else {
            throw Abort(.forbidden, reason: "The form had expired. Go back, reload the page and try again.")
        }
        let given = answers(f, form: form)
        let respondent = FeedbackRespondent(rawValue: f["respondent"] ?? "") ?? form.respondent
        switch try await links.submit(token: token, answers: given, respondent: respondent) {
        case .unusable:
            return unusable(req)
        case .refused(let form, let problems):
            return familyPage(
                req, FeedbackPages.FamilyModel(form: form, values: given, respondent: respondent, problems: problems, action: SitePath.feedbackFamily.link(token), csrf: ""),
                status: .unprocessableEntity)
        case .accepted(let response):
            await services.dashboards.invalidate(authority: response.authority)
            try await services.accounts.record(
                authority: response.authority, user: "", action: "feedback given through a link", target: response.formID, isChildLevel: false)
            let page = Pages.page(req, title: "Thank you", section: nil, content: FeedbackPages.thanks())
            page.cookies[formCookie] = expiredCookie(req)
            return page
        }
    }

    /// The family's form with a fresh double-submit token in its cookie.
    static func familyPage(_ req: Request, _ model: FeedbackPages.FamilyModel, status: HTTPResponseStatus = .ok) -> Response {
        var m = model
        m.csrf = SignInController.randomToken()
        let title = ErrorSummary.title(m.form.title, hasErrors: !m.problems.isEmpty)
        let response = Pages.page(req, title: title, section: nil, content: FeedbackPages.family(m), status: status)
        response.cookies[formCookie] = HTTPCookies.Value(
            string: m.csrf, maxAge: 3600, path: SitePath.feedback.link(), isSecure: req.services.options.secureCookies, isHTTPOnly: true,
            sameSite: .strict)
        return response
    }

    /// The one answer for a link that cannot be used, whatever the reason; counted against the address.
    static func unusable(_ req: Request) -> Response {
        req.services.feedbackLinkLimit.recordFailure(req.clientAddress, now: req.services.clock())
        return Pages.page(req, title: FeedbackPages.unusableTitle, section: nil, content: FeedbackPages.unusable(), status: .notFound)
    }

    static func tooMany(_ req: Request) -> Response {
        Pages.page(
            req, title: "Too many requests", section: nil,
            content: HTML.el("h1", [("class", "ov-heading-l")], text: "Too many requests")
                + HTML.el("p", [("class", "ov-body")], text: "Too many links that do not work were opened from your network. Wait five minutes and try again."),
            status: .tooManyRequests)
    }

    static func expiredCookie(_ req: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: SitePath.feedback.link(), isSecure: req.services.options.secureCookies,
            isHTTPOnly: true, sameSite: .strict)
    }
}
