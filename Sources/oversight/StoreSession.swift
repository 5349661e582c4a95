import Dispatch
import Foundation
import OversightStore

/// Runs store work from the synchronous command line: opens the store the environment names
/// (`DATABASE_URL`, `OVERSIGHT_DATABASE`), runs `body`, closes it, and turns store errors into
/// plain messages with exit status 2.
enum StoreSession {
    static func run<T>(
        migrate: Bool = true, configuration: StoreConfiguration = StoreConfiguration.fromEnvironment(),
        _ body: @escaping @Sendable (Store) async throws -> T
    ) throws -> T {
        try blocking {
            let store = try await Store.open(configuration, migrate: migrate)
            do {
                let value = try await body(store)
                await store.close()
                return value
            } catch {
                await store.close()
                throw error
            }
        }
    }

    /// The authority to use: `requested` when given, else the only one in the store.
    static func authority(_ requested: String?, in store: Store) async throws -> String {
        if let requested { return requested }
        let all = try await store.imports().authorities()
        switch all.count {
        case 0: throw CLIError.usage("the store holds no data yet: run `oversight import PATH... --la CODE` first")
        case 1: return all[0]
        default: throw CLIError.usage("the store holds several local authorities (\(all.joined(separator: ", "))): choose one with --la CODE")
        }
    }

    /// Runs async work to completion on a background task and waits for it.
    static func blocking<T>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        do {
            return try box.result!.get()
        } catch let e as StoreError {
            throw CLIError.usage(e.description)
        } catch let e as CLIError {
            throw e
        } catch {
            throw CLIError.usage("the database reported a problem: \(String(reflecting: error).prefix(800))")
        }
    }
}

/// Carries a result from the background task to the waiting thread; the semaphore orders the
/// write before the read, so the unchecked `Sendable` is safe.
final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
