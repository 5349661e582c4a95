import Foundation
import OversightCore
import Yams

/// Reads audit templates from YAML (format in `docs/qa.md`):
///
/// ```yaml
/// id: case-file
/// version: 1
/// type: case-file            # case-file, supervision or multi-agency
/// title: Case file audit
/// case-kinds: [cp]           # case file templates only: cin, cp, cla, care-leaver (default: every kind)
/// sections:
///   - id: voice
///     title: The child's lived experience and voice
///     agency: police         # multi-agency templates only
///     method: record-review  # or observation-of-practice, conversation-with-family,
///                            # conversation-with-practitioner, family-feedback
///     questions:
///       - id: lived-experience
///         text: Is the child's lived experience evidenced?
///         hint: Look for ...
///         kind: yes-partly-no  # judgement, yes-partly-no or free-text
///         required: true
///         feeds: lived-experience
///         evidenced: ["yes"]
///         alert: ["yes"]       # answers that alert the child's team manager
/// ```
///
/// The reader is strict: unknown or repeated fields, missing required fields, unknown kinds,
/// feeds or agencies, and every problem `AuditTemplate.problems()` finds throw an
/// `AuditTemplateError` naming the file, line and field.
public struct AuditTemplateReader: Sendable {
    public init() {}

    /// The names of the templates the product ships, in the order they are offered.
    public static let shippedNames = [
        "case-file", "case-file-cin", "case-file-cp", "case-file-cla", "case-file-care-leaver", "practice-review",
        "supervision", "multi-agency",
    ]

    /// The templates the product ships: the case file audit for any case and one for each kind of
    /// case, the mixed-methodology practice review, supervision and multi-agency.
    public static func shipped() throws -> [AuditTemplate] {
        try shippedNames.map { name in
            guard let url = Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Resources/audit-templates") else {
                throw AuditTemplateError(file: "\(name).yaml", line: nil, field: nil, message: "the shipped template is missing from the installation")
            }
            return try AuditTemplateReader().read(url: url)
        }
    }

    /// Reads the template file at `url`.
    public func read(url: URL) throws -> AuditTemplate {
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw AuditTemplateError(file: url.lastPathComponent, line: nil, field: nil, message: "the file could not be read as UTF-8 text")
        }
        return try parse(yaml: text, file: url.lastPathComponent)
    }

    /// Reads a template from YAML text; `file` names it in errors.
    public func parse(yaml: String, file: String = "template") throws -> AuditTemplate {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Self.describe(error, file: file)
        } catch {
            throw AuditTemplateError(file: file, line: nil, field: nil, message: "the YAML could not be read: \(error)")
        }
        guard let root else { throw AuditTemplateError(file: file, line: nil, field: nil, message: "the file is empty") }
        var ctx = Reading(file: file)
        let top = try ctx.fields(root, at: "", allowed: ["id", "version", "type", "title", "case-kinds", "sections"])
        let typeNode = try top.required("type")
        let typeText = try ctx.string(typeNode, at: "type")
        guard let type = AuditType(rawValue: typeText) else {
            throw ctx.error(typeNode, "type", "unknown type '\(typeText)'; expected case-file, supervision or multi-agency")
        }
        let versionNode = try top.required("version")
        guard let version = Int(try ctx.string(versionNode, at: "version")) else {
            throw ctx.error(versionNode, "version", "must be a whole number")
        }
        var kinds: [CaseKind] = []
        if let k = top.optional("case-kinds") {
            for node in try ctx.list(k, at: "case-kinds") {
                let text = try ctx.string(node, at: "case-kinds")
                guard let kind = CaseKind(rawValue: text) else {
                    throw ctx.error(node, "case-kinds", "unknown kind of case '\(text)'; expected \(CaseKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                kinds.append(kind)
            }
        }
        var sections: [AuditSection] = []
        for (i, node) in try ctx.list(try top.required("sections"), at: "sections").enumerated() {
            sections.append(try readSection(node, at: "sections[\(i + 1)]", &ctx))
        }
        let template = AuditTemplate(
            id: try ctx.string(try top.required("id"), at: "id"), version: version, type: type,
            title: try ctx.string(try top.required("title"), at: "title"), caseKinds: kinds, sections: sections)
        if let problem = template.problems().first {
            // Problems name "section S" or "section S, question Q"; point at that node's line.
            let place = ctx.places.keys.filter { problem.hasPrefix($0 + ":") }.max { $0.count < $1.count }
            let located = place.flatMap { ctx.places[$0] }
            throw AuditTemplateError(file: file, line: located?.line ?? root.mark?.line, field: located?.field, message: problem)
        }
        return template
    }

    func readSection(_ node: Node, at path: String, _ ctx: inout Reading) throws -> AuditSection {
        let m = try ctx.fields(node, at: path, allowed: ["id", "title", "agency", "method", "questions"])
        let id = try ctx.string(try m.required("id"), at: "\(path).id")
        ctx.places["section \(id.isEmpty ? "(blank)" : id)"] = (node.mark?.line, "\(path).id")
        var agency: PartnerAgency?
        if let a = m.optional("agency") {
            let text = try ctx.string(a, at: "\(path).agency")
            guard let v = PartnerAgency(rawValue: text) else {
                throw ctx.error(a, "\(path).agency", "unknown agency '\(text)'; expected \(PartnerAgency.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            agency = v
        }
        var method: AuditMethod?
        if let a = m.optional("method") {
            let text = try ctx.string(a, at: "\(path).method")
            guard let v = AuditMethod(rawValue: text) else {
                throw ctx.error(a, "\(path).method", "unknown method '\(text)'; expected \(AuditMethod.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            method = v
        }
        var questions: [AuditQuestion] = []
        for (i, q) in try ctx.list(try m.required("questions"), at: "\(path).questions").enumerated() {
            questions.append(try readQuestion(q, at: "\(path).questions[\(i + 1)]", section: id, &ctx))
        }
        return AuditSection(id: id, title: try ctx.string(try m.required("title"), at: "\(path).title"), agency: agency, method: method, questions: questions)
    }

    func readQuestion(_ node: Node, at path: String, section: String, _ ctx: inout Reading) throws -> AuditQuestion {
        let m = try ctx.fields(node, at: path, allowed: ["id", "text", "hint", "kind", "required", "feeds", "evidenced", "alert"])
        let id = try ctx.string(try m.required("id"), at: "\(path).id")
        ctx.places["section \(section.isEmpty ? "(blank)" : section), question \(id.isEmpty ? "(blank)" : id)"] = (node.mark?.line, "\(path).id")
        let kindNode = try m.required("kind")
        let kindText = try ctx.string(kindNode, at: "\(path).kind")
        guard let kind = QuestionKind(rawValue: kindText) else {
            throw ctx.error(kindNode, "\(path).kind", "unknown kind '\(kindText)'; expected judgement, yes-partly-no, yes-no or free-text")
        }
        var required = false
        if let r = m.optional("required") {
            switch try ctx.string(r, at: "\(path).required").lowercased() {
            case "true", "yes": required = true
            case "false", "no": required = false
            default: throw ctx.error(r, "\(path).required", "must be true or false")
            }
        }
        var feeds: MeasureFeed?
        if let f = m.optional("feeds") {
            let text = try ctx.string(f, at: "\(path).feeds")
            guard let v = MeasureFeed(rawValue: text) else {
                throw ctx.error(f, "\(path).feeds", "unknown measure marker '\(text)'; expected \(MeasureFeed.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            feeds = v
        }
        var evidenced: [String] = []
        if let e = m.optional("evidenced") {
            evidenced = try ctx.list(e, at: "\(path).evidenced").map { try ctx.string($0, at: "\(path).evidenced") }
            if let bad = evidenced.first(where: { !kind.options.contains($0) }) {
                throw ctx.error(e, "\(path).evidenced", "'\(bad)' is not an answer of a \(kind.rawValue) question; expected \(kind.options.joined(separator: ", "))")
            }
        }
        var alert: [String] = []
        if let e = m.optional("alert") {
            alert = try ctx.list(e, at: "\(path).alert").map { try ctx.string($0, at: "\(path).alert") }
            if let bad = alert.first(where: { !kind.options.contains($0) }) {
                throw ctx.error(e, "\(path).alert", "'\(bad)' is not an answer of a \(kind.rawValue) question; expected \(kind.options.joined(separator: ", "))")
            }
        }
        return AuditQuestion(
            id: id, text: try ctx.string(try m.required("text"), at: "\(path).text"),
            hint: try m.optional("hint").map { try ctx.string($0, at: "\(path).hint") },
            kind: kind, required: required, feeds: feeds, evidencedAnswers: evidenced, alertAnswers: alert)
    }

    static func describe(_ error: YamlError, file: String) -> AuditTemplateError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return AuditTemplateError(file: file, line: mark.line, field: nil, message: "the YAML is not well formed: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return AuditTemplateError(file: file, line: context.mark.line, field: duplicates.joined(separator: ", "), message: "a field is given twice")
        default:
            return AuditTemplateError(file: file, line: nil, field: nil, message: "the YAML could not be read: \(error)")
        }
    }

    /// Turns nodes into values or errors naming the line and field; remembers where each
    /// section and question is, to place later problems.
    struct Reading {
        var file: String
        var places: [String: (line: Int?, field: String)] = [:]

        func error(_ node: Node, _ field: String, _ message: String) -> AuditTemplateError {
            AuditTemplateError(file: file, line: node.mark?.line, field: field, message: message)
        }

        func fields(_ node: Node, at path: String, allowed: Set<String>) throws -> Fields {
            let what = path.isEmpty ? "the template" : path
            guard case .mapping(let m) = node else { throw error(node, what, "must be a set of fields (key: value)") }
            var values: [String: Node] = [:]
            for (k, v) in m {
                let key = k.scalar?.string ?? ""
                let field = path.isEmpty ? key : "\(path).\(key)"
                guard allowed.contains(key) else {
                    throw error(k, field, "unknown field '\(key)'; expected one of \(allowed.sorted().joined(separator: ", "))")
                }
                guard values[key] == nil else { throw error(k, field, "the field is given twice") }
                values[key] = v
            }
            return Fields(node: node, path: path, values: values, reading: self)
        }

        func list(_ node: Node, at field: String) throws -> [Node] {
            guard case .sequence(let s) = node else { throw error(node, field, "must be a list (lines starting '- ')") }
            return Array(s)
        }

        func string(_ node: Node, at field: String) throws -> String {
            guard case .scalar(let s) = node else { throw error(node, field, "must be a single value, not a list or a set of fields") }
            return s.string.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// A mapping's fields by key.
    struct Fields {
        var node: Node
        var path: String
        var values: [String: Node]
        var reading: Reading

        func optional(_ key: String) -> Node? { values[key] }

        func required(_ key: String) throws -> Node {
            guard let v = values[key] else {
                throw reading.error(node, path.isEmpty ? key : "\(path).\(key)", "is missing")
            }
            return v
        }
    }
}
