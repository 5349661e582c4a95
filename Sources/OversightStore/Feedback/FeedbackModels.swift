import FluentKit
import SQLKit
import Foundation

/// Row of `feedback_forms`: one version of an authority's own feedback form (or a shipped form it
/// reworded), its body as JSON. `@unchecked Sendable`: Fluent models are reference types used on
/// one task at a time (see `ImportModel`).
final class FeedbackFormModel: Model, @unchecked Sendable {
    static let schema = "feedback_forms"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "form_id") var formID: String
    @Field(key: "version") var version: Int
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// Row of `feedback_responses`: one response, its answers as JSON. `child_id` is set only for a
/// response a practitioner recorded.
final class FeedbackResponseModel: Model, @unchecked Sendable {
    static let schema = "feedback_responses"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "form_id") var formID: String
    @Field(key: "form_version") var formVersion: Int
    @OptionalField(key: "team") var team: String?
    @OptionalField(key: "child_id") var childID: String?
    @Field(key: "channel") var channel: String
    @Field(key: "respondent") var respondent: String
    @Field(key: "submitted_on") var submittedOn: String
    @Field(key: "answers") var answers: String
    @OptionalField(key: "recorded_by") var recordedBy: String?
    @OptionalField(key: "link_id") var linkID: Int?
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// Row of `feedback_links`: a one-time link for a family. Only the SHA-256 of its token is kept.
final class FeedbackLinkModel: Model, @unchecked Sendable {
    static let schema = "feedback_links"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "form_id") var formID: String
    @Field(key: "form_version") var formVersion: Int
    @OptionalField(key: "team") var team: String?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?
    @OptionalField(key: "withdrawn_by") var withdrawnBy: String?
    init() {}
}

/// The feedback tables: authorities' own forms (versioned), responses and one-time links for
/// families. Every table carries `la_code`. Append-only: change with a new migration.
struct CreateFeedbackTables: AsyncMigration {
    var name: String { "2026-12-12-01-create-feedback-tables" }

    /// The tables, for tests that empty a database.
    static let tables = ["feedback_responses", "feedback_links", "feedback_forms"]

    func prepare(on database: any Database) async throws {
        try await database.schema("feedback_forms")
            .field("id", .int, .identifier(auto: true))
            .field("la_code", .string, .required)
            .field("form_id", .string, .required)
            .field("version", .int, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "la_code", "form_id", "version")
            .create()
        try await database.schema("feedback_links")
            .field("id", .int, .identifier(auto: true))
            .field("la_code", .string, .required)
            .field("token_hash", .string, .required)
            .field("form_id", .string, .required)
            .field("form_version", .int, .required)
            .field("team", .string)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("withdrawn_at", .datetime)
            .field("withdrawn_by", .string)
            .unique(on: "token_hash")
            .create()
        try await database.schema("feedback_responses")
            .field("id", .int, .identifier(auto: true))
            .field("la_code", .string, .required)
            .field("form_id", .string, .required)
            .field("form_version", .int, .required)
            .field("team", .string)
            .field("child_id", .string)
            .field("channel", .string, .required)
            .field("respondent", .string, .required)
            .field("submitted_on", .string, .required)
            .field("answers", .string, .required)
            .field("recorded_by", .string)
            .field("link_id", .int, .references("feedback_links", "id"))
            .field("created_at", .datetime, .required)
            .unique(on: "link_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX feedback_responses_la ON feedback_responses (la_code, submitted_on)").run()
        try await sql.raw("CREATE INDEX feedback_links_la ON feedback_links (la_code)").run()
    }

    func revert(on database: any Database) async throws {
        for t in Self.tables { try await database.schema(t).delete() }
    }
}
