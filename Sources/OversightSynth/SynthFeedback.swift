import Foundation
import OversightCore

/// Demo feedback from families and children: responses to the shipped forms (`family-help` and
/// `tdas`) over the quarters of a reporting year, deterministic from a seed, so every feedback
/// measure has a value for each quarter and for the year.
///
/// Each quarter has 8 to 13 responses to each form, on days spread through the quarter. About
/// three in five are recorded by a practitioner with the family (naming a child referred in the
/// year, where the data has one) and the rest given through a family's link (never naming a
/// child). Answers lean towards agreement, as real feedback does: about 30% strongly agree, 40%
/// agree, 12% neither, 12% disagree and 6% strongly disagree, "the changes have lasted" a little
/// less often than "things are better"; about one in four leaves a comment.
public enum SynthFeedback {
    static let comments = [
        "Our worker listened to us.", "It took a long time to get help.", "Things are calmer at home now.",
        "I would have liked more help at school.", "Thank you for sticking with us.", "The meetings were hard but useful.",
    ]
    static let childComments = [
        "I can talk to my mum more now.", "The group helped me.", "I still worry sometimes.", "I liked my worker.",
    ]

    /// The responses for `authority` in reporting year `year` (2025 = 2024-25).
    public static func responses(data: CaseData, authority: String, year: Int, teams: [String] = SynthAudits.teams, seed: UInt64) -> [FeedbackResponse] {
        let period = Period.reportingYear(year)
        let children = Array(
            Set(data.cinEpisodes.filter { period.contains($0.referralDate.day) }.map(\.child.rawValue))
        ).sorted()
        var rng = SeededGenerator(seed: seed)
        var out: [FeedbackResponse] = []
        for q in 0..<4 {
            let start = period.start.adding(months: 3 * q)
            let days = start.days(to: start.adding(months: 3).adding(days: -1)) + 1
            for form in ShippedFeedbackForms.all {
                let count = 8 + rng.below(6)
                for i in 0..<count {
                    let day = start.adding(days: (i * days) / count + rng.below(max(1, days / count)))
                    let practitioner = rng.below(5) < 3
                    var answers: [String: String] = [:]
                    for question in form.questions where question.kind == .agreement {
                        var a = agreement(&rng)
                        if question.id == "lasted", a == .stronglyAgree, rng.below(3) == 0 { a = .agree }
                        if question.id == "lasted", a == .agree, rng.below(5) == 0 { a = .neither }
                        answers[question.id] = a.rawValue
                    }
                    if rng.below(4) == 0 {
                        let pool = form.respondent == .childYoungPerson ? childComments : comments
                        answers["comments"] = pool[rng.below(pool.count)]
                    }
                    let child = practitioner && !children.isEmpty ? children[rng.below(children.count)] : nil
                    out.append(
                        FeedbackResponse(
                            formID: form.id, formVersion: form.version, authority: authority, team: teams.isEmpty ? nil : teams[rng.below(teams.count)],
                            child: child, channel: practitioner ? .practitioner : .familyLink, respondent: form.respondent, submittedOn: day,
                            answers: answers, recordedBy: practitioner ? "demo-manager" : nil))
                }
            }
        }
        return out.sorted { $0.submittedOn < $1.submittedOn }
    }

    static func agreement(_ rng: inout SeededGenerator) -> Agreement {
        switch rng.below(100) {
        case 0..<30: return .stronglyAgree
        case 30..<70: return .agree
        case 70..<82: return .neither
        case 82..<94: return .disagree
        default: return .stronglyDisagree
        }
    }
}
