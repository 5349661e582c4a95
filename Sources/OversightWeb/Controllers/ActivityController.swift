import Foundation
import OversightCore
import OversightFormats
import OversightStore
import OversightViews
import Vapor

/// The activity log (administrators): every view of child-level data and every change.
enum ActivityController {
    static let perPage = 100

    /// The entries matching the request's filter, newest first.
    static func entries(_ req: Request, authority: String) async throws -> (ActivityFilter, [OversightStore.ActivityEntry], [FieldError]) {
        let filter = ActivityFilter(query: MeasureController.queryDictionary(req))
        var errors: [FieldError] = []
        let from = filter.from.isEmpty ? nil : Day.parseISO(Substring(filter.from))
        let to = filter.to.isEmpty ? nil : Day.parseISO(Substring(filter.to))
        if !filter.from.isEmpty && from == nil { errors.append(FieldError(fieldID: "from", message: "Enter the from date as YYYY-MM-DD")) }
        if !filter.to.isEmpty && to == nil { errors.append(FieldError(fieldID: "to", message: "Enter the to date as YYYY-MM-DD")) }
        var all = try await req.services.accounts.activity(
            authority: authority, user: filter.user.isEmpty ? nil : filter.user,
            action: filter.action.isEmpty ? nil : filter.action, limit: 100_000)
        if let from { all = all.filter { Day($0.at) >= from } }
        if let to { all = all.filter { Day($0.at) <= to } }
        return (filter, all, errors)
    }

    /// GET /activity
    static func index(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let (filter, all, errors) = try await entries(req, authority: user.authority)
        let roles = Dictionary(try await req.services.accounts.users(authority: user.authority).map { ($0.username, $0.role.title) }, uniquingKeysWith: { a, _ in a })
        let page = max(1, Int((try? req.query.get(String.self, at: "page")) ?? "") ?? 1)
        let pageCount = max(1, (all.count + perPage - 1) / perPage)
        let shown = all.dropFirst((min(page, pageCount) - 1) * perPage).prefix(perPage).map { e in
            OversightViews.ActivityEntry(
                at: e.at, user: e.user, role: roles[e.user] ?? "", action: e.action, what: e.target,
                href: e.action == "viewed child" ? SiteURL.child(e.target) : nil)
        }
        let actions = Array(Set(try await req.services.accounts.activity(authority: user.authority, limit: 100_000).map(\.action))).sorted()
        let model = ActivityLogPage.Model(
            entries: Array(shown), filter: filter, errors: errors, actions: actions, total: all.count,
            page: min(page, pageCount), pageCount: pageCount)
        return Pages.page(
            req, title: ActivityLogPage.title(model), section: "Activity log", content: ActivityLogPage.render(model),
            status: errors.isEmpty ? .ok : .badRequest)
    }

    /// GET /activity.csv and /activity.xlsx
    static func download(_ req: Request, format: String) async throws -> Response {
        let user = try req.requireUser
        let (_, all, _) = try await entries(req, authority: user.authority)
        let iso = ISO8601DateFormatter()
        try await req.services.accounts.record(authority: user.authority, user: user.username, action: "downloaded activity log", target: "", isChildLevel: false)
        let table = ExportTable(
            title: "Activity log", columns: [.init("at"), .init("day", .date), .init("user"), .init("action"), .init("target"), .init("child_level")],
            rows: all.map {
                [
                    .text(iso.string(from: $0.at)), .date(Day($0.at)), .text($0.user), .text($0.action), .text($0.target),
                    .text($0.isChildLevel ? "yes" : "no"),
                ]
            })
        return try Pages.download(table, filename: "activity-log", format: format)
    }
}
