/// An audit template: its sections and questions, as a version. An audit keeps the id and version
/// of the template it was done on, so a later version never alters audits already done.
public struct AuditTemplate: Hashable, Sendable, Codable {
    /// Stable across versions (`case-file`, `supervision`, `multi-agency` for the shipped ones).
    public var id: String
    /// 1, 2, ...; a change by an administrator makes a new version.
    public var version: Int
    public var type: AuditType
    public var title: String
    public var sections: [AuditSection]
    /// Case file templates only: the kinds of case the template is written for (a round's
    /// generic template gives way to one written for the sampled case's kind); nil or empty for
    /// every kind.
    public var caseKinds: [CaseKind]?

    public init(id: String, version: Int, type: AuditType, title: String, caseKinds: [CaseKind] = [], sections: [AuditSection]) {
        self.id = id; self.version = version; self.type = type; self.title = title; self.sections = sections
        self.caseKinds = caseKinds.isEmpty ? nil : caseKinds
    }

    /// The template an audit of a `kind` case gets in a round on `template`: `template` itself,
    /// unless it is a case file template written for every kind of case and one of `latest`
    /// (the latest version of each template, by id) is a case file template written for `kind`,
    /// the first such by id.
    public static func forCase(_ kind: CaseKind?, round template: AuditTemplate, latest: [AuditTemplate]) -> AuditTemplate {
        guard let kind, template.type == .caseFile, template.isForEveryCaseKind else { return template }
        return latest.filter { $0.type == .caseFile && ($0.caseKinds ?? []).contains(kind) }.min { $0.id < $1.id } ?? template
    }

    /// Whether the template is written for every kind of case (no kinds named).
    public var isForEveryCaseKind: Bool { (caseKinds ?? []).isEmpty }

    /// The methods its sections use, in the order they first appear.
    public var methods: [AuditMethod] {
        var seen: [AuditMethod] = []
        for s in sections where !seen.contains(s.method) { seen.append(s.method) }
        return seen
    }

    /// Every question, in order.
    public var questions: [AuditQuestion] { sections.flatMap(\.questions) }

    /// The question with `id`, if any.
    public func question(_ id: String) -> AuditQuestion? { questions.first { $0.id == id } }

    /// The question feeding `feed`, if any.
    public func question(feeding feed: MeasureFeed) -> AuditQuestion? { questions.first { $0.feeds == feed } }

    /// Problems that make the template unusable, each naming the section or question and the
    /// field: blank or repeated ids, blank texts, a measure fed twice, evidenced answers that are
    /// not options of the question, a feed on a free-text question, a version below 1, an empty
    /// template or section, agencies outside multi-agency templates and multi-agency sections
    /// without an agency.
    public func problems() -> [String] {
        var out: [String] = []
        if id.trimmed.isEmpty { out.append("template: id is blank") }
        if version < 1 { out.append("template \(id): version \(version) is below 1") }
        if title.trimmed.isEmpty { out.append("template \(id): title is blank") }
        if sections.isEmpty { out.append("template \(id): has no sections") }
        if type != .caseFile, !isForEveryCaseKind { out.append("template \(id): case kinds are only allowed in case file templates") }
        var sectionIDs: Set<String> = [], questionIDs: Set<String> = [], fed: Set<MeasureFeed> = []
        for s in sections {
            let here = "section \(s.id.isEmpty ? "(blank)" : s.id)"
            if s.id.trimmed.isEmpty { out.append("\(here): id is blank") }
            if !sectionIDs.insert(s.id).inserted { out.append("\(here): id is used by an earlier section") }
            if s.title.trimmed.isEmpty { out.append("\(here): title is blank") }
            if s.questions.isEmpty { out.append("\(here): has no questions") }
            if type == .multiAgency, s.agency == nil { out.append("\(here): agency is missing (each multi-agency section names its partner agency)") }
            if type != .multiAgency, let a = s.agency { out.append("\(here): agency \(a.rawValue) is only allowed in multi-agency templates") }
            for q in s.questions {
                let qh = "\(here), question \(q.id.isEmpty ? "(blank)" : q.id)"
                if q.id.trimmed.isEmpty || q.id.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                    out.append("\(qh): id must be letters, digits, '-' or '_'")
                }
                if !questionIDs.insert(q.id).inserted { out.append("\(qh): id is used by an earlier question") }
                if q.text.trimmed.isEmpty { out.append("\(qh): text is blank") }
                if let f = q.feeds {
                    if !fed.insert(f).inserted { out.append("\(qh): feeds \(f.rawValue), which an earlier question feeds") }
                    if q.kind == .freeText { out.append("\(qh): a free-text question cannot feed \(f.rawValue)") }
                    if q.evidencedAnswers.isEmpty { out.append("\(qh): evidenced is missing (which answers count as evidenced for \(f.rawValue))") }
                } else if !q.evidencedAnswers.isEmpty {
                    out.append("\(qh): evidenced is given but the question feeds no measure")
                }
                for a in q.alertAnswers ?? [] where !q.kind.options.contains(a) {
                    out.append("\(qh): alert answer '\(a)' is not one of \(q.kind.options.joined(separator: ", "))")
                }
                for a in q.evidencedAnswers where !q.kind.options.contains(a) {
                    out.append("\(qh): evidenced answer '\(a)' is not one of \(q.kind.options.joined(separator: ", "))")
                }
            }
        }
        return out
    }
}
