import FluentKit

/// Row of `source_files`: one `SourceFile` of the case data (an SSDA903 XML file gives one per
/// table; an Annex A workbook one per source it can stand in for). `@unchecked Sendable`: see `ImportModel`.
final class SourceFileModel: Model, @unchecked Sendable {
    static let schema = "source_files"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "import_id") var importID: Int
    @Field(key: "import_file_id") var importFileID: Int
    @Field(key: "position") var position: Int
    @Field(key: "format") var format: String
    @Field(key: "table_name") var tableName: String
    @OptionalField(key: "collection_year") var collectionYear: Int?
    init() {}
}
