import FluentKit

/// Row of `findings`: one validation finding stored with its import. `@unchecked Sendable`: see `ImportModel`.
final class FindingModel: Model, @unchecked Sendable {
    static let schema = "findings"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "import_id") var importID: Int
    @Field(key: "rule") var rule: String
    @Field(key: "severity") var severity: String
    @Field(key: "file") var file: String
    @Field(key: "table_name") var tableName: String
    @OptionalField(key: "row_number") var row: Int?
    @OptionalField(key: "child") var child: String?
    /// Field names, comma-separated.
    @Field(key: "fields") var fields: String
    @Field(key: "message") var message: String
    init() {}
}
