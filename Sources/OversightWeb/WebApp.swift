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
        hasher: (any PasswordHashing)? = nil, clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        app.http.server.configuration.hostname = options.host
        app.http.server.configuration.port = options.port
        app.http.server.configuration.serverName = nil
        app.routes.defaultMaxBodySize = "1mb"
        app.storage[WebServicesKey.self] = WebServices(store: store, options: options, hasher: hasher ?? BcryptHasher(cost: options.bcryptCost), clock: clock)
        app.middleware = Middlewares()
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(ErrorPageMiddleware())
        app.middleware.use(SignInLoader())
        app.middleware.use(RefusalLogMiddleware())
        try UploadsFolder.prepare(options.uploadsFolder)

        for route in SiteRoute.all {
            let body: HTTPBodyStreamStrategy = route.protection == .csrfMultipart ? .stream : .collect(maxSize: route.bodyLimit)
            app.on(route.method, route.components, body: body) { req async throws -> Response in
                try await Gate.check(req, route)
                return try await route.handler(req)
            }
        }
    }

    /// Opens the store, serves until the process is stopped, then closes the store.
    public static func serve(store: Store, options: WebOptions) async throws {
        var env = Environment(name: "production", arguments: ["oversight"])
        try LoggingSystem.bootstrap(from: &env)
        let app = try await Application.make(env)
        do {
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
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
