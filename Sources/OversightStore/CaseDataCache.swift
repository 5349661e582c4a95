import Foundation
import OversightCore

/// The case data last built per authority, kept in memory with the data version it was built
/// from, so a server asking on every page builds it once per import or undo.
///
/// Concurrent callers for the same authority and version share one build. Entries are replaced
/// when the version changes and dropped by `invalidate` (imports and undos through this store).
final class CaseDataCache: @unchecked Sendable {
    /// One authority's build: finished or in progress.
    private struct Entry {
        var version: String
        var build: Task<CaseData, any Error>
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// The value for `authority` at `version`: the cached one, or `build()` run once and shared.
    func value(authority: String, version: String, build: @escaping @Sendable () async throws -> CaseData) async throws -> CaseData {
        let task: Task<CaseData, any Error> = lock.withLock {
            if let e = entries[authority], e.version == version { return e.build }
            let t = Task { try await build() }
            entries[authority] = Entry(version: version, build: t)
            return t
        }
        do {
            return try await task.value
        } catch {
            forget(authority: authority, version: version)
            throw error
        }
    }

    /// Drops `authority`'s entry when it is still the one built for `version`.
    func forget(authority: String, version: String) {
        lock.withLock {
            if entries[authority]?.version == version { entries[authority] = nil }
        }
    }

    /// Drops `authority`'s entry whatever its version.
    func invalidate(authority: String) {
        lock.withLock { entries[authority] = nil }
    }

    /// Whether a value (finished or in progress) is held for `authority` at `version` (tests).
    func holds(authority: String, version: String) -> Bool {
        lock.withLock { entries[authority]?.version == version }
    }
}
