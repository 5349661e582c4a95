import Foundation
import OversightCore
import OversightFormats
import OversightStore
import OversightViews

/// The parts of a report's input that come from the store beyond the measures: the data quality
/// of the active imports and the quality assurance summary. Shared by `oversight report` and the
/// web's Reports page.
public enum ReportInputs {
    /// Findings grouped by rule, most first, each with the rule's general description (never a
    /// finding's own message, which may quote a record: board members read this).
    public static func quality(sources: [String], issues: [ValidationIssue]) -> DataQualitySummary {
        let byRule = Dictionary(grouping: issues, by: \.rule)
        let rules = byRule.map { rule, list in
            DataQualitySummary.RuleCount(rule: rule, severity: list[0].severity.rawValue, message: RuleDescriptions.description(of: rule), count: list.count)
        }.sorted { ($0.count, $1.rule) > ($1.count, $0.rule) }
        return DataQualitySummary(
            sources: sources, errors: issues.filter { $0.severity == .error }.count,
            warnings: issues.filter { $0.severity != .error }.count, rules: rules)
    }

    /// The data quality of the authority's active imports: their files and the findings outstanding.
    public static func quality(store: Store, authority: String) async throws -> DataQualitySummary {
        var sources: [String] = [], issues: [ValidationIssue] = []
        for imp in try await store.imports().list(authority: authority) where imp.status == .active {
            sources += imp.files.map { "\(($0.path as NSString).lastPathComponent) (import \(imp.id), \($0.rowsStored) records)" }
            issues += try await store.imports().findings(of: imp.id, authority: authority)
        }
        return quality(sources: sources, issues: issues)
    }

    /// The audits of the period as the board pack shows them: completed (submitted in the period),
    /// moderated, due and overdue, final grades, and what the audits found (the most frequent
    /// strengths and areas for development, under ambition 1, leadership and quality assurance).
    /// Nil when no audit was due or submitted in the period.
    public static func audits(_ audits: [Audit], period: Period, reportDate: Day) -> AuditSummary? {
        let learning = LearningSummary.compute(audits: audits, period: period, reportDate: reportDate, top: 3)
        let due = audits.filter { period.contains($0.dueDate) }
        let submitted = audits.filter { a in a.submittedAt.map { period.contains(Day($0)) } ?? false }
        guard !due.isEmpty || !submitted.isEmpty else { return nil }
        let overdue = due.filter { !$0.status.isSubmitted && $0.dueDate < reportDate }.count
        let grades = Grade.allCases.map { g in (grade: g.title, count: submitted.filter { $0.finalGrade == g }.count) }.filter { $0.count > 0 }
        let findings =
            learning.strengths.map { AuditSummary.Finding(ambition: 1, text: "Strength: \($0.text) (\($0.count) audits)") }
            + learning.areasForDevelopment.map { AuditSummary.Finding(ambition: 1, text: "To develop: \($0.text) (\($0.count) audits)") }
        return AuditSummary(
            completed: submitted.count, moderated: submitted.filter { $0.moderation != nil }.count, due: due.count,
            overdue: overdue, grades: grades, findings: findings)
    }
}
