/// The quality assurance numbers a report shows: audits completed and moderated in the period,
/// their grades, and the findings and learning to share (by ambition where they belong to one).
public struct AuditSummary: Hashable, Sendable {
    /// One finding or piece of learning.
    public struct Finding: Hashable, Sendable {
        /// The ambition it belongs to; nil for the whole service.
        public var ambition: Int?
        public var text: String
        public init(ambition: Int?, text: String) { self.ambition = ambition; self.text = text }
    }

    public var completed: Int
    public var moderated: Int
    public var due: Int
    public var overdue: Int
    /// Audits by grade (`Outstanding`, `Good`, `Requires improvement`, `Inadequate`), in that order.
    public var grades: [(grade: String, count: Int)]
    public var findings: [Finding]

    public init(
        completed: Int, moderated: Int, due: Int = 0, overdue: Int = 0, grades: [(grade: String, count: Int)] = [],
        findings: [Finding] = []
    ) {
        self.completed = completed; self.moderated = moderated; self.due = due; self.overdue = overdue; self.grades = grades
        self.findings = findings
    }

    public static func == (a: AuditSummary, b: AuditSummary) -> Bool {
        a.completed == b.completed && a.moderated == b.moderated && a.due == b.due && a.overdue == b.overdue
            && a.grades.map(\.grade) == b.grades.map(\.grade) && a.grades.map(\.count) == b.grades.map(\.count) && a.findings == b.findings
    }

    public func hash(into h: inout Hasher) {
        h.combine(completed); h.combine(moderated); h.combine(due); h.combine(overdue); h.combine(findings)
    }
}
