import Crypto
import FluentKit
import Foundation
import OversightCore
import SQLKit

/// A one-time link given to a family: the form it opens, the team, who made it, and when it
/// expires. Its token is shown once when made; the store keeps only its SHA-256.
public struct FeedbackLink: Sendable, Hashable {
    public var id: Int
    public var authority: String
    public var formID: String
    public var formVersion: Int
    public var team: String?
    public var createdBy: String
    public var createdAt: Date
    public var expiresAt: Date
    public var usedAt: Date?
    public var withdrawnAt: Date?

    /// Whether a family can still use it at `now`: not used, not withdrawn, not expired.
    public func isOpen(at now: Date) -> Bool { usedAt == nil && withdrawnAt == nil && now < expiresAt }
}

/// A link just made: the token to give the family (shown once, never stored) and the link.
public struct NewFeedbackLink: Sendable {
    public var token: String
    public var link: FeedbackLink
}

/// What happened to a family's submission through a link.
public enum FeedbackLinkOutcome: Sendable {
    /// Stored; the link is used.
    case accepted(FeedbackResponse)
    /// The answers were refused; nothing stored, the link still open.
    case refused(FeedbackForm, [FeedbackAnswerProblem])
    /// Unknown, expired, used or withdrawn: all the same to the family.
    case unusable
}

/// Families' and children's feedback of one authority: its forms (the shipped forms and its own,
/// versioned), responses, and one-time links. Every write that can change a number (a response, a
/// form) raises the authority's revision in the same transaction.
public struct FeedbackRepository: Sendable {
    let store: Store
    /// The local authority's code; every read and write is limited to it.
    public let authority: String
    let clock: @Sendable () -> Date

    /// Days a link lasts unless another number is given.
    public static let defaultLinkDays = 14

    // MARK: Forms

    /// The latest version of each form: the authority's own, and each shipped form it has not
    /// changed, by id.
    public func forms() async throws -> [FeedbackForm] {
        let rows = try await FeedbackFormModel.query(on: store.database).filter(\.$laCode == authority).all()
        var latest: [String: FeedbackForm] = [:]
        for f in ShippedFeedbackForms.all { latest[f.id] = f }
        for r in rows {
            let f = try Self.form(r)
            if (latest[f.id]?.version ?? 0) <= f.version { latest[f.id] = f }
        }
        return latest.values.sorted { $0.id < $1.id }
    }

    /// One version of a form: stored, else the shipped form of that version; nil when neither.
    public func form(id: String, version: Int) async throws -> FeedbackForm? {
        if let r = try await FeedbackFormModel.query(on: store.database).filter(\.$laCode == authority).filter(\.$formID == id)
            .filter(\.$version == version).first()
        {
            return try Self.form(r)
        }
        return ShippedFeedbackForms.all.first { $0.id == id && $0.version == version }
    }

    /// The latest version of a form, or nil.
    public func latestForm(id: String) async throws -> FeedbackForm? {
        try await forms().first { $0.id == id }
    }

    /// Stores `form` as the next version of its id (1 for a new form; after the shipped version
    /// for a shipped one), and raises the revision, in one transaction. A form the same as the
    /// latest version is not stored again. Throws `StoreError.badInput` with the form's problems,
    /// and for a form that drops a question a feedback measure reads, or answers it another way
    /// (`FeedbackMeasures.problems(keeping:)`): the measure would stop counting it, so the form is
    /// refused rather than stored with a warning.
    @discardableResult
    public func saveForm(_ form: FeedbackForm, by user: String) async throws -> FeedbackForm {
        let problems = form.problems + FeedbackMeasures.problems(keeping: form).map(\.message)
        guard problems.isEmpty else { throw StoreError.badInput("the feedback form cannot be saved: " + problems.joined(separator: "; ")) }
        let la = authority, now = clock()
        let latest = try await latestForm(id: form.id)
        var f = form
        if let latest {
            f.version = latest.version
            if f == latest { return latest }
        }
        f.version = (latest?.version ?? 0) + 1
        let saved = f
        try await store.database.transaction { db in
            let row = FeedbackFormModel()
            row.laCode = la; row.formID = saved.id; row.version = saved.version; row.title = saved.title
            row.body = String(decoding: try JSONEncoder().encode(saved), as: UTF8.self)
            row.createdBy = user; row.createdAt = now
            try await row.create(on: db)
            try await AuthorityRevision.bump(la, on: db)
        }
        return saved
    }

    // MARK: Responses

    /// Records a response given with a practitioner: checks the answers against the form's
    /// version, stores it and raises the revision in one transaction. Throws
    /// `FeedbackRejected` with the problems (nothing stored), or `StoreError.badInput` for an
    /// unknown form.
    @discardableResult
    public func record(
        formID: String, answers: [String: String], respondent: FeedbackRespondent, team: String?, child: String?, by user: String
    ) async throws -> FeedbackResponse {
        guard let form = try await latestForm(id: formID) else { throw StoreError.badInput("there is no feedback form '\(formID)'") }
        let (kept, problems) = form.check(answers)
        guard problems.isEmpty else { throw FeedbackRejected(form: form, problems: problems) }
        let now = clock()
        let response = FeedbackResponse(
            formID: form.id, formVersion: form.version, authority: authority, team: Self.blankToNil(team), child: Self.blankToNil(child),
            channel: .practitioner, respondent: respondent, submittedOn: Day(now), answers: kept, recordedBy: user)
        return try await store.database.transaction { db in
            let stored = try await Self.insert(response, linkID: nil, now: now, on: db)
            try await AuthorityRevision.bump(response.authority, on: db)
            return stored
        }
    }

    /// Stores responses as given (the demo's synthetic responses), in one transaction that raises
    /// the revision once.
    public func insert(_ responses: [FeedbackResponse]) async throws {
        let la = authority, now = clock()
        try await store.database.transaction { db in
            for var r in responses {
                r.authority = la
                _ = try await Self.insert(r, linkID: nil, now: now, on: db)
            }
            try await AuthorityRevision.bump(la, on: db)
        }
    }

    /// The responses submitted in `period` (every one when nil), oldest first.
    public func responses(in period: Period? = nil) async throws -> [FeedbackResponse] {
        var q = FeedbackResponseModel.query(on: store.database).filter(\.$laCode == authority)
        if let period { q = q.filter(\.$submittedOn >= period.start.iso).filter(\.$submittedOn <= period.end.iso) }
        return try await q.sort(\.$submittedOn).sort(\.$id).all().compactMap(Self.response)
    }

    /// One response by its id, or nil.
    public func response(id: String) async throws -> FeedbackResponse? {
        guard let n = Int(id) else { return nil }
        return try await FeedbackResponseModel.query(on: store.database).filter(\.$laCode == authority).filter(\.$id == n).first()
            .flatMap(Self.response)
    }

    // MARK: Links

    /// Makes a one-time link for the latest version of `formID`, lasting `days` days (14 by
    /// default, 1 to 90). The token is returned once; only its SHA-256 is stored. Making a link
    /// changes no number, so the revision stays.
    public func createLink(formID: String, team: String?, days: Int = FeedbackRepository.defaultLinkDays, by user: String) async throws -> NewFeedbackLink {
        guard (1...90).contains(days) else { throw StoreError.badInput("a link lasts 1 to 90 days") }
        guard let form = try await latestForm(id: formID) else { throw StoreError.badInput("there is no feedback form '\(formID)'") }
        let token = Self.randomToken(), now = clock()
        let row = FeedbackLinkModel()
        row.laCode = authority; row.tokenHash = Self.sha256(token); row.formID = form.id; row.formVersion = form.version
        row.team = Self.blankToNil(team); row.createdBy = user; row.createdAt = now
        row.expiresAt = now.addingTimeInterval(Double(days) * 86_400)
        try await row.create(on: store.database)
        return NewFeedbackLink(token: token, link: try Self.link(row))
    }

    /// The links a family can still use, newest first.
    public func openLinks() async throws -> [FeedbackLink] {
        let now = clock()
        return try await FeedbackLinkModel.query(on: store.database).filter(\.$laCode == authority).filter(\.$usedAt == nil)
            .filter(\.$withdrawnAt == nil).sort(\.$id, .descending).all().map(Self.link).filter { $0.isOpen(at: now) }
    }

    /// Withdraws an open link so it can no longer be used; false when there is no open link with
    /// that id in the authority.
    @discardableResult
    public func withdrawLink(id: Int, by user: String) async throws -> Bool {
        let now = clock()
        let updated = try await store.sql.raw(
            """
            UPDATE feedback_links SET withdrawn_at = \(bind: now), withdrawn_by = \(bind: user) \
            WHERE id = \(bind: id) AND la_code = \(bind: authority) AND used_at IS NULL AND withdrawn_at IS NULL RETURNING id
            """
        ).all()
        return !updated.isEmpty
    }

    static func insert(_ r: FeedbackResponse, linkID: Int?, now: Date, on db: any Database) async throws -> FeedbackResponse {
        let row = FeedbackResponseModel()
        row.laCode = r.authority; row.formID = r.formID; row.formVersion = r.formVersion; row.team = r.team
        row.childID = r.channel == .practitioner ? r.child : nil
        row.channel = r.channel.rawValue; row.respondent = r.respondent.rawValue; row.submittedOn = r.submittedOn.iso
        row.answers = String(decoding: try JSONEncoder().encode(r.answers), as: UTF8.self)
        row.recordedBy = r.recordedBy; row.linkID = linkID; row.createdAt = now
        try await row.create(on: db)
        var stored = r
        stored.id = String(try row.requireID())
        return stored
    }

    static func form(_ r: FeedbackFormModel) throws -> FeedbackForm {
        var f = try JSONDecoder().decode(FeedbackForm.self, from: Data(r.body.utf8))
        f.version = r.version
        return f
    }

    static func response(_ r: FeedbackResponseModel) -> FeedbackResponse? {
        guard let day = Day.parseISO(r.submittedOn), let channel = FeedbackChannel(rawValue: r.channel),
            let respondent = FeedbackRespondent(rawValue: r.respondent),
            let answers = try? JSONDecoder().decode([String: String].self, from: Data(r.answers.utf8))
        else { return nil }
        return FeedbackResponse(
            id: r.id.map(String.init) ?? "", formID: r.formID, formVersion: r.formVersion, authority: r.laCode, team: r.team,
            child: r.childID, channel: channel, respondent: respondent, submittedOn: day, answers: answers, recordedBy: r.recordedBy)
    }

    static func link(_ r: FeedbackLinkModel) throws -> FeedbackLink {
        FeedbackLink(
            id: try r.requireID(), authority: r.laCode, formID: r.formID, formVersion: r.formVersion, team: r.team, createdBy: r.createdBy,
            createdAt: r.createdAt, expiresAt: r.expiresAt, usedAt: r.usedAt, withdrawnAt: r.withdrawnAt)
    }

    static func blankToNil(_ s: String?) -> String? {
        guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }

    static func randomToken() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
    }

    static func sha256(_ s: String) -> String {
        SHA256.hash(data: Data(("feedback-link\u{0}" + s).utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// Answers to a feedback form that were refused, with the form to show again.
public struct FeedbackRejected: Error, Sendable {
    public var form: FeedbackForm
    public var problems: [FeedbackAnswerProblem]
    public init(form: FeedbackForm, problems: [FeedbackAnswerProblem]) { self.form = form; self.problems = problems }
}

/// A family's one-time links, found by token across authorities (the family has no account and
/// names no authority).
public struct FeedbackLinks: Sendable {
    let store: Store
    let clock: @Sendable () -> Date

    /// The form a token opens, when its link is open now; nil for a token that is unknown,
    /// expired, used or withdrawn (the family cannot tell which).
    public func form(token: String) async throws -> FeedbackForm? {
        guard let (link, form) = try await openLink(token) else { return nil }
        _ = link
        return form
    }

    /// Stores a family's answers through an open link, marks the link used and raises the
    /// authority's revision, in one transaction. The link is used by a conditional update, so two
    /// submissions at once store one response.
    public func submit(token: String, answers: [String: String], respondent: FeedbackRespondent) async throws -> FeedbackLinkOutcome {
        guard let (link, form) = try await openLink(token) else { return .unusable }
        let (kept, problems) = form.check(answers)
        guard problems.isEmpty else { return .refused(form, problems) }
        let now = clock()
        let response = FeedbackResponse(
            formID: form.id, formVersion: form.version, authority: link.authority, team: link.team, child: nil, channel: .familyLink,
            respondent: respondent, submittedOn: Day(now), answers: kept, recordedBy: link.createdBy)
        return try await store.database.transaction { db in
            let used = try await (db as! any SQLDatabase).raw(
                """
                UPDATE feedback_links SET used_at = \(bind: now) \
                WHERE id = \(bind: link.id) AND used_at IS NULL AND withdrawn_at IS NULL RETURNING id
                """
            ).all()
            guard !used.isEmpty else { return .unusable }
            let stored = try await FeedbackRepository.insert(response, linkID: link.id, now: now, on: db)
            try await AuthorityRevision.bump(link.authority, on: db)
            return .accepted(stored)
        }
    }

    func openLink(_ token: String) async throws -> (FeedbackLink, FeedbackForm)? {
        guard token.count == 64, token.allSatisfy(\.isHexDigit) else { return nil }
        guard let row = try await FeedbackLinkModel.query(on: store.database).filter(\.$tokenHash == FeedbackRepository.sha256(token)).first()
        else { return nil }
        let link = try FeedbackRepository.link(row)
        guard link.isOpen(at: clock()) else { return nil }
        let repo = FeedbackRepository(store: store, authority: link.authority, clock: clock)
        guard let form = try await repo.form(id: link.formID, version: link.formVersion) else { return nil }
        return (link, form)
    }
}

extension Store {
    /// Families' and children's feedback of one authority: forms, responses and links.
    public func feedback(authority: String, clock: @escaping @Sendable () -> Date = { Date() }) -> FeedbackRepository {
        FeedbackRepository(store: self, authority: authority, clock: clock)
    }

    /// Families' one-time links, by token.
    public func feedbackLinks(clock: @escaping @Sendable () -> Date = { Date() }) -> FeedbackLinks {
        FeedbackLinks(store: self, clock: clock)
    }
}
