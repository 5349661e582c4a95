import FluentKit

/// Row of `import_files`: one file of an import. `@unchecked Sendable`: see `ImportModel`.
final class ImportFileModel: Model, @unchecked Sendable {
    static let schema = "import_files"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "import_id") var importID: Int
    /// Order of the file within its import (path order).
    @Field(key: "position") var position: Int
    @Field(key: "path") var path: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "format") var format: String
    @Field(key: "table_name") var tableName: String
    @OptionalField(key: "collection_year") var collectionYear: Int?
    @Field(key: "rows_read") var rowsRead: Int
    @Field(key: "rows_stored") var rowsStored: Int
    /// Records left out for a blank child id, by table, as JSON.
    @Field(key: "blank_child_ids") var blankChildIDs: String
    init() {}
}
