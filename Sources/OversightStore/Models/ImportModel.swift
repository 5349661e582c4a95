import FluentKit
import Foundation

/// Row of `imports`. Fluent models are classes with property wrappers that Fluent mutates; they
/// never leave the store (repositories map them to core structs), so `@unchecked Sendable` is safe.
final class ImportModel: Model, @unchecked Sendable {
    static let schema = "imports"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "user_name") var userName: String
    @Field(key: "imported_at") var importedAt: Date
    @Field(key: "status") var status: String
    /// Collection years of the import's files, comma-separated, ascending.
    @Field(key: "collection_years") var collectionYears: String
    init() {}
    init(laCode: String, userName: String, importedAt: Date, status: String, collectionYears: String) {
        self.laCode = laCode; self.userName = userName; self.importedAt = importedAt
        self.status = status; self.collectionYears = collectionYears
    }
}
