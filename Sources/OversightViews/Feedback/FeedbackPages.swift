import Foundation
import OversightCore

/// The feedback pages: the signed-in Feedback page (forms, a summary for a period, links for
/// families), the form a practitioner fills in with a family, the responses for those who may
/// read them, and the public pages a family's link opens, which show nothing about the child or
/// the worker.
public enum FeedbackPages {
    // MARK: Questions

    /// A form's questions as inputs: radios in a fieldset for agreement and yes-no questions (the
    /// question as legend), a text box for free text. Inputs are named and identified `q-ID`.
    public static func questions(_ form: FeedbackForm, values: [String: String], problems: [FeedbackAnswerProblem]) -> HTML {
        form.questions.map { q -> HTML in
            let id = "q-" + q.id
            let error = problems.first { $0.questionID == q.id }?.message
            let hint = q.isOptional ? "Optional" : nil
            switch q.kind {
            case .agreement, .yesNo:
                return FormGroup.radios(
                    id: id, legend: q.wording, hint: hint, options: q.kind.answers.map { FormOption(value: $0, label: q.kind.words($0)) },
                    selected: values[q.id], error: error, isInline: q.kind == .yesNo)
            case .freeText:
                return FormGroup.textarea(id: id, label: q.wording, hint: hint, value: values[q.id] ?? "", error: error, rows: 4)
            }
        }.joined
    }

    /// The respondent radios.
    static func respondent(_ selected: FeedbackRespondent, legend: String) -> HTML {
        FormGroup.radios(
            id: "respondent", legend: legend, options: FeedbackRespondent.allCases.map { FormOption(value: $0.rawValue, label: $0.words) },
            selected: selected.rawValue)
    }

    static func errors(_ problems: [FeedbackAnswerProblem]) -> [FieldError] {
        problems.map { FieldError(fieldID: "q-" + $0.questionID, message: $0.message) }
    }

    // MARK: The Feedback page

    /// An open link, as the Feedback page lists it.
    public struct LinkRow: Sendable, Hashable {
        public var id: Int
        public var formTitle: String
        public var team: String?
        public var createdBy: String
        public var expires: String
        public init(id: Int, formTitle: String, team: String?, createdBy: String, expires: String) {
            self.id = id; self.formTitle = formTitle; self.team = team; self.createdBy = createdBy; self.expires = expires
        }
    }

    /// The Feedback page.
    public struct IndexModel: Sendable {
        public var forms: [FeedbackForm]
        public var summary: FeedbackSummary
        /// The feedback measures for the period, in the catalogue's order.
        public var measures: [MeasureResult]
        public var openLinks: [LinkRow]
        /// A link just made: its address (shown once) and when it expires.
        public var newLink: (url: String, expires: String)?
        public var notice: String?
        /// Why a link was not made, shown in an error summary.
        public var problem: String?
        public var csrf: String
        /// Whether the viewer may read individual responses.
        public var canReadResponses: Bool
        /// The period's description (`2025`, `2024-04-01..2025-03-31`) for links.
        public var periodQuery: String
        public var periodOptions: [FormOption]
        /// Whether the viewer may add or change forms (upload a form file, download one).
        public var canManageForms: Bool
        /// Why an uploaded form file was refused, located (file, line, field, what is wrong).
        public var formProblem: String?
        public init(
            forms: [FeedbackForm], summary: FeedbackSummary, measures: [MeasureResult], openLinks: [LinkRow], newLink: (url: String, expires: String)? = nil,
            notice: String? = nil, problem: String? = nil, csrf: String, canReadResponses: Bool, periodQuery: String, periodOptions: [FormOption],
            canManageForms: Bool = false, formProblem: String? = nil
        ) {
            self.forms = forms; self.summary = summary; self.measures = measures; self.openLinks = openLinks; self.newLink = newLink
            self.notice = notice; self.problem = problem; self.csrf = csrf; self.canReadResponses = canReadResponses; self.periodQuery = periodQuery
            self.periodOptions = periodOptions; self.canManageForms = canManageForms; self.formProblem = formProblem
        }
    }

    /// The Feedback page's "Add or change a form": each form's version with a download of it as
    /// YAML, and the upload of a form file, its problem (if any) shown on the file box.
    static func manageForms(_ m: IndexModel) -> HTML {
        var out = HTML.el("h2", [("class", "ov-heading-m"), ("id", "forms")], text: "Add or change a form")
        out += HTML.el(
            "p", [("class", "ov-body")],
            text: "Download a form as a YAML file, change its wording, and upload it: it becomes the form's next version. "
                + "Responses already given keep the version they were given on. Keep each question's id: the feedback measures read the ids, never the wording, "
                + "and a form that drops a question a measure reads is refused. A new id adds a new form.")
        let rows = m.forms.map { f -> [HTML] in
            [
                .text(f.title), .text(f.id), .text(String(f.version)),
                HTML.el(
                    "a", [("href", SitePath.feedbackFormFile.link(f.id)), ("download", "\(f.id).yaml")],
                    HTML.text("Download") + HTML.el("span", [("class", "ov-visually-hidden")], text: " \(f.title) as YAML")),
            ]
        }
        out += DataTable(
            caption: "The forms", isCaptionVisible: false,
            columns: [.init("title", "Form"), .init("id", "Id"), .init("version", "Version", isNumeric: true), .init("download", "File")], rows: rows,
            hasRowHeaders: true
        ).render()
        var upload = FormGroup.hidden(name: "csrf", value: m.csrf)
        upload += FormGroup.file(
            id: "form-file", label: "Form file (YAML)", hint: "At most 256 KB. The format is in the Feedback guide, \"Your own forms\".",
            accept: ".yaml,.yml", error: m.formProblem)
        upload += Button.render("Upload the form")
        out += HTML.el(
            "form", [("method", "post"), ("action", SitePath.feedbackForms.link()), ("enctype", "multipart/form-data"), ("novalidate", "")], upload)
        return out
    }

    public static func index(_ m: IndexModel) -> HTML {
        var out = ErrorSummary.render(
            (m.problem.map { [FieldError(fieldID: "form", message: $0)] } ?? []) + (m.formProblem.map { [FieldError(fieldID: "form-file", message: $0)] } ?? []))
        out += HTML.el("h1", [("class", "ov-heading-l")], text: "Feedback from families")
        if let n = m.notice { out += Notice.banner(.success, heading: n) }
        if let link = m.newLink {
            out += Notice.banner(
                .success, heading: "Link made",
                body: HTML.el("p", [("class", "ov-body")], text: "Give this link to the family. It is shown only now, works once and expires on \(link.expires).")
                    + HTML.el("p", [("class", "ov-body")], HTML.el("code", [("id", "new-link")], text: link.url)))
        }
        out += HTML.el(
            "p", [("class", "ov-body")],
            text: "Families and children tell us about the help they had. Record their answers with them, or give them a link to answer on their own.")

        // Forms
        out += HTML.el("h2", [("class", "ov-heading-m")], text: "Record feedback with a family")
        let formLinks = m.forms.map { f in
            HTML.el("li", [], HTML.el("a", [("href", SitePath.feedbackRecord.link(f.id))], text: f.title))
        }
        out += HTML.el("ul", [("class", "ov-list")], formLinks.joined)
        if m.canManageForms { out += manageForms(m) }

        // Links
        out += HTML.el("h2", [("class", "ov-heading-m"), ("id", "links")], text: "Create a link for a family")
        var linkForm = FormGroup.hidden(name: "csrf", value: m.csrf)
        linkForm += FormGroup.select(
            id: "form", label: "Form", options: m.forms.map { FormOption(value: $0.id, label: $0.title) }, selected: m.forms.first?.id)
        linkForm += FormGroup.text(id: "team", label: "Team (optional)", hint: "The family sees nothing of this", width: "20")
        linkForm += FormGroup.text(
            id: "days", label: "Days before the link expires", hint: "1 to 90; 14 if left empty", type: "text", width: "3")
        linkForm += Button.render("Create a link")
        out += HTML.el("form", [("method", "post"), ("action", SitePath.feedbackLinks.link()), ("novalidate", "")], linkForm)
        let linkRows = m.openLinks.map { l -> [HTML] in
            [
                .text(l.formTitle), .text(l.team ?? "-"), .text(l.createdBy), .text(l.expires),
                Button.postForm(
                    "Withdraw", action: SitePath.feedbackLinkWithdraw.link(String(l.id)), csrfToken: m.csrf,
                    screenReaderSuffix: " the link for \(l.formTitle) expiring \(l.expires)"),
            ]
        }
        out += DataTable(
            caption: "Links not used yet",
            columns: [.init("form", "Form"), .init("team", "Team"), .init("by", "Made by"), .init("expires", "Expires"), .init("withdraw", "Withdraw")],
            rows: linkRows, emptyMessage: "No links are waiting to be used."
        ).render()

        // Summary
        out += HTML.el("h2", [("class", "ov-heading-m"), ("id", "summary")], text: "Responses, \(m.summary.period.start.uk) to \(m.summary.period.end.uk)")
        var periodForm = FormGroup.select(id: "period", label: "Period", options: m.periodOptions, selected: m.periodQuery)
        periodForm += Button.render("Show", kind: .secondary)
        out += HTML.el("form", [("method", "get"), ("action", SitePath.feedback.link())], periodForm)
        out += HTML.el(
            "p", [("class", "ov-body")],
            text: "Where fewer than 5 families answered, the figures are withheld to protect their privacy.")
        for f in m.summary.forms {
            let count = f.isWithheld ? "fewer than 5" : String(f.responses ?? 0)
            out += HTML.el("h3", [("class", "ov-heading-s")], text: "\(f.title): \(count) response\(f.responses == 1 ? "" : "s")")
            guard !f.isWithheld, (f.responses ?? 0) > 0 else { continue }
            let rows = f.questions.map { q -> [HTML] in
                [
                    .text(q.wording), .text(q.answered.map(String.init) ?? "fewer than 5"),
                    .text(q.percent.map { Format.value($0, unit: .percent) } ?? "withheld"),
                ]
            }
            out += DataTable(
                caption: "\(f.title): answers agreeing", isCaptionVisible: false,
                columns: [.init("q", "Question"), .init("n", "Answered", isNumeric: true), .init("pct", "Agreeing", isNumeric: true)], rows: rows,
                hasRowHeaders: true
            ).render()
        }
        out += HTML.el("h3", [("class", "ov-heading-s")], text: "The feedback measures")
        let measureRows = m.measures.map { r -> [HTML] in
            let title = MeasureCatalogue.definition(r.id)?.title ?? r.id
            let value = r.value.map { Format.value($0, unit: r.unit) } ?? (r.warnings.first ?? "no value")
            return [HTML.el("a", [("href", Query(path: SitePath.measure.link(r.id), [("period", m.periodQuery)]).href)], text: title), .text(value)]
        }
        out += DataTable(
            caption: "The feedback measures", isCaptionVisible: false, columns: [.init("measure", "Measure"), .init("value", "Value", isNumeric: true)],
            rows: measureRows, hasRowHeaders: true
        ).render()
        if m.canReadResponses {
            out += HTML.el(
                "p", [("class", "ov-body")],
                HTML.el("a", [("href", Query(path: SitePath.feedbackResponses.link(), [("period", m.periodQuery)]).href)], text: "Read the responses"))
        }
        return out
    }

    // MARK: Recording with a family

    /// The form a practitioner fills in with a family.
    public struct RecordModel: Sendable {
        public var form: FeedbackForm
        public var values: [String: String]
        public var respondent: FeedbackRespondent
        public var child: String
        public var team: String
        public var problems: [FeedbackAnswerProblem]
        public var csrf: String
        public init(
            form: FeedbackForm, values: [String: String] = [:], respondent: FeedbackRespondent? = nil, child: String = "", team: String = "",
            problems: [FeedbackAnswerProblem] = [], csrf: String
        ) {
            self.form = form; self.values = values; self.respondent = respondent ?? form.respondent; self.child = child; self.team = team
            self.problems = problems; self.csrf = csrf
        }
    }

    public static func record(_ m: RecordModel) -> HTML {
        var out = ErrorSummary.render(errors(m.problems))
        out += HTML.el("span", [("class", "ov-caption-l")], text: "Record feedback with a family")
        out += HTML.el("h1", [("class", "ov-heading-l")], text: m.form.title)
        if !m.form.introduction.isEmpty { out += HTML.el("p", [("class", "ov-body")], text: m.form.introduction) }
        var form = FormGroup.hidden(name: "csrf", value: m.csrf)
        form += respondent(m.respondent, legend: "Who is answering?")
        form += FormGroup.text(
            id: "child", label: "Child's ID (optional)", hint: "Kept with the response for the service; never shown to the family", value: m.child,
            width: "10")
        form += FormGroup.text(id: "team", label: "Team (optional)", value: m.team, width: "20")
        form += questions(m.form, values: m.values, problems: m.problems)
        form += Button.render("Save the feedback")
        out += HTML.el("form", [("method", "post"), ("action", SitePath.feedbackRecord.link(m.form.id)), ("novalidate", "")], form)
        return HTML.el("div", [("class", "ov-grid-row")], HTML.el("div", [("class", "ov-column-two-thirds")], out))
    }

    // MARK: Reading responses

    /// The individual responses, for roles that may read them. A family's link response shows
    /// no child.
    public struct ResponsesModel: Sendable {
        public var period: Period
        public var forms: [String: FeedbackForm]
        public var responses: [FeedbackResponse]
        public init(period: Period, forms: [String: FeedbackForm], responses: [FeedbackResponse]) {
            self.period = period; self.forms = forms; self.responses = responses
        }
    }

    public static func responses(_ m: ResponsesModel) -> HTML {
        var out = HTML.el("h1", [("class", "ov-heading-l")], text: "Feedback responses, \(m.period.start.uk) to \(m.period.end.uk)")
        if m.responses.isEmpty { return out + HTML.el("p", [("class", "ov-body")], text: "There are no responses in this period.") }
        for r in m.responses {
            let form = m.forms[r.formID]
            out += HTML.el("h2", [("class", "ov-heading-s")], text: "\(form?.title ?? r.formID), \(r.submittedOn.uk)")
            var rows: [SummaryList.Row] = [
                SummaryList.Row("Given", text: r.channel.words), SummaryList.Row("Answered by", text: r.respondent.words),
                SummaryList.Row("Team", text: r.team ?? "Not recorded"),
            ]
            if r.channel == .practitioner { rows.append(SummaryList.Row("Child", text: r.child ?? "Not recorded")) }
            for q in form?.questions ?? [] {
                guard let a = r.answers[q.id] else { continue }
                rows.append(SummaryList.Row(q.wording, text: q.kind.words(a)))
            }
            out += SummaryList.render(rows)
        }
        return out
    }

    // MARK: A family's link

    /// The form a family's link opens: its title and questions, nothing about the child or worker.
    public struct FamilyModel: Sendable {
        public var form: FeedbackForm
        public var values: [String: String]
        public var respondent: FeedbackRespondent
        public var problems: [FeedbackAnswerProblem]
        public var action: String
        public var csrf: String
        public init(
            form: FeedbackForm, values: [String: String] = [:], respondent: FeedbackRespondent? = nil, problems: [FeedbackAnswerProblem] = [],
            action: String, csrf: String
        ) {
            self.form = form; self.values = values; self.respondent = respondent ?? form.respondent; self.problems = problems
            self.action = action; self.csrf = csrf
        }
    }

    public static func family(_ m: FamilyModel) -> HTML {
        var out = ErrorSummary.render(errors(m.problems))
        out += HTML.el("h1", [("class", "ov-heading-l")], text: m.form.title)
        if !m.form.introduction.isEmpty { out += HTML.el("p", [("class", "ov-body")], text: m.form.introduction) }
        out += HTML.el("p", [("class", "ov-body")], text: "Your answers go to the service. You can send them once.")
        var form = FormGroup.hidden(name: "csrf", value: m.csrf)
        form += respondent(m.respondent, legend: "Who is answering?")
        form += questions(m.form, values: m.values, problems: m.problems)
        form += Button.render("Send")
        out += HTML.el("form", [("method", "post"), ("action", m.action), ("novalidate", "")], form)
        return HTML.el("div", [("class", "ov-grid-row")], HTML.el("div", [("class", "ov-column-two-thirds")], out))
    }

    /// After a family's answers are sent.
    public static func thanks() -> HTML {
        HTML.el("h1", [("class", "ov-heading-l")], text: "Thank you")
            + HTML.el("p", [("class", "ov-body")], text: "Your answers have been sent. You can close this page.")
    }

    /// The one page for every link that cannot be used: unknown, expired, used or withdrawn.
    public static let unusableTitle = "This link has expired or has already been used"
    public static func unusable() -> HTML {
        HTML.el("h1", [("class", "ov-heading-l")], text: unusableTitle)
            + HTML.el("p", [("class", "ov-body")], text: "If you want to tell us about the help you had, ask the service for a new link.")
    }
}
