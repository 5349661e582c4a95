import FluentKit
import Foundation

extension AuditRepository {
    /// A stamp that changes whenever any audit of the authority changes: the number of audit
    /// steps recorded and the newest one's id. Caches of QA measures are keyed by it. It does not
    /// change with supervision sessions, practice standards or templates; `Store.revision(authority:)`
    /// changes with every write of the authority's data.
    public func version(authority: String) async throws -> String {
        let q = AuditEventModel.query(on: store.database).filter(\.$laCode == authority)
        let count = try await q.count()
        let newest = try await AuditEventModel.query(on: store.database).filter(\.$laCode == authority).max(\.$id) ?? 0
        return "a\(count)-\(newest)"
    }
}
