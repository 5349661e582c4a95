import Foundation
import OversightCore
import Yams

/// Reads an improvement plan from YAML (the format is described in `docs/kpis.md`).
///
/// The reader is strict: an unknown field, a missing required field, a measure id that neither
/// `MeasureCatalogue` nor `HandEnteredMeasures` knows, a target, polarity, comparator or cadence
/// it cannot read, or YAML it cannot parse, throws a `PlanFileError` naming the line.
public struct PlanFileReader: Sendable {
    public init() {}

    /// Reads the plan file at `url`.
    public func read(url: URL) throws -> Plan {
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw PlanFileError(file: url.lastPathComponent, line: nil, message: "the file could not be read as UTF-8 text")
        }
        return try parse(yaml: text, file: url.lastPathComponent)
    }

    /// Reads a plan from YAML text; `file` names it in errors.
    public func parse(yaml: String, file: String = "plan") throws -> Plan {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw PlanFileReader.describe(error, file: file)
        } catch {
            throw PlanFileError(file: file, line: nil, message: "the YAML could not be read: \(error)")
        }
        guard let root else { throw PlanFileError(file: file, line: nil, message: "the file is empty") }
        let ctx = Context(file: file)
        let top = try ctx.mapping(root, what: "the plan", allowed: ["id", "title", "published", "years", "ambitions"])
        let years = try top.optional("years").map { try ctx.sequence($0, what: "years").map { try ctx.int($0, what: "a year") } } ?? []
        let ambitionNodes = try ctx.sequence(try top.required("ambitions"), what: "ambitions")
        var ambitions: [Ambition] = []
        for node in ambitionNodes {
            ambitions.append(try readAmbition(node, ctx))
        }
        var seen: Set<Int> = []
        for (a, node) in zip(ambitions, ambitionNodes) where !seen.insert(a.number).inserted {
            throw ctx.error(node, "ambition number \(a.number) is used twice")
        }
        return Plan(
            id: try ctx.string(try top.required("id"), what: "id"),
            title: try ctx.string(try top.required("title"), what: "title"),
            published: try top.optional("published").map { try ctx.string($0, what: "published") } ?? "",
            years: years, ambitions: ambitions)
    }

    func readAmbition(_ node: Node, _ ctx: Context) throws -> Ambition {
        let m = try ctx.mapping(
            node, what: "an ambition",
            allowed: ["number", "title", "statement", "leads", "actions", "approach", "achievements", "kpis"])
        let kpis = try m.optional("kpis").map { try ctx.sequence($0, what: "kpis").map { try readKPI($0, ctx) } } ?? []
        var texts: [String] = []
        var planned: [PlannedAction] = []
        for item in try m.optional("actions").map({ try ctx.sequence($0, what: "actions") }) ?? [] {
            if case .mapping = item {
                let p = try readAction(item, ctx)
                texts.append(p.text)
                if p.hasDetails { planned.append(p) }
            } else {
                texts.append(try ctx.string(item, what: "an action"))
            }
        }
        var ambition = Ambition(
            number: try ctx.int(try m.required("number"), what: "number"),
            title: try ctx.string(try m.required("title"), what: "title"),
            statement: try ctx.string(try m.required("statement"), what: "statement"),
            leads: try ctx.strings(m.optional("leads"), what: "leads"),
            actions: texts,
            approach: try m.optional("approach").map { try ctx.string($0, what: "approach") } ?? "",
            achievements: try ctx.strings(m.optional("achievements"), what: "achievements"),
            kpis: kpis)
        ambition.plannedActions = planned
        return ambition
    }

    /// An action given as a mapping: `text`, and optionally `owner`, `due`, `status`, `kpis`
    /// (measure ids) and `milestones` (each `text`, optional `due` and `done`).
    func readAction(_ node: Node, _ ctx: Context) throws -> PlannedAction {
        let m = try ctx.mapping(node, what: "an action", allowed: ["text", "owner", "due", "status", "kpis", "milestones"])
        func date(_ n: Node?, _ what: String) throws -> Day? {
            guard let n else { return nil }
            let t = try ctx.string(n, what: what)
            guard let d = Day.parseISO(t) else { throw ctx.error(n, "bad date '\(t)' for \(what): expected yyyy-mm-dd") }
            return d
        }
        var status: ActionStatus?
        if let n = m.optional("status") {
            let t = try ctx.string(n, what: "status")
            guard let s = ActionStatus(text: t) else {
                throw ctx.error(n, "bad status '\(t)': expected \(ActionStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            status = s
        }
        var kpis: [String] = []
        for k in try m.optional("kpis").map({ try ctx.sequence($0, what: "kpis") }) ?? [] {
            let id = try ctx.string(k, what: "a KPI's measure")
            guard Plan.measureDefinition(id) != nil else { throw ctx.error(k, "unknown measure id '\(id)' in the action's kpis") }
            kpis.append(id)
        }
        var milestones: [ActionMilestone] = []
        for n in try m.optional("milestones").map({ try ctx.sequence($0, what: "milestones") }) ?? [] {
            let ms = try ctx.mapping(n, what: "a milestone", allowed: ["text", "due", "done"])
            milestones.append(
                ActionMilestone(
                    text: try ctx.string(try ms.required("text"), what: "a milestone's text"), due: try date(ms.optional("due"), "a milestone's due"),
                    doneOn: try date(ms.optional("done"), "a milestone's done")))
        }
        let owner = try m.optional("owner").map { try ctx.string($0, what: "owner") }
        return PlannedAction(
            text: try ctx.string(try m.required("text"), what: "an action's text"), owner: owner, due: try date(m.optional("due"), "due"),
            status: status, kpis: kpis, milestones: milestones)
    }

    func readKPI(_ node: Node, _ ctx: Context) throws -> KPI {
        let m = try ctx.mapping(
            node, what: "a KPI",
            allowed: ["wording", "measure", "target", "trajectory", "polarity", "comparator", "cadence"])
        let measureNode = try m.required("measure")
        let measure = try ctx.string(measureNode, what: "measure")
        guard let definition = Plan.measureDefinition(measure) else {
            throw ctx.error(measureNode, "unknown measure id '\(measure)': use an id from the measure catalogue or a hand-entered measure (hand_...)")
        }
        let targetNode = try m.required("target")
        let targetText = try ctx.string(targetNode, what: "target")
        guard let target = Target(token: targetText) else {
            throw ctx.error(
                targetNode,
                "bad target '\(targetText)': expected a number or one of below_last_year, above_last_year, sn_mean, sn_median, increase, decrease, monitor, to_be_agreed")
        }
        var polarity = definition.polarity
        if let p = m.optional("polarity") {
            let text = try ctx.string(p, what: "polarity")
            guard let value = Polarity(rawValue: text) else { throw ctx.error(p, "bad polarity '\(text)': expected high, low or none") }
            polarity = value
        }
        var comparator = ComparatorChoice.none
        if let c = m.optional("comparator") {
            let text = try ctx.string(c, what: "comparator")
            guard let value = ComparatorChoice(rawValue: text) else { throw ctx.error(c, "bad comparator '\(text)': expected sn_mean, sn_median, england or none") }
            comparator = value
        }
        var cadence = Cadence.monthly
        if let c = m.optional("cadence") {
            let text = try ctx.string(c, what: "cadence")
            guard let value = Cadence(rawValue: text) else { throw ctx.error(c, "bad cadence '\(text)': expected monthly, quarterly or annual") }
            cadence = value
        }
        var trajectory: [TrajectoryPoint] = []
        if let t = m.optional("trajectory") {
            for step in try ctx.sequence(t, what: "trajectory") {
                let s = try ctx.mapping(step, what: "a trajectory step", allowed: ["end", "label", "value"])
                let endNode = try s.required("end")
                let endText = try ctx.string(endNode, what: "end")
                guard let end = Day.parseISO(endText) else { throw ctx.error(endNode, "bad date '\(endText)': expected yyyy-mm-dd") }
                trajectory.append(
                    TrajectoryPoint(
                        end: end, label: try s.optional("label").map { try ctx.string($0, what: "label") } ?? "",
                        value: try ctx.double(try s.required("value"), what: "value")))
            }
        }
        return KPI(
            wording: try ctx.string(try m.required("wording"), what: "wording"), measure: measure, target: target,
            trajectory: trajectory, polarity: polarity, comparator: comparator, cadence: cadence)
    }

    static func describe(_ error: YamlError, file: String) -> PlanFileError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let extra = context.map { " (\($0.text) on line \($0.mark.line))" } ?? ""
            return PlanFileError(file: file, line: mark.line, message: "the YAML is not well formed: \(problem)\(extra)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return PlanFileError(file: file, line: context.mark.line, message: "a field is given twice: \(duplicates.joined(separator: ", "))")
        default:
            return PlanFileError(file: file, line: nil, message: "the YAML could not be read: \(error)")
        }
    }

    /// Helpers that turn nodes into values or line-numbered errors.
    struct Context {
        var file: String

        func error(_ node: Node, _ message: String) -> PlanFileError {
            PlanFileError(file: file, line: node.mark?.line, message: message)
        }

        func mapping(_ node: Node, what: String, allowed: Set<String>) throws -> Fields {
            guard case .mapping(let m) = node else { throw error(node, "\(what) must be a set of fields (key: value)") }
            var values: [String: Node] = [:]
            for (k, v) in m {
                let key = k.scalar?.string ?? ""
                guard allowed.contains(key) else {
                    throw error(k, "unknown field '\(key)' in \(what); expected one of \(allowed.sorted().joined(separator: ", "))")
                }
                guard values[key] == nil else { throw error(k, "the field '\(key)' is given twice in \(what)") }
                values[key] = v
            }
            return Fields(node: node, values: values, what: what, ctx: self)
        }

        func sequence(_ node: Node, what: String) throws -> [Node] {
            guard case .sequence(let s) = node else { throw error(node, "\(what) must be a list (lines starting '- ')") }
            return Array(s)
        }

        func string(_ node: Node, what: String) throws -> String {
            guard case .scalar(let s) = node else { throw error(node, "\(what) must be a single value, not a list or a set of fields") }
            return s.string.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func strings(_ node: Node?, what: String) throws -> [String] {
            guard let node else { return [] }
            return try sequence(node, what: what).map { try string($0, what: "each entry of \(what)") }
        }

        func int(_ node: Node, what: String) throws -> Int {
            let text = try string(node, what: what)
            guard let v = Int(text) else { throw error(node, "\(what) must be a whole number, not '\(text)'") }
            return v
        }

        func double(_ node: Node, what: String) throws -> Double {
            let text = try string(node, what: what)
            guard let v = Double(text), v.isFinite else { throw error(node, "\(what) must be a number, not '\(text)'") }
            return v
        }
    }

    /// A mapping's fields by key.
    struct Fields {
        var node: Node
        var values: [String: Node]
        var what: String
        var ctx: Context

        func optional(_ key: String) -> Node? { values[key] }

        func required(_ key: String) throws -> Node {
            guard let v = values[key] else { throw ctx.error(node, "\(what) has no '\(key)' field") }
            return v
        }
    }
}
