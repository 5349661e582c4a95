/// An audit as it stood on a report date: submission and moderation only when done by then.
struct AuditAsOf {
    let audit: Audit
    let submittedOn: Day?
    let moderation: Moderation?

    init(_ audit: Audit, reportDate: Day) {
        self.audit = audit
        let s = audit.submittedOn
        submittedOn = s.flatMap { $0 <= reportDate ? $0 : nil }
        moderation = audit.moderation.flatMap { Day($0.at) <= reportDate ? $0 : nil }
    }

    var finalGrade: Grade? { moderation?.grade ?? audit.grade }

    var record: DrillRecord {
        DrillRecord(
            child: audit.subject.child?.rawValue ?? "", kind: "audit", key: audit.id.rawValue,
            start: audit.dueDate, end: submittedOn)
    }
}
