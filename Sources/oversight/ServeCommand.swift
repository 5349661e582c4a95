import ArgumentParser
import Foundation
import OversightCore
import OversightFormats
import OversightStore
import OversightWeb

/// Options `serve` and `demo` share.
struct ServerOptions: ParsableArguments {
    @Option(help: "Port to listen on.") var port: Int = 8080
    @Option(help: "Address to listen on (127.0.0.1 keeps it on this machine).") var host: String = "127.0.0.1"
    @Option(help: "Folder of DfE published statistics to use instead of the copy Oversight carries (default: $OVERSIGHT_REFERENCE).") var reference: String?
    @Option(help: "Plan file (YAML). Default: the shipped plan.") var plan: String?
    @Option(help: "Largest upload accepted, in megabytes.") var maxUploadMB: Int = 200
    @Option(help: "Folder for reports (board packs).") var reports: String = "reports"
    @Option(help: "Make the board pack in the reports folder by itself: monthly or quarterly.") var boardPack: String?
    @Flag(help: "Send the session cookie without the Secure attribute (only for plain HTTP beyond this machine; never in production).")
    var insecureCookies = false
    @Flag(help: "A proxy on this machine (nginx) sets X-Forwarded-For: limit sign-in failures by its last address, not the proxy's.")
    var trustProxy = false
    @Option(help: "The address people reach Oversight at (https://oversight.example.gov.uk); single sign-on's callback is made from it (default: http://HOST:PORT).")
    var publicURL: String?

    /// The web options these flags describe.
    func webOptions(
        isSyntheticData: Bool, uploadsFolder: String, reportsFolder: String? = nil, storedPlan: Plan? = nil,
        statistics: PublishedStatistics
    ) throws -> WebOptions {
        let thePlan: Plan
        do {
            thePlan = try plan.map { try PlanLoader.load(url: URL(fileURLWithPath: $0)) } ?? storedPlan ?? PlanLoader.defaultPlan()
        } catch let e as PlanFileError {
            throw CLIError.usage(e.description)
        }
        guard (1...65535).contains(port) else { throw CLIError.usage("--port must be between 1 and 65535") }
        var cadence: BoardPackCadence?
        if let boardPack {
            guard let c = BoardPackCadence(rawValue: boardPack) else { throw CLIError.usage("--board-pack must be monthly or quarterly") }
            cadence = c
        }
        var options = WebOptions(
            host: host, port: port, plan: thePlan, statistics: statistics, isSyntheticData: isSyntheticData,
            maxUploadBytes: maxUploadMB * 1024 * 1024, uploadsFolder: uploadsFolder, secureCookies: !insecureCookies,
            reportsFolder: reportsFolder ?? reports, boardPackCadence: cadence,
            metricsToken: ProcessInfo.processInfo.environment["OVERSIGHT_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 })
        options.trustProxy = trustProxy
        options.publicURL = publicURL
        return options
    }
}

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web application on the configured store.",
        discussion: """
            The store is the SQLite file ./oversight.sqlite, or OVERSIGHT_DATABASE=path, or the PostgreSQL
            database DATABASE_URL=postgres://... Add users first with `oversight users add`.
            GET /healthz answers while the process serves, /readyz when the store is ready; /metrics serves
            Prometheus metrics to a scraper that sends OVERSIGHT_METRICS_TOKEN as a bearer token (set it to
            turn metrics on). Logs are JSON lines on standard error, one a request (OVERSIGHT_LOG_FORMAT=text
            for plain text, LOG_LEVEL=notice for fewer).
            Example: oversight serve --port 8080
            """
    )

    @OptionGroup var server: ServerOptions

    func run() throws {
        let server = self.server
        try StoreSession.run { store in
            // The store's current plan, when one was imported (`oversight plan import`); one authority per deployment's plan.
            let authorities = try await store.imports().authorities()
            let stored = authorities.count == 1 ? try await store.plans(authority: authorities[0]).current()?.plan : nil
            let statistics = try await ReferenceFolder.inUse(folder: server.reference, store: store)
            let options = try server.webOptions(
                isSyntheticData: false,
                uploadsFolder: WebOptions.defaultUploadsFolder,
                storedPlan: stored, statistics: statistics)
            print("Oversight is serving the \(store.configuration) at http://\(options.host):\(options.port)/ (stop with Ctrl-C)")
            try await WebApp.serve(store: store, options: options)
        }
    }
}
