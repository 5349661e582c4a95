/// What a new version of a form may change. The feedback measures read a form's id and its
/// questions' ids (`FeedbackMeasures`), never the wording, so wording, order, the title, the
/// introduction and new questions are free; a question a measure reads must stay in the form, with
/// the same kind. A version that drops one, or changes its kind, is refused: the measure would
/// silently stop counting the families who answer the new version.
extension FeedbackMeasures {
    /// The questions each measure reads, by form id: the question's id and the kind it must keep.
    public static let questionsRead: [String: [(question: String, kind: FeedbackAnswerKind, measures: [String])]] = [
        familyHelp: [
            ("right-help", .agreement, ["feedback_right_help_families", "feedback_right_help_pct"]),
            ("better", .agreement, ["feedback_helped_sustained_families"]),
            ("lasted", .agreement, ["feedback_helped_sustained_families"]),
        ],
        tdas: [
            ("confidence", .agreement, ["feedback_tdas_confidence_pct"]),
            ("relationships", .agreement, ["feedback_tdas_relationships_pct"]),
            ("resilience", .agreement, ["feedback_tdas_resilience_pct"]),
        ],
    ]

    /// Why `form` cannot be stored as a version of its id: each question a measure reads that the
    /// form drops (`dropped`) or answers another way, with the words saying so. Empty when the
    /// measures keep working.
    public static func problems(keeping form: FeedbackForm) -> [(question: String, dropped: Bool, message: String)] {
        guard let read = questionsRead[form.id] else { return [] }
        var out: [(question: String, dropped: Bool, message: String)] = []
        for r in read {
            let measures = r.measures.joined(separator: ", ")
            guard let q = form.question(r.question) else {
                out.append(
                    (
                        r.question, true,
                        "the question '\(r.question)' cannot be dropped from the form '\(form.id)': the measure\(r.measures.count == 1 ? "" : "s") \(measures) read\(r.measures.count == 1 ? "s" : "") it (reword it instead, keeping its id)"
                    ))
                continue
            }
            if q.kind != r.kind {
                out.append(
                    (
                        r.question, false,
                        "the question '\(r.question)' of the form '\(form.id)' must stay \(r.kind.rawValue), not \(q.kind.rawValue): the measure\(r.measures.count == 1 ? "" : "s") \(measures) count\(r.measures.count == 1 ? "s" : "") its answers"
                    ))
            }
        }
        return out
    }
}
