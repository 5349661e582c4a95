/// One question of an audit template.
public struct AuditQuestion: Hashable, Sendable, Codable {
    /// Stable within its template (letters, digits, `-` and `_`); answers are keyed by it.
    public var id: String
    /// The question as the auditor reads it.
    public var text: String
    /// Guidance shown under the question.
    public var hint: String?
    public var kind: QuestionKind
    /// Whether submission needs an answer (a chosen option, or words for free text).
    public var required: Bool
    /// The measure this question feeds, if any.
    public var feeds: MeasureFeed?
    /// The answers that count as "evidenced" for `feeds` (for example `["yes"]`); empty when the
    /// question feeds nothing.
    public var evidencedAnswers: [String]
    /// The answers that record a safeguarding concern (for example `["yes"]` to "Is there a
    /// safeguarding concern that needs action now?"): submitting such an answer alerts the
    /// child's team manager. nil or empty when the question raises no alert.
    public var alertAnswers: [String]?

    public init(
        id: String, text: String, hint: String? = nil, kind: QuestionKind, required: Bool,
        feeds: MeasureFeed? = nil, evidencedAnswers: [String] = [], alertAnswers: [String] = []
    ) {
        self.id = id; self.text = text; self.hint = hint; self.kind = kind; self.required = required
        self.feeds = feeds; self.evidencedAnswers = evidencedAnswers; self.alertAnswers = alertAnswers.isEmpty ? nil : alertAnswers
    }

    /// Whether `answer` records a safeguarding concern.
    public func raisesAlert(_ answer: AuditAnswer?) -> Bool {
        guard let v = answer?.value?.trimmed, let alerts = alertAnswers else { return false }
        return alerts.contains(v)
    }

    /// Whether `answer` is answered enough to submit: an allowed option, or non-blank words for
    /// free text. Evidence words are not required.
    public func isAnswered(_ answer: AuditAnswer?) -> Bool {
        guard let value = answer?.value?.trimmed, !value.isEmpty else { return false }
        return kind == .freeText || kind.options.contains(value)
    }
}
