import Foundation
import OversightCore
import OversightFormats
import OversightStore
import Vapor

/// What every request handler needs: the store, accounts, the plan, the caches and the import jobs.
final class WebServices: Sendable {
    let store: Store
    let options: WebOptions
    let accounts: AccountRepository
    let dashboards: DashboardService
    let jobs: ImportJobs
    let sessions = SessionCache()
    let clock: @Sendable () -> Date

    init(store: Store, options: WebOptions, hasher: any PasswordHashing, clock: @escaping @Sendable () -> Date) {
        self.store = store; self.options = options; self.clock = clock
        var accounts = store.accounts(hasher: hasher, clock: clock)
        accounts.idleTimeout = options.idleTimeout
        self.accounts = accounts
        self.dashboards = DashboardService(store: store, options: options, clock: clock)
        self.jobs = ImportJobs()
    }

    /// The authority's current plan: the one imported into the store, else the default plan.
    func plan(authority: String) async throws -> Plan {
        try await dashboards.snapshot(authority: authority).plan
    }
}

struct WebServicesKey: StorageKey { typealias Value = WebServices }

extension Application {
    var services: WebServices {
        guard let s = storage[WebServicesKey.self] else { fatalError("WebApp.configure was not called") }
        return s
    }
}

extension Request {
    var services: WebServices { application.services }
}
