import Foundation
import OversightCore
import OversightStore
import OversightViews
import Vapor

/// The web application: configuration of a Vapor `Application` over an open store, and running it.
public enum WebApp {
    /// Configures `app` to serve Oversight from `store`: middleware, every route of
    /// `SiteRoute.all` with its access check, and the services the handlers share.
    public static func configure(
        _ app: Application, store: Store, options: WebOptions,
        hasher: (any PasswordHashing)? = nil, clock: @escaping @Sendable () -> Date = { Date() },
        requestLogger: Logger = Logger(label: "oversight.requests")
    ) throws {
        app.http.server.configuration.hostname = options.host
        app.http.server.configuration.port = options.port
        app.http.server.configuration.serverName = nil
        app.routes.defaultMaxBodySize = "1mb"
        app.setServices(
            WebServices(
                store: store, options: options, hasher: hasher ?? BcryptHasher(cost: options.bcryptCost), clock: clock,
                requestLogger: requestLogger))
        app.middleware = Middlewares()
        app.middleware.use(RequestLogMiddleware())
        app.middleware.use(SecurityHeadersMiddleware(secureCookies: options.secureCookies))
        app.middleware.use(ErrorPageMiddleware())
        app.middleware.use(SignInLoader())
        app.middleware.use(RefusalLogMiddleware())
        try UploadsFolder.prepare(options.uploadsFolder)

        for route in SiteRoute.all {
            let body: HTTPBodyStreamStrategy = route.protection == .csrfMultipart ? .stream : .collect(maxSize: route.bodyLimit)
            app.on(route.method, route.components, body: body) { req async throws -> Response in
                req.routeName = route.name
                try await Gate.check(req, route)
                return try await route.handler(req)
            }
        }
    }

    /// Log lines as JSON objects (`JSONLogHandler`), or Vapor's text lines with
    /// `OVERSIGHT_LOG_FORMAT=text`; the level from `LOG_LEVEL` (trace, debug, info, notice,
    /// warning, error, critical), else `defaultLevel`.
    static func bootstrapLogging(_ env: inout Environment, defaultLevel: Logger.Level) throws {
        let variables = ProcessInfo.processInfo.environment
        if variables["OVERSIGHT_LOG_FORMAT"] == "text" {
            try LoggingSystem.bootstrap(from: &env)
            return
        }
        let level = variables["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? defaultLevel
        LoggingSystem.bootstrap { label in
            var handler = JSONLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// Opens the store, serves until the process is stopped, then closes the store.
    /// `defaultLogLevel` applies when `LOG_LEVEL` is not set: info (a line per request) for `serve`.
    public static func serve(store: Store, options: WebOptions, defaultLogLevel: Logger.Level = .info) async throws {
        var env = Environment(name: "production", arguments: ["oversight"])
        try bootstrapLogging(&env, defaultLevel: defaultLogLevel)
        let app = try await Application.make(env)
        do {
            var configured = options
            if configured.mailer == nil { configured.mailer = try SMTPMailer.fromEnvironment() }
            let options = configured
            try configure(app, store: store, options: options)
            if let cadence = options.boardPackCadence {
                let services = app.services
                let reports = ReportService(store: store, options: options, dashboards: services.dashboards, clock: services.clock)
                Task.detached {
                    while !Task.isCancelled {
                        await reports.runScheduled(cadence: cadence) { code in options.statistics?.describe(la: code, year: 2025)?.name ?? "Local authority \(code)" }
                        try? await Task.sleep(for: .seconds(3600))
                    }
                }
            }
            // Overdue actions by e-mail, once a day from 07:00, when a mail server is configured.
            if let mailer = options.mailer {
                let reminders = ReminderService(store: store, mailer: mailer, link: options.publicURL)
                let clock = app.services.clock
                app.logger.notice("overdue actions and escalated audits are e-mailed each day from 07:00, and audit alerts at once, through \(mailer.host):\(mailer.port)")
                Task.detached {
                    while !Task.isCancelled {
                        let now = clock()
                        if Calendar(identifier: .gregorian).component(.hour, from: now) >= 7 { await reminders.sendAll(today: Day(now)) }
                        try? await Task.sleep(for: .seconds(900))
                    }
                }
            }
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
