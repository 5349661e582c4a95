/// The quality assurance measures of ../spec/measures.md ("From the product's own quality
/// assurance records"), computed from audits as they stood on a report date.
///
/// An audit counts as *submitted* when its submission day (English local time) is on or before
/// `reportDate`, and as *moderated* when its moderation was completed on or before `reportDate`;
/// steps after the report date are ignored, so a report can be run again later with the same
/// result. The *final grade* is the moderator's where moderated (by the report date), else the
/// auditor's. Drafts and audits not yet submitted are only ever in the denominators of
/// `audits_completed_pct` and `audits_completed_on_time_pct` (when due in the period).
///
/// Drill-down records have kind `audit`, key the audit id, child the audited child (blank for a
/// supervision audit, whose subject is a worker), start the due date and end the submission day.
public enum QAMeasures {
    /// One measure for `period`; nil when `id` is not a QA measure. Percentages have value nil
    /// when the denominator is 0; `moderation_kappa` is nil with no moderations, and when the
    /// expected weighted disagreement is 0 (every grade, auditor's and moderator's, the same).
    public static func compute(id: String, audits: [Audit], period: Period, reportDate: Day) -> MeasureResult? {
        guard let def = MeasureCatalogue.qualityAssurance.first(where: { $0.id == id }) else { return nil }
        let view = audits.map { AuditAsOf($0, reportDate: reportDate) }
        let submittedInPeriod = view.filter { period.contains($0.submittedOn) }
        let caseFiles = submittedInPeriod.filter { $0.audit.type == .caseFile }
        let supervision = submittedInPeriod.filter { $0.audit.type == .supervision }
        let multiAgency = submittedInPeriod.filter { $0.audit.type == .multiAgency }
        let moderatedInPeriod = view.filter { period.contains($0.moderation.map { Day($0.at) }) }
        let dueInPeriod = view.filter { period.contains($0.audit.dueDate) }

        switch id {
        case "audits_completed_pct":
            return percent(def, period, dueInPeriod) { $0.submittedOn != nil }
        case "audits_completed_on_time_pct":
            return percent(def, period, dueInPeriod) { a in a.submittedOn.map { $0 <= a.audit.dueDate } ?? false }
        case "audits_moderated_pct":
            return percent(def, period, caseFiles) { $0.moderation != nil }
        case "audits_ri_or_better_pct":
            return percent(def, period, caseFiles) { $0.finalGrade?.isRequiresImprovementOrBetter ?? false }
        case "cin_audits_ri_or_better_pct":
            return percent(def, period, caseFiles.filter { $0.audit.caseKind == .cin }) { $0.finalGrade?.isRequiresImprovementOrBetter ?? false }
        case "audits_lived_experience_pct":
            return evidenced(def, period, caseFiles, .livedExperience)
        case "audits_strengths_based_pct":
            return evidenced(def, period, caseFiles, .strengthsBased)
        case "audits_management_oversight_pct":
            return evidenced(def, period, caseFiles, .managementOversight)
        case "supervision_audits_ri_or_better_pct":
            return percent(def, period, supervision) { $0.finalGrade?.isRequiresImprovementOrBetter ?? false }
        case "supervision_audits_reflective_pct":
            return evidenced(def, period, supervision, .reflectiveSupervision)
        case "multi_agency_audits_ri_or_better_pct":
            return percent(def, period, multiAgency) { $0.finalGrade?.isRequiresImprovementOrBetter ?? false }
        case "moderation_agreement_pct":
            return percent(def, period, moderatedInPeriod) { $0.moderation!.grade == $0.audit.grade }
        case "moderation_kappa":
            let pairs = moderatedInPeriod.compactMap { a in a.audit.grade.map { ($0, a.moderation!.grade) } }
            let k = quadraticWeightedKappa(pairs)
            var warnings: [String] = []
            if !pairs.isEmpty, k == nil {
                warnings.append("every auditor's and moderator's grade was the same, so agreement beyond chance cannot be measured")
            }
            return MeasureResult(
                id: id, unit: def.unit, period: period, numerator: nil, denominator: Double(pairs.count), value: k,
                warnings: warnings, numeratorRecords: [], denominatorRecords: moderatedInPeriod.map(\.record))
        default:
            return nil
        }
    }

    /// Every QA measure, in the catalogue's order.
    public static func computeAll(audits: [Audit], period: Period, reportDate: Day) -> [MeasureResult] {
        MeasureCatalogue.qualityAssurance.compactMap { compute(id: $0.id, audits: audits, period: period, reportDate: reportDate) }
    }

    /// Quadratic-weighted Cohen's kappa over the four grades (weights `(i - j)^2 / 9` on ranks
    /// 1-4): `1 - sum(w x observed) / sum(w x expected)`, expected from the two raters' marginal
    /// counts. nil with no pairs, or when the expected weighted disagreement is 0.
    public static func quadraticWeightedKappa(_ pairs: [(Grade, Grade)]) -> Double? {
        guard !pairs.isEmpty else { return nil }
        let n = Double(pairs.count)
        var observed = [[Double]](repeating: [Double](repeating: 0, count: 4), count: 4)
        var rows = [Double](repeating: 0, count: 4), cols = [Double](repeating: 0, count: 4)
        for (a, b) in pairs {
            observed[a.rank - 1][b.rank - 1] += 1
            rows[a.rank - 1] += 1
            cols[b.rank - 1] += 1
        }
        var wo = 0.0, we = 0.0
        for i in 0..<4 {
            for j in 0..<4 {
                let w = Double((i - j) * (i - j)) / 9
                wo += w * observed[i][j]
                we += w * rows[i] * cols[j] / n
            }
        }
        guard we > 0 else { return nil }
        return 1 - wo / we
    }

    static func percent(
        _ def: MeasureDefinition, _ period: Period, _ base: [AuditAsOf], warnings: [String] = [],
        _ counts: (AuditAsOf) -> Bool
    ) -> MeasureResult {
        let num = base.filter(counts)
        let value = base.isEmpty ? nil : 100 * Double(num.count) / Double(base.count)
        return MeasureResult(
            id: def.id, unit: def.unit, period: period, numerator: Double(num.count), denominator: Double(base.count),
            value: value, warnings: warnings, numeratorRecords: num.map(\.record), denominatorRecords: base.map(\.record))
    }

    static func evidenced(_ def: MeasureDefinition, _ period: Period, _ base: [AuditAsOf], _ feed: MeasureFeed) -> MeasureResult {
        let withQuestion = base.filter { $0.audit.evidenced[feed] != nil }
        let left = base.count - withQuestion.count
        let warnings = left == 0 ? [] : ["\(left) audit(s) left out: their template version has no question marked \(feed.rawValue)"]
        return percent(def, period, withQuestion, warnings: warnings) { $0.audit.evidenced[feed] == true }
    }
}
