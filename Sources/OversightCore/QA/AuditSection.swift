/// A section of an audit template: a heading and its questions. Sections of a multi-agency
/// audit name the partner agency that completes them.
public struct AuditSection: Hashable, Sendable, Codable {
    /// Stable within its template.
    public var id: String
    public var title: String
    /// The partner agency completing this section (multi-agency audits only).
    public var agency: PartnerAgency?
    public var questions: [AuditQuestion]
    /// How the section is gathered; nil (templates before methods) reads as a record review.
    public var gatheredBy: AuditMethod?
    public init(id: String, title: String, agency: PartnerAgency? = nil, method: AuditMethod? = nil, questions: [AuditQuestion]) {
        self.id = id; self.title = title; self.agency = agency; self.gatheredBy = method; self.questions = questions
    }

    /// How the section is gathered (a record review unless the template says otherwise).
    public var method: AuditMethod { gatheredBy ?? .recordReview }
}
