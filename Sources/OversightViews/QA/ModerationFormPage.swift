import OversightCore

/// The moderation form: the audit's answers and grade read-only, then the moderator's grade
/// (radios) and rationale, needed when the grade changes.
public enum ModerationFormPage {
    /// The field errors a refused moderation can have.
    public enum FieldError: Hashable, Sendable {
        /// No grade chosen.
        case gradeMissing
        /// The grade differs from the auditor's and no rationale was given.
        case rationaleMissing
    }

    /// - Parameters:
    ///   - audit: the audit awaiting moderation.
    ///   - template: its template version (for the questions' wording).
    ///   - errors: errors from a refused post.
    ///   - chosen: the grade and rationale posted, to fill the form again after an error. Nothing
    ///     is chosen before the moderator chooses: the auditor's grade is shown, never pre-ticked.
    ///   - names: users' display names by username (the auditor is shown by name).
    public static func render(
        audit: Audit, template: AuditTemplate, errors: [FieldError] = [], chosen: (grade: Grade?, rationale: String?)? = nil,
        csrf: String, action: String, names: [String: String] = [:]
    ) -> HTML {
        typealias M = QAMarkup
        let messages: [(FieldError, String, String)] = [
            (.gradeMissing, "m-grade", "Choose your grade"),
            (.rationaleMissing, "m-rationale", "Enter why you have changed the grade"),
        ]
        var out = M.errorSummary(messages.filter { errors.contains($0.0) }.map { (id: $0.1, message: $0.2) })
        out += M.heading(1, "l", "Moderate: " + M.subject(audit))
        out += M.summaryList([
            ("Auditor", .text(names[audit.auditor] ?? audit.auditor)), ("Team", .text(audit.team ?? "-")),
            ("Submitted", .text(audit.submittedOn.map(Format.date) ?? "-")), ("Auditor's grade", M.gradeTag(audit.grade)),
            ("Auditor's reasons", .text(audit.gradeRationale ?? "-")),
        ])
        for section in template.sections {
            out += M.heading(2, "m", section.title)
            out += M.summaryList(
                section.questions.map { q in
                    let a = audit.answers[q.id]
                    var v: HTML = .text(a?.value.map { q.kind.label(of: $0) } ?? "Not answered")
                    if let e = a?.evidence { v += M.el("p", [("class", "ov-hint")], .text(e)) }
                    return (q.text, v)
                })
        }
        var form = M.hidden("csrf", csrf)
        form += M.radios(
            id: "m-grade", name: "grade", legend: "Your grade", hint: "Choose the auditor's grade if you agree",
            error: errors.contains(.gradeMissing) ? "Choose your grade" : nil,
            options: Grade.allCases.map { ($0.rawValue, $0.title) }, checked: chosen?.grade?.rawValue)
        form += M.textarea(
            id: "m-rationale", name: "rationale", label: "Rationale", hint: "Needed if you change the grade",
            error: errors.contains(.rationaleMissing) ? "Enter why you have changed the grade" : nil, value: chosen?.rationale)
        form += M.button("Record moderation", name: "intent", value: "moderate")
        return out + M.el("form", [("method", "post"), ("action", action), ("novalidate", "novalidate")], form)
    }
}
