import OversightCore
import OversightSynth
import Testing

/// The demo's feedback: deterministic, and a value for every feedback measure in every quarter
/// of the year and for the year itself.
@Suite struct SynthFeedbackTests {
    @Test func everyFeedbackMeasureHasAValueEachQuarter() {
        let made = SynthFeedback.responses(data: CaseData(), authority: "358", year: 2025, seed: 1)
        #expect(made == SynthFeedback.responses(data: CaseData(), authority: "358", year: 2025, seed: 1))
        let year = Period.reportingYear(2025)
        #expect(made.allSatisfy { year.contains($0.submittedOn) })
        #expect(made.allSatisfy { $0.channel == .practitioner || $0.child == nil })
        let quarters = (0..<4).map { q in Period(start: year.start.adding(months: 3 * q), end: year.start.adding(months: 3 * q + 3).adding(days: -1))! }
        for period in quarters + [year] {
            for form in ["family-help", "tdas"] {
                #expect(made.filter { $0.formID == form && period.contains($0.submittedOn) }.count >= 5, "\(form) \(period)")
            }
            for m in FeedbackMeasures.computeAll(responses: made, period: period) {
                #expect(m.value != nil, "\(m.id) \(period)")
                if m.unit == .percent { #expect(m.value! > 40 && m.value! < 100, "\(m.id) \(period): \(m.value!)") }
            }
        }
    }
}
