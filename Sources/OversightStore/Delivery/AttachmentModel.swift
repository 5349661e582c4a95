import FluentKit
import Foundation

/// Row of `action_attachments`: a file attached to a progress update as evidence.
///
/// The bytes are kept in the database, not in a files folder: a backup (`oversight backup`) and
/// a restore then carry the evidence with the rest of the data, an undo or a delete cannot leave
/// orphan files behind, and PostgreSQL and SQLite behave the same. Files are limited to
/// `ActionRepository.maximumAttachmentSize` (10 MB) so the database stays a sensible size.
/// `@unchecked Sendable`: see `ImportModel`.
final class AttachmentModel: Model, @unchecked Sendable {
    static let schema = "action_attachments"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "action_id") var actionID: Int
    @Field(key: "update_id") var updateID: Int
    @Field(key: "file_name") var fileName: String
    @Field(key: "media_type") var mediaType: String
    @Field(key: "size") var size: Int
    @Field(key: "bytes") var bytes: Data
    init() {}
}
