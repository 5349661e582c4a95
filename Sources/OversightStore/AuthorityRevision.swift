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
    /// Read from the database by a read that begins after the call (one row, by its key), so a
    /// write committed before the call, by this process or another using the same database,
    /// shows at once. Calls that arrive while a read of the authority is under way share the
    /// next read (see `RevisionReads`). Equal revisions of an authority mean equal data.
    public func revision(authority: String) async throws -> Int {
        try await revisionReads.read(authority) { [database] in try await AuthorityRevision.read(authority, on: database) }
    }
}

/// Reads of authorities' revisions, grouped: a call waits for the next read of its authority
/// that begins after it arrived, and every call that arrived while one read was under way shares
/// the read that follows. Under load (every page asks) the store answers one read per read's time
/// rather than one per request, and no call gets a revision read before it was made.
actor RevisionReads {
    private var waiting: [String: [CheckedContinuation<Int, any Error>]] = [:]
    private var reading: Set<String> = []

    func read(_ authority: String, _ fetch: @escaping @Sendable () async throws -> Int) async throws -> Int {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Int, any Error>) in
            waiting[authority, default: []].append(done)
            if !reading.contains(authority) {
                reading.insert(authority)
                Task { await self.readWhileWaited(authority, fetch) }
            }
        }
    }

    private func readWhileWaited(_ authority: String, _ fetch: @escaping @Sendable () async throws -> Int) async {
        while let calls = waiting.removeValue(forKey: authority), !calls.isEmpty {
            do {
                let revision = try await fetch()
                for c in calls { c.resume(returning: revision) }
            } catch {
                for c in calls { c.resume(throwing: error) }
            }
        }
        reading.remove(authority)
    }
}
