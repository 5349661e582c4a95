import FluentKit
import Foundation
import SQLKit

/// Where a job is: waiting, being run by one process, or ended.
public enum JobState: String, Sendable, Codable, CaseIterable {
    case queued, running, done, failed
}

/// A piece of background work kept in the store: an import of uploaded files, a scheduled board
/// pack, a day's e-mails. Any process serving the store may run it; the one running it holds a
/// lease it renews while it works, and a job whose lease ran out (its process was killed or lost
/// the database) is taken up again by another, up to `maxAttempts` starts in all.
public struct Job: Sendable, Equatable, Codable {
    public var id: Int
    /// What to do: "import", "board-pack", "reminders", "audit-alert".
    public var kind: String
    public var authority: String
    /// Who asked for it: a username, or "oversight" for the scheduler.
    public var createdBy: String
    /// What the job needs, as JSON of the kind's own shape.
    public var payload: String
    public var state: JobState
    /// How many times a process has started it.
    public var attempts: Int
    public var maxAttempts: Int
    /// The process running it ("HOST:PID") while it runs; the last one once ended.
    public var owner: String?
    public var leaseUntil: Date?
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    /// Plain words on what is happening or what went wrong.
    public var message: String
    /// What it made, as JSON of the kind's own shape (an import's number, say).
    public var result: String?
    /// Steps done and in all, when the job counts them.
    public var done: Int
    public var total: Int
}

/// The jobs table: enqueue, claim under a lease, renew, report progress, finish. Claims take
/// the oldest job that is waiting or whose lease ran out, with `FOR UPDATE SKIP LOCKED` on
/// PostgreSQL so processes claiming at the same moment take different jobs; every later write
/// names the owner, so a process that lost its lease can no longer change the job.
public struct JobRepository: Sendable {
    static let table = "jobs"
    let store: Store
    let clock: @Sendable () -> Date

    /// Adds a job; with `uniqueKey`, a job already holding that key is kept instead (and its
    /// number returned with `isNew` false), so a job due once (a day's e-mails) is made once
    /// whichever process asks.
    @discardableResult
    public func enqueue(
        kind: String, authority: String, by user: String, payload: String, uniqueKey: String? = nil,
        message: String = "Waiting to start", maxAttempts: Int = 3
    ) async throws -> (id: Int, isNew: Bool) {
        try await enqueue(
            on: try store.openSQL(), kind: kind, authority: authority, by: user, payload: payload, uniqueKey: uniqueKey, message: message,
            maxAttempts: maxAttempts)
    }

    func enqueue(
        on sql: any SQLDatabase, kind: String, authority: String, by user: String, payload: String, uniqueKey: String?,
        message: String, maxAttempts: Int
    ) async throws -> (id: Int, isNew: Bool) {
        let now = clock().timeIntervalSince1970
        let row = try await sql.raw(
            """
            INSERT INTO jobs (kind, la_code, created_by, payload, unique_key, state, attempts, max_attempts, created_at, message, done, total) \
            VALUES (\(bind: kind), \(bind: authority), \(bind: user), \(bind: payload), \(bind: uniqueKey), 'queued', 0, \(bind: max(1, maxAttempts)), \
            \(bind: now), \(bind: message), 0, 0) \
            ON CONFLICT (unique_key) DO NOTHING RETURNING id
            """
        ).first()
        if let row { return (try row.decode(column: "id", as: Int.self), true) }
        guard let uniqueKey, let existing = try await sql.raw("SELECT id FROM jobs WHERE unique_key = \(bind: uniqueKey)").first() else {
            throw StoreError.unavailable("the job could not be stored")
        }
        return (try existing.decode(column: "id", as: Int.self), false)
    }

    /// Claims the oldest job of `kinds` (any kind when nil) that is waiting, or running under a
    /// lease that ran out and started fewer than its `maxAttempts` times: it becomes `owner`'s
    /// until `lease` from now. Nil when there is none.
    public func claim(owner: String, lease: TimeInterval, kinds: [String]? = nil) async throws -> Job? {
        let now = clock().timeIntervalSince1970
        var filter = SQLQueryString("(state = 'queued' OR (state = 'running' AND lease_until < \(bind: now))) AND attempts < max_attempts")
        if let kinds {
            guard !kinds.isEmpty else { return nil }
            filter = SQLQueryString("\(filter) AND kind IN (\(binds: kinds))")
        }
        let lock = store.configuration.isSQLite ? "" : " FOR UPDATE SKIP LOCKED"
        let row = try await store.openSQL().raw(
            """
            UPDATE jobs SET state = 'running', owner = \(bind: owner), lease_until = \(bind: now + lease), attempts = attempts + 1, \
            started_at = COALESCE(started_at, \(bind: now)), \
            message = CASE WHEN state = 'running' THEN 'Started again: the process running it stopped' ELSE 'Started' END \
            WHERE id = (SELECT id FROM jobs WHERE \(filter) ORDER BY id LIMIT 1\(unsafeRaw: lock)) \
            RETURNING \(unsafeRaw: Self.columns)
            """
        ).first()
        return try row.map(Self.job)
    }

    /// Extends `owner`'s lease on job `id` to `lease` from now; false when the job is no longer
    /// theirs (its lease ran out and another process took it, or it ended).
    public func renew(_ id: Int, owner: String, lease: TimeInterval) async throws -> Bool {
        let until = clock().timeIntervalSince1970 + lease
        return try await store.openSQL().raw(
            "UPDATE jobs SET lease_until = \(bind: until) WHERE id = \(bind: id) AND owner = \(bind: owner) AND state = 'running' RETURNING id"
        ).first() != nil
    }

    /// Records how far `owner` has got with job `id`; false when it is no longer theirs.
    @discardableResult
    public func progress(_ id: Int, owner: String, message: String, done: Int, total: Int) async throws -> Bool {
        try await store.openSQL().raw(
            """
            UPDATE jobs SET message = \(bind: message), done = \(bind: done), total = \(bind: total) \
            WHERE id = \(bind: id) AND owner = \(bind: owner) AND state = 'running' RETURNING id
            """
        ).first() != nil
    }

    /// Ends `owner`'s job `id` as `state` (done or failed) with `message` and `result`; false
    /// when it was no longer theirs (another process took it up, and its ending counts).
    @discardableResult
    public func finish(_ id: Int, owner: String, state: JobState, message: String, result: String? = nil) async throws -> Bool {
        precondition(state == .done || state == .failed, "a job ends done or failed")
        let now = clock().timeIntervalSince1970
        return try await store.openSQL().raw(
            """
            UPDATE jobs SET state = \(bind: state.rawValue), message = \(bind: message), result = \(bind: result), finished_at = \(bind: now), \
            lease_until = NULL WHERE id = \(bind: id) AND owner = \(bind: owner) AND state = 'running' RETURNING id
            """
        ).first() != nil
    }

    /// Ends as failed every job whose lease ran out after its last allowed start: the processes
    /// running it stopped `maxAttempts` times. Returns their numbers.
    @discardableResult
    public func failAbandoned() async throws -> [Int] {
        let now = clock().timeIntervalSince1970
        return try await store.openSQL().raw(
            """
            UPDATE jobs SET state = 'failed', finished_at = \(bind: now), lease_until = NULL, \
            message = 'Stopped: the process running it ended ' || CAST(attempts AS TEXT) || ' times before it finished. Try again, or ask your administrator.' \
            WHERE state = 'running' AND lease_until < \(bind: now) AND attempts >= max_attempts RETURNING id
            """
        ).all().map { try $0.decode(column: "id", as: Int.self) }
    }

    /// Job `id`, when it belongs to `authority` (any authority when nil).
    public func job(_ id: Int, authority: String?) async throws -> Job? {
        var query = SQLQueryString("SELECT \(unsafeRaw: Self.columns) FROM jobs WHERE id = \(bind: id)")
        if let authority { query = SQLQueryString("\(query) AND la_code = \(bind: authority)") }
        return try await store.openSQL().raw(query).first().map(Self.job)
    }

    /// The newest jobs first, of `authority` (every authority's when nil), `limit` at most.
    public func list(authority: String? = nil, states: [JobState]? = nil, limit: Int = 100) async throws -> [Job] {
        var query = SQLQueryString("SELECT \(unsafeRaw: Self.columns) FROM jobs WHERE 1 = 1")
        if let authority { query = SQLQueryString("\(query) AND la_code = \(bind: authority)") }
        if let states { query = SQLQueryString("\(query) AND state IN (\(binds: states.map(\.rawValue)))") }
        query = SQLQueryString("\(query) ORDER BY id DESC LIMIT \(literal: max(0, limit))")
        return try await store.openSQL().raw(query).all().map(Self.job)
    }

    /// Runs `body` when this process holds the scheduler's turn: on PostgreSQL a transaction
    /// holding the advisory lock `key` (`pg_try_advisory_xact_lock`), so of processes asking at
    /// the same moment one runs it and the others skip it; on SQLite (one process) a transaction.
    /// Jobs `body` enqueues through the given `Scheduling` are stored with its transaction.
    /// Returns what `body` returned, or nil when another process held the lock.
    @discardableResult
    public func whileScheduling<T: Sendable>(
        key: Int64 = 0x6f76_6572_7369_6768, _ body: @escaping @Sendable (Scheduling) async throws -> T
    ) async throws -> T? {
        let isSQLite = store.configuration.isSQLite
        let repo = self
        return try await store.database.transaction { db -> T? in
            let sql = db as! any SQLDatabase
            if !isSQLite {
                let row = try await sql.raw("SELECT pg_try_advisory_xact_lock(\(bind: key)) AS locked").first()
                guard try row?.decode(column: "locked", as: Bool.self) == true else { return nil }
            }
            return try await body(Scheduling(repository: repo, sql: sql))
        }
    }

    /// What the scheduler may do while it holds its turn: enqueue jobs due once.
    public struct Scheduling: Sendable {
        let repository: JobRepository
        let sql: any SQLDatabase

        /// Enqueues a job under `uniqueKey` unless one holding it exists; true when new.
        @discardableResult
        public func enqueue(kind: String, authority: String, payload: String, uniqueKey: String, message: String = "Waiting to start") async throws -> Bool {
            try await repository.enqueue(
                on: sql, kind: kind, authority: authority, by: "oversight", payload: payload, uniqueKey: uniqueKey, message: message, maxAttempts: 3
            ).isNew
        }
    }

    static let columns =
        "id, kind, la_code, created_by, payload, state, attempts, max_attempts, owner, lease_until, created_at, started_at, finished_at, message, result, done, total"

    static func job(_ row: any SQLRow) throws -> Job {
        func date(_ column: String) throws -> Date? {
            try row.decode(column: column, as: Double?.self).map { Date(timeIntervalSince1970: $0) }
        }
        return Job(
            id: try row.decode(column: "id", as: Int.self),
            kind: try row.decode(column: "kind", as: String.self),
            authority: try row.decode(column: "la_code", as: String.self),
            createdBy: try row.decode(column: "created_by", as: String.self),
            payload: try row.decode(column: "payload", as: String.self),
            state: JobState(rawValue: try row.decode(column: "state", as: String.self)) ?? .failed,
            attempts: try row.decode(column: "attempts", as: Int.self),
            maxAttempts: try row.decode(column: "max_attempts", as: Int.self),
            owner: try row.decode(column: "owner", as: String?.self),
            leaseUntil: try date("lease_until"),
            createdAt: try date("created_at") ?? Date(timeIntervalSince1970: 0),
            startedAt: try date("started_at"),
            finishedAt: try date("finished_at"),
            message: try row.decode(column: "message", as: String.self),
            result: try row.decode(column: "result", as: String?.self),
            done: try row.decode(column: "done", as: Int.self),
            total: try row.decode(column: "total", as: Int.self))
    }
}

extension Store {
    /// Background jobs (`JobRepository`).
    public func jobs(clock: @escaping @Sendable () -> Date = { Date() }) -> JobRepository {
        JobRepository(store: self, clock: clock)
    }
}
