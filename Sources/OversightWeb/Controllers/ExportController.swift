import Foundation
import OversightCore
import OversightFormats
import OversightStore
import OversightViews
import Vapor

/// Downloads of the on-screen lists that have no page of their own for it: every measure for a
/// period, the plan's actions, and the authority's audits.
enum ExportController {
    static func number(_ d: Double?) -> ExportValue { d.map { .number($0) } ?? .empty }

    /// GET /measures.csv and /measures.xlsx: every measure for the period.
    static func measures(_ req: Request, format: String) async throws -> Response {
        let user = try req.requireUser
        let snapshot = try await req.services.dashboards.snapshot(authority: user.authority)
        let period = try req.requestedPeriod() ?? req.services.dashboards.defaultPeriod(snapshot)
        let results = req.services.dashboards.allMeasures(authority: user.authority, period: period, snapshot: snapshot)
        let table = ExportTable(
            title: "Measures \(period.start.iso) to \(period.end.iso)",
            columns: [
                .init("id"), .init("measure"), .init("unit"), .init("numerator", .decimal), .init("denominator", .decimal),
                .init("value", .decimal), .init("warnings"),
            ],
            rows: results.map { r in
                [
                    .text(r.id), .text(Plan.measureDefinition(r.id)?.title ?? r.id), .text(r.unit.rawValue), number(r.numerator),
                    number(r.denominator), number(r.value), .text(r.warnings.joined(separator: " ")),
                ]
            })
        return try Pages.download(table, filename: "measures-\(period.start.iso)-\(period.end.iso)", format: format)
    }

    /// GET /plan/actions.csv and .xlsx: every action of the plan with its latest progress.
    static func actions(_ req: Request, format: String) async throws -> Response {
        let user = try req.requireUser
        let actions = try await req.services.store.actions(authority: user.authority).all()
        let table = ExportTable(
            title: "Actions",
            columns: [
                .init("ambition", .integer), .init("action"), .init("owner"), .init("due", .date),
                .init("status"), .init("latest progress"),
            ],
            rows: actions.map { a in
                [
                    .number(Double(a.ambition)), .text(a.text), .text(a.owner), a.due.map { .date($0) } ?? .empty,
                    .text(a.status.label), .text(a.latestUpdate?.text ?? ""),
                ]
            })
        return try Pages.download(table, filename: "actions", format: format)
    }

    /// GET /audits/all.csv and .xlsx: the authority's audits (child-level: logged).
    static func audits(_ req: Request, format: String) async throws -> Response {
        let user = try req.requireUser
        let audits = try await req.services.store.audits().allAudits(authority: user.authority)
        try await req.services.accounts.record(authority: user.authority, user: user.username, action: "downloaded audits", target: "\(audits.count) audits", isChildLevel: true)
        let table = ExportTable(
            title: "Audits",
            columns: [
                .init("type"), .init("subject"), .init("case"), .init("team"), .init("auditor"),
                .init("due", .date), .init("status"), .init("submitted", .date), .init("auditor's grade"),
                .init("moderated grade"), .init("final grade"),
            ],
            rows: audits.map { a in
                let subject: String =
                    switch a.subject {
                    case .child(let c): c.rawValue
                    case .worker(let w): "worker \(w)"
                    }
                return [
                    .text(a.type.title), .text(subject), .text(a.caseKind?.title ?? ""), .text(a.team ?? ""), .text(a.auditor),
                    .date(a.dueDate), .text(a.status.title), a.submittedAt.map { .date(Day($0)) } ?? .empty,
                    .text(a.grade?.title ?? ""), .text(a.moderation?.grade.title ?? ""), .text(a.finalGrade?.title ?? ""),
                ]
            })
        return try Pages.download(table, filename: "audits", format: format)
    }
}
