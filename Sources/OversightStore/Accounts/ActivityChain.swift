import Crypto
import FluentKit
import Foundation
import SQLKit

/// The activity log as a hash chain, one chain per authority (entries written with no authority,
/// such as sign-in attempts with unknown names, form the chain of authority "").
///
/// Each entry holds its place in its authority's chain (`seq`: 1, 2, 3, ...) and `entry_hash`:
/// the SHA-256, in hex, of the previous entry's hash (64 zeros before the first) followed by the
/// entry's canonical content (`canonical`). `activity_chain_heads` holds each chain's last place
/// and hash. An entry changed in the database no longer gives its hash; an entry deleted leaves a
/// gap in the places and breaks the next entry's hash; entries deleted from the end leave the head
/// ahead of the log. Writing an entry, its place, hash and the head are changed in one
/// transaction, after the head row is updated (which PostgreSQL locks and SQLite writes first), so
/// entries written at the same time, by several processes too, get consecutive places.
///
/// Someone who can write the database can also recompute every hash after a change: the chain
/// shows changes made by hand or by a tool that does not know it. Keep the head of a chain
/// (`oversight activity verify` prints it) somewhere else to detect a rewrite as well.
public enum ActivityChain {
    /// The hash before an authority's first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// One entry's content as hashed: the authority, place, time in whole milliseconds since 1970,
    /// user, action, target and whether it was child-level, each written as its length in UTF-8
    /// bytes, a colon, and itself, so no two entries have the same content.
    static func canonical(authority: String, seq: Int, at: Date, user: String, action: String, target: String, isChildLevel: Bool) -> String {
        let fields = ["v1", authority, String(seq), String(milliseconds(at)), user, action, target, isChildLevel ? "1" : "0"]
        return fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "\n")
    }

    /// The hash of an entry that follows `previous`.
    static func hash(previous: String, canonical: String) -> String {
        SHA256.hash(data: Data((previous + "\n" + canonical).utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    /// `date` to the whole millisecond, as stored and hashed.
    static func wholeMilliseconds(_ date: Date) -> Date { Date(timeIntervalSince1970: Double(milliseconds(date)) / 1000) }

    static func hash(previous: String, entry m: ActivityModel, seq: Int) -> String {
        hash(
            previous: previous,
            canonical: canonical(
                authority: m.laCode, seq: seq, at: m.at, user: m.userName, action: m.action,
                target: m.target, isChildLevel: m.isChildLevel))
    }

    /// Writes entries at the end of their authorities' chains, in the order given, in one
    /// transaction: each authority's head is moved on by its number of entries (heads in order of
    /// authority, so two processes' batches cannot wait on each other), the entries are hashed one
    /// after another from it, inserted together, and the head takes the last hash.
    static func append(_ entries: [ActivityModel], on database: any Database) async throws {
        if entries.isEmpty { return }
        let byAuthority = Dictionary(grouping: entries, by: \.laCode)
        try await database.transaction { db in
            let sql = db as! any SQLDatabase
            for la in byAuthority.keys.sorted() {
                let chain = byAuthority[la]!
                try await sql.raw(
                    """
                    INSERT INTO activity_chain_heads (la_code, seq, entry_hash) VALUES (\(bind: la), 0, \(bind: genesis)) \
                    ON CONFLICT (la_code) DO NOTHING
                    """
                ).run()
                guard
                    let head = try await sql.raw(
                        """
                        UPDATE activity_chain_heads SET seq = seq + \(bind: chain.count) WHERE la_code = \(bind: la) RETURNING seq, entry_hash
                        """
                    ).first()
                else { throw StoreError.unavailable("the activity log's chain could not be extended") }
                var seq = try head.decode(column: "seq", as: Int.self) - chain.count
                var previous = try head.decode(column: "entry_hash", as: String.self)
                for m in chain {
                    seq += 1
                    previous = Self.hash(previous: previous, entry: m, seq: seq)
                    m.seq = seq
                    m.entryHash = previous
                }
                try await chain.create(on: db)
                try await sql.raw("UPDATE activity_chain_heads SET entry_hash = \(bind: previous) WHERE la_code = \(bind: la)").run()
            }
        }
    }

    /// Chains the entries that have no place yet (the log as it was before chaining), in the
    /// order they were written, after each authority's head.
    static func chainUnchained(on database: any Database) async throws {
        try await database.transaction { db in
            let sql = db as! any SQLDatabase
            let rows = try await ActivityModel.query(on: db).filter(\.$seq == nil).sort(\.$id).all()
            var heads: [String: (seq: Int, hash: String)] = [:]
            for row in try await sql.raw("SELECT la_code, seq, entry_hash FROM activity_chain_heads").all() {
                heads[try row.decode(column: "la_code", as: String.self)] = (
                    try row.decode(column: "seq", as: Int.self),
                    try row.decode(column: "entry_hash", as: String.self)
                )
            }
            var touched = Set<String>()
            for m in rows {
                let head = heads[m.laCode] ?? (0, genesis)
                let seq = head.seq + 1
                let hash = Self.hash(previous: head.hash, entry: m, seq: seq)
                try await sql.raw("UPDATE activity_log SET seq = \(bind: seq), entry_hash = \(bind: hash) WHERE id = \(bind: try m.requireID())").run()
                heads[m.laCode] = (seq, hash)
                touched.insert(m.laCode)
            }
            for la in touched.sorted() {
                let h = heads[la]!
                try await sql.raw("DELETE FROM activity_chain_heads WHERE la_code = \(bind: la)").run()
                try await sql.raw("INSERT INTO activity_chain_heads (la_code, seq, entry_hash) VALUES (\(bind: la), \(bind: h.seq), \(bind: h.hash))").run()
            }
        }
    }
}

/// Writes the activity log's entries of one process in batches (a group commit): an entry that
/// arrives while a batch is being written waits for the next batch, which takes every entry
/// that arrived meanwhile, in one transaction. Each `append` returns once its own entry is
/// committed (or throws that batch's error), so a page that shows children is answered only
/// after its view is in the log; entries of one process keep their order of arrival.
///
/// One transaction per view made views take turns on the chain's head (on SQLite, through the
/// store's one connection); under load a batch now carries many views for the cost of one.
actor ActivityAppender {
    private var pending: [(entry: ActivityModel, done: CheckedContinuation<Void, any Error>)] = []
    private var isWriting = false

    /// Writes `entry` in the next batch and returns when that batch is committed.
    func append(_ entry: ActivityModel, on database: any Database) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            pending.append((entry, done))
            if !isWriting {
                isWriting = true
                Task { await self.writeBatches(on: database) }
            }
        }
    }

    private func writeBatches(on database: any Database) async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            do {
                try await ActivityChain.append(batch.map(\.entry), on: database)
                for b in batch { b.done.resume() }
            } catch {
                for b in batch { b.done.resume(throwing: error) }
            }
        }
        isWriting = false
    }
}

/// What checking the activity log's chain found.
public struct ActivityChainCheck: Sendable, Hashable {
    /// Entries whose hash was recomputed and matched, before any problem.
    public var verified: Int
    /// The first entry found changed, missing or out of place, in words; nil when the chain holds.
    public var problem: String?
    /// Each authority's last place and hash, to keep elsewhere.
    public var heads: [String: String]
}

extension AccountRepository {
    /// Checks the activity log's chain of `authority` (every authority's when nil), entry by entry
    /// in order: stops at the first entry changed, missing or added outside Oversight.
    public func verifyActivity(authority: String? = nil) async throws -> ActivityChainCheck {
        let db = store.database, sql = store.sql
        var heads: [String: (seq: Int, hash: String)] = [:]
        for row in try await sql.raw("SELECT la_code, seq, entry_hash FROM activity_chain_heads").all() {
            heads[try row.decode(column: "la_code", as: String.self)] = (
                try row.decode(column: "seq", as: Int.self),
                try row.decode(column: "entry_hash", as: String.self)
            )
        }
        let authorities: [String]
        if let authority {
            authorities = [authority]
        } else {
            let inLog = try await sql.raw("SELECT DISTINCT la_code FROM activity_log").all().map { try $0.decode(column: "la_code", as: String.self) }
            authorities = Set(inLog).union(heads.keys).sorted()
        }
        var verified = 0
        var shownHeads: [String: String] = [:]
        func named(_ la: String) -> String { la.isEmpty ? "the entries with no authority" : "authority \(la)" }
        for la in authorities {
            let check = ActivityChainCheck(verified: verified, problem: nil, heads: shownHeads)
            if let stray = try await ActivityModel.query(on: db).filter(\.$laCode == la).group(.or, { $0.filter(\.$seq == nil).filter(\.$entryHash == nil) }).first() {
                return ActivityChainCheck(
                    verified: check.verified, problem: "an entry of \(named(la)) (id \(stray.id ?? 0), \(stray.action)) is not in the chain: it was added outside Oversight",
                    heads: shownHeads)
            }
            var previous = ActivityChain.genesis, expected = 1
            while true {
                let page = try await ActivityModel.query(on: db).filter(\.$laCode == la).filter(\.$seq >= expected).sort(\.$seq).sort(\.$id).limit(5_000).all()
                if page.isEmpty { break }
                for m in page {
                    let seq = m.seq ?? 0
                    if seq > expected {
                        let gap = seq - expected == 1 ? "entry \(expected) of \(named(la)) is missing" : "entries \(expected) to \(seq - 1) of \(named(la)) are missing"
                        return ActivityChainCheck(verified: verified, problem: gap + " (deleted from the log)", heads: shownHeads)
                    }
                    if seq < expected {
                        return ActivityChainCheck(verified: verified, problem: "entry \(seq) of \(named(la)) appears twice: one was added outside Oversight", heads: shownHeads)
                    }
                    guard ActivityChain.hash(previous: previous, entry: m, seq: seq) == m.entryHash else {
                        return ActivityChainCheck(
                            verified: verified, problem: "entry \(seq) of \(named(la)) (id \(m.id ?? 0), \(ActivityChain.describe(m))) has been changed",
                            heads: shownHeads)
                    }
                    previous = m.entryHash ?? ""
                    expected += 1
                    verified += 1
                }
            }
            let last = expected - 1
            if let head = heads[la] {
                if head.seq > last {
                    let gap = head.seq == expected ? "entry \(expected) of \(named(la)) is missing" : "entries \(expected) to \(head.seq) of \(named(la)) are missing"
                    return ActivityChainCheck(verified: verified, problem: gap + " (deleted from the end of the log)", heads: shownHeads)
                }
                if head.seq < last || head.hash != previous {
                    return ActivityChainCheck(
                        verified: verified, problem: "the last entry of \(named(la)) does not match the chain's head: the log was changed outside Oversight",
                        heads: shownHeads)
                }
                shownHeads[la] = "\(head.seq) \(head.hash)"
            } else if last > 0 {
                return ActivityChainCheck(verified: verified, problem: "the chain's head of \(named(la)) is missing: the log was changed outside Oversight", heads: shownHeads)
            }
        }
        return ActivityChainCheck(verified: verified, problem: nil, heads: shownHeads)
    }
}

extension ActivityChain {
    /// An entry in a few words for a report (its time and action; the target may be a child).
    static func describe(_ m: ActivityModel) -> String {
        let f = ISO8601DateFormatter()
        return "\(f.string(from: m.at)) \(m.action)"
    }
}
