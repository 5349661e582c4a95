import Foundation
import OversightCore
import OversightFormats
import OversightStore
import Synchronization
import Vapor

/// What every request handler needs: the store, accounts, the plan, the caches and the job runner.
final class WebServices: Sendable {
    let store: Store
    let options: WebOptions
    let accounts: AccountRepository
    let dashboards: DashboardService
    /// Runs the store's background jobs in this process (imports, scheduled board packs, e-mails).
    let runner: JobRunner
    /// Signed-in sessions looked up in the last few seconds. Only for a SQLite store, which one
    /// process serves: with PostgreSQL several processes may serve the store, and a session
    /// ended in one (signed out, the account disabled) must end in every other at once.
    let sessions: SessionCache
    /// OpenID Connect providers' published settings and signing keys, fetched when first needed.
    let providers = OpenIDProviders()
    let clock: @Sendable () -> Date
    /// Counters and timings for `/metrics`.
    let metrics: WebMetrics
    /// Where the one line per request goes (see `RequestLogMiddleware`).
    let requestLogger: Logger
    /// Failed sign-ins per client address.
    let signInLimit: ClientRateLimit
    /// Unknown API tokens per client address.
    let tokenLimit: ClientRateLimit
    /// Families' links that cannot be used (unknown, expired, used, withdrawn) per client address.
    let feedbackLinkLimit: ClientRateLimit
    /// The mail server (`OVERSIGHT_SMTP_HOST`...), when one is configured: audit alerts are sent at once.
    let mailer: SMTPMailer?

    init(
        store: Store, options: WebOptions, hasher: any PasswordHashing, clock: @escaping @Sendable () -> Date,
        requestLogger: Logger = Logger(label: "oversight.requests")
    ) {
        self.store = store; self.options = options; self.clock = clock; self.requestLogger = requestLogger
        self.mailer = options.mailer
        signInLimit = ClientRateLimit(limit: options.signInFailuresPerAddress, window: 5 * 60)
        tokenLimit = ClientRateLimit(limit: options.tokenFailuresPerAddress, window: 5 * 60)
        feedbackLinkLimit = ClientRateLimit(limit: options.tokenFailuresPerAddress, window: 5 * 60)
        var accounts = store.accounts(hasher: hasher, clock: clock)
        accounts.idleTimeout = options.idleTimeout
        self.accounts = accounts
        let metrics = WebMetrics()
        self.metrics = metrics
        self.dashboards = DashboardService(store: store, options: options, clock: clock, metrics: metrics)
        self.runner = JobRunner(repository: store.jobs(clock: clock), metrics: metrics)
        self.sessions = SessionCache(ttl: store.configuration.isSQLite ? 10 : 0)
    }

    /// Authorities' names, looked up once each (every page's header shows one).
    private let authorityNames = Mutex<[String: String]>([:])

    /// The authority's name as published by the DfE, or "Local authority CODE".
    func authorityName(_ code: String) -> String {
        if let known = authorityNames.withLock({ $0[code] }) { return known }
        // The newest year that names it: an authority's name is published each year, and the
        // newest published year is not always the same for every table.
        let name =
            (2015...Day(clock()).year + 1).reversed().lazy.compactMap { self.options.statistics?.describe(la: code, year: $0)?.name }.first
            ?? "Local authority \(code)"
        authorityNames.withLock { $0[code] = name }
        return name
    }

    /// The authority's current plan: the one imported into the store, else the default plan.
    func plan(authority: String) async throws -> Plan {
        try await dashboards.snapshot(authority: authority).plan
    }
}

struct WebServicesKey: StorageKey { typealias Value = WebServices }

/// Each application's services, kept past its shutdown: when the server stops, the
/// application's storage is emptied while a request may still be finishing (its response
/// passing back through the middleware), and that request must still find them. Written once per
/// application, by `WebApp.configure`.
let servicesAfterShutdown = Mutex<[ObjectIdentifier: WebServices]>([:])

extension Application {
    var services: WebServices {
        if let s = storage[WebServicesKey.self] { return s }
        guard let s = servicesAfterShutdown.withLock({ $0[ObjectIdentifier(self)] }) else { fatalError("WebApp.configure was not called") }
        return s
    }

    /// Sets the application's services (`WebApp.configure`).
    func setServices(_ services: WebServices) {
        storage[WebServicesKey.self] = services
        servicesAfterShutdown.withLock { $0[ObjectIdentifier(self)] = services }
    }
}

extension Request {
    var services: WebServices { application.services }
}
