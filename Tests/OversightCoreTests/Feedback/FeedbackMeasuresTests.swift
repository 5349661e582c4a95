import Foundation
import Testing
@testable import OversightCore

/// Hand-checked worked examples of every feedback measure, May 2024, and the small-number rule
/// at 0, 4 and 5 responses.
@Suite struct FeedbackMeasuresTests {
    static let may = Period.month(year: 2024, month: 5)

    static func response(
        _ id: String, _ form: String, _ day: String, _ answers: [String: String], channel: FeedbackChannel = .practitioner, child: String? = nil
    ) -> FeedbackResponse {
        FeedbackResponse(
            id: id, formID: form, formVersion: 1, authority: "358", team: "Team A", child: child, channel: channel,
            respondent: form == "tdas" ? .childYoungPerson : .parentCarer, submittedOn: Day.parseISO(day)!, answers: answers)
    }

    static func family(_ id: String, _ day: String, _ right: String, _ better: String, _ lasted: String, channel: FeedbackChannel = .practitioner) -> FeedbackResponse {
        response(id, "family-help", day, ["right-help": right, "better": better, "lasted": lasted], channel: channel, child: "C\(id)")
    }

    /// F1-F6 family help in May, F7 in June; T1-T5 domestic abuse service in May (T5 without a
    /// resilience answer, as a form version without the question would be).
    static let responses: [FeedbackResponse] = [
        family("F1", "2024-05-01", "strongly-agree", "agree", "agree"), // right, sustained
        family("F2", "2024-05-03", "agree", "agree", "disagree"), // right
        family("F3", "2024-05-10", "neither", "strongly-agree", "strongly-agree"), // sustained
        family("F4", "2024-05-15", "disagree", "disagree", "disagree"),
        family("F5", "2024-05-20", "agree", "neither", "agree"), // right
        family("F6", "2024-05-31", "strongly-agree", "strongly-agree", "strongly-agree", channel: .familyLink), // right, sustained
        family("F7", "2024-06-01", "strongly-agree", "strongly-agree", "strongly-agree"), // June: never counted for May
        response("T1", "tdas", "2024-05-02", ["confidence": "agree", "relationships": "agree", "resilience": "agree"]),
        response("T2", "tdas", "2024-05-04", ["confidence": "strongly-agree", "relationships": "agree", "resilience": "disagree"]),
        response("T3", "tdas", "2024-05-06", ["confidence": "disagree", "relationships": "agree", "resilience": "agree", "comments": "It helped"]),
        response("T4", "tdas", "2024-05-08", ["confidence": "neither", "relationships": "agree", "resilience": "strongly-agree"]),
        response("T5", "tdas", "2024-05-09", ["confidence": "agree", "relationships": "strongly-disagree"]),
    ]

    func measure(_ id: String, _ responses: [FeedbackResponse] = Self.responses) throws -> MeasureResult {
        try #require(FeedbackMeasures.compute(id: id, responses: responses, period: Self.may))
    }

    @Test func responsesCountsEveryResponseInThePeriod() throws {
        let m = try measure("feedback_responses")
        #expect(m.value == 11) // F1-F6 and T1-T5; F7 is June's
        #expect(m.unit == .count)
        #expect(m.warnings.isEmpty)
        #expect(m.numeratorRecords.count == 11)
    }

    @Test func rightHelpFamiliesCountsAgreeingFamilyHelpResponses() throws {
        let m = try measure("feedback_right_help_families")
        #expect(m.value == 4) // F1 (strongly agree), F2, F5 (agree), F6 (strongly agree); not F3 (neither) or F4
        #expect(Set(m.numeratorRecords.map(\.key)) == ["F1", "F2", "F5", "F6"])
        #expect(m.denominatorRecords.count == 6)
    }

    @Test func helpedSustainedNeedsBothBetterAndLasted() throws {
        let m = try measure("feedback_helped_sustained_families")
        #expect(m.value == 3) // F1, F3, F6; F2 has not lasted, F5 is neither better
        #expect(Set(m.numeratorRecords.map(\.key)) == ["F1", "F3", "F6"])
    }

    @Test func rightHelpPercentage() throws {
        let m = try measure("feedback_right_help_pct")
        #expect(m.numerator == 4)
        #expect(m.denominator == 6)
        #expect(abs(m.value! - 400.0 / 6) < 1e-9) // 66.7%
    }

    @Test func domesticAbuseServicePercentages() throws {
        let confidence = try measure("feedback_tdas_confidence_pct")
        #expect(confidence.numerator == 3) // T1, T2, T5
        #expect(confidence.denominator == 5)
        #expect(confidence.value == 60)
        let relationships = try measure("feedback_tdas_relationships_pct")
        #expect(relationships.numerator == 4) // all but T5
        #expect(relationships.value == 80)
        // Only four responses answered the resilience question: withheld.
        let resilience = try measure("feedback_tdas_resilience_pct")
        #expect(resilience.value == nil)
        #expect(resilience.numerator == nil)
        #expect(resilience.denominator == nil)
        #expect(resilience.warnings == [FeedbackMeasures.smallNumberWarning])
        #expect(resilience.numeratorRecords.isEmpty && resilience.denominatorRecords.isEmpty)
    }

    @Test func fourResponsesAreWithheldFiveAreShown() throws {
        let four = Array(Self.responses.prefix(4)) // F1-F4
        for id in ["feedback_right_help_families", "feedback_helped_sustained_families", "feedback_right_help_pct", "feedback_responses"] {
            let m = try measure(id, four)
            #expect(m.value == nil, "\(id)")
            #expect(m.numerator == nil, "\(id)")
            #expect(m.warnings == ["fewer than 5 responses: withheld to protect families' privacy"], "\(id)")
        }
        let five = Array(Self.responses.prefix(5)) // F1-F5
        #expect(try measure("feedback_right_help_families", five).value == 3)
        #expect(try measure("feedback_helped_sustained_families", five).value == 2)
        #expect(try measure("feedback_right_help_pct", five).value == 60)
        #expect(try measure("feedback_responses", five).value == 5)
        // A count of 1 to 4 from a base of 5 or more is shown: the base is what is protected.
        let oneAgrees = five.enumerated().map { i, r in
            var r = r
            r.answers["right-help"] = i == 0 ? "agree" : "disagree"
            return r
        }
        #expect(try measure("feedback_right_help_families", oneAgrees).value == 1)
    }

    @Test func noResponsesGiveNoValue() throws {
        for id in MeasureCatalogue.feedback.map(\.id) {
            let m = try measure(id, [])
            #expect(m.value == nil)
            #expect(m.warnings == ["no responses"])
        }
    }

    @Test func aFamilysLinkNeverNamesTheChild() throws {
        let f6 = try #require(Self.responses.first { $0.id == "F6" })
        #expect(f6.child == nil)
        #expect(f6.record.child == "")
        let m = try measure("feedback_right_help_families")
        #expect(m.numeratorRecords.first { $0.key == "F6" }?.child == "")
        #expect(m.numeratorRecords.first { $0.key == "F1" }?.child == "CF1")
    }

    @Test func everyFeedbackMeasureIsInTheCatalogue() {
        let ids = FeedbackMeasures.computeAll(responses: Self.responses, period: Self.may).map(\.id)
        #expect(ids == MeasureCatalogue.feedback.map(\.id))
        #expect(
            Set(ids) == [
                "feedback_right_help_families", "feedback_helped_sustained_families", "feedback_right_help_pct", "feedback_tdas_confidence_pct",
                "feedback_tdas_relationships_pct", "feedback_tdas_resilience_pct", "feedback_responses",
            ])
        for id in ids { #expect(MeasureCatalogue.definition(id)?.source == .feedback) }
        #expect(FeedbackMeasures.compute(id: "audits_completed_pct", responses: [], period: Self.may) == nil)
    }

    @Test func formsCheckTheirAnswers() {
        let form = ShippedFeedbackForms.familyHelp
        #expect(form.problems.isEmpty)
        #expect(ShippedFeedbackForms.tdas.problems.isEmpty)
        let (kept, problems) = form.check(["right-help": "agree", "better": "maybe", "comments": "  ", "unknown": "x"])
        #expect(kept == ["right-help": "agree"])
        #expect(problems.map(\.questionID) == ["better", "lasted"])
        let long = form.check(["right-help": "agree", "better": "agree", "lasted": "agree", "comments": String(repeating: "a", count: 2_001)])
        #expect(long.problems.map(\.questionID) == ["comments"])
        var bad = form
        bad.questions.append(FeedbackQuestion(id: "better", wording: "", kind: .yesNo))
        #expect(bad.problems.count == 2)
    }
}
