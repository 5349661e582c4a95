/// The responses to each form in a period, question by question, with the small-number rule of
/// `FeedbackMeasures`: a form with 1 to 4 responses in the period shows no figure but that there
/// were fewer than 5, and a question answered 1 to 4 times shows no split of its answers.
public struct FeedbackSummary: Sendable, Hashable {
    /// One form's responses.
    public struct Form: Sendable, Hashable {
        public var id: String
        public var title: String
        /// The responses in the period; nil when 1 to 4 (withheld).
        public var responses: Int?
        /// Whether there were 1 to 4 responses.
        public var isWithheld: Bool
        public var questions: [Question]
    }

    /// One agreement or yes-no question of a form.
    public struct Question: Sendable, Hashable {
        public var id: String
        public var wording: String
        /// Responses answering it; nil when 1 to 4.
        public var answered: Int?
        /// Of those, agreeing ("Agree" or "Strongly agree", or "Yes"); nil when withheld.
        public var agreeing: Int?
        /// 100 x agreeing / answered; nil when withheld or none answered.
        public var percent: Double? {
            guard let answered, let agreeing, answered > 0 else { return nil }
            return 100 * Double(agreeing) / Double(answered)
        }
    }

    public var period: Period
    public var forms: [Form]

    /// The summary of `responses` submitted in `period`, for `forms` (the latest version of each:
    /// its wording; responses on earlier versions count under the same question ids).
    public init(forms: [FeedbackForm], responses: [FeedbackResponse], period: Period) {
        self.period = period
        let inPeriod = responses.filter { period.contains($0.submittedOn) }
        self.forms = forms.map { form in
            let mine = inPeriod.filter { $0.formID == form.id }
            let withheld = FeedbackMeasures.isSmall(mine.count)
            let questions = form.questions.filter { $0.kind != .freeText }.map { q -> Question in
                let answered = mine.filter { $0.answers[q.id] != nil }
                let agreeing = answered.filter { r in
                    q.kind == .yesNo ? r.answers[q.id] == "yes" : r.agreement(q.id)?.isAgreeing == true
                }
                let hide = withheld || FeedbackMeasures.isSmall(answered.count)
                return Question(id: q.id, wording: q.wording, answered: hide ? nil : answered.count, agreeing: hide ? nil : agreeing.count)
            }
            return Form(id: form.id, title: form.title, responses: withheld ? nil : mine.count, isWithheld: withheld, questions: questions)
        }
    }
}
