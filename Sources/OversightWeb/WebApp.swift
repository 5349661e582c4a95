import Foundation
import OversightCore
import OversightStore
import OversightViews
import Vapor

/// The web application: configuration of a Vapor `Application` over an open store, and running it.
public enum WebApp {
    /// Configures `app` to serve Oversight from `store`: middleware, every route of
    /// `SiteRoute.all` with its access check, and the services the handlers share.
    public static func configure(_ app: Application, store: Store, options: WebOptions,
                                 hasher: (any PasswordHashing)? = nil, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        app.http.server.configuration.hostname = options.host
        app.http.server.configuration.port = options.port
        app.http.server.configuration.serverName = nil
        app.routes.defaultMaxBodySize = "1mb"
        app.storage[WebServicesKey.self] = WebServices(store: store, options: options, hasher: hasher ?? BcryptHasher(cost: options.bcryptCost), clock: clock)
        app.middleware = Middlewares()
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(ErrorPageMiddleware())
        app.middleware.use(SignInLoader())
        try UploadsFolder.prepare(options.uploadsFolder)

        let handlers = Self.handlers
        for route in SiteRoute.all {
            guard let handler = handlers[route.name] else { preconditionFailure("no handler for route \(route.name)") }
            // Action updates carry evidence files (10 MB each at most, as the store allows).
            let body: HTTPBodyStreamStrategy = route.protection == .csrfMultipart ? .stream
                : .collect(maxSize: route.name == "action-update" ? "40mb" : "1mb")
            app.on(route.method, route.components, body: body) { req async throws -> Response in
                try await Gate.check(req, route)
                return try await handler(req)
            }
        }
    }

    /// The handler of each route, by route name.
    static let handlers: [String: @Sendable (Request) async throws -> Response] = [
        "sign-in": SignInController.show,
        "sign-in-submit": SignInController.submit,
        "sign-out": SignInController.signOut,
        "asset": AssetController.file,
        "home": DashboardController.home,
        "ambition": DashboardController.ambition,
        "measures": MeasureController.index,
        "measures-csv": { try await ExportController.measures($0, format: "csv") },
        "measures-xlsx": { try await ExportController.measures($0, format: "xlsx") },
        "actions-csv": { try await ExportController.actions($0, format: "csv") },
        "actions-xlsx": { try await ExportController.actions($0, format: "xlsx") },
        "audits-csv": { try await ExportController.audits($0, format: "csv") },
        "audits-xlsx": { try await ExportController.audits($0, format: "xlsx") },
        "measure": MeasureController.show,
        "measure-series-csv": { try await MeasureController.seriesDownload($0, format: "csv") },
        "measure-series-xlsx": { try await MeasureController.seriesDownload($0, format: "xlsx") },
        "measure-numerator-csv": { try await MeasureController.recordsDownload($0, side: .numerator, format: "csv") },
        "measure-denominator-csv": { try await MeasureController.recordsDownload($0, side: .denominator, format: "csv") },
        "measure-numerator-xlsx": { try await MeasureController.recordsDownload($0, side: .numerator, format: "xlsx") },
        "measure-denominator-xlsx": { try await MeasureController.recordsDownload($0, side: .denominator, format: "xlsx") },
        "child": ChildController.show,
        "data": DataController.index,
        "upload": DataController.uploadForm,
        "upload-submit": DataController.upload,
        "import": DataController.show,
        "import-findings-csv": { try await DataController.findingsDownload($0, format: "csv") },
        "import-findings-xlsx": { try await DataController.findingsDownload($0, format: "xlsx") },
        "import-undo": DataController.undo,
        "upload-job": DataController.job,
        "activity": ActivityController.index,
        "activity-csv": { try await ActivityController.download($0, format: "csv") },
        "activity-xlsx": { try await ActivityController.download($0, format: "xlsx") },
        "users": UsersController.index,
        "users-add": UsersController.add,
        "users-disable": { try await UsersController.setDisabled($0, true) },
        "users-enable": { try await UsersController.setDisabled($0, false) },
        "users-reset": UsersController.resetPassword,
        "audits": QAController.mine,
        "audit": QAController.form,
        "audit-save": QAController.save,
        "moderation": QAController.queue,
        "moderate": QAController.moderationForm,
        "moderate-submit": QAController.moderate,
        "multi-agency": MultiAgencyController.form,
        "multi-agency-start": MultiAgencyController.start,
        "rounds": QAController.rounds,
        "rounds-create": QAController.createRound,
        "learning": QAController.learning,
        "learning-text": AuditReviewController.learningText,
        "audit-review": AuditReviewController.show,
        "audit-feedback": AuditReviewController.feedback,
        "audit-actions": AuditReviewController.addAction,
        "audit-action-done": AuditReviewController.completeAction,
        "supervision": AuditReviewController.supervision,
        "supervision-add": AuditReviewController.addSupervision,
        "supervision-standard": AuditReviewController.setStandard,
        "plan": PlanController.index,
        "plan-actions": PlanController.actions,
        "action-update": PlanController.update,
        "commentary": PlanController.saveCommentary,
        "entries": PlanController.entryForm,
        "entries-submit": PlanController.saveEntry,
        "reports": ReportsController.index,
        "reports-make": ReportsController.make,
        "report-file": ReportsController.file,
        "api-openapi": { _ in APIController.json(OpenAPIDocument.document) },
        "api-kpis": APIController.kpis,
        "api-measures": APIController.measures,
        "api-measure": APIController.measure,
        "api-measure-records": APIController.records,
        "api-imports": APIController.imports,
    ]

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
