import Foundation
@testable import OversightCore

/// Templates and audits for the QA worked examples (synthetic ids only).
enum QAFixtures {
    /// Midday UTC on `iso`: the same day in English local time, summer or winter.
    static func noon(_ iso: String) -> Date { Date(timeIntervalSince1970: Double(day(iso).ordinal) * 86_400 + 43_200) }

    static let caseFile = AuditTemplate(
        id: "case-file", version: 1, type: .caseFile, title: "Case file audit",
        sections: [
            AuditSection(
                id: "experience", title: "Lived experience",
                questions: [
                    AuditQuestion(
                        id: "lived", text: "Is the child's lived experience evidenced?", kind: .yesPartlyNo, required: true,
                        feeds: .livedExperience, evidencedAnswers: ["yes"])
                ]),
            AuditSection(
                id: "assessment", title: "Assessment",
                questions: [
                    AuditQuestion(
                        id: "strengths", text: "Is the assessment strength-based?", kind: .yesPartlyNo, required: true,
                        feeds: .strengthsBased, evidencedAnswers: ["yes"]),
                    AuditQuestion(id: "quality", text: "Quality of assessment", kind: .judgement, required: true),
                ]),
            AuditSection(
                id: "oversight", title: "Management oversight",
                questions: [
                    AuditQuestion(
                        id: "oversight", text: "Is management oversight in line with standards?", kind: .yesPartlyNo, required: true,
                        feeds: .managementOversight, evidencedAnswers: ["yes"]),
                    AuditQuestion(id: "notes", text: "Anything else", kind: .freeText, required: false),
                ]),
        ])

    static let supervision = AuditTemplate(
        id: "supervision", version: 1, type: .supervision, title: "Supervision audit",
        sections: [
            AuditSection(
                id: "supervision", title: "Supervision",
                questions: [
                    AuditQuestion(
                        id: "reflective", text: "Is supervision reflective?", kind: .yesPartlyNo, required: true,
                        feeds: .reflectiveSupervision, evidencedAnswers: ["yes"])
                ])
        ])

    static let multiAgency = AuditTemplate(
        id: "multi-agency", version: 1, type: .multiAgency, title: "Multi-agency audit",
        sections: PartnerAgency.allCases.map { a in
            AuditSection(
                id: a.rawValue, title: a.title, agency: a,
                questions: [
                    AuditQuestion(id: "\(a.rawValue)-sharing", text: "Did \(a.title) share information?", kind: .yesPartlyNo, required: true)
                ])
        })

    /// An audit taken through the workflow: assigned, answered and (when `submitted` is given)
    /// submitted on that day, then moderated when `moderated` is given.
    static func audit(
        _ id: String, _ type: AuditType = .caseFile, kind: CaseKind? = .cin, due: String, submitted: String? = nil,
        grade: Grade = .good, lived: String = "yes", strengths: String = "yes", oversight: String = "yes",
        reflective: String = "yes", moderated: (Grade, String)? = nil
    ) throws -> Audit {
        let t = type == .supervision ? supervision : caseFile
        let subject: AuditSubject = type == .supervision ? .worker("W-\(id)") : .child(cid("C-\(id)"))
        var a = Audit.assign(
            id: AuditID(id), template: t, subject: subject, caseKind: type == .supervision ? nil : kind,
            team: "North", auditor: "auditor1", due: day(due), by: "manager1", at: noon("2026-03-01"))
        let answers: [String: AuditAnswer] =
            type == .supervision
            ? ["reflective": AuditAnswer(value: reflective)]
            : [
                "lived": AuditAnswer(value: lived, evidence: "seen in visits"), "strengths": AuditAnswer(value: strengths),
                "quality": AuditAnswer(value: "good"), "oversight": AuditAnswer(value: oversight),
            ]
        try a.saveDraft(answers: answers, grade: grade, gradeRationale: "as the evidence shows", template: t, by: "auditor1", at: noon("2026-03-02"))
        guard let submitted else { return a }
        try a.submit(template: t, by: "auditor1", at: noon(submitted))
        if let m = moderated {
            try a.selectForModeration(by: "manager1", at: noon(submitted))
            try a.moderate(grade: m.0, rationale: "checked against the file", by: "moderator1", at: noon(m.1))
        }
        return a
    }
}
