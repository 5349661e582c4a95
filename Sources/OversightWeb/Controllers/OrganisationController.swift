import Foundation
import OversightCore
import OversightStore
import OversightViews
import Vapor

/// The organisation page (administrators): a worker's spell or a child's allocation entered or
/// corrected, checked (`OrganisationEdit`), then imported as a one-row local file through the
/// store's import, so the same checks hold and the entry is kept in the import history.
enum OrganisationController {
    /// GET /organisation
    static func index(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        var model = try await model(req, user: user)
        model.notice = FrontLineController.query(req, "notice").isEmpty ? nil : FrontLineController.query(req, "notice")
        model.child = FrontLineController.query(req, "child")
        if !model.child.isEmpty {
            let snapshot = try await req.services.dashboards.snapshot(authority: user.authority)
            model.childAllocations = snapshot.engine.data.allocations.filter { $0.child.rawValue == model.child }
            try await req.services.accounts.record(
                authority: user.authority, user: user.username, action: "looked up allocations", target: model.child, isChildLevel: true)
        }
        return page(req, model)
    }

    static func model(_ req: Request, user: UserAccount) async throws -> OrganisationPage.Model {
        let snapshot = try await req.services.dashboards.snapshot(authority: user.authority)
        return OrganisationPage.Model(workers: snapshot.engine.data.workers, csrf: req.signed?.csrf ?? "")
    }

    static func page(_ req: Request, _ model: OrganisationPage.Model, status: HTTPResponseStatus = .ok) -> Response {
        let failed = !(model.worker.errors.isEmpty && model.allocation.errors.isEmpty) || model.refusal != nil
        return Pages.page(
            req, title: failed ? "Error: The organisation" : "The organisation", section: "Lists", content: OrganisationPage.render(model),
            breadcrumbs: [Breadcrumb("Teams", href: SitePath.teams.link())], status: status)
    }

    static func fields(_ req: Request) -> [String: String] {
        ((try? req.content.decode([String: String].self)) ?? [:]).mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// A date field: nil and an error when required and blank, or not a date.
    static func date(_ f: [String: String], _ name: String, required: Bool, errors: inout [String: String]) -> DateField {
        let text = f[name] ?? ""
        if text.isEmpty {
            if required { errors[name] = "Enter the date, for example 2025-04-01" }
            return .missing
        }
        guard let d = Day.parseISO(text) else {
            errors[name] = "Enter the date as year-month-day, for example 2025-04-01"
            return .missing
        }
        return .value(d)
    }

    /// POST /organisation/workers
    static func saveWorker(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let f = fields(req)
        var errors: [String: String] = [:]
        let id = f["worker_id"] ?? "", team = f["team"] ?? ""
        if id.isEmpty { errors["worker_id"] = "Enter the worker's id" }
        if team.isEmpty { errors["team"] = "Enter the team" }
        var fte: Double?
        if let text = f["fte"], !text.isEmpty {
            if let v = Double(text), (0.01...1.5).contains(v) { fte = v } else { errors["fte"] = "Enter the full-time equivalent as a number from 0.01 to 1.5" }
        }
        let employment = f["employment"] ?? ""
        if !["", "employed", "agency"].contains(employment) { errors["employment"] = "Choose employed or agency" }
        let start = date(f, "start_date", required: true, errors: &errors)
        let leave = date(f, "leave_date", required: false, errors: &errors)
        var model = try await model(req, user: user)
        model.worker.values = f
        let spell = WorkerRecord(
            id: id, name: f["name"].flatMap { $0.isEmpty ? nil : $0 }, role: f["role"].flatMap { $0.isEmpty ? nil : $0 }, fte: fte,
            employment: employment.isEmpty ? nil : employment, team: team, service: f["service"].flatMap { $0.isEmpty ? nil : $0 },
            start: start, leave: leave)
        if errors.isEmpty { errors = OrganisationEdit.problems(spell, stored: model.workers) }
        model.worker.errors = errors
        return try await finish(
            req, user: user, model: model, file: "workers-entered.csv", csv: OrganisationEdit.csv(spell),
            activity: ("entered worker spell", id, false), then: "?notice=worker")
    }

    /// The page again with the entry's errors, or the entry imported (its refusal shown on the
    /// page), recorded in the activity log, and a redirect to `then`.
    static func finish(
        _ req: Request, user: UserAccount, model: OrganisationPage.Model, file: String, csv: String,
        activity: (action: String, target: String, isChildLevel: Bool), then: String
    ) async throws -> Response {
        var model = model
        guard model.worker.errors.isEmpty, model.allocation.errors.isEmpty else { return page(req, model, status: .unprocessableEntity) }
        if let refusal = try await importEntry(req, user: user, name: file, csv: csv) {
            model.refusal = refusal
            return page(req, model, status: .unprocessableEntity)
        }
        try await req.services.accounts.record(
            authority: user.authority, user: user.username, action: activity.action, target: activity.target, isChildLevel: activity.isChildLevel)
        return req.redirect(to: SitePath.organisation.link() + then, redirectType: .normal)
    }

    /// POST /organisation/allocations
    static func saveAllocation(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let f = fields(req)
        var errors: [String: String] = [:]
        let child = f["child_id"] ?? "", worker = f["worker_id"] ?? ""
        if child.isEmpty { errors["child_id"] = "Enter the child's id" }
        if worker.isEmpty { errors["worker_id"] = "Enter the worker's id" }
        let from = date(f, "from_date", required: true, errors: &errors)
        let to = date(f, "to_date", required: false, errors: &errors)
        var model = try await model(req, user: user)
        model.allocation.values = f
        let allocation = Allocation(child: ChildID(child), worker: worker, from: from, to: to)
        if errors.isEmpty {
            let snapshot = try await req.services.dashboards.snapshot(authority: user.authority)
            errors = OrganisationEdit.problems(allocation, stored: snapshot.engine.data.allocations, workers: model.workers)
        }
        model.allocation.errors = errors
        return try await finish(
            req, user: user, model: model, file: "allocations-entered.csv", csv: OrganisationEdit.csv(allocation),
            activity: ("entered allocation", child, true),
            then: "?notice=allocation&child=" + (child.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
    }

    /// Imports `csv` as the file `name` for the user's authority; the import's refusal in words,
    /// or nil when it was stored. The file is written to a folder of its own in the uploads folder
    /// and removed afterwards.
    static func importEntry(_ req: Request, user: UserAccount, name: String, csv: String) async throws -> String? {
        let folder = URL(fileURLWithPath: req.services.options.uploadsFolder).appendingPathComponent("entered-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(csv.utf8).write(to: file)
        do {
            _ = try await req.services.store.imports().importFiles(paths: [file.path], authority: user.authority, user: user.username)
        } catch StoreError.badInput(let message) {
            return message.prefix(1).uppercased() + message.dropFirst()
        }
        await req.services.dashboards.invalidate(authority: user.authority)
        return nil
    }
}
