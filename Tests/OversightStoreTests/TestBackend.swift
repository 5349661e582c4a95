import Foundation
@testable import OversightStore
import SQLKit
import Testing

/// A database to test against: a fresh SQLite file always, and the PostgreSQL database named by
/// `OVERSIGHT_TEST_POSTGRES_URL` when it is set (emptied before each test).
enum TestBackend: String, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    /// The backends available here.
    static var all: [TestBackend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["OVERSIGHT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }
    var testDescription: String { rawValue }

    /// A fresh, empty configuration of this backend in `folder`.
    func freshConfiguration(in folder: TempFolder) async throws -> StoreConfiguration {
        switch self {
        case .sqlite:
            return .sqlite(path: folder.path("oversight.sqlite"))
        case .postgres:
            let config = StoreConfiguration.postgres(url: Self.postgresURL!)
            let store = try await Store.open(config, migrate: false, checkSchema: false)
            do {
                try await store.dropEverything()
            } catch {
                await store.close()
                throw error
            }
            await store.close()
            return config
        }
    }
}
