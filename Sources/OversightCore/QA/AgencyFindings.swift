/// What multi-agency audits found of each partner agency's work, from the answers in that
/// agency's section: the agency's grade (the section's judgement question) and how often its
/// yes/partly/no questions were answered "yes".
///
/// Counted over multi-agency audits submitted in the period (as at the report date, as
/// `QAMeasures`), each on the template version it was done on; an audit counts for an agency when
/// its template has a section for that agency with at least one answer.
public struct AgencyFinding: Hashable, Sendable {
    public var agency: PartnerAgency
    /// Audits with an answered section of the agency.
    public var audits: Int
    /// The agency's grades (answers to its section's judgement questions).
    public var grades: [Grade: Int]
    /// Answers to its section's yes/partly/no questions, and how many were "yes".
    public var answered: Int
    public var yes: Int

    /// The share of its grades that are Requires improvement or better, in per cent; nil with none.
    public var riOrBetterPercent: Double? {
        let n = grades.values.reduce(0, +)
        guard n > 0 else { return nil }
        return 100 * Double(grades.filter { $0.key.isRequiresImprovementOrBetter }.values.reduce(0, +)) / Double(n)
    }

    /// The share of its yes/partly/no answers that are "yes", in per cent; nil with none.
    public var yesPercent: Double? { answered == 0 ? nil : 100 * Double(yes) / Double(answered) }

    /// The findings for each agency with at least one audit, in `PartnerAgency` order.
    /// `templates` holds every version audits were done on (others are left out).
    public static func compute(audits: [Audit], templates: [AuditTemplate], period: Period, reportDate: Day) -> [AgencyFinding] {
        var byVersion: [String: AuditTemplate] = [:]
        for t in templates { byVersion["\(t.id)#\(t.version)"] = t }
        var out: [PartnerAgency: AgencyFinding] = [:]
        for view in audits.map({ AuditAsOf($0, reportDate: reportDate) }) where view.audit.type == .multiAgency && period.contains(view.submittedOn) {
            let a = view.audit
            guard let t = byVersion["\(a.templateID)#\(a.templateVersion)"] else { continue }
            for section in t.sections {
                guard let agency = section.agency else { continue }
                let values = section.questions.compactMap { q in a.answers[q.id]?.value.map { (q, $0) } }
                guard !values.isEmpty else { continue }
                var f = out[agency] ?? AgencyFinding(agency: agency, audits: 0, grades: [:], answered: 0, yes: 0)
                f.audits += 1
                for (q, v) in values {
                    switch q.kind {
                    case .judgement: if let g = Grade(rawValue: v) { f.grades[g, default: 0] += 1 }
                    case .yesPartlyNo:
                        f.answered += 1
                        if v == "yes" { f.yes += 1 }
                    case .yesNo, .freeText: break
                    }
                }
                out[agency] = f
            }
        }
        return PartnerAgency.allCases.compactMap { out[$0] }
    }
}
