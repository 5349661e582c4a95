import Foundation
import OversightCore
import OversightViews
import Vapor

/// One child's timeline across the data. Every view is recorded in the activity log.
enum ChildController {
    /// GET /children/:id
    static func show(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let raw = req.parameters.get("id") ?? ""
        let snapshot = try await req.services.dashboards.snapshot(authority: user.authority)
        let child = ChildID(raw)
        let audits = try await req.services.store.audits().audits(child: child, authority: user.authority).map { a in
            ChildTimeline.Audit(
                date: a.submittedAt.map { Day($0) } ?? a.dueDate, title: a.type.title,
                grade: a.finalGrade?.title,
                href: a.auditor == user.username
                    ? QAController.auditPath(a.id)
                    : Access.moderators.allows(user.role) ? AuditReviewController.reviewPath(a.id) : nil)
        }
        let model = ChildPage.Model.make(child: child, data: snapshot.engine.data, audits: audits, backHref: safeBack(req))
        guard model.timeline.eventCount > 0 else { throw Abort(.notFound) }
        try await req.services.accounts.record(authority: user.authority, user: user.username, action: "viewed child", target: raw, isChildLevel: true)
        return Pages.page(
            req, title: ChildPage.title(model), section: "Measures", content: ChildPage.render(model),
            breadcrumbs: [Breadcrumb("Measures", href: SiteURL.measures)])
    }

    /// The drill-down page the user came from, when it is a measure page of this site.
    static func safeBack(_ req: Request) -> String? {
        guard let referer = req.headers.first(name: .referer), let url = URLComponents(string: referer),
            SitePath.measure.matches(url.path)
        else { return nil }
        return url.path + (url.percentEncodedQuery.map { "?" + $0 } ?? "")
    }
}
