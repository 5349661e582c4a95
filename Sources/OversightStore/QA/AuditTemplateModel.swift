import FluentKit
import Foundation

/// Row of `audit_templates`: one version of a template, its body as JSON. `@unchecked Sendable`:
/// Fluent models are reference types used on one task at a time (see `ImportModel`).
final class AuditTemplateModel: Model, @unchecked Sendable {
    static let schema = "audit_templates"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "template_id") var templateID: String
    @Field(key: "version") var version: Int
    @Field(key: "type") var type: String
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}
