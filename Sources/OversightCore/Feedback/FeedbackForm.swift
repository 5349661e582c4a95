/// How a feedback question is answered.
public enum FeedbackAnswerKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// Five points from "Strongly disagree" to "Strongly agree" (`Agreement`).
    case agreement
    /// "Yes" or "No".
    case yesNo = "yes-no"
    /// Any words, up to `FeedbackForm.maxFreeTextLength` characters.
    case freeText = "free-text"

    /// The answers a question of this kind takes (empty for free text: any words).
    public var answers: [String] {
        switch self {
        case .agreement: return Agreement.allCases.map(\.rawValue)
        case .yesNo: return ["yes", "no"]
        case .freeText: return []
        }
    }

    /// An answer as the form shows it.
    public func words(_ answer: String) -> String {
        switch self {
        case .agreement: return Agreement(rawValue: answer)?.words ?? answer
        case .yesNo: return answer == "yes" ? "Yes" : answer == "no" ? "No" : answer
        case .freeText: return answer
        }
    }
}

/// The five points of an agreement scale.
public enum Agreement: String, Codable, Sendable, Hashable, CaseIterable {
    case stronglyDisagree = "strongly-disagree"
    case disagree
    case neither = "neither"
    case agree
    case stronglyAgree = "strongly-agree"

    /// The words the form shows.
    public var words: String {
        switch self {
        case .stronglyDisagree: return "Strongly disagree"
        case .disagree: return "Disagree"
        case .neither: return "Neither agree nor disagree"
        case .agree: return "Agree"
        case .stronglyAgree: return "Strongly agree"
        }
    }

    /// Whether the answer agrees ("Agree" or "Strongly agree"): what the measures count.
    public var isAgreeing: Bool { self == .agree || self == .stronglyAgree }
}

/// Who answered a feedback form.
public enum FeedbackRespondent: String, Codable, Sendable, Hashable, CaseIterable {
    case parentCarer = "parent-carer"
    case childYoungPerson = "child-young-person"

    /// The words pages show.
    public var words: String {
        switch self {
        case .parentCarer: return "Parent or carer"
        case .childYoungPerson: return "Child or young person"
        }
    }
}

/// How a response was given.
public enum FeedbackChannel: String, Codable, Sendable, Hashable, CaseIterable {
    /// Filled in by a practitioner with the family (may name the child).
    case practitioner
    /// Filled in by the family through a one-time link (never names the child).
    case familyLink = "family-link"

    /// The words pages show.
    public var words: String {
        switch self {
        case .practitioner: return "With a practitioner"
        case .familyLink: return "By the family, through a link"
        }
    }
}

/// One question of a feedback form. The measures read the form's id and the question's id, never
/// its wording, so a question can be reworded in a new version of the form.
public struct FeedbackQuestion: Codable, Sendable, Hashable {
    /// Letters, digits, `-` and `_`; unique in the form.
    public var id: String
    /// The question as the family reads it.
    public var wording: String
    public var kind: FeedbackAnswerKind
    /// Whether the form can be submitted without an answer.
    public var isOptional: Bool

    public init(id: String, wording: String, kind: FeedbackAnswerKind, isOptional: Bool = false) {
        self.id = id; self.wording = wording; self.kind = kind; self.isOptional = isOptional
    }
}

/// A short feedback form: its questions, in order, and who it is written for. A change is the
/// next version; a response keeps the id and version it was given on.
public struct FeedbackForm: Codable, Sendable, Hashable {
    /// Letters, digits, `-` and `_` (`family-help`, `tdas`).
    public var id: String
    public var title: String
    /// 1 for a new form; one more for each change.
    public var version: Int
    /// Who the form is written for (the respondent offered first).
    public var respondent: FeedbackRespondent
    /// A line shown above the questions.
    public var introduction: String
    public var questions: [FeedbackQuestion]

    /// The longest free-text answer kept, in characters.
    public static let maxFreeTextLength = 2_000

    public init(
        id: String, title: String, version: Int = 1, respondent: FeedbackRespondent = .parentCarer, introduction: String = "",
        questions: [FeedbackQuestion]
    ) {
        self.id = id; self.title = title; self.version = version; self.respondent = respondent
        self.introduction = introduction; self.questions = questions
    }

    /// The question with `id`, if any.
    public func question(_ id: String) -> FeedbackQuestion? { questions.first { $0.id == id } }

    /// What is wrong with the form as a whole, in words; empty when it can be stored.
    public var problems: [String] {
        var out: [String] = []
        if !Self.isValidID(id) { out.append("the form's id '\(id)' must be letters, digits, '-' or '_' (at most 40)") }
        if title.trimmed.isEmpty { out.append("the form needs a title") }
        if questions.isEmpty { out.append("the form needs at least one question") }
        var seen = Set<String>()
        for (i, q) in questions.enumerated() {
            if !Self.isValidID(q.id) { out.append("question \(i + 1): its id '\(q.id)' must be letters, digits, '-' or '_'") }
            if !seen.insert(q.id).inserted { out.append("question \(i + 1): the id '\(q.id)' is used twice") }
            if q.wording.trimmed.isEmpty { out.append("question \(i + 1): it needs wording") }
        }
        return out
    }

    static func isValidID(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 40 && s.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" }
    }

    /// Checks answers given to this form (blank answers are left out first): each required
    /// question answered, each answer one its kind takes, free text not too long, no answer to a
    /// question the form does not have. Returns the answers kept and the problems by question id.
    public func check(_ given: [String: String]) -> (answers: [String: String], problems: [FeedbackAnswerProblem]) {
        var answers: [String: String] = [:]
        var problems: [FeedbackAnswerProblem] = []
        for q in questions {
            let value = (given[q.id] ?? "").trimmed
            if value.isEmpty {
                if !q.isOptional {
                    problems.append(
                        FeedbackAnswerProblem(
                            questionID: q.id, message: q.kind == .freeText ? "Answer: \(q.wording)" : "Choose an answer: \(q.wording)"))
                }
                continue
            }
            switch q.kind {
            case .agreement, .yesNo:
                guard q.kind.answers.contains(value) else {
                    problems.append(FeedbackAnswerProblem(questionID: q.id, message: "Choose one of the answers: \(q.wording)"))
                    continue
                }
            case .freeText:
                guard value.count <= Self.maxFreeTextLength else {
                    problems.append(
                        FeedbackAnswerProblem(questionID: q.id, message: "Write at most \(Self.maxFreeTextLength) characters: \(q.wording)"))
                    continue
                }
            }
            answers[q.id] = value
        }
        return (answers, problems)
    }
}

/// An answer a form refused, with the words to show beside its question.
public struct FeedbackAnswerProblem: Sendable, Hashable {
    public var questionID: String
    public var message: String
    public init(questionID: String, message: String) { self.questionID = questionID; self.message = message }
}
