import Foundation
import OversightCore
import OversightFormats
import OversightStore
import OversightViews
import Vapor

/// Delivering the plan: the ambitions' actions and their progress, and values entered by hand.
enum PlanController {
    /// GET /plan: each ambition with its actions' progress, and the actions overdue, off track or at risk.
    static func index(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let repo = req.services.store.actions(authority: user.authority, clock: req.services.clock)
        let plan = try await req.services.plan(authority: user.authority)
        if try await repo.all().isEmpty {
            _ = try await repo.seed(from: plan, owner: "Ambition lead", by: "oversight")
        }
        let today = Day(req.services.clock())
        let actions = try await repo.all()
        let watch = try await repo.watchList(today: today)
        var out = HTML.el("h1", [("class", "ov-heading-xl")], text: "Plan")
        out += HTML.el("p", [("class", "ov-body-lead")], text: plan.title)
        if !watch.isEmpty {
            out += HTML.el("h2", [("class", "ov-heading-l")], text: "Actions needing attention")
            out += DataTable(
                caption: "Actions overdue, off track or at risk", isCaptionVisible: false,
                columns: [
                    .init("ambition", "Ambition", isNumeric: true), .init("action", "Action"), .init("owner", "Owner"),
                    .init("due", "Due"), .init("why", "Why"),
                ],
                rows: watch.map { w in
                    [
                        .text(String(w.action.ambition)),
                        HTML.el("a", [("href", SitePath.planAmbition.link(String(w.action.ambition)))], text: w.action.text),
                        .text(w.action.owner), .text(w.action.due.map(Format.date) ?? "Not set"),
                        .text(w.reasons.map(\.label).joined(separator: ", ")),
                    ]
                }
            ).render()
        }
        out += HTML.el("h2", [("class", "ov-heading-l")], text: "Ambitions")
        out += DataTable(
            caption: "Progress of each ambition's actions", isCaptionVisible: false,
            columns: [.init("ambition", "Ambition"), .init("actions", "Actions", isNumeric: true)]
                + ActionStatus.allCases.map { .init($0.rawValue, $0.label, isNumeric: true) },
            rows: plan.ambitions.map { a in
                let mine = actions.filter { $0.ambition == a.number }
                return [HTML.el("a", [("href", SitePath.planAmbition.link(String(a.number)))], text: "\(a.number). \(a.title)"), .text(String(mine.count))]
                    + ActionStatus.allCases.map { s in .text(String(mine.filter { $0.status == s }.count)) }
            }, hasRowHeaders: true
        ).render()
        out += HTML.el(
            "p", [("class", "ov-body")],
            HTML.el("a", [("href", SitePath.actionsCSV.link()), ("download", "")], text: "Download the actions as CSV") + .text(" or ")
                + HTML.el("a", [("href", SitePath.actionsXLSX.link()), ("download", "")], text: "as an Excel workbook"))
        if Access.handEntry.allows(user.role) {
            out += HTML.el("p", [("class", "ov-body")], HTML.el("a", [("href", SitePath.handEntries.link())], text: "Enter the value of a measure entered by hand"))
        }
        return Pages.page(req, title: "Plan", section: "Plan", content: out)
    }

    /// GET /plan/ambitions/:number: an ambition's actions with their status and an update form.
    static func actions(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        guard let n = req.parameters.get("number", as: Int.self),
            let ambition = try await req.services.plan(authority: user.authority).ambitions.first(where: { $0.number == n })
        else {
            throw Abort(.notFound)
        }
        let actions = try await req.services.store.actions(authority: user.authority).all(ambition: n)
        var content = HTML.empty
        if (try? req.query.get(String.self, at: "notice")) == "saved" { content += Notice.banner(.success, heading: "The update is saved") }
        if (try? req.query.get(String.self, at: "notice")) == "commentary" { content += Notice.banner(.success, heading: "The commentary is saved") }
        content += ActionsPage.render(
            ambition: ambition, actions: actions, today: Day(req.services.clock()),
            csrf: Access.actionUpdaters.allows(user.role) ? (req.signed?.csrf ?? "") : "",
            updateAction: { SitePath.planAction.link(String($0)) })
        // The lead's commentary for the board pack, for the period the dashboards show.
        let snapshot = try await req.services.dashboards.snapshot(authority: user.authority)
        let period = try req.requestedPeriod() ?? req.services.dashboards.defaultPeriod(snapshot)
        let written = try await req.services.store.plans(authority: user.authority).commentary(period: period)[n]
        content += HTML.el("h2", [("class", "ov-heading-l"), ("id", "commentary")], text: "Commentary for the board, \(Format.period(period))")
        content += HTML.el("p", [("class", "ov-body")], text: written?.text ?? "None written yet.")
        if Access.commentators.allows(user.role) {
            var form = FormGroup.hidden(name: "csrf", value: req.signed?.csrf ?? "") + FormGroup.hidden(name: "period", value: period.description)
            form += FormGroup.textarea(
                id: "text", label: "Commentary", hint: "What changed, why, and what is being done. It appears on this ambition's page of the board pack.",
                value: written?.text ?? "")
            form += Button.render("Save the commentary")
            content += HTML.el("form", [("method", "post"), ("action", SitePath.ambitionCommentary.link(String(n))), ("novalidate", "")], form)
        }
        return Pages.page(req, title: "Ambition \(n): actions", section: "Plan", content: content, breadcrumbs: [Breadcrumb("Plan", href: SiteURL.plan)])
    }

    /// POST /plan/ambitions/:number/commentary: the lead's commentary for a period.
    static func saveCommentary(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        guard let n = req.parameters.get("number", as: Int.self),
            try await req.services.plan(authority: user.authority).ambitions.contains(where: { $0.number == n })
        else {
            throw Abort(.notFound)
        }
        let f = (try? req.content.decode([String: String].self)) ?? [:]
        guard let period = Period.parse(f["period"] ?? "") else { throw Abort(.badRequest, reason: "The period of the commentary is not understood.") }
        do {
            try await req.services.store.plans(authority: user.authority, clock: req.services.clock)
                .writeCommentary(ambition: n, period: period, text: f["text"] ?? "", by: user.username)
        } catch let e as StoreError {
            throw Abort(.unprocessableEntity, reason: e.description.prefix(1).uppercased() + e.description.dropFirst())
        }
        try await req.services.accounts.record(authority: user.authority, user: user.username, action: "wrote commentary", target: "ambition \(n) \(period)", isChildLevel: false)
        return req.redirect(to: SitePath.planAmbition.link(String(n)) + "?period=\(period.description)&notice=commentary", redirectType: .normal)
    }

    struct UpdateForm: Content {
        var text: String?
        var evidence: String?
        var status: String?
        var files: [File]?
    }

    /// POST /plan/actions/:id: a progress update with evidence and files; every change is kept in the history.
    static func update(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        guard let id = req.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
        let repo = req.services.store.actions(authority: user.authority, clock: req.services.clock)
        guard let action = try await repo.action(id: id) else { throw Abort(.notFound) }
        let form = try req.content.decode(UpdateForm.self)
        let files = (form.files ?? []).filter { !$0.filename.isEmpty && $0.data.readableBytes > 0 }.map { f in
            ActionRepository.Attachment(
                fileName: UploadReceiver.safeName(f.filename), mediaType: f.contentType?.description ?? "application/octet-stream",
                bytes: Data(buffer: f.data))
        }
        do {
            _ = try await repo.addUpdate(
                actionID: id, text: form.text ?? "", evidence: form.evidence ?? "",
                status: form.status.flatMap(ActionStatus.init(rawValue:)), files: files, by: user.username)
        } catch let e as StoreError {
            throw Abort(.unprocessableEntity, reason: e.description.prefix(1).uppercased() + e.description.dropFirst())
        }
        try await req.services.accounts.record(authority: user.authority, user: user.username, action: "updated action", target: "action \(id)", isChildLevel: false)
        return req.redirect(to: SitePath.planAmbition.link(String(action.ambition)) + "?notice=saved", redirectType: .normal)
    }

    /// GET /plan/entries: the form for a hand-entered measure's value.
    static func entryForm(_ req: Request) async throws -> Response {
        page(req, input: HandEntryForm.Input(), problems: [], notice: nil)
    }

    static func page(_ req: Request, input: HandEntryForm.Input, problems: [HandEntryProblem], notice: String?, status: HTTPResponseStatus = .ok) -> Response {
        var content = notice.map { Notice.banner(.success, heading: $0) } ?? .empty
        content += HandEntryForm.render(input: input, problems: problems, csrf: req.signed?.csrf ?? "", action: SitePath.handEntries.link())
        return Pages.page(
            req, title: problems.isEmpty ? "Enter a value" : "Error: Enter a value", section: "Plan", content: content,
            breadcrumbs: [Breadcrumb("Plan", href: SiteURL.plan)], status: status)
    }

    /// POST /plan/entries: validates and stores the value; a correction keeps the previous value in the history.
    static func saveEntry(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let f = (try? req.content.decode([String: String].self)) ?? [:]
        let input = HandEntryForm.Input(
            measure: f["measure"] ?? "", period: f["period"] ?? "", value: f["value"] ?? "",
            numerator: f["numerator"] ?? "", denominator: f["denominator"] ?? "", source: f["source"] ?? "")
        let (entry, problems) = input.parse(by: user.username, at: req.services.clock())
        guard let entry, problems.isEmpty else { return page(req, input: input, problems: problems, notice: nil, status: .unprocessableEntity) }
        do {
            let replaced = try await req.services.store.handEntries(authority: user.authority, clock: req.services.clock).record(entry)
            await req.services.dashboards.invalidate(authority: user.authority)
            try await req.services.accounts.record(
                authority: user.authority, user: user.username, action: replaced == nil ? "entered value" : "corrected value",
                target: "\(entry.measureID) \(entry.period)", isChildLevel: false)
            return page(
                req, input: HandEntryForm.Input(), problems: [],
                notice: replaced == nil ? "The value is saved" : "The value is corrected; the previous one is kept in the history")
        } catch let rejected as HandEntryRejected {
            return page(req, input: input, problems: rejected.problems, notice: nil, status: .unprocessableEntity)
        }
    }
}
