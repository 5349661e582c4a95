/// The feedback measures, computed from the responses submitted in a period (the response's
/// `submittedOn` day lies in the period), whatever version of the form they were given on and
/// however they were given (with a practitioner or through a family's link).
///
/// Each measure has a *base*: the responses its value stands on.
///
/// | measure | unit | base | counted |
/// |---|---|---|---|
/// | `feedback_responses` | count | every response | all of them |
/// | `feedback_right_help_families` | count | `family-help` responses | agree or strongly agree with `right-help` |
/// | `feedback_helped_sustained_families` | count | `family-help` responses | agree or strongly agree with both `better` and `lasted` |
/// | `feedback_right_help_pct` | percent | `family-help` responses answering `right-help` | agreeing |
/// | `feedback_tdas_confidence_pct` | percent | `tdas` responses answering `confidence` | agreeing |
/// | `feedback_tdas_relationships_pct` | percent | `tdas` responses answering `relationships` | agreeing |
/// | `feedback_tdas_resilience_pct` | percent | `tdas` responses answering `resilience` | agreeing |
///
/// **Small numbers.** With no response in the base the value is nil with the warning "no
/// responses". With 1 to 4 (fewer than `minimumResponses`) the value, the numerator and the
/// denominator are all withheld (nil), no response is listed behind the number, and the warning
/// says "fewer than 5 responses: withheld to protect families' privacy". With 5 or more every
/// figure is given, whatever the numerator (a count of 2 families out of 12 responses is shown).
///
/// Drill-down records have kind `feedback`, key the response's id, start and end the day it was
/// submitted, and the child only for a response a practitioner recorded; a response given through
/// a family's link never names a child.
public enum FeedbackMeasures {
    /// The fewest responses a value is shown for.
    public static let minimumResponses = 5
    /// The warning of a value withheld for small numbers.
    public static let smallNumberWarning = "fewer than 5 responses: withheld to protect families' privacy"
    /// The warning of a value with no responses behind it.
    public static let noResponsesWarning = "no responses"

    /// The form and question each measure reads.
    public static let familyHelp = "family-help"
    public static let tdas = "tdas"

    /// One measure for `period`; nil when `id` is not a feedback measure.
    public static func compute(id: String, responses: [FeedbackResponse], period: Period) -> MeasureResult? {
        guard let def = MeasureCatalogue.feedback.first(where: { $0.id == id }) else { return nil }
        let inPeriod = responses.filter { period.contains($0.submittedOn) }.sorted { ($0.submittedOn, $0.id) < ($1.submittedOn, $1.id) }
        let familyHelp = inPeriod.filter { $0.formID == Self.familyHelp }
        let tdas = inPeriod.filter { $0.formID == Self.tdas }
        switch id {
        case "feedback_responses":
            return result(def, period, base: inPeriod) { _ in true }
        case "feedback_right_help_families":
            return result(def, period, base: familyHelp) { $0.agreement("right-help")?.isAgreeing == true }
        case "feedback_helped_sustained_families":
            return result(def, period, base: familyHelp) { $0.agreement("better")?.isAgreeing == true && $0.agreement("lasted")?.isAgreeing == true }
        case "feedback_right_help_pct":
            return agreeing(def, period, familyHelp, "right-help")
        case "feedback_tdas_confidence_pct":
            return agreeing(def, period, tdas, "confidence")
        case "feedback_tdas_relationships_pct":
            return agreeing(def, period, tdas, "relationships")
        case "feedback_tdas_resilience_pct":
            return agreeing(def, period, tdas, "resilience")
        default:
            return nil
        }
    }

    /// Every feedback measure, in the catalogue's order.
    public static func computeAll(responses: [FeedbackResponse], period: Period) -> [MeasureResult] {
        MeasureCatalogue.feedback.compactMap { compute(id: $0.id, responses: responses, period: period) }
    }

    /// Whether a group of `count` responses is too small to show (1 to 4).
    public static func isSmall(_ count: Int) -> Bool { count > 0 && count < minimumResponses }

    static func agreeing(_ def: MeasureDefinition, _ period: Period, _ responses: [FeedbackResponse], _ question: String) -> MeasureResult {
        result(def, period, base: responses.filter { $0.agreement(question) != nil }) { $0.agreement(question)?.isAgreeing == true }
    }

    static func result(_ def: MeasureDefinition, _ period: Period, base: [FeedbackResponse], _ counts: (FeedbackResponse) -> Bool) -> MeasureResult {
        if base.isEmpty {
            return MeasureResult(
                id: def.id, unit: def.unit, period: period, numerator: def.unit == .count ? nil : 0, denominator: def.unit == .count ? nil : 0,
                value: nil, warnings: [noResponsesWarning])
        }
        if isSmall(base.count) {
            return MeasureResult(id: def.id, unit: def.unit, period: period, numerator: nil, denominator: nil, value: nil, warnings: [smallNumberWarning])
        }
        let counted = base.filter(counts)
        let n = Double(counted.count)
        let isCount = def.unit == .count
        return MeasureResult(
            id: def.id, unit: def.unit, period: period, numerator: n, denominator: isCount ? nil : Double(base.count),
            value: isCount ? n : 100 * n / Double(base.count), numeratorRecords: counted.map(\.record), denominatorRecords: base.map(\.record))
    }
}
