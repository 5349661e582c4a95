/// One path of the site, written once: its pattern, from which the web app registers the route
/// and every page builds its links.
///
/// A pattern is a `/`-separated list of segments; a segment starting with `:` is a parameter
/// (`/measures/:id`). Every path of the site is a static constant below and nowhere else: the web
/// app's route table (`SiteRoute.all`) points at these constants, and a test fails on any other
/// string literal in the web and view modules that starts with `/` and a letter.
public struct SitePath: Sendable, Hashable, CustomStringConvertible {
    /// The pattern, with `:parameter` segments (`/measures/:id`); `/` for the site's root.
    public let pattern: String

    /// Only this file writes paths.
    init(_ pattern: String) {
        precondition(pattern.hasPrefix("/"), "a site path starts with /: \(pattern)")
        self.pattern = pattern
    }

    /// The pattern's segments in order, parameters included with their `:` (empty for `/`).
    public var segments: [String] { pattern.split(separator: "/").map(String.init) }

    /// The names of the parameters in order, without their `:` (`["id"]` for `/measures/:id`).
    public var parameters: [String] { segments.filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) } }

    /// The pattern itself.
    public var description: String { pattern }

    /// The link to this path with `values` in place of its parameters, in order; each value is
    /// percent-encoded as one path segment (`Query.segment`), so `A/B` becomes `A%2FB`. The link is
    /// unescaped for HTML (attribute escaping happens where it is written); append a query string
    /// with `Query(path:_:)` or by hand.
    ///
    /// Giving more or fewer values than the pattern has parameters is a programming error.
    public func link(_ values: String...) -> String { link(values) }

    /// The link to this path with `values` in place of its parameters, in order (see `link(_:)`).
    public func link(_ values: [String]) -> String {
        var remaining = values[...]
        let parts = segments.map { segment -> String in
            guard segment.hasPrefix(":") else { return segment }
            guard let value = remaining.popFirst() else { preconditionFailure("\(pattern) needs \(parameters.count) values, got \(values.count)") }
            return Query.segment(value)
        }
        precondition(remaining.isEmpty, "\(pattern) needs \(parameters.count) values, got \(values.count)")
        return "/" + parts.joined(separator: "/")
    }

    /// Whether `path` (a request's path, without its query) is a link to this path: as many
    /// segments, each equal to the pattern's or, for a parameter, any non-empty segment.
    public func matches(_ path: String) -> Bool {
        guard path.hasPrefix("/") else { return false }
        let given = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let mine = segments
        if mine.isEmpty { return path == "/" }
        guard given.count == mine.count else { return false }
        return zip(mine, given).allSatisfy { m, g in m.hasPrefix(":") ? !g.isEmpty : m == g }
    }

    /// Whether `path` (a request's path, without its query) is this path or lies below it, segment
    /// by segment (`/api` contains `/api/v1/kpis` but not `/apiary`).
    public func contains(_ path: String) -> Bool {
        guard path.hasPrefix("/") else { return false }
        let given = Array(path.split(separator: "/", omittingEmptySubsequences: false).dropFirst())
        let mine = segments
        guard given.count >= mine.count else { return false }
        return zip(mine, given).allSatisfy { m, g in m.hasPrefix(":") ? !g.isEmpty : m == g }
    }
}

// Every path of the site, once. The web app's route table (`SiteRoute.all`) says which method,
// roles and handler each one has.
extension SitePath {
    // MARK: Signing in, assets

    /// The sign-in page and its form.
    public static let signIn = SitePath("/sign-in")
    /// Signing out (POST).
    public static let signOut = SitePath("/sign-out")
    /// A bundled static file (`Assets.served`) by name.
    public static let asset = SitePath("/assets/:file")
    /// The second step of signing in: a code from the authenticator app, or a recovery code.
    public static let secondFactor = SitePath("/sign-in/code")
    /// Signing in with the council's account: off to the OpenID provider.
    public static let singleSignOn = SitePath("/sign-in/sso")
    /// Where the OpenID provider sends the browser back with its code.
    public static let singleSignOnCallback = SitePath("/sign-in/sso/callback")
    /// Setting up an authenticator app at first sign-in: its key, then a first code.
    public static let authenticatorSetUp = SitePath("/sign-in/set-up-authenticator")
    /// Changing one's own password (GET the form, POST it).
    public static let changePassword = SitePath("/account/password")

    // MARK: Dashboards and measures

    /// The overview: the site's root and the page a user lands on.
    public static let overview = SitePath("/")
    /// An ambition of the plan with its KPIs, by number.
    public static let ambition = SitePath("/ambitions/:number")
    /// The measure catalogue.
    public static let measures = SitePath("/measures")
    /// Every measure for a period as CSV.
    public static let measuresCSV = SitePath("/measures.csv")
    /// Every measure for a period as an Excel workbook.
    public static let measuresXLSX = SitePath("/measures.xlsx")
    /// One measure's page, by id.
    public static let measure = SitePath("/measures/:id")
    /// A measure's monthly series as CSV.
    public static let measureSeriesCSV = SitePath("/measures/:id/series.csv")
    /// A measure for every team, by measure id.
    public static let measureTeams = SitePath("/measures/:id/teams")
    /// A measure's monthly series as an Excel workbook.
    public static let measureSeriesXLSX = SitePath("/measures/:id/series.xlsx")
    /// The records behind a measure's numerator as CSV (child-level).
    public static let measureNumeratorCSV = SitePath("/measures/:id/numerator.csv")
    /// The records behind a measure's denominator as CSV (child-level).
    public static let measureDenominatorCSV = SitePath("/measures/:id/denominator.csv")
    /// The records behind a measure's numerator as an Excel workbook (child-level).
    public static let measureNumeratorXLSX = SitePath("/measures/:id/numerator.xlsx")
    /// The records behind a measure's denominator as an Excel workbook (child-level).
    public static let measureDenominatorXLSX = SitePath("/measures/:id/denominator.xlsx")
    /// A child's timeline, by child id.
    public static let child = SitePath("/children/:id")

    // MARK: Front line

    /// The daily, weekly and monthly lists, for a team, a service or the authority.
    public static let lists = SitePath("/lists")
    /// A list as CSV, HTML or PDF.
    public static let listsDownload = SitePath("/lists/download")
    /// Teams and caseloads on a day: each team, each worker's caseload and their distribution.
    public static let teams = SitePath("/teams")
    /// The organisation: workers' spells and children's allocations, entered and corrected by administrators.
    public static let organisation = SitePath("/organisation")
    /// Entering a worker's spell in a team (POST).
    public static let organisationWorkers = SitePath("/organisation/workers")
    /// Entering a child's allocation (POST).
    public static let organisationAllocations = SitePath("/organisation/allocations")
    /// Performance clinics: a team's, service's or worker's measures and the actions agreed.
    public static let clinics = SitePath("/clinics")
    /// A clinic as PDF, HTML or CSV.
    public static let clinicsDownload = SitePath("/clinics/download")
    /// Adds an action agreed at a clinic.
    public static let clinicActions = SitePath("/clinics/actions")

    // MARK: Data

    /// The imports.
    public static let data = SitePath("/data")
    /// The upload form and its multipart post.
    public static let upload = SitePath("/data/upload")
    /// One import, by id.
    public static let importDetail = SitePath("/data/imports/:id")
    /// One import's findings as CSV.
    public static let importFindingsCSV = SitePath("/data/imports/:id/findings.csv")
    /// One import's findings as an Excel workbook.
    public static let importFindingsXLSX = SitePath("/data/imports/:id/findings.xlsx")
    /// Undoing an import (POST).
    public static let importUndo = SitePath("/data/imports/:id/undo")
    /// An upload being checked and stored in the background, by job id.
    public static let uploadJob = SitePath("/data/jobs/:id")

    // MARK: Administration

    /// The activity log.
    public static let activity = SitePath("/activity")
    /// The activity log as CSV.
    public static let activityCSV = SitePath("/activity.csv")
    /// The activity log as an Excel workbook.
    public static let activityXLSX = SitePath("/activity.xlsx")
    /// The users, and adding one (POST).
    public static let users = SitePath("/users")
    /// Disabling a user (POST), by username.
    public static let userDisable = SitePath("/users/:name/disable")
    /// Enabling a user again (POST), by username.
    public static let userEnable = SitePath("/users/:name/enable")
    /// Resetting a user's password (POST), by username.
    public static let userResetPassword = SitePath("/users/:name/reset-password")
    /// Removing a user's authenticator, so they set up a new one at their next sign-in (POST).
    public static let userResetAuthenticator = SitePath("/users/:name/reset-authenticator")

    // MARK: Audits

    /// The audits assigned to the user.
    public static let audits = SitePath("/audits")
    /// Every audit as CSV.
    public static let auditsCSV = SitePath("/audits/all.csv")
    /// Every audit as an Excel workbook.
    public static let auditsXLSX = SitePath("/audits/all.xlsx")
    /// One audit's form and its post, by audit id.
    public static let audit = SitePath("/audits/:id")
    /// The moderation queue.
    public static let moderation = SitePath("/audits/moderation")
    /// Moderating one audit, by audit id.
    public static let moderate = SitePath("/audits/:id/moderate")
    /// Starting a multi-agency audit.
    public static let multiAgency = SitePath("/audits/multi-agency")
    /// The audit rounds, and creating one (POST).
    public static let rounds = SitePath("/audits/rounds")
    /// One audit round: its settings, progress and audits.
    public static let round = SitePath("/audits/rounds/:id")
    /// What the audits taught.
    public static let learning = SitePath("/audits/learning")
    /// What the audits taught, as plain text.
    public static let learningText = SitePath("/audits/learning.txt")
    /// Audit alerts to team managers and overdue audits escalated.
    public static let auditAlerts = SitePath("/audits/alerts")
    /// A team manager's response to an audit's alert (POST), by audit id.
    public static let auditAlertResponse = SitePath("/audits/:id/alert-response")
    /// One audit's review: feedback and actions, by audit id.
    public static let auditReview = SitePath("/audits/:id/review")
    /// Feedback on an audit (POST), by audit id.
    public static let auditFeedback = SitePath("/audits/:id/feedback")
    /// Adding an action to an audit (POST), by audit id.
    public static let auditActions = SitePath("/audits/:id/actions")
    /// Marking an audit's action done (POST), by audit id and action number.
    public static let auditActionDone = SitePath("/audits/:id/actions/:number/done")
    /// Supervision sessions, and entering one (POST).
    public static let supervision = SitePath("/audits/supervision")
    /// Setting the supervision practice standard (POST).
    public static let supervisionStandards = SitePath("/audits/supervision/standards")

    // MARK: Plan and reports

    /// The plan.
    public static let plan = SitePath("/plan")
    /// Every action of the plan as CSV.
    public static let actionsCSV = SitePath("/plan/actions.csv")
    /// Every action of the plan as an Excel workbook.
    public static let actionsXLSX = SitePath("/plan/actions.xlsx")
    /// An ambition's actions, by ambition number.
    public static let planAmbition = SitePath("/plan/ambitions/:number")
    /// Adding an action to an ambition: the form (GET), its check page and the save (POST), by ambition number.
    public static let planAmbitionActions = SitePath("/plan/ambitions/:number/actions")
    /// An ambition's commentary for the board (POST), by ambition number.
    public static let ambitionCommentary = SitePath("/plan/ambitions/:number/commentary")
    /// The lead's account of a red KPI of an ambition (POST).
    public static let kpiCommentary = SitePath("/plan/ambitions/:number/kpi-commentary")
    /// An action's page (GET) and saving a checked progress update (POST, multipart evidence), by action id.
    public static let planAction = SitePath("/plan/actions/:id")
    /// The progress update form (GET) and its check-answers page (POST), by action id.
    public static let planActionUpdate = SitePath("/plan/actions/:id/update")
    /// An action's milestones, risks and the KPIs it serves (POST: `step` says which change).
    public static let planActionItems = SitePath("/plan/actions/:id/items")
    /// Moves an action up or down among its ambition's actions (POST).
    public static let planActionMove = SitePath("/plan/actions/:id/move")
    /// Changing an action's owner or due date: the form (GET), its check page and the save (POST).
    public static let planActionChange = SitePath("/plan/actions/:id/change/:field")
    /// An evidence file of an action, by action id and file name.
    public static let planActionFile = SitePath("/plan/actions/:id/files/:name")
    /// Entering the value of a hand-entered measure.
    public static let handEntries = SitePath("/plan/entries")
    /// The reports, and making one (POST).
    public static let reports = SitePath("/reports")
    /// A made report, by file name.
    public static let reportFile = SitePath("/reports/:file")

    // MARK: Feedback from families

    /// The Feedback page: forms, links for families, responses for a period.
    public static let feedback = SitePath("/feedback")
    /// A form filled in by a practitioner with a family, by form id.
    public static let feedbackRecord = SitePath("/feedback/forms/:form")
    /// Uploading a form file (YAML, POST): a new form, or the next version of one.
    public static let feedbackForms = SitePath("/feedback/forms")
    /// A form's latest version as a YAML file, by form id.
    public static let feedbackFormFile = SitePath("/feedback/forms/:form/yaml")
    /// Making a one-time link for a family (POST).
    public static let feedbackLinks = SitePath("/feedback/links/new")
    /// Withdrawing an open link (POST), by its number.
    public static let feedbackLinkWithdraw = SitePath("/feedback/links/:id/withdraw")
    /// The individual responses, for roles that may read them.
    public static let feedbackResponses = SitePath("/feedback/responses/all")
    /// A family's one-time link (no sign-in): the form, once.
    public static let feedbackFamily = SitePath("/feedback/:token")

    // MARK: Operations

    /// Alive: answers 200 while the process serves (for a load balancer or supervisor).
    public static let healthz = SitePath("/healthz")
    /// Ready: 200 when the store answers and its migrations are applied, else 503.
    public static let readyz = SitePath("/readyz")
    /// Prometheus metrics, behind the metrics token.
    public static let metrics = SitePath("/metrics")

    // MARK: Region

    /// The regional page: every member authority's measures side by side (regional analysts).
    public static let region = SitePath("/region")
    /// The regional page's table as CSV.
    public static let regionCSV = SitePath("/region.csv")

    // MARK: API

    /// Everything below is the API: bearer tokens, never cookies; errors as JSON.
    public static let api = SitePath("/api")
    /// The API's first version: the OpenAPI document's server.
    public static let apiV1 = SitePath("/api/v1")
    /// The OpenAPI document.
    public static let apiOpenAPI = SitePath("/api/v1/openapi.json")
    /// The plan's KPIs for a period.
    public static let apiKPIs = SitePath("/api/v1/kpis")
    /// Every measure for a period.
    public static let apiMeasures = SitePath("/api/v1/measures")
    /// One measure, by id.
    public static let apiMeasure = SitePath("/api/v1/measures/:id")
    /// The records behind one measure (child-level), by id.
    public static let apiMeasureRecords = SitePath("/api/v1/measures/:id/records")
    /// The authority's imports.
    public static let apiImports = SitePath("/api/v1/imports")
}
