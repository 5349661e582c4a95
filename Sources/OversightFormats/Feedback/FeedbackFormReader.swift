import Foundation
import OversightCore
import Yams

/// A feedback form file that cannot be used: the file, the line where known, the field and what
/// is wrong.
public struct FeedbackFormError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file's name as shown to the user.
    public var file: String
    /// 1-based line of the YAML text; nil when the problem concerns the whole file.
    public var line: Int?
    /// The field at fault (`respondent`, `questions[2].kind`, ...); nil for YAML syntax.
    public var field: String?
    /// Plain words: what is wrong and what is expected.
    public var message: String

    public init(file: String, line: Int?, field: String?, message: String) {
        self.file = file; self.line = line; self.field = field; self.message = message
    }

    public var description: String {
        let at = line.map { ", line \($0)" } ?? ""
        let f = field.map { ", field \($0)" } ?? ""
        return "\(file)\(at)\(f): \(message)"
    }
}

/// Reads a family feedback form from YAML (format in `docs/feedback.md`, "Your own forms"):
///
/// ```yaml
/// id: family-help
/// title: Your family's help
/// respondent: parent-carer      # who answers: parent-carer or child-young-person
/// introduction: Tell us what the help you had was like.   # optional
/// questions:
///   - id: right-help
///     wording: We got the right help at the right time
///     kind: agreement           # agreement, yes-no or free-text (`text` is read as free-text)
///   - id: comments
///     wording: Anything you want to tell us
///     kind: free-text
///     optional: true            # default false
/// ```
///
/// There is no version in the file: the store gives each saved form the next version of its id.
/// The reader is strict, as `AuditTemplateReader` is: unknown or repeated fields, missing
/// required fields, unknown kinds or respondents, every problem `FeedbackForm.problems` finds,
/// and a question a feedback measure reads dropped or answered another way
/// (`FeedbackMeasures.problems(keeping:)`) throw a `FeedbackFormError` naming the file, line and
/// field.
public struct FeedbackFormReader: Sendable {
    public init() {}

    /// The longest file read, in bytes.
    public static let maxBytes = 256 * 1024

    /// Reads the form file at `url`.
    public func read(url: URL) throws -> FeedbackForm {
        guard let data = try? Data(contentsOf: url) else {
            throw FeedbackFormError(file: url.lastPathComponent, line: nil, field: nil, message: "the file could not be read")
        }
        return try parse(data: data, file: url.lastPathComponent)
    }

    /// Reads a form from a file's bytes; `file` names it in errors.
    public func parse(data: Data, file: String = "form") throws -> FeedbackForm {
        guard data.count <= Self.maxBytes else {
            throw FeedbackFormError(file: file, line: nil, field: nil, message: "the file is larger than \(Self.maxBytes / 1024) KB; a form is a few lines")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FeedbackFormError(file: file, line: nil, field: nil, message: "the file could not be read as UTF-8 text")
        }
        return try parse(yaml: text, file: file)
    }

    /// Reads a form from YAML text; `file` names it in errors.
    public func parse(yaml: String, file: String = "form") throws -> FeedbackForm {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Self.describe(error, file: file)
        } catch {
            throw FeedbackFormError(file: file, line: nil, field: nil, message: "the YAML could not be read: \(error)")
        }
        guard let root else { throw FeedbackFormError(file: file, line: nil, field: nil, message: "the file is empty") }
        let ctx = Reading(file: file)
        let top = try ctx.fields(root, at: "", allowed: ["id", "title", "respondent", "introduction", "questions"])
        let idNode = try top.required("id")
        let id = try ctx.string(idNode, at: "id")
        let titleNode = try top.required("title")
        let title = try ctx.string(titleNode, at: "title")
        let respondentNode = try top.required("respondent")
        let respondentText = try ctx.string(respondentNode, at: "respondent")
        guard let respondent = FeedbackRespondent(rawValue: respondentText) else {
            throw ctx.error(
                respondentNode, "respondent",
                "unknown respondent '\(respondentText)'; expected parent-carer (a parent or carer) or child-young-person (a child or young person)")
        }
        let introduction = try top.optional("introduction").map { try ctx.string($0, at: "introduction") } ?? ""
        let questionsNode = try top.required("questions")
        var questions: [FeedbackQuestion] = []
        var questionNodes: [(node: Node, kind: Node)] = []
        for (i, node) in try ctx.list(questionsNode, at: "questions").enumerated() {
            let (q, kindNode) = try readQuestion(node, at: "questions[\(i + 1)]", ctx)
            questions.append(q)
            questionNodes.append((node, kindNode))
        }
        let form = FeedbackForm(id: id, title: title, respondent: respondent, introduction: introduction, questions: questions)

        // The form's own checks, each placed on the line it concerns.
        for problem in form.problems {
            if problem.hasPrefix("the form's id") { throw ctx.error(idNode, "id", problem) }
            if problem.hasPrefix("the form needs a title") { throw ctx.error(titleNode, "title", problem) }
            if problem.hasPrefix("the form needs at least one question") { throw ctx.error(questionsNode, "questions", problem) }
            if problem.hasPrefix("question "), let n = Int(problem.dropFirst(9).prefix { $0.isNumber }), (1...questionNodes.count).contains(n) {
                let field = problem.contains("wording") ? "wording" : "id"
                throw ctx.error(questionNodes[n - 1].node, "questions[\(n)].\(field)", problem)
            }
            throw FeedbackFormError(file: file, line: root.mark?.line, field: nil, message: problem)
        }
        // The questions the measures read.
        if let kept = FeedbackMeasures.problems(keeping: form).first {
            if !kept.dropped, let i = questions.firstIndex(where: { $0.id == kept.question }) {
                throw ctx.error(questionNodes[i].kind, "questions[\(i + 1)].kind", kept.message)
            }
            throw ctx.error(questionsNode, "questions", kept.message)
        }
        return form
    }

    func readQuestion(_ node: Node, at path: String, _ ctx: Reading) throws -> (FeedbackQuestion, Node) {
        let m = try ctx.fields(node, at: path, allowed: ["id", "wording", "kind", "optional"])
        let id = try ctx.string(try m.required("id"), at: "\(path).id")
        let wording = try ctx.string(try m.required("wording"), at: "\(path).wording")
        let kindNode = try m.required("kind")
        let kindText = try ctx.string(kindNode, at: "\(path).kind")
        guard let kind = kindText == "text" ? .freeText : FeedbackAnswerKind(rawValue: kindText) else {
            throw ctx.error(kindNode, "\(path).kind", "unknown kind '\(kindText)'; expected agreement, yes-no or free-text")
        }
        var optional = false
        if let o = m.optional("optional") {
            switch try ctx.string(o, at: "\(path).optional").lowercased() {
            case "true", "yes": optional = true
            case "false", "no": optional = false
            default: throw ctx.error(o, "\(path).optional", "must be true or false")
            }
        }
        return (FeedbackQuestion(id: id, wording: wording, kind: kind, isOptional: optional), kindNode)
    }

    static func describe(_ error: YamlError, file: String) -> FeedbackFormError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return FeedbackFormError(file: file, line: mark.line, field: nil, message: "the YAML is not well formed: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return FeedbackFormError(file: file, line: context.mark.line, field: duplicates.joined(separator: ", "), message: "a field is given twice")
        default:
            return FeedbackFormError(file: file, line: nil, field: nil, message: "the YAML could not be read: \(error)")
        }
    }

    /// Turns nodes into values or errors naming the line and field.
    struct Reading {
        var file: String

        func error(_ node: Node, _ field: String, _ message: String) -> FeedbackFormError {
            FeedbackFormError(file: file, line: node.mark?.line, field: field, message: message)
        }

        func fields(_ node: Node, at path: String, allowed: Set<String>) throws -> Fields {
            let what = path.isEmpty ? "the form" : path
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

/// Writes a feedback form as the YAML `FeedbackFormReader` reads: the file an authority downloads,
/// changes and uploads as the form's next version. Text is written in double quotes, so any
/// wording reads back as written.
public enum FeedbackFormWriter {
    public static func yaml(_ form: FeedbackForm) -> String {
        var out = "# Feedback form '\(form.id)', version \(form.version). Change the wording and upload it: it becomes the next version.\n"
        out += "# Keep each question's id: the feedback measures read the form's and questions' ids, never the wording.\n"
        out += "id: \(quoted(form.id))\n"
        out += "title: \(quoted(form.title))\n"
        out += "respondent: \(form.respondent.rawValue)\n"
        if !form.introduction.isEmpty { out += "introduction: \(quoted(form.introduction))\n" }
        out += "questions:\n"
        for q in form.questions {
            out += "  - id: \(quoted(q.id))\n"
            out += "    wording: \(quoted(q.wording))\n"
            out += "    kind: \(q.kind.rawValue)\n"
            if q.isOptional { out += "    optional: true\n" }
        }
        return out
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029 || u.value == 0xFEFF {
                    out += String(format: "\\u%04X", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
