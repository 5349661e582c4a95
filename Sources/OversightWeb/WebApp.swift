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
        let services = WebServices(
            store: store, options: options, hasher: hasher ?? BcryptHasher(cost: options.bcryptCost), clock: clock,
            requestLogger: requestLogger)
        app.setServices(services)
        // Background jobs (imports, board packs, e-mails) run in every process serving the store.
        BackgroundWork.registerHandlers(services)
        app.lifecycle.use(JobRunnerLifecycle(runner: services.runner))
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
            // Jobs due by the clock (board packs at the cadence, the day's e-mails) are added by
            // one process at a time, and run by whichever process claims them.
            if let mailer = options.mailer {
                app.logger.notice("overdue actions and escalated audits are e-mailed each day from 07:00, and audit alerts at once, through \(mailer.host):\(mailer.port)")
            }
            let scheduler = BackgroundWork.scheduler(app.services, logger: app.logger)
            defer { scheduler.cancel() }
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
