import FluentKit
import Foundation

/// Row of `plan_commentary`: a lead's commentary on one ambition for one period (the latest
/// wins; earlier ones are kept). `@unchecked Sendable`: see `ImportModel`.
final class CommentaryModel: Model, @unchecked Sendable {
    static let schema = "plan_commentary"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "ambition") var ambition: Int
    @Field(key: "period_start") var periodStart: String
    @Field(key: "period_end") var periodEnd: String
    @Field(key: "text") var text: String
    @Field(key: "user_name") var userName: String
    @Field(key: "written_at") var writtenAt: Date
    init() {}
}
