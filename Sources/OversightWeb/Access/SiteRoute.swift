import OversightCore
import OversightViews
import Vapor

/// One route of the site: its method, path, who may use it, how its forms are protected, and the
/// handler that answers it. `SiteRoute.all` is the single list: the app registers it, the
/// permission test walks it, and the navigation reads its access.
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

    /// The route's stable name (tests and the navigation refer to routes by name).
    public let name: String
    /// The HTTP method.
    public let method: HTTPMethod
    /// The path, as written once in `SitePath`.
    public let path: SitePath
    /// Who may use the route; `Gate` checks it before the handler runs.
    public let access: Access
    /// How a state-changing request is protected against forgery.
    public let protection: Protection
    /// A path to try in tests, with parameters filled in.
    public let sample: String
    /// The largest body the route collects (multipart routes stream theirs and check sizes themselves).
    public let bodyLimit: ByteCount
    /// Answers the request once `Gate` has let it through.
    public let handler: @Sendable (Request) async throws -> Response

    /// Whether the route belongs to the API (bearer tokens, JSON errors).
    public var isAPI: Bool { SitePath.api.contains(path.pattern) }
    /// Whether a request's path is in the API (`/api` and below), whether or not a route answers it.
    static func isAPIPath(_ requestPath: String) -> Bool { SitePath.api.contains(requestPath) }
    var components: [PathComponent] { path.segments.map { PathComponent(stringLiteral: $0) } }

    /// A route; `protection` defaults to bearer tokens under `/api`, none for GET and a form token
    /// otherwise; `sample` gives the values of the path's parameters to try in tests.
    init(
        _ name: String, _ method: HTTPMethod, _ path: SitePath, _ access: Access, protection: Protection? = nil, sample: [String] = [],
        bodyLimit: ByteCount = "1mb", _ handler: @escaping @Sendable (Request) async throws -> Response
    ) {
        self.name = name; self.method = method; self.path = path; self.access = access
        self.protection = protection ?? (SitePath.api.contains(path.pattern) ? .bearerToken : method == .GET ? .none : .csrfForm)
        self.sample = path.link(sample)
        self.bodyLimit = bodyLimit
        self.handler = handler
    }

    public static func == (a: SiteRoute, b: SiteRoute) -> Bool { a.name == b.name }
    public func hash(into h: inout Hasher) { h.combine(name) }
}

extension SiteRoute {
    /// Every route of the site: name, method, path, access, protection, test sample and handler.
    public static let all: [SiteRoute] = [
        .init("sign-in", .GET, .signIn, .everyone, SignInController.show),
        .init("sign-in-submit", .POST, .signIn, .everyone, SignInController.submit),
        .init("sign-out", .POST, .signOut, .signedIn, SignInController.signOut),
        .init("single-sign-on", .GET, .singleSignOn, .everyone, SingleSignOnController.start),
        .init("single-sign-on-callback", .GET, .singleSignOnCallback, .everyone, SingleSignOnController.callback),
        .init("second-factor", .GET, .secondFactor, .signedIn, SecondFactorController.show),
        .init("second-factor-submit", .POST, .secondFactor, .signedIn, SecondFactorController.submit),
        .init("authenticator-set-up", .GET, .authenticatorSetUp, .signedIn, SecondFactorController.setUpForm),
        .init("authenticator-set-up-submit", .POST, .authenticatorSetUp, .signedIn, SecondFactorController.setUp),
        .init("password", .GET, .changePassword, .signedIn, AccountController.passwordForm),
        .init("password-change", .POST, .changePassword, .signedIn, AccountController.changePassword),
        .init("asset", .GET, .asset, .everyone, sample: ["oversight.css"], AssetController.file),
        .init("healthz", .GET, .healthz, .everyone, OperationsController.healthz),
        .init("readyz", .GET, .readyz, .everyone, OperationsController.readyz),
        .init("metrics", .GET, .metrics, .everyone, OperationsController.metrics),
        .init("home", .GET, .overview, .signedIn, DashboardController.home),
        .init("ambition", .GET, .ambition, .dashboards, sample: ["2"], DashboardController.ambition),
        .init("measures", .GET, .measures, .dashboards, MeasureController.index),
        .init("measures-csv", .GET, .measuresCSV, .dashboards, { try await ExportController.measures($0, format: "csv") }),
        .init("measures-xlsx", .GET, .measuresXLSX, .dashboards, { try await ExportController.measures($0, format: "xlsx") }),
        .init("actions-csv", .GET, .actionsCSV, .dashboards, { try await ExportController.actions($0, format: "csv") }),
        .init("actions-xlsx", .GET, .actionsXLSX, .dashboards, { try await ExportController.actions($0, format: "xlsx") }),
        .init("audits-csv", .GET, .auditsCSV, .roles([.administrator, .analyst, .manager, .moderator]), { try await ExportController.audits($0, format: "csv") }),
        .init("audits-xlsx", .GET, .auditsXLSX, .roles([.administrator, .analyst, .manager, .moderator]), { try await ExportController.audits($0, format: "xlsx") }),
        .init("measure", .GET, .measure, .dashboards, sample: ["rereferrals_12m_pct"], MeasureController.show),
        .init("measure-teams", .GET, .measureTeams, .dashboards, sample: ["rereferrals_12m_pct"], MeasureController.teams),
        .init("measure-series-csv", .GET, .measureSeriesCSV, .dashboards, sample: ["rereferrals_12m_pct"], { try await MeasureController.seriesDownload($0, format: "csv") }),
        .init("measure-series-xlsx", .GET, .measureSeriesXLSX, .dashboards, sample: ["rereferrals_12m_pct"], { try await MeasureController.seriesDownload($0, format: "xlsx") }),
        .init(
            "measure-numerator-csv", .GET, .measureNumeratorCSV, .childLevel, sample: ["rereferrals_12m_pct"],
            { try await MeasureController.recordsDownload($0, side: .numerator, format: "csv") }),
        .init(
            "measure-denominator-csv", .GET, .measureDenominatorCSV, .childLevel, sample: ["rereferrals_12m_pct"],
            { try await MeasureController.recordsDownload($0, side: .denominator, format: "csv") }),
        .init(
            "measure-numerator-xlsx", .GET, .measureNumeratorXLSX, .childLevel, sample: ["rereferrals_12m_pct"],
            { try await MeasureController.recordsDownload($0, side: .numerator, format: "xlsx") }),
        .init(
            "measure-denominator-xlsx", .GET, .measureDenominatorXLSX, .childLevel, sample: ["rereferrals_12m_pct"],
            { try await MeasureController.recordsDownload($0, side: .denominator, format: "xlsx") }),
        .init("child", .GET, .child, .childLevel, sample: ["C000001"], ChildController.show),
        .init("data", .GET, .data, .dataTeam, DataController.index),
        .init("upload", .GET, .upload, .dataTeam, DataController.uploadForm),
        .init("upload-submit", .POST, .upload, .dataTeam, protection: .csrfMultipart, DataController.upload),
        .init("import", .GET, .importDetail, .dataTeam, sample: ["1"], DataController.show),
        .init("import-findings-csv", .GET, .importFindingsCSV, .dataTeam, sample: ["1"], { try await DataController.findingsDownload($0, format: "csv") }),
        .init("import-findings-xlsx", .GET, .importFindingsXLSX, .dataTeam, sample: ["1"], { try await DataController.findingsDownload($0, format: "xlsx") }),
        .init("import-undo", .POST, .importUndo, .administrators, sample: ["1"], DataController.undo),
        .init("upload-job", .GET, .uploadJob, .dataTeam, sample: ["1"], DataController.job),
        .init("activity", .GET, .activity, .administrators, ActivityController.index),
        .init("activity-csv", .GET, .activityCSV, .administrators, { try await ActivityController.download($0, format: "csv") }),
        .init("activity-xlsx", .GET, .activityXLSX, .administrators, { try await ActivityController.download($0, format: "xlsx") }),
        .init("users", .GET, .users, .administrators, UsersController.index),
        .init("users-add", .POST, .users, .administrators, UsersController.add),
        .init("users-disable", .POST, .userDisable, .administrators, sample: ["nobody"], { try await UsersController.setDisabled($0, true) }),
        .init("users-enable", .POST, .userEnable, .administrators, sample: ["nobody"], { try await UsersController.setDisabled($0, false) }),
        .init("users-reset", .POST, .userResetPassword, .administrators, sample: ["nobody"], UsersController.resetPassword),
        .init("users-reset-authenticator", .POST, .userResetAuthenticator, .administrators, sample: ["nobody"], UsersController.resetAuthenticator),
        .init("audits", .GET, .audits, .auditors, QAController.mine),
        .init("audit", .GET, .audit, .auditors, sample: ["no-such-audit"], QAController.form),
        .init("audit-save", .POST, .audit, .auditors, sample: ["no-such-audit"], QAController.save),
        .init("moderation", .GET, .moderation, .moderators, QAController.queue),
        .init("moderate", .GET, .moderate, .moderators, sample: ["no-such-audit"], QAController.moderationForm),
        .init("moderate-submit", .POST, .moderate, .moderators, sample: ["no-such-audit"], QAController.moderate),
        .init("multi-agency", .GET, .multiAgency, .roundManagers, MultiAgencyController.form),
        .init("multi-agency-start", .POST, .multiAgency, .roundManagers, MultiAgencyController.start),
        .init("rounds", .GET, .rounds, .roundManagers, QAController.rounds),
        .init("rounds-create", .POST, .rounds, .roundManagers, QAController.createRound),
        .init("round", .GET, .round, .roundManagers, sample: ["no-such-round"], QAController.round),
        .init("learning", .GET, .learning, .dashboards, QAController.learning),
        .init("learning-text", .GET, .learningText, .dashboards, AuditReviewController.learningText),
        .init("audit-alerts", .GET, .auditAlerts, .moderators, AuditAlertController.index),
        .init("audit-alert-response", .POST, .auditAlertResponse, .alertResponders, sample: ["no-such-audit"], AuditAlertController.respond),
        .init("audit-review", .GET, .auditReview, .auditors, sample: ["no-such-audit"], AuditReviewController.show),
        .init("audit-feedback", .POST, .auditFeedback, .moderators, sample: ["no-such-audit"], AuditReviewController.feedback),
        .init("audit-actions", .POST, .auditActions, .moderators, sample: ["no-such-audit"], AuditReviewController.addAction),
        .init("audit-action-done", .POST, .auditActionDone, .moderators, sample: ["no-such-audit", "1"], AuditReviewController.completeAction),
        .init("supervision", .GET, .supervision, .roundManagers, AuditReviewController.supervision),
        .init("supervision-add", .POST, .supervision, .roundManagers, AuditReviewController.addSupervision),
        .init("supervision-standard", .POST, .supervisionStandards, .roundManagers, AuditReviewController.setStandard),
        .init("plan", .GET, .plan, .dashboards, PlanController.index),
        .init("plan-actions", .GET, .planAmbition, .dashboards, sample: ["1"], PlanController.actions),
        .init("commentary", .POST, .ambitionCommentary, .commentators, sample: ["1"], PlanController.saveCommentary),
        .init("kpi-commentary", .POST, .kpiCommentary, .commentators, sample: ["1"], PlanController.saveKPICommentary),
        // Action updates carry evidence files (10 MB each at most, as the store allows).
        .init("action-update", .POST, .planAction, .actionUpdaters, sample: ["999999"], bodyLimit: "40mb", PlanController.update),
        .init("action", .GET, .planAction, .dashboards, sample: ["999999"], PlanController.actionPage),
        .init("action-add-form", .GET, .planAmbitionActions, .actionUpdaters, sample: ["1"], PlanController.addForm),
        .init("action-add", .POST, .planAmbitionActions, .actionUpdaters, sample: ["1"], PlanController.add),
        .init("action-update-form", .GET, .planActionUpdate, .actionUpdaters, sample: ["999999"], PlanController.updateForm),
        .init("action-update-check", .POST, .planActionUpdate, .actionUpdaters, sample: ["999999"], PlanController.updateCheck),
        .init("action-change-form", .GET, .planActionChange, .actionUpdaters, sample: ["999999", "owner"], PlanController.changeForm),
        .init("action-change", .POST, .planActionChange, .actionUpdaters, sample: ["999999", "owner"], PlanController.change),
        .init("action-move", .POST, .planActionMove, .actionUpdaters, sample: ["999999"], PlanController.move),
        .init("action-items", .POST, .planActionItems, .actionUpdaters, sample: ["999999"], PlanController.changeItems),
        .init("action-file", .GET, .planActionFile, .dashboards, sample: ["999999", "none.pdf"], PlanController.file),
        .init("entries", .GET, .handEntries, .handEntry, PlanController.entryForm),
        .init("entries-submit", .POST, .handEntries, .handEntry, PlanController.saveEntry),
        .init("lists", .GET, .lists, .childLevel, FrontLineController.lists),
        .init("lists-download", .GET, .listsDownload, .childLevel, FrontLineController.listsDownload),
        .init("teams", .GET, .teams, .childLevel, FrontLineController.teams),
        .init("organisation", .GET, .organisation, .administrators, OrganisationController.index),
        .init("organisation-workers", .POST, .organisationWorkers, .administrators, OrganisationController.saveWorker),
        .init("organisation-allocations", .POST, .organisationAllocations, .administrators, OrganisationController.saveAllocation),
        .init("clinics", .GET, .clinics, .childLevel, FrontLineController.clinics),
        .init("clinics-download", .GET, .clinicsDownload, .childLevel, FrontLineController.clinicsDownload),
        .init("clinic-action", .POST, .clinicActions, .actionUpdaters, FrontLineController.agree),
        .init("reports", .GET, .reports, .dashboards, ReportsController.index),
        .init("reports-make", .POST, .reports, .reportMakers, ReportsController.make),
        .init("report-file", .GET, .reportFile, .dashboards, sample: ["none.html"], ReportsController.file),
        .init("feedback", .GET, .feedback, .feedbackRecorders, FeedbackController.index),
        .init("feedback-record-form", .GET, .feedbackRecord, .feedbackRecorders, sample: ["family-help"], FeedbackController.recordForm),
        .init("feedback-record", .POST, .feedbackRecord, .feedbackRecorders, sample: ["family-help"], FeedbackController.record),
        .init("feedback-form-upload", .POST, .feedbackForms, .roles(Set(Role.allCases.filter(\.managesFeedbackForms))), FeedbackController.uploadForm),
        .init(
            "feedback-form-file", .GET, .feedbackFormFile, .roles(Set(Role.allCases.filter(\.managesFeedbackForms))), sample: ["family-help"],
            FeedbackController.formFile),
        .init("feedback-link-create", .POST, .feedbackLinks, .feedbackRecorders, FeedbackController.createLink),
        .init("feedback-link-withdraw", .POST, .feedbackLinkWithdraw, .feedbackRecorders, sample: ["999999"], FeedbackController.withdrawLink),
        .init("feedback-responses", .GET, .feedbackResponses, .feedbackReaders, FeedbackController.responses),
        // A family's one-time link: no sign-in; the form carries its own double-submit token.
        .init("feedback-family", .GET, .feedbackFamily, .everyone, sample: ["no-such-link"], FeedbackController.familyForm),
        .init("feedback-family-submit", .POST, .feedbackFamily, .everyone, sample: ["no-such-link"], FeedbackController.familySubmit),
        // A region's pages: regional analysts only, aggregates of every member authority, never a child.
        .init("region", .GET, .region, .regional, RegionController.show),
        .init("region-csv", .GET, .regionCSV, .regional, RegionController.download),
        .init("api-openapi", .GET, .apiOpenAPI, .everyone, { _ in APIController.json(OpenAPIDocument.document) }),
        .init("api-kpis", .GET, .apiKPIs, .dashboards, APIController.kpis),
        .init("api-measures", .GET, .apiMeasures, .dashboards, APIController.measures),
        .init("api-measure", .GET, .apiMeasure, .dashboards, sample: ["rereferrals_12m_pct"], APIController.measure),
        .init("api-measure-records", .GET, .apiMeasureRecords, .childLevel, sample: ["rereferrals_12m_pct"], APIController.records),
        .init("api-imports", .GET, .apiImports, .dataTeam, APIController.imports),
    ]

    /// The route named `name` (a programming error when there is none).
    static func named(_ name: String) -> SiteRoute {
        guard let r = all.first(where: { $0.name == name }) else { preconditionFailure("no route named \(name)") }
        return r
    }
}
