import Foundation
import OversightCore
import OversightStore
import OversightViews
import Vapor

/// An action's own page and the two-step forms that update its progress or change its owner or
/// due date (each ends in a check-answers page; nothing is stored before the last step).
extension PlanController {
    /// The action named by the path's `id`, in the user's authority (404 otherwise).
    static func requestedAction(_ req: Request, user: UserAccount) async throws -> PlanAction {
        guard let id = req.parameters.get("id", as: Int.self),
            let action = try await req.services.store.actions(authority: user.authority, clock: req.services.clock).action(id: id)
        else { throw Abort(.notFound) }
        return action
    }

    static func breadcrumbs(_ req: Request, _ a: PlanAction) -> [Breadcrumb] {
        [
            Breadcrumb("Overview", href: SiteURL.overview),
            Breadcrumb("Ambition \(a.ambition): actions", href: AmbitionPage.link(a.ambition, tab: .actions, period: req.periodForLinks)),
        ]
    }

    /// GET /plan/actions/:id: the action, its updates and the history of every change.
    static func actionPage(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let a = try await requestedAction(req, user: user)
        let title = try await req.services.plan(authority: user.authority).ambitions.first { $0.number == a.ambition }?.title ?? ""
        var content = HTML.empty
        if let notice = try? req.query.get(String.self, at: "notice"), let heading = notices[notice] { content += Notice.banner(.success, heading: heading) }
        let plan = try await req.services.plan(authority: user.authority)
        var seen: Set<String> = []
        let kpis = plan.allKPIs.compactMap { k in seen.insert(k.kpi.measure).inserted ? (measure: k.kpi.measure, wording: k.kpi.wording) : nil }
        let canUpdate = Access.actionUpdaters.allows(user.role)
        let today = Day(req.services.clock())
        let items = ActionPages.items(a, model: .init(kpis: kpis, canUpdate: canUpdate, csrf: req.signed?.csrf ?? ""), today: today)
        content += ActionPages.detail(a, ambitionTitle: title, today: today, canUpdate: canUpdate, items: items)
        return Pages.page(req, title: "Action: \(a.text)", section: "Overview", content: content, breadcrumbs: breadcrumbs(req, a))
    }

    /// GET /plan/actions/:id/update: the update form (filled from the query when coming back from the check page).
    static func updateForm(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let a = try await requestedAction(req, user: user)
        let q = (try? req.query.decode([String: String].self)) ?? [:]
        let input = ActionPages.UpdateInput(text: q["text"] ?? "", evidence: q["evidence"] ?? "", status: q["status"] ?? "")
        return Pages.page(
            req, title: "Update progress", section: "Overview",
            content: ActionPages.updateForm(a, input: input, errors: [], csrf: req.signed?.csrf ?? ""), breadcrumbs: breadcrumbs(req, a))
    }

    /// POST /plan/actions/:id/update: the answers checked, shown back with the button that saves them.
    static func updateCheck(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let a = try await requestedAction(req, user: user)
        let f = (try? req.content.decode([String: String].self)) ?? [:]
        let input = ActionPages.UpdateInput(
            text: (f["text"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines), evidence: (f["evidence"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
            status: f["status"] ?? "")
        let errors = input.errors
        guard errors.isEmpty else {
            return Pages.page(
                req, title: "Error: Update progress", section: "Overview",
                content: ActionPages.updateForm(a, input: input, errors: errors, csrf: req.signed?.csrf ?? ""), breadcrumbs: breadcrumbs(req, a),
                status: .unprocessableEntity)
        }
        return Pages.page(
            req, title: "Check your update", section: "Overview", content: ActionPages.updateCheck(a, input: input, csrf: req.signed?.csrf ?? ""),
            breadcrumbs: breadcrumbs(req, a))
    }

    /// The field named by the path (`owner` or `due`; 404 otherwise).
    static func requestedField(_ req: Request) throws -> ActionPages.Field {
        guard let f = req.parameters.get("field").flatMap(ActionPages.Field.init(rawValue:)) else { throw Abort(.notFound) }
        return f
    }

    /// The authority's active users, offered as owners.
    static func ownerChoices(_ req: Request, user: UserAccount) async throws -> [FormOption] {
        try await req.services.accounts.users(authority: user.authority).filter { !$0.isDisabled }
            .map { FormOption(value: $0.displayName, label: "\($0.displayName) (\($0.role.title))") }
    }

    /// GET /plan/actions/:id/change/:field: the question, with the current value (or the one being corrected).
    static func changeForm(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let a = try await requestedAction(req, user: user)
        let field = try requestedField(req)
        let q = (try? req.query.decode([String: String].self)) ?? [:]
        var input = ActionPages.ChangeInput(fields: q)
        if q.isEmpty || (field == .owner && q["owner"] == nil) || (field == .due && input.due.isBlank && q["due-day"] == nil) {
            input = ActionPages.ChangeInput(owner: a.owner, due: DateParts(a.due))
        }
        return Pages.page(
            req, title: field.question, section: "Overview",
            content: ActionPages.changeForm(a, field: field, input: input, errors: [], csrf: req.signed?.csrf ?? "", users: try await ownerChoices(req, user: user)),
            breadcrumbs: breadcrumbs(req, a))
    }

    /// POST /plan/actions/:id/change/:field: `step=check` shows the change to confirm; `step=confirm` saves it.
    static func change(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let a = try await requestedAction(req, user: user)
        let field = try requestedField(req)
        let f = (try? req.content.decode([String: String].self)) ?? [:]
        let input = ActionPages.ChangeInput(fields: f)
        let errors = input.errors(field)
        let csrf = req.signed?.csrf ?? ""
        guard errors.isEmpty else {
            return Pages.page(
                req, title: "Error: " + field.question, section: "Overview",
                content: ActionPages.changeForm(a, field: field, input: input, errors: errors, csrf: csrf, users: try await ownerChoices(req, user: user)),
                breadcrumbs: breadcrumbs(req, a), status: .unprocessableEntity)
        }
        guard f["step"] == "confirm" else {
            return Pages.page(
                req, title: "Check the change", section: "Overview", content: ActionPages.changeCheck(a, field: field, input: input, csrf: csrf),
                breadcrumbs: breadcrumbs(req, a))
        }
        let repo = req.services.store.actions(authority: user.authority, clock: req.services.clock)
        let id = a.id ?? 0
        do {
            switch field {
            case .owner: try await repo.edit(id: id, owner: input.owner, by: user.username)
            case .due: try await repo.edit(id: id, due: .some(input.due.date), by: user.username)
            }
        } catch let e as StoreError {
            throw Abort(.unprocessableEntity, reason: e.description.prefix(1).uppercased() + e.description.dropFirst())
        }
        // The overview shows the change at once, not when the data version is next read.
        await req.services.dashboards.invalidate(authority: user.authority)
        try await req.services.accounts.record(
            authority: user.authority, user: user.username, action: field == .owner ? "changed action owner" : "changed action due date",
            target: "action \(id)", isChildLevel: false)
        return req.redirect(to: SitePath.planAction.link(String(id)) + "?notice=\(field.rawValue)", redirectType: .normal)
    }

    /// GET /plan/actions/:id/files/:name: an evidence file, as a download.
    static func file(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let a = try await requestedAction(req, user: user)
        let name = req.parameters.get("name") ?? ""
        guard let file = try await req.services.store.actions(authority: user.authority).attachment(actionID: a.id ?? 0, fileName: name) else {
            throw Abort(.notFound)
        }
        var headers = HTTPHeaders()
        // Always a download, never shown in the site's own origin (an uploaded HTML file cannot run).
        headers.replaceOrAdd(name: .contentType, value: "application/octet-stream")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(UploadReceiver.safeName(file.fileName))\"")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: file.bytes))
    }

    /// The ambition named by the path's `number` in the authority's plan (404 otherwise).
    static func requestedAmbition(_ req: Request, user: UserAccount) async throws -> Ambition {
        guard let n = req.parameters.get("number", as: Int.self),
            let a = try await req.services.plan(authority: user.authority).ambitions.first(where: { $0.number == n })
        else { throw Abort(.notFound) }
        return a
    }

    /// GET /plan/ambitions/:number/actions: the form that adds an action (filled from the query when coming back from its check page).
    static func addForm(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let ambition = try await requestedAmbition(req, user: user)
        let q = (try? req.query.decode([String: String].self)) ?? [:]
        return Pages.page(
            req, title: "Add an action", section: "Overview",
            content: ActionPages.addForm(
                ambition: ambition.number, ambitionTitle: ambition.title, input: ActionPages.NewAction(fields: q), errors: [], csrf: req.signed?.csrf ?? ""),
            breadcrumbs: [Breadcrumb("Ambition \(ambition.number): actions", href: AmbitionPage.link(ambition.number, tab: .actions, period: nil))])
    }

    /// POST /plan/ambitions/:number/actions: `step=check` shows the new action to confirm; `step=confirm` adds it.
    static func add(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let ambition = try await requestedAmbition(req, user: user)
        let f = (try? req.content.decode([String: String].self)) ?? [:]
        let input = ActionPages.NewAction(fields: f)
        let csrf = req.signed?.csrf ?? ""
        let crumbs = [Breadcrumb("Ambition \(ambition.number): actions", href: AmbitionPage.link(ambition.number, tab: .actions, period: nil))]
        guard input.errors.isEmpty else {
            return Pages.page(
                req, title: "Error: Add an action", section: "Overview",
                content: ActionPages.addForm(ambition: ambition.number, ambitionTitle: ambition.title, input: input, errors: input.errors, csrf: csrf),
                breadcrumbs: crumbs, status: .unprocessableEntity)
        }
        guard f["step"] == "confirm" else {
            return Pages.page(
                req, title: "Check the new action", section: "Overview", content: ActionPages.addCheck(ambition: ambition.number, input: input, csrf: csrf),
                breadcrumbs: crumbs)
        }
        let created: PlanAction
        do {
            created = try await req.services.store.actions(authority: user.authority, clock: req.services.clock).create(
                PlanAction(ambition: ambition.number, text: input.text, owner: input.owner, due: input.due.date, by: user.username, at: req.services.clock()))
        } catch let e as StoreError {
            throw Abort(.unprocessableEntity, reason: e.description.prefix(1).uppercased() + e.description.dropFirst())
        }
        // The overview shows the change at once, not when the data version is next read.
        await req.services.dashboards.invalidate(authority: user.authority)
        try await req.services.accounts.record(
            authority: user.authority, user: user.username, action: "added action", target: "action \(created.id ?? 0)", isChildLevel: false)
        return req.redirect(to: SitePath.planAction.link(String(created.id ?? 0)) + "?notice=added", redirectType: .normal)
    }

    /// POST /plan/actions/:id/items: adds a milestone or a risk, marks a milestone done, closes a
    /// risk, links or unlinks a KPI (`step`); each kept in the action's history.
    static func changeItems(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let a = try await requestedAction(req, user: user)
        let f = (try? req.content.decode([String: String].self)) ?? [:]
        let today = Day(req.services.clock())
        let text = (f["text"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let change: ActionRepository.ItemChange
        let anchor: String
        switch f["step"] ?? "" {
        case "add-milestone":
            let dueText = (f["due"] ?? "").trimmingCharacters(in: .whitespaces)
            guard dueText.isEmpty || Day.parseISO(dueText) != nil else {
                throw Abort(.unprocessableEntity, reason: "Enter the milestone's due date as a date, for example 2026-03-31, or leave it blank.")
            }
            change = .addMilestone(text: text, due: Day.parseISO(dueText)); anchor = "milestones"
        case "milestone-done":
            guard let id = Int(f["item"] ?? "") else { throw Abort(.badRequest) }
            change = .completeMilestone(id: id, on: today); anchor = "milestones"
        case "add-risk":
            guard let rating = ActionRisk.Rating(rawValue: f["rating"] ?? "") else { throw Abort(.unprocessableEntity, reason: "Choose how serious the risk is.") }
            change = .addRisk(text: text, rating: rating, mitigation: f["mitigation"] ?? ""); anchor = "risks"
        case "close-risk":
            guard let id = Int(f["item"] ?? "") else { throw Abort(.badRequest) }
            change = .closeRisk(id: id, on: today); anchor = "risks"
        case "link-kpi", "unlink-kpi":
            let measure = f["measure"] ?? ""
            guard try await req.services.plan(authority: user.authority).allKPIs.contains(where: { $0.kpi.measure == measure }) else {
                throw Abort(.unprocessableEntity, reason: "Choose one of the plan's KPIs.")
            }
            change = f["step"] == "link-kpi" ? .linkKPI(measure: measure) : .unlinkKPI(measure: measure); anchor = "kpis"
        default:
            throw Abort(.badRequest, reason: "The change asked for is not one this page makes.")
        }
        do {
            try await req.services.store.actions(authority: user.authority, clock: req.services.clock).change(actionID: a.id ?? 0, change, by: user.username)
        } catch let e as StoreError {
            throw Abort(.unprocessableEntity, reason: e.description.prefix(1).uppercased() + e.description.dropFirst())
        }
        await req.services.dashboards.invalidate(authority: user.authority)
        try await req.services.accounts.record(
            authority: user.authority, user: user.username, action: "changed action", target: "action \(a.id ?? 0) \(f["step"] ?? "")", isChildLevel: false)
        return req.redirect(to: SitePath.planAction.link(String(a.id ?? 0)) + "?notice=items#\(anchor)", redirectType: .normal)
    }

    /// POST /plan/actions/:id/move: one place up or down among its ambition's actions.
    static func move(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let a = try await requestedAction(req, user: user)
        let f = (try? req.content.decode([String: String].self)) ?? [:]
        guard let direction = f["direction"], ["up", "down"].contains(direction) else { throw Abort(.badRequest, reason: "Move the action up or down.") }
        do {
            try await req.services.store.actions(authority: user.authority, clock: req.services.clock).move(id: a.id ?? 0, up: direction == "up", by: user.username)
        } catch let e as StoreError {
            throw Abort(.unprocessableEntity, reason: e.description.prefix(1).uppercased() + e.description.dropFirst())
        }
        await req.services.dashboards.invalidate(authority: user.authority)
        try await req.services.accounts.record(
            authority: user.authority, user: user.username, action: "moved action", target: "action \(a.id ?? 0) \(direction)", isChildLevel: false)
        return req.redirect(to: AmbitionPage.link(a.ambition, tab: .actions, period: nil) + "&notice=moved#action-\(a.id ?? 0)", redirectType: .normal)
    }
}
