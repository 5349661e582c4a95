import FluentKit
import Foundation

/// Row of `action_updates`: a progress update with its evidence. `@unchecked Sendable`: see `ImportModel`.
final class ActionUpdateModel: Model, @unchecked Sendable {
    static let schema = "action_updates"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "action_id") var actionID: Int
    @Field(key: "text") var text: String
    @Field(key: "evidence") var evidence: String
    /// The status given with the update, or nil.
    @OptionalField(key: "status") var status: String?
    @Field(key: "user_name") var userName: String
    @Field(key: "written_at") var writtenAt: Date
    init() {}
}
