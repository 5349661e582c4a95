import FluentKit
import SQLKit

/// The revision of each authority's data, in `authority_revisions`: raised by one in the same
/// transaction as every write of data that a measure, KPI or report reads, so equal revisions
/// of an authority mean equal data, in this process and any other using the same database.
enum AuthorityRevision {
    /// The table, created by `CreateAuthorityRevisions`.
    static let table = "authority_revisions"

    /// Raises `la`'s revision by one (to 1 when it has none), on `db`, which must be the write's
    /// transaction: it is rolled back with the write.
    ///
    /// Call it as the last statement of the transaction. On PostgreSQL the upsert locks the
    /// authority's row until the commit, so writes of one authority take turns on it; done
    /// last, the lock is held only for the commit (not through a long import) and, every other
    /// row being locked before it, two writes cannot wait on each other.
    static func bump(_ la: String, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw(
            """
            INSERT INTO \(ident: table) (la_code, revision) VALUES (\(bind: la), 1) \
            ON CONFLICT (la_code) DO UPDATE SET revision = \(ident: table).revision + 1
            """
        ).run()
    }

    /// `la`'s revision as stored on `db`: 0 when it was never raised.
    static func read(_ la: String, on db: any Database) async throws -> Int {
        let row = try await (db as! any SQLDatabase).select().column("revision").from(table).where("la_code", .equal, la).first()
        return try row?.decode(column: "revision", as: Int.self) ?? 0
    }
}

extension Store {
    /// The revision of `authority`'s data: 0 when nothing was ever written for it, then one more
    /// for every import, import undo, audit template stored, round or audit change (each workflow
    /// step, moderation included), hand entry or correction, target change, plan import or change
    /// of current plan, practice standard, supervision session, action created, edited or seeded,
    /// action update and commentary, counted when the write commits; a write that fails leaves it.
    /// Accounts, sessions, the activity log, national published figures and the measure cache do
    /// not change it.
    /// Read from the database on every call (one row, by its key), so a write by another process
    /// using the same database shows at once. Equal revisions of an authority mean equal data.
    public func revision(authority: String) async throws -> Int {
        try await AuthorityRevision.read(authority, on: database)
    }
}
