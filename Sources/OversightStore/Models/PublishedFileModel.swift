import FluentKit
import Foundation

/// One year of one published statistics file, as `oversight reference import` stored it.
/// `@unchecked Sendable` as Fluent models must be: each instance is used by one task at a time.
final class PublishedFileModel: Model, @unchecked Sendable {
    static let schema = "published_files"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "file") var file: String
    /// The reporting year; 0 for a statistical neighbour model.
    @Field(key: "year") var year: Int
    /// That year's rows, as `PublishedExtract` keeps them (CSV with header).
    @Field(key: "content") var content: String
    /// Where the files came from, as the person importing named them (the folder's name).
    @Field(key: "source") var source: String
    @Field(key: "imported_at") var importedAt: Date
    @Field(key: "imported_by") var importedBy: String

    init() {}
}
