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
                        HTML.el("a", [("href", SitePath.planAction.link(String(w.action.id ?? 0)))], text: w.action.text),
                        .text(w.action.owner), .text(w.action.due.map(Format.date) ?? "Not set"),
                        .text(w.reasons.map(\.label).joined(separator: ", ")),
                    ]
                }
            ).render()
        }
        let dueSoon = actions.filter { $0.isDueSoon(on: today) }.sorted { ($0.due ?? today, $0.ambition) < ($1.due ?? today, $1.ambition) }
        out += HTML.el("h2", [("class", "ov-heading-l")], text: "Due in the next \(PlanAction.dueSoonDays) days")
        if dueSoon.isEmpty {
            out += HTML.el("p", [("class", "ov-body")], text: "No action is due in the next \(PlanAction.dueSoonDays) days.")
        } else {
            out += DataTable(
                caption: "Actions due in the next \(PlanAction.dueSoonDays) days, soonest first", isCaptionVisible: false,
                columns: [.init("ambition", "Ambition", isNumeric: true), .init("action", "Action"), .init("owner", "Owner"), .init("due", "Due"), .init("rag", "RAG")],
                rows: dueSoon.map { a in
                    [
                        .text(String(a.ambition)), HTML.el("a", [("href", SitePath.planAction.link(String(a.id ?? 0)))], text: a.text), .text(a.owner),
                        .text(a.due.map(Format.date) ?? ""), ActionPages.ragTag(a, today: today),
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
                return [HTML.el("a", [("href", AmbitionPage.link(a.number, tab: .actions, period: nil))], text: "\(a.number). \(a.title)"), .text(String(mine.count))]
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

    /// GET /plan/ambitions/:number: the ambition's page now holds its actions and commentary in
    /// tabs; the old address opens the Actions tab, keeping the period.
    static func actions(_ req: Request) async throws -> Response {
        guard let n = req.parameters.get("number", as: Int.self) else { throw Abort(.notFound) }
        return req.redirect(to: AmbitionPage.link(n, tab: .actions, period: req.periodForLinks), redirectType: .permanent)
    }

    /// The success banners the plan's forms come back with, by the `notice` parameter.
    static let notices: [String: String] = [
        "saved": "The update is saved", "commentary": "The commentary is saved", "items": "The action is changed", "moved": "The action is moved", "owner": "The owner is changed",
        "due": "The due date is changed",
        "added": "The action is added",
    ]

    /// The Actions tab of an ambition's page: a card per action, the downloads.
    static func actionsTab(_ req: Request, user: UserAccount, ambition n: Int) async throws -> HTML {
        let repo = req.services.store.actions(authority: user.authority, clock: req.services.clock)
        if try await repo.all().isEmpty {
            _ = try await repo.seed(from: try await req.services.plan(authority: user.authority), owner: "Ambition lead", by: "oversight")
        }
        let actions = try await repo.all(ambition: n)
        var out = HTML.el("h2", [("class", "ov-heading-l"), ("id", "actions")], text: "Actions")
        out += ActionPages.cards(
            actions, today: Day(req.services.clock()), canUpdate: Access.actionUpdaters.allows(user.role), ambition: n, csrf: req.signed?.csrf)
        out += HTML.el(
            "p", [("class", "ov-body ov-no-print")],
            HTML.el("a", [("href", SitePath.actionsCSV.link()), ("download", "")], text: "Download every action of the plan as CSV") + .text(" or ")
                + HTML.el("a", [("href", SitePath.actionsXLSX.link()), ("download", "")], text: "as an Excel workbook"))
        return out
    }

    /// The Commentary tab: the lead's commentary for the period, its form, and every version.
    static func commentaryTab(_ req: Request, user: UserAccount, ambition n: Int, period: Period) async throws -> HTML {
        let versions = try await req.services.store.plans(authority: user.authority).commentaryVersions(ambition: n)
        var form: HTML? = nil
        if Access.commentators.allows(user.role) {
            let current = versions.filter { $0.period == period }.last
            var fields = FormGroup.hidden(name: "csrf", value: req.signed?.csrf ?? "") + FormGroup.hidden(name: "period", value: period.description)
            fields += FormGroup.textarea(
                id: "text", label: current == nil ? "Write the commentary" : "Write a new version",
                hint: "What changed, why, and what is being done. It appears on this ambition's page of the board pack for \(Format.period(period)).",
                value: current?.text ?? "")
            fields += Button.render("Save the commentary")
            form = HTML.el("form", [("method", "post"), ("action", SitePath.ambitionCommentary.link(String(n))), ("novalidate", "")], fields)
        }
        return AmbitionPage.commentary(number: n, period: period, versions: versions, form: form)
    }

    /// The Commentary tab's red KPIs: each with the lead's account for the period (why it is off
    /// track, what is being done), which a board pack needs, and a form to write it.
    static func kpiCommentarySection(_ req: Request, user: UserAccount, ambition n: Int, period: Period, red: [KPIEvaluation]) async throws -> HTML {
        var out = HTML.el("h2", [("class", "ov-heading-l"), ("id", "red-kpis")], text: "Red KPIs: why, and what is being done")
        guard !red.isEmpty else {
            return out + HTML.el("p", [("class", "ov-body")], text: "No KPI of this ambition is red for \(Format.period(period)).")
        }
        out += HTML.el(
            "p", [("class", "ov-body")],
            text: "A red KPI goes into the board pack for \(Format.period(period)) only with its lead's account: why it is off track, and what is being done.")
        let written = try await req.services.store.plans(authority: user.authority).kpiCommentary(period: period)
        var seen: Set<String> = []
        for e in red where seen.insert(e.kpi.measure).inserted {
            out += HTML.el("h3", [("class", "ov-heading-m"), ("id", "kpi-\(e.kpi.measure)")], text: e.kpi.wording)
            if let c = written[e.kpi.measure] {
                out += SummaryList.render([
                    .init("Why it is off track", .text(c.why)), .init("What is being done", .text(c.doing)),
                    .init("Written", .text("by \(c.by), \(Format.timestamp(c.at))")),
                ])
            } else {
                out += Notice.banner(.important, heading: "No account yet: the board pack cannot be made until there is one")
            }
            guard Access.commentators.allows(user.role) else { continue }
            var fields = FormGroup.hidden(name: "csrf", value: req.signed?.csrf ?? "") + FormGroup.hidden(name: "period", value: period.description)
            fields += FormGroup.hidden(name: "measure", value: e.kpi.measure)
            fields += FormGroup.textarea(id: "why-\(e.kpi.measure)", name: "why", label: "Why is it off track?", value: written[e.kpi.measure]?.why ?? "", rows: 3)
            fields += FormGroup.textarea(
                id: "doing-\(e.kpi.measure)", name: "doing", label: "What is being done about it?", value: written[e.kpi.measure]?.doing ?? "", rows: 3)
            fields += Button.render(written[e.kpi.measure] == nil ? "Save the account" : "Save a new version", kind: .secondary)
            out += HTML.el("form", [("method", "post"), ("action", SitePath.kpiCommentary.link(String(n))), ("novalidate", "")], fields)
        }
        return out
    }

    /// POST /plan/ambitions/:number/kpi-commentary: the lead's account of a red KPI for a period.
    static func saveKPICommentary(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        guard let n = req.parameters.get("number", as: Int.self),
            let ambition = try await req.services.plan(authority: user.authority).ambitions.first(where: { $0.number == n })
        else { throw Abort(.notFound) }
        let f = (try? req.content.decode([String: String].self)) ?? [:]
        guard let period = Period.parse(f["period"] ?? "") else { throw Abort(.badRequest, reason: "The period of the account is not understood.") }
        let measure = f["measure"] ?? ""
        guard ambition.kpis.contains(where: { $0.measure == measure }) else { throw Abort(.badRequest, reason: "That KPI is not one of this ambition's.") }
        if let p = KPICommentary.problems(why: f["why"] ?? "", doing: f["doing"] ?? "").first {
            throw Abort(.unprocessableEntity, reason: p.message + ", then save the account again.")
        }
        try await req.services.store.plans(authority: user.authority, clock: req.services.clock)
            .writeKPICommentary(measure: measure, period: period, why: f["why"] ?? "", doing: f["doing"] ?? "", by: user.username)
        await req.services.dashboards.invalidate(authority: user.authority)
        try await req.services.accounts.record(
            authority: user.authority, user: user.username, action: "wrote KPI commentary", target: "\(measure) \(period)", isChildLevel: false)
        return req.redirect(to: AmbitionPage.link(n, tab: .commentary, period: period.description) + "&notice=commentary#kpi-\(measure)", redirectType: .normal)
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
        // The overview shows the change at once, not when the data version is next read.
        await req.services.dashboards.invalidate(authority: user.authority)
        try await req.services.accounts.record(authority: user.authority, user: user.username, action: "wrote commentary", target: "ambition \(n) \(period)", isChildLevel: false)
        return req.redirect(to: AmbitionPage.link(n, tab: .commentary, period: period.description) + "&notice=commentary", redirectType: .normal)
    }

    /// POST /plan/actions/:id: a progress update with evidence and files (the check page's
    /// multipart form; a URL-encoded form without files is read too); every change is kept in the history.
    static func update(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        guard let id = req.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
        let repo = req.services.store.actions(authority: user.authority, clock: req.services.clock)
        guard try await repo.action(id: id) != nil else { throw Abort(.notFound) }
        let fields: [String: String]
        var files: [ActionRepository.Attachment] = []
        if let form = try MultipartForm(req) {
            fields = form.fields
            files = form.files.filter { $0.name == "files" }.map {
                ActionRepository.Attachment(fileName: UploadReceiver.safeName($0.fileName), mediaType: $0.mediaType, bytes: $0.bytes)
            }
        } else {
            fields = (try? req.content.decode([String: String].self)) ?? [:]
        }
        let form = (text: fields["text"], evidence: fields["evidence"], status: fields["status"])
        do {
            _ = try await repo.addUpdate(
                actionID: id, text: form.text ?? "", evidence: form.evidence ?? "",
                status: form.status.flatMap(ActionStatus.init(rawValue:)), files: files, by: user.username)
        } catch let e as StoreError {
            throw Abort(.unprocessableEntity, reason: e.description.prefix(1).uppercased() + e.description.dropFirst())
        }
        // The overview shows the change at once, not when the data version is next read.
        await req.services.dashboards.invalidate(authority: user.authority)
        try await req.services.accounts.record(authority: user.authority, user: user.username, action: "updated action", target: "action \(id)", isChildLevel: false)
        return req.redirect(to: SitePath.planAction.link(String(id)) + "?notice=saved", redirectType: .normal)
    }

    /// GET /plan/entries: the form for a hand-entered measure's value.
    /// The overview's "Enter value" link fills in the measure and the period (`?measure=&period=`).
    static func entryForm(_ req: Request) async throws -> Response {
        let q = (try? req.query.decode([String: String].self)) ?? [:]
        return page(req, input: HandEntryForm.Input(measure: q["measure"] ?? "", period: q["period"] ?? ""), problems: [], notice: nil)
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
