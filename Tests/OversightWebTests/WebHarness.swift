import Foundation
import NIOCore
import OversightCore
import OversightFormats
@testable import OversightStore
import OversightSynth
@testable import OversightWeb
import Testing
import Vapor
import VaporTesting

/// A fast, reversible hasher for tests only (bcrypt itself is tested once, on its own).
struct TestHasher: PasswordHashing {
    var decoyHash: String { "test:\u{0}decoy" }
    func hash(_ password: String) throws -> String { "test:" + password }
    func verify(_ password: String, against hash: String) throws -> Bool { hash == "test:" + password }
}

/// Synthetic data shared by the web tests: a small authority (a twentieth of Trafford's size,
/// two collection years), generated once per test process.
enum WebFixtures {
    static let authority = "358"
    static let password = "correct horse battery staple"
    static let dataFolder: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oversight-web-fixture-\(ProcessInfo.processInfo.processIdentifier)")
        if !FileManager.default.fileExists(atPath: dir.appendingPathComponent("manifest.json").path) {
            let options = SynthOptions(localAuthority: 358, firstYear: 2024, lastYear: 2025, seed: 7, scale: .factor(0.05), errorRate: 0, writesXML: false)
            _ = try! SynthGenerator(options: options).run(to: dir)
        }
        return dir.path
    }()
}

/// A running app over a fresh SQLite store with one user per role, and helpers to act as them.
final class WebHarness: @unchecked Sendable {
    let app: Application
    let store: Store
    let folder: URL
    /// Cookie token and CSRF token per role.
    var sessions: [Role: (token: String, csrf: String)] = [:]
    /// API token per role.
    var apiTokens: [Role: String] = [:]

    /// The stores web suites run on: SQLite always; PostgreSQL too when `OVERSIGHT_TEST_POSTGRES_URL` is set.
    static var backends: [String] {
        ProcessInfo.processInfo.environment["OVERSIGHT_TEST_POSTGRES_URL"].map { $0.isEmpty ? ["sqlite"] : ["sqlite", "postgres"] } ?? ["sqlite"]
    }

    /// A fresh store of `backend`: nil for SQLite (`start` makes a file); on PostgreSQL the
    /// database `oversight_test_<database>` beside the store tests' (scripts/ci-postgres makes
    /// one per suite that runs beside the others), emptied.
    static func configuration(_ backend: String, database: String) async throws -> StoreConfiguration? {
        guard backend == "postgres", let url = ProcessInfo.processInfo.environment["OVERSIGHT_TEST_POSTGRES_URL"] else { return nil }
        let mine = url.replacingOccurrences(of: "/oversight_test?", with: "/oversight_test_\(database)?")
        let store = try await Store.open(.postgres(url: mine), migrate: false, checkSchema: false)
        try await store.dropEverything()
        await store.close()
        return .postgres(url: mine)
    }

    /// Whether `shutdown` deletes `folder` (a second process on the same store leaves it).
    private var ownsFolder = true

    private init(app: Application, store: Store, folder: URL) {
        self.app = app; self.store = store; self.folder = folder
    }

    /// A second process serving the same store, with the same options and uploads and reports
    /// folders (as processes behind nginx share them), and the same users signed in.
    func secondProcess() async throws -> WebHarness {
        let store = try await Store.open(self.store.configuration)
        let app = try await Application.make(.testing)
        try WebApp.configure(app, store: store, options: self.app.services.options, hasher: TestHasher())
        let h = WebHarness(app: app, store: store, folder: folder)
        h.ownsFolder = false
        h.sessions = sessions
        h.apiTokens = apiTokens
        return h
    }

    /// Starts an app; with `importData`, the fixture authority's files are imported first. The
    /// store is a fresh SQLite file unless `configuration` names another (an emptied PostgreSQL database).
    static func start(
        importData: Bool = true, maxUploadBytes: Int = 5 * 1024 * 1024, withStatistics: Bool = false,
        hasher: any PasswordHashing = TestHasher(), configuration: StoreConfiguration? = nil,
        metricsToken: String? = nil, requestLogger: Logger? = nil, trustProxy: Bool = false, mailer: SMTPMailer? = nil,
        boardPackCadence: BoardPackCadence? = nil
    ) async throws -> WebHarness {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("oversight-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try await Store.open(configuration ?? .sqlite(path: folder.appendingPathComponent("oversight.sqlite").path))
        if importData {
            _ = try await store.imports().importFiles(paths: [WebFixtures.dataFolder], authority: WebFixtures.authority, user: "fixture")
        }
        let app = try await Application.make(.testing)
        var options = WebOptions(
            plan: try PlanLoader.defaultPlan(), maxUploadBytes: maxUploadBytes,
            uploadsFolder: folder.appendingPathComponent("uploads").path, reportsFolder: folder.appendingPathComponent("reports").path)
        if withStatistics { options.statistics = try PublishedStatistics.bundled() }
        options.metricsToken = metricsToken
        options.trustProxy = trustProxy
        options.mailer = mailer
        options.boardPackCadence = boardPackCadence
        try WebApp.configure(app, store: store, options: options, hasher: hasher, requestLogger: requestLogger ?? Logger(label: "oversight.requests"))
        let h = WebHarness(app: app, store: store, folder: folder)
        let accounts = store.accounts(hasher: hasher)
        for role in Role.allCases {
            let u = try await accounts.addUser(
                authority: WebFixtures.authority, username: "user-\(role.rawValue)", displayName: role.title, role: role,
                password: WebFixtures.password, agency: role == .partnerAuditor ? "police" : nil)
            h.sessions[role] = try await accounts.startSession(for: u)
            h.apiTokens[role] = try await accounts.createAPIToken(username: u.username, authority: u.authority, name: "test")
        }
        return h
    }

    /// Writes the lead's account of every red KPI of `authority` for `period` (a board pack needs
    /// them); returns the measures explained.
    @discardableResult
    func explainRedKPIs(period: Period = .reportingYear(2025), authority: String = WebFixtures.authority) async throws -> [String] {
        let snapshot = try await app.services.dashboards.snapshot(authority: authority)
        let missing = try await app.services.dashboards.numbers.kpisNeedingCommentary(period: period, snapshot: snapshot)
        for e in missing {
            try await store.plans(authority: authority).writeKPICommentary(
                measure: e.kpi.measure, period: period, why: "Off track for \(e.kpi.measure) (test).", doing: "A plan is in place (test).", by: "lead")
        }
        await app.services.dashboards.invalidate(authority: authority)
        return missing.map(\.kpi.measure)
    }

    func shutdown() async {
        try? await app.asyncShutdown()
        await store.close()
        if ownsFolder { try? FileManager.default.removeItem(at: folder) }
    }

    /// Sends a request as `role` (nil: nobody signed in). Page requests carry the session cookie
    /// and, for POST, the CSRF token as a form field; API requests carry the bearer token. Page
    /// requests say they come from a page of the site (`Sec-Fetch-Site: same-origin`, as a browser
    /// following a link in the site does) unless `headers` says otherwise; an empty value sends none.
    func send(
        _ method: HTTPMethod, _ path: String, as role: Role?, form: [String: String] = [:], csrf: Bool = true,
        headers extra: HTTPHeaders = [:], body: ByteBuffer? = nil
    ) async throws -> TestingHTTPResponse {
        var headers = extra
        if !path.hasPrefix("/api/") {
            if !headers.contains(name: "Sec-Fetch-Site") { headers.replaceOrAdd(name: "Sec-Fetch-Site", value: "same-origin") }
            if headers.first(name: "Sec-Fetch-Site") == "" { headers.remove(name: "Sec-Fetch-Site") }
        }
        var fields = form
        if let role {
            if path.hasPrefix("/api/") {
                headers.bearerAuthorization = BearerAuthorization(token: apiTokens[role]!)
            } else {
                headers.replaceOrAdd(name: .cookie, value: "\(SessionCookie.name(secure: app.services.options.secureCookies))=\(sessions[role]!.token)")
                if method == .POST && csrf { fields["csrf"] = sessions[role]!.csrf }
            }
        }
        var buffer = body
        if buffer == nil && method == .POST {
            headers.contentType = .urlEncodedForm
            let encoded = fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(
                separator: "&")
            buffer = ByteBuffer(string: encoded)
        }
        return try await app.testing().sendRequest(method, path, headers: headers, body: buffer)
    }
}
