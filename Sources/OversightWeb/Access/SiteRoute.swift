import OversightCore
import Vapor

/// One route of the site: its method, path, who may use it and how its forms are protected.
/// `SiteRoute.all` is the single list the app registers and the permission test walks.
public struct SiteRoute: Sendable, Hashable {
    /// How a state-changing request proves it came from the product's own form.
    public enum Protection: Sendable, Hashable {
        /// Reads nothing from the user that changes state (GET).
        case none
        /// A `csrf` field in a URL-encoded form must equal the session's token.
        case csrfForm
        /// The `csrf` field arrives inside a multipart body; the handler checks it before storing anything.
        case csrfMultipart
        /// The API: a bearer token, no cookie, so no cross-site forgery is possible.
        case bearerToken
    }

    public var name: String
    public var method: HTTPMethod
    /// The path with `:parameter` components.
    public var path: String
    public var access: Access
    public var protection: Protection
    /// A path to try in tests, with parameters filled in.
    public var sample: String

    public var isAPI: Bool { path.hasPrefix("/api/") }
    var components: [PathComponent] { path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) } }

    init(_ name: String, _ method: HTTPMethod, _ path: String, _ access: Access, _ protection: Protection? = nil, sample: String? = nil) {
        self.name = name; self.method = method; self.path = path; self.access = access
        self.protection = protection ?? (path.hasPrefix("/api/") ? .bearerToken : method == .GET ? .none : .csrfForm)
        self.sample = sample ?? path
    }

    public static func == (a: SiteRoute, b: SiteRoute) -> Bool { a.name == b.name }
    public func hash(into h: inout Hasher) { h.combine(name) }
}

extension SiteRoute {
    /// Every route of the site.
    public static let all: [SiteRoute] = [
        .init("sign-in", .GET, "/sign-in", .everyone),
        .init("sign-in-submit", .POST, "/sign-in", .everyone),
        .init("sign-out", .POST, "/sign-out", .signedIn),
        .init("asset", .GET, "/assets/:file", .everyone, sample: "/assets/oversight.css"),
        .init("home", .GET, "/", .signedIn),
        .init("ambition", .GET, "/ambitions/:number", .dashboards, sample: "/ambitions/2"),
        .init("measures", .GET, "/measures", .dashboards),
        .init("measures-csv", .GET, "/measures.csv", .dashboards),
        .init("measures-xlsx", .GET, "/measures.xlsx", .dashboards),
        .init("actions-csv", .GET, "/plan/actions.csv", .dashboards),
        .init("actions-xlsx", .GET, "/plan/actions.xlsx", .dashboards),
        .init("audits-csv", .GET, "/audits/all.csv", .roles([.administrator, .analyst, .manager, .moderator])),
        .init("audits-xlsx", .GET, "/audits/all.xlsx", .roles([.administrator, .analyst, .manager, .moderator])),
        .init("measure", .GET, "/measures/:id", .dashboards, sample: "/measures/rereferrals_12m_pct"),
        .init("measure-series-csv", .GET, "/measures/:id/series.csv", .dashboards, sample: "/measures/rereferrals_12m_pct/series.csv"),
        .init("measure-series-xlsx", .GET, "/measures/:id/series.xlsx", .dashboards, sample: "/measures/rereferrals_12m_pct/series.xlsx"),
        .init("measure-numerator-csv", .GET, "/measures/:id/numerator.csv", .childLevel, sample: "/measures/rereferrals_12m_pct/numerator.csv"),
        .init("measure-denominator-csv", .GET, "/measures/:id/denominator.csv", .childLevel, sample: "/measures/rereferrals_12m_pct/denominator.csv"),
        .init("measure-numerator-xlsx", .GET, "/measures/:id/numerator.xlsx", .childLevel, sample: "/measures/rereferrals_12m_pct/numerator.xlsx"),
        .init("measure-denominator-xlsx", .GET, "/measures/:id/denominator.xlsx", .childLevel, sample: "/measures/rereferrals_12m_pct/denominator.xlsx"),
        .init("child", .GET, "/children/:id", .childLevel, sample: "/children/C000001"),
        .init("data", .GET, "/data", .dataTeam),
        .init("upload", .GET, "/data/upload", .dataTeam),
        .init("upload-submit", .POST, "/data/upload", .dataTeam, .csrfMultipart),
        .init("import", .GET, "/data/imports/:id", .dataTeam, sample: "/data/imports/1"),
        .init("import-findings-csv", .GET, "/data/imports/:id/findings.csv", .dataTeam, sample: "/data/imports/1/findings.csv"),
        .init("import-findings-xlsx", .GET, "/data/imports/:id/findings.xlsx", .dataTeam, sample: "/data/imports/1/findings.xlsx"),
        .init("import-undo", .POST, "/data/imports/:id/undo", .administrators, sample: "/data/imports/1/undo"),
        .init("upload-job", .GET, "/data/jobs/:id", .dataTeam, sample: "/data/jobs/1"),
        .init("activity", .GET, "/activity", .administrators),
        .init("activity-csv", .GET, "/activity.csv", .administrators),
        .init("activity-xlsx", .GET, "/activity.xlsx", .administrators),
        .init("users", .GET, "/users", .administrators),
        .init("users-add", .POST, "/users", .administrators),
        .init("users-disable", .POST, "/users/:name/disable", .administrators, sample: "/users/nobody/disable"),
        .init("users-enable", .POST, "/users/:name/enable", .administrators, sample: "/users/nobody/enable"),
        .init("users-reset", .POST, "/users/:name/reset-password", .administrators, sample: "/users/nobody/reset-password"),
        .init("audits", .GET, "/audits", .auditors),
        .init("audit", .GET, "/audits/:id", .auditors, sample: "/audits/no-such-audit"),
        .init("audit-save", .POST, "/audits/:id", .auditors, sample: "/audits/no-such-audit"),
        .init("moderation", .GET, "/audits/moderation", .moderators),
        .init("moderate", .GET, "/audits/:id/moderate", .moderators, sample: "/audits/no-such-audit/moderate"),
        .init("moderate-submit", .POST, "/audits/:id/moderate", .moderators, sample: "/audits/no-such-audit/moderate"),
        .init("multi-agency", .GET, "/audits/multi-agency", .roundManagers),
        .init("multi-agency-start", .POST, "/audits/multi-agency", .roundManagers),
        .init("rounds", .GET, "/audits/rounds", .roundManagers),
        .init("rounds-create", .POST, "/audits/rounds", .roundManagers),
        .init("learning", .GET, "/audits/learning", .dashboards),
        .init("learning-text", .GET, "/audits/learning.txt", .dashboards),
        .init("audit-review", .GET, "/audits/:id/review", .auditors, sample: "/audits/no-such-audit/review"),
        .init("audit-feedback", .POST, "/audits/:id/feedback", .moderators, sample: "/audits/no-such-audit/feedback"),
        .init("audit-actions", .POST, "/audits/:id/actions", .moderators, sample: "/audits/no-such-audit/actions"),
        .init("audit-action-done", .POST, "/audits/:id/actions/:number/done", .moderators, sample: "/audits/no-such-audit/actions/1/done"),
        .init("supervision", .GET, "/audits/supervision", .roundManagers),
        .init("supervision-add", .POST, "/audits/supervision", .roundManagers),
        .init("supervision-standard", .POST, "/audits/supervision/standards", .roundManagers),
        .init("plan", .GET, "/plan", .dashboards),
        .init("plan-actions", .GET, "/plan/ambitions/:number", .dashboards, sample: "/plan/ambitions/1"),
        .init("commentary", .POST, "/plan/ambitions/:number/commentary", .commentators, sample: "/plan/ambitions/1/commentary"),
        .init("action-update", .POST, "/plan/actions/:id", .actionUpdaters, sample: "/plan/actions/999999"),
        .init("entries", .GET, "/plan/entries", .handEntry),
        .init("entries-submit", .POST, "/plan/entries", .handEntry),
        .init("reports", .GET, "/reports", .dashboards),
        .init("reports-make", .POST, "/reports", .reportMakers),
        .init("report-file", .GET, "/reports/:file", .dashboards, sample: "/reports/none.html"),
        .init("api-openapi", .GET, "/api/v1/openapi.json", .everyone),
        .init("api-kpis", .GET, "/api/v1/kpis", .dashboards),
        .init("api-measures", .GET, "/api/v1/measures", .dashboards),
        .init("api-measure", .GET, "/api/v1/measures/:id", .dashboards, sample: "/api/v1/measures/rereferrals_12m_pct"),
        .init("api-measure-records", .GET, "/api/v1/measures/:id/records", .childLevel, sample: "/api/v1/measures/rereferrals_12m_pct/records"),
        .init("api-imports", .GET, "/api/v1/imports", .dataTeam),
    ]

    /// The route named `name` (a programming error when there is none).
    static func named(_ name: String) -> SiteRoute {
        guard let r = all.first(where: { $0.name == name }) else { preconditionFailure("no route named \(name)") }
        return r
    }
}
