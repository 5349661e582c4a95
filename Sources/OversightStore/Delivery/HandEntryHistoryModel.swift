import FluentKit
import Foundation

/// Row of `hand_entry_history`: a hand-entered value a correction replaced, as it was.
/// `@unchecked Sendable`: see `ImportModel`.
final class HandEntryHistoryModel: Model, @unchecked Sendable {
    static let schema = "hand_entry_history"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "measure") var measure: String
    @Field(key: "period_start") var periodStart: String
    @Field(key: "period_end") var periodEnd: String
    @OptionalField(key: "value") var value: Double?
    @OptionalField(key: "numerator") var numerator: Double?
    @OptionalField(key: "denominator") var denominator: Double?
    @Field(key: "source") var source: String
    @Field(key: "entered_by") var enteredBy: String
    @Field(key: "entered_at") var enteredAt: Date
    @Field(key: "note") var note: String
    /// When the correction replaced it.
    @Field(key: "replaced_at") var replacedAt: Date
    init() {}
}
