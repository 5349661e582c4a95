import FluentKit
import Foundation

/// Row of `measure_cache`: measure results of one authority for one cache key (its revision and
/// the definition version, `MeasureRepository.cacheKey`, in the `data_version` column), period
/// and set of parameters. `@unchecked Sendable`: see `ImportModel`.
final class MeasureCacheModel: Model, @unchecked Sendable {
    static let schema = "measure_cache"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "data_version") var dataVersion: String
    @Field(key: "period") var period: String
    /// Measure ids and parameters, as a canonical string.
    @Field(key: "parameters") var parameters: String
    @Field(key: "results") var results: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}
