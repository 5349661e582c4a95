import Foundation

/// One audit: what is audited, by whom and by when, on which template version, the answers and
/// grade, moderation, feedback, actions and every step's who and when.
///
/// Change it only through the workflow methods (`Audit+Workflow.swift`), which refuse illegal
/// steps with `AuditWorkflowError`.
public struct Audit: Hashable, Sendable, Codable {
    public var id: AuditID
    public var type: AuditType
    public var subject: AuditSubject
    /// CIN, CP or CLA for audits of a child's case; nil for supervision audits.
    public var caseKind: CaseKind?
    /// The team whose practice is audited, when known.
    public var team: String?
    /// The user who does the audit.
    public var auditor: String
    /// Multi-agency audits: the partner auditor completing each agency's section.
    public var partnerAuditors: [PartnerAgency: String]
    public var dueDate: Day
    /// The round that sampled it, if any.
    public var roundID: String?
    public var templateID: String
    public var templateVersion: Int
    public var status: AuditStatus
    /// Answers by question id.
    public var answers: [String: AuditAnswer]
    /// The auditor's overall grade.
    public var grade: Grade?
    public var gradeRationale: String?
    public var learningThemes: [String]
    public var strengths: [String]
    public var areasForDevelopment: [String]
    /// For each measure the template feeds, whether the answer counted as evidenced; fixed at
    /// submission so that later template versions never alter a submitted audit.
    public var evidenced: [MeasureFeed: Bool]
    public var submittedAt: Date?
    public var moderation: Moderation?
    public var feedback: String?
    public var feedbackAt: Date?
    public var actions: [AuditAction]
    public var events: [AuditEvent]
    /// The audit this one re-audits, if any.
    public var reAuditOf: AuditID?

    /// An audit in state `assigned` with nothing recorded: for the store, which sets the other
    /// fields from its rows. Use `Audit.assign` to start an audit.
    public init(
        id: AuditID, type: AuditType, subject: AuditSubject, caseKind: CaseKind?, team: String?, auditor: String,
        dueDate: Day, roundID: String?, templateID: String, templateVersion: Int
    ) {
        self.id = id; self.type = type; self.subject = subject; self.caseKind = caseKind; self.team = team
        self.auditor = auditor; self.partnerAuditors = [:]; self.dueDate = dueDate; self.roundID = roundID
        self.templateID = templateID; self.templateVersion = templateVersion; self.status = .assigned
        self.answers = [:]; self.grade = nil; self.gradeRationale = nil; self.learningThemes = []
        self.strengths = []; self.areasForDevelopment = []; self.evidenced = [:]; self.submittedAt = nil
        self.moderation = nil; self.feedback = nil; self.feedbackAt = nil; self.actions = []; self.events = []
        self.reAuditOf = nil
    }

    /// The grade that counts: the moderator's where moderated, else the auditor's.
    public var finalGrade: Grade? { moderation?.grade ?? grade }

    /// The day it was submitted (English local time).
    public var submittedOn: Day? { submittedAt.map { Day($0) } }

    /// The day its moderation was completed (English local time).
    public var moderatedOn: Day? { moderation.map { Day($0.at) } }

    /// Actions not yet done.
    public var outstandingActions: [AuditAction] { actions.filter { !$0.isDone } }
}

extension MeasureFeed: CodingKeyRepresentable {}
extension PartnerAgency: CodingKeyRepresentable {}
