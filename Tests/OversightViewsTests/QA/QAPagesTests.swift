import Foundation
import OversightCore
@testable import OversightViews
import Testing

/// The QA pages: escaping, the GOV.UK form patterns, error summaries linking to fields, and
/// reading a posted form back.
@Suite struct QAPagesTests {
    static let at = Date(timeIntervalSince1970: Double(Day(year: 2026, month: 4, day: 2)!.ordinal) * 86_400 + 43_200)
    static let template = AuditTemplate(
        id: "case-file", version: 3, type: .caseFile, title: "Case file audit",
        sections: [
            AuditSection(
                id: "voice", title: "Voice <&>",
                questions: [
                    AuditQuestion(
                        id: "lived", text: "Lived experience?", hint: "Look at visits", kind: .yesPartlyNo, required: true,
                        feeds: .livedExperience, evidencedAnswers: ["yes"]),
                    AuditQuestion(id: "impact", text: "Impact", kind: .judgement, required: true),
                    AuditQuestion(id: "notes", text: "Notes", kind: .freeText, required: false),
                ])
        ])

    static func audit(_ id: String = "a1", team: String = "North <script>") -> Audit {
        Audit.assign(
            id: AuditID(id), template: template, subject: .child(ChildID("C<1>")), caseKind: .cin, team: team,
            auditor: "alice\"", due: Day(year: 2026, month: 4, day: 30)!, by: "m", at: at)
    }

    @Test func theAuditFormFollowsTheFormPatterns() throws {
        var a = Self.audit()
        try a.saveDraft(
            answers: ["lived": .init(value: "partly", evidence: "<b>seen</b>"), "notes": .init(value: "x & y")],
            grade: .good, template: Self.template, by: "alice\"", at: Self.at)
        let missing = a.missingAnswers(template: Self.template)
        let html = AuditFormPage.render(audit: a, template: Self.template, missing: missing, csrf: "tok\"en", action: "/qa/audits/a1").markup
        #expect(html.contains("<div class=\"ov-error-summary\" role=\"alert\""))
        #expect(html.contains("<a href=\"#q-impact\">Answer \u{201C}Impact\u{201D}</a>"))
        #expect(html.contains("<a href=\"#q-grade-rationale\">Enter the reasons for the overall grade</a>"))
        #expect(!html.contains("href=\"#q-lived\""))
        #expect(html.contains("<input type=\"hidden\" name=\"csrf\" value=\"tok&quot;en\">"))
        #expect(html.contains("<legend class=\"ov-fieldset__legend\">Lived experience?</legend>"))
        #expect(html.contains("id=\"q-lived\" name=\"answer-lived\" value=\"yes\">"))
        #expect(html.contains("id=\"q-lived-2\" name=\"answer-lived\" value=\"partly\" checked>"))
        #expect(html.contains("&lt;b&gt;seen&lt;/b&gt;</textarea>") && !html.contains("<b>seen"))
        #expect(html.contains("Voice &lt;&amp;&gt;") && html.contains("C&lt;1&gt;"))
        #expect(html.contains("ov-form-group ov-form-group--error"))
        #expect(html.contains("value=\"save\">Save draft</button>") && html.contains("value=\"submit\">Submit</button>"))
        #expect(html.contains("<form method=\"post\" action=\"/qa/audits/a1\""))
        // It works without scripts: a plain POST form; the only script is the optional autosave file, never inline.
        #expect(!html.contains("<script>"))
        #expect(html.components(separatedBy: "<script").count - 1 == (html.contains("src=\"/assets/autosave.js") ? 1 : 0))
    }

    /// A partner sees only their section and submits that section, never the audit (issue 18).
    @Test func partnersSeeOnlyTheirSectionAndSubmitOnlyIt() {
        let html = AuditFormPage.render(audit: Self.audit(), template: Self.template, csrf: "t", action: "/x", agencies: [.police]).markup
        #expect(!html.contains("answer-lived") && !html.contains("Overall grade"))
        #expect(html.contains("value=\"submit\">Submit my section</button>") && !html.contains("value=\"submit\">Submit</button>"))
    }

    @Test func aPostedFormReadsBack() {
        let s = AuditFormPage.read(
            [
                "answer-lived": "yes", "evidence-lived": "  seen  ", "answer-notes": " ", "grade": "inadequate",
                "grade-rationale": "why", "learning-themes": "Chronology, , Voice", "strengths": "a\nb\n",
                "intent": "submit", "answer-unknown": "x",
            ], template: Self.template)
        #expect(s.answers == ["lived": AuditAnswer(value: "yes", evidence: "seen"), "notes": AuditAnswer(value: nil, evidence: nil)])
        #expect(s.grade == .inadequate && s.gradeRationale == "why" && s.learningThemes == ["Chronology", "Voice"])
        #expect(s.strengths == ["a", "b"] && s.areasForDevelopment == nil && s.intent == "submit")
        #expect(AuditFormPage.read([:], template: Self.template).intent == "save")
    }

    /// Issue 18: each audit is listed once: those due within a week or overdue first, then the
    /// others not started, then the other drafts (the same audits were listed twice before).
    @Test func myAuditsListsEachAuditOnce() throws {
        var draft = Self.audit("a2")
        try draft.saveDraft(answers: [:], template: Self.template, by: "alice\"", at: Self.at)
        func later(_ id: String) -> Audit {
            Audit.assign(
                id: AuditID(id), template: Self.template, subject: .child(ChildID("C<1>")), caseKind: .cin, team: "North",
                auditor: "alice\"", due: Day(year: 2026, month: 6, day: 30)!, by: "m", at: Self.at)
        }
        var laterDraft = later("a4")
        try laterDraft.saveDraft(answers: [:], template: Self.template, by: "alice\"", at: Self.at)
        let html = MyAuditsPage.render(
            audits: [Self.audit("a1"), draft, later("a3"), laterDraft], today: Day(year: 2026, month: 5, day: 2)!,
            auditPath: { "/qa/audits/\($0)" }
        ).markup
        #expect(html.contains("Due within a week or overdue") && html.contains("ov-tag ov-tag--red\">Overdue"))
        #expect(html.contains("<caption class=\"ov-heading-s\">Not started, due later</caption>"))
        #expect(html.contains("<caption class=\"ov-heading-s\">Drafts, due later</caption>"))
        #expect(html.contains("<a href=\"/qa/audits/a2\">Child C&lt;1&gt; (CIN)</a>"))
        for id in ["a1", "a2", "a3", "a4"] {
            #expect(html.components(separatedBy: "href=\"/qa/audits/\(id)\"").count == 2, "\(id) is not listed exactly once")
        }
        #expect(MyAuditsPage.render(audits: [], today: Day(year: 2026, month: 5, day: 2)!, auditPath: { $0.rawValue }).markup.contains("no audits"))
    }

    @Test func moderationPagesEscapeAndLinkErrors() throws {
        var a = Self.audit()
        try a.saveDraft(
            answers: ["lived": .init(value: "yes"), "impact": .init(value: "good")], grade: .inadequate,
            gradeRationale: "<i>poor</i>", template: Self.template, by: "alice\"", at: Self.at)
        try a.submit(template: Self.template, by: "alice\"", at: Self.at)
        try a.selectForModeration(by: "system", at: Self.at)
        let queue = ModerationQueuePage.render(audits: [a], moderatePath: { "/qa/moderation/\($0)" }).markup
        #expect(queue.contains("North &lt;script&gt;") && queue.contains("alice&quot;") && queue.contains("ov-tag--red\">Inadequate"))
        let form = ModerationFormPage.render(
            audit: a, template: Self.template, errors: [.rationaleMissing], chosen: (.good, nil),
            csrf: "c", action: "/m"
        ).markup
        #expect(form.contains("<a href=\"#m-rationale\">Enter why you have changed the grade</a>"))
        #expect(form.contains("&lt;i&gt;poor&lt;/i&gt;") && form.contains("Yes, evidenced consistently"))
        #expect(form.contains("name=\"grade\" value=\"good\" checked>"))
        // Issue 18: the form came with the auditor's grade already ticked, and named the auditor
        // by username. Nothing is ticked until the moderator chooses; the auditor has a name.
        let fresh = ModerationFormPage.render(audit: a, template: Self.template, csrf: "c", action: "/m", names: ["alice\"": "Alice Example"]).markup
        #expect(!fresh.contains(" checked>"), "a grade is ticked before the moderator chose")
        #expect(fresh.contains("Alice Example") && !fresh.contains("alice&quot;"))
    }

    @Test func roundsPageShowsProgressAndTheForm() throws {
        let round = AuditRound(
            id: "r1", name: "April <2026>", month: .month(year: 2026, month: 4), cohort: .team("North"),
            cohortDay: Day(year: 2026, month: 4, day: 1)!, sampleSize: 2, seed: 1, moderationRatePercent: 25,
            dueDate: Day(year: 2026, month: 4, day: 28)!, templateID: "case-file")
        var b = Self.audit("b")
        try b.saveDraft(answers: [:], template: Self.template, by: "alice\"", at: Self.at)
        let progress = RoundsPage.Progress([Self.audit("a"), b], today: Day(year: 2026, month: 5, day: 1)!)
        #expect(progress.total == 2 && progress.notStarted == 1 && progress.drafts == 1 && progress.overdue == 2)
        let html = RoundsPage.render(
            rounds: [round], auditsByRound: ["r1": [Self.audit("a"), b]], templates: [Self.template],
            teams: ["North", "South & East"], today: Day(year: 2026, month: 5, day: 1)!,
            errors: ["sample-size": "Enter a sample size of 1 or more"], values: ["sample-size": "0"],
            csrf: "c", action: "/qa/rounds", roundPath: { "/qa/rounds/\($0)" }
        ).markup
        #expect(html.contains("April &lt;2026&gt;") && html.contains("South &amp; East"))
        #expect(html.contains("<a href=\"#round-sample-size\">Enter a sample size of 1 or more</a>"))
        #expect(html.contains("value=\"team:North\"") && html.contains("value=\"placed-with-parents\""))
        #expect(html.contains("ov-tag ov-tag--red\">2"))
        // Issue 18: the moderation rate and the count of moderated audits had the same heading.
        #expect(html.contains(">Moderation rate</th>") && html.components(separatedBy: ">Moderated</th>").count == 2)
    }

    @Test func learningPageShowsTheSummary() throws {
        var a = Self.audit()
        try a.saveDraft(
            answers: ["lived": .init(value: "yes"), "impact": .init(value: "good")], grade: .requiresImprovement,
            gradeRationale: "ok", learningThemes: ["Chronology"], strengths: ["Voice <clear>"], areasForDevelopment: ["Plans"],
            template: Self.template, by: "alice\"", at: Self.at)
        try a.submit(template: Self.template, by: "alice\"", at: Self.at)
        try a.addAction("Fix <it>", owner: "w", due: Day(year: 2026, month: 4, day: 20)!, by: "m", at: Self.at)
        let s = LearningSummary.compute(audits: [a], period: .month(year: 2026, month: 4), reportDate: Day(year: 2026, month: 4, day: 30)!)
        let html = LearningPage.render(summary: s, exportPath: "/qa/learning.txt").markup
        #expect(html.contains("North &lt;script&gt;") && html.contains("Voice &lt;clear&gt;") && html.contains("Fix &lt;it&gt;"))
        #expect(html.contains("No moderations were completed") && html.contains("100%"))
        #expect(html.contains("ov-tag ov-tag--red\">Overdue"))
    }

    @Test func aRoundPageListsItsAudits() throws {
        let round = AuditRound(
            id: "r1", name: "May & June", month: .month(year: 2026, month: 5), cohort: .domesticAbuse,
            cohortDay: Day(year: 2026, month: 5, day: 1)!, sampleSize: 3, seed: 42, moderationRatePercent: 50,
            dueDate: Day(year: 2026, month: 5, day: 28)!, templateID: "case-file")
        var done = Self.audit("b")
        try done.saveDraft(
            answers: ["lived": .init(value: "yes"), "impact": .init(value: "good")], grade: .good, gradeRationale: "ok",
            template: Self.template, by: "alice\"", at: Self.at)
        try done.submit(template: Self.template, by: "alice\"", at: Self.at)
        let html = RoundPage.render(
            round: round, audits: [Self.audit("a"), done], today: Day(year: 2026, month: 5, day: 2)!,
            auditPath: { "/qa/audits/\($0)" }
        ).markup
        #expect(html.contains("May &amp; June") && html.contains("Deep dive: domestic abuse") && html.contains("3 (2 drawn)"))
        #expect(html.contains("1 of 2 submitted; 1 overdue") && html.contains("ov-tag--green\">Good"))
        #expect(html.contains("<a href=\"/qa/audits/a\">"))
    }
}
