import FluentKit

/// Row of `case_records`: one typed record of an import, with the columns the store queries and
/// the record itself as JSON. `@unchecked Sendable`: see `ImportModel`.
final class CaseRecordModel: Model, @unchecked Sendable {
    static let schema = "case_records"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "import_id") var importID: Int
    @Field(key: "source_file_id") var sourceFileID: Int
    /// A `RecordKind` raw value.
    @Field(key: "kind") var kind: String
    @OptionalField(key: "child") var child: String?
    /// The record's key within its file (spec rule 4), unique per file and kind.
    @Field(key: "natural_key") var naturalKey: String
    @OptionalField(key: "collection_year") var collectionYear: Int?
    @Field(key: "row_number") var row: Int
    /// Position among the file's records of this kind, as the reader gave them.
    @Field(key: "seq") var seq: Int
    /// Whether an error-severity finding points at the record's row.
    @Field(key: "has_error") var hasError: Bool
    @Field(key: "payload") var payload: String
    init() {}
}
