import Foundation
import OversightCore

/// The audit form: one fieldset per question (radios for judgements and yes/partly/no, a
/// textarea for evidence and free text), the overall grade and its reasons, learning themes,
/// strengths and areas for development, "Save draft" and "Submit" buttons. Works without
/// JavaScript: it is a plain POST form. Field names are read back by `AuditFormPage.read`.
public enum AuditFormPage {
    /// - Parameters:
    ///   - audit: the audit (its answers fill the form).
    ///   - template: the audit's template version.
    ///   - missing: the unanswered questions after a refused submission (error summary and messages).
    ///   - csrf: the anti-forgery token, sent back in the hidden field `csrf`.
    ///   - action: where the form posts.
    ///   - agencies: the sections a partner auditor may see (their agency's); nil shows every
    ///     section and the overall grade.
    public static func render(
        audit: Audit, template: AuditTemplate, missing: [MissingAnswer] = [], csrf: String, action: String,
        agencies: Set<PartnerAgency>? = nil
    ) -> HTML {
        typealias M = QAMarkup
        let missingIDs = Set(missing.map(\.questionID))
        var out = M.errorSummary(missing.map { (id: "q-\($0.questionID)", message: message(for: $0)) })
        out += M.heading(1, "l", template.title + ": " + M.subject(audit))
        out += M.summaryList([
            ("Due", .text(Format.date(audit.dueDate))), ("Status", M.statusTag(audit.status)),
            ("Template", .text("\(template.title), version \(template.version)")),
        ])
        // A partner auditor whose sections are submitted sees that, not the form: the section is
        // the lead auditor's to complete now.
        if let agencies, !agencies.isEmpty, agencies.isSubset(of: audit.submittedSections) {
            let when = audit.events.last { $0.step == .sectionSubmitted }.map { Format.timestamp($0.at) } ?? ""
            return out
                + Notice.inset(
                    text: "You submitted your section on \(when). The lead auditor, \(audit.auditor), completes the audit; you cannot change your answers now.")
        }
        var form = M.hidden("csrf", csrf)
        for section in template.sections where agencies.map({ a in section.agency.map(a.contains) ?? false }) ?? true {
            form += M.heading(2, "m", section.title)
            if section.method != .recordReview {
                form += M.para(
                    "How: \(section.method.title.lowercased())."
                        + (section.method == .familyFeedback ? " Ask the family; they may decline, and every question here may be left blank." : ""))
            }
            if agencies == nil, let agency = section.agency, audit.partnerAuditors[agency] != nil {
                let done = audit.events.last { $0.step == .sectionSubmitted && $0.detail == agency.rawValue }
                form += M.para(
                    done.map { "Submitted by \($0.by), \(Format.timestamp($0.at))." }
                        ?? "Completed by \(audit.partnerAuditors[agency] ?? ""), the \(agency.title.lowercased()) auditor; not submitted yet.")
            }
            for q in section.questions {
                let answer = audit.answers[q.id]
                let error = missingIDs.contains(q.id) ? message(for: MissingAnswer(questionID: q.id, sectionID: section.id, text: q.text)) : nil
                switch q.kind {
                case .freeText:
                    form += M.textarea(id: "q-\(q.id)", name: "answer-\(q.id)", label: q.text, hint: q.hint, error: error, value: answer?.value)
                case .judgement, .yesPartlyNo, .yesNo:
                    form += M.radios(
                        id: "q-\(q.id)", name: "answer-\(q.id)", legend: q.text, hint: q.hint, error: error,
                        options: q.kind.options.map { ($0, q.kind.label(of: $0)) }, checked: answer?.value)
                    form += M.textarea(
                        id: "evidence-\(q.id)", name: "evidence-\(q.id)", label: "Evidence", hint: nil, error: nil,
                        value: answer?.evidence, rows: 3)
                }
            }
        }
        if agencies == nil {
            form += M.heading(2, "m", "Overall")
            form += M.radios(
                id: "q-grade", name: "grade", legend: "Overall grade", hint: nil,
                error: missingIDs.contains("grade") ? "Choose an overall grade" : nil,
                options: Grade.allCases.map { ($0.rawValue, $0.title) }, checked: audit.grade?.rawValue)
            form += M.textarea(
                id: "q-grade-rationale", name: "grade-rationale", label: "Reasons for the overall grade", hint: nil,
                error: missingIDs.contains("grade-rationale") ? "Enter the reasons for the overall grade" : nil,
                value: audit.gradeRationale)
            form += M.input(
                id: "learning-themes", name: "learning-themes", label: "Learning themes",
                hint: "Separate themes with commas, for example: Chronology, Child's voice",
                value: audit.learningThemes.joined(separator: ", "))
            form += M.textarea(
                id: "strengths", name: "strengths", label: "Strengths", hint: "One on each line", error: nil,
                value: audit.strengths.joined(separator: "\n"), rows: 3)
            form += M.textarea(
                id: "areas-for-development", name: "areas-for-development", label: "Areas for development",
                hint: "One on each line", error: nil, value: audit.areasForDevelopment.joined(separator: "\n"), rows: 3)
        }
        form += M.el(
            "div", [("class", "ov-button-group")],
            M.button("Save draft", name: "intent", value: "save", secondary: true)
                + M.button(agencies == nil ? "Submit" : "Submit my section", name: "intent", value: "submit"))
        // The form saves itself as a draft while it is being filled in (`autosave.js`); without
        // scripts the "Save draft" button does the same.
        return out + M.el("form", [("method", "post"), ("action", action), ("novalidate", "novalidate"), ("data-autosave", "")], form)
            + M.el("script", [("src", SiteURL.asset("autosave.js")), ("defer", "")], .empty)
    }

    /// The error message for a missing answer, as the summary and the field show it.
    static func message(for m: MissingAnswer) -> String {
        switch m.questionID {
        case "grade": "Choose an overall grade"
        case "grade-rationale": "Enter the reasons for the overall grade"
        default: "Answer \u{201C}\(m.text)\u{201D}"
        }
    }

    /// What a posted form says: the answers by question id, and the overall fields when present.
    /// Blank fields read as nil; themes split on commas, strengths and areas on lines.
    public struct Submission: Hashable, Sendable {
        public var answers: [String: AuditAnswer]
        public var grade: Grade?
        public var gradeRationale: String?
        public var learningThemes: [String]?
        public var strengths: [String]?
        public var areasForDevelopment: [String]?
        /// `submit` when the Submit button was used, else `save`.
        public var intent: String
    }

    /// Reads the posted fields (`answer-Q`, `evidence-Q`, `grade`, `grade-rationale`,
    /// `learning-themes`, `strengths`, `areas-for-development`, `intent`).
    public static func read(_ form: [String: String], template: AuditTemplate) -> Submission {
        func clean(_ s: String?) -> String? {
            guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }
        var answers: [String: AuditAnswer] = [:]
        for q in template.questions where form["answer-\(q.id)"] != nil || form["evidence-\(q.id)"] != nil {
            answers[q.id] = AuditAnswer(value: clean(form["answer-\(q.id)"]), evidence: clean(form["evidence-\(q.id)"]))
        }
        func lines(_ key: String, _ sep: Character) -> [String]? {
            form[key].map { $0.split(separator: sep).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty } }
        }
        return Submission(
            answers: answers, grade: clean(form["grade"]).flatMap(Grade.init(rawValue:)),
            gradeRationale: form["grade-rationale"].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) },
            learningThemes: lines("learning-themes", ","), strengths: lines("strengths", "\n"),
            areasForDevelopment: lines("areas-for-development", "\n"),
            intent: form["intent"] == "submit" ? "submit" : "save")
    }
}
