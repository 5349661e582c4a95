/// The feedback forms Oversight ships. Their form and question ids are what the feedback measures
/// read (`FeedbackMeasures`): an authority may reword the questions in a new version but keeps
/// the ids.
public enum ShippedFeedbackForms {
    /// "Family help": the plan's routine feedback from families.
    public static let familyHelp = FeedbackForm(
        id: "family-help", title: "Your family's help", respondent: .parentCarer,
        introduction: "Tell us what the help you had from children's services was like. It takes a few minutes.",
        questions: [
            FeedbackQuestion(id: "right-help", wording: "We got the right help at the right time", kind: .agreement),
            FeedbackQuestion(id: "better", wording: "Things are better for us", kind: .agreement),
            FeedbackQuestion(id: "lasted", wording: "The changes have lasted", kind: .agreement),
            FeedbackQuestion(id: "comments", wording: "Anything you want to tell us", kind: .freeText, isOptional: true),
        ])

    /// Trafford Domestic Abuse Service's outcomes, answered by the child or young person.
    public static let tdas = FeedbackForm(
        id: "tdas", title: "Domestic abuse service: how are things for you?", respondent: .childYoungPerson,
        introduction: "Tell us how things are for you since you started working with us.",
        questions: [
            FeedbackQuestion(id: "confidence", wording: "I feel more confident and better about myself", kind: .agreement),
            FeedbackQuestion(id: "relationships", wording: "Things are better in my family and I feel less alone", kind: .agreement),
            FeedbackQuestion(id: "resilience", wording: "I feel more able to deal with things that happen in my life", kind: .agreement),
            FeedbackQuestion(id: "comments", wording: "Anything you want to tell us", kind: .freeText, isOptional: true),
        ])

    /// Every shipped form.
    public static let all: [FeedbackForm] = [familyHelp, tdas]
}
