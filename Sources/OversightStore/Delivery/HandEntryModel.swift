import FluentKit
import Foundation

/// Row of `hand_entries`: the value in force of a hand-entered measure for one period.
/// `@unchecked Sendable`: see `ImportModel`.
final class HandEntryModel: Model, @unchecked Sendable {
    static let schema = "hand_entries"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "measure") var measure: String
    /// ISO dates.
    @Field(key: "period_start") var periodStart: String
    @Field(key: "period_end") var periodEnd: String
    @OptionalField(key: "value") var value: Double?
    @OptionalField(key: "numerator") var numerator: Double?
    @OptionalField(key: "denominator") var denominator: Double?
    @Field(key: "source") var source: String
    @Field(key: "entered_by") var enteredBy: String
    @Field(key: "entered_at") var enteredAt: Date
    @Field(key: "note") var note: String
    init() {}
}
