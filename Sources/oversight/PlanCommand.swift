import ArgumentParser
import Foundation
import OversightCore
import OversightFormats
import OversightStore

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Keep the improvement plans in the store: import a plan file, list them, choose the current one, export one.",
        discussion: """
            Each import of a plan file is a new version; `serve` shows the current one (or the default
            plan while the store holds none). Changing a target in a new version keeps the old one for
            earlier periods.
            """,
        subcommands: [Import.self, List.self, Use.self, Export.self, Target.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import a plan file (YAML) as the new current plan; bad lines are named.")
        @Argument var file: String
        @Option(help: "Local authority code.") var la: String
        @Flag(help: "Keep the current plan current.") var notCurrent = false
        func run() throws {
            let url = URL(fileURLWithPath: file)
            guard let yaml = try? String(contentsOf: url, encoding: .utf8) else { throw CLIError.usage("cannot read the plan file \(file)") }
            let (la, name, makeCurrent) = (self.la, url.lastPathComponent, !notCurrent)
            let who = ProcessInfo.processInfo.environment["USER"] ?? "unknown"
            let (stored, applied) = try StoreSession.run { store in
                let stored = try await store.plans(authority: la).importPlan(yaml: yaml, fileName: name, by: who, makeCurrent: makeCurrent)
                // The actions the file gives in detail are tracked as it gives them.
                let applied = try await store.actions(authority: la).apply(stored.plan, defaultOwner: "Ambition lead", by: who)
                return (stored, applied)
            }
            print("Imported \(stored.title) as \(stored.key) version \(stored.version)\(stored.isCurrent ? ", now the current plan" : "").")
            if applied.created + applied.changed > 0 {
                print("Actions from the file: \(applied.created) added, \(applied.changed) changed (owner, due date or status).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the plans in the store.")
        @Option(help: "Local authority code.") var la: String
        func run() throws {
            let la = self.la
            let plans = try StoreSession.run { store in try await store.plans(authority: la).all() }
            if plans.isEmpty { print("No plans in the store for \(la): the default plan is shown."); return }
            for p in plans { print([p.key, "version \(p.version)", p.isCurrent ? "current" : "", p.title].joined(separator: "\t")) }
        }
    }

    struct Use: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "use", abstract: "Make a stored plan version the current one.")
        @Argument var key: String
        @Argument var version: Int
        @Option(help: "Local authority code.") var la: String
        func run() throws {
            let (la, key, version) = (self.la, self.key, self.version)
            try StoreSession.run { store in try await store.plans(authority: la).makeCurrent(key: key, version: version) }
            print("\(key) version \(version) is now the current plan.")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the current plan (or the default plan) as a plan file, with the actions tracked for it (owner, due date, status, milestones, KPIs).")
        @Option(help: "Local authority code.") var la: String
        @Option(help: "Where to write (default: standard output).") var out: String?
        @Flag(help: "The plan as it was imported, without the tracked actions.") var withoutActions = false
        func run() throws {
            let (la, withoutActions) = (self.la, self.withoutActions)
            let yaml = try StoreSession.run { store -> String in
                let current = try await store.plans(authority: la).current()
                if withoutActions, let current { return current.yaml }
                let plan = try current?.plan ?? PlanLoader.defaultPlan()
                return try PlanFileWriter().yaml(withoutActions ? plan : try await store.actions(authority: la).carried(into: plan))
            }
            if let out { try Data(yaml.utf8).write(to: URL(fileURLWithPath: out)) } else { print(yaml, terminator: "") }
        }
    }

    struct Target: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a KPI's target from a date on; earlier periods keep the target they had.",
            discussion: "Example: oversight plan target --la 358 --ambition 2 --measure rereferrals_12m_pct --target 18 --from 2025-04-01 --reason \"Board, March 2025\""
        )
        @Option(help: "Local authority code.") var la: String
        @Option(help: "The ambition's number.") var ambition: Int
        @Option(help: "The KPI's measure id.") var measure: String
        @Option(help: "The new target: a number, below-last-year, above-last-year, sn-average, increase, decrease or monitor.") var target: String
        @Option(help: "The first day the new target applies to (YYYY-MM-DD).") var from: String
        @Option(help: "Why it changed.") var reason: String = ""
        func run() throws {
            guard let t = OversightCore.Target(token: target) else { throw CLIError.usage("the target '\(target)' is not understood") }
            guard let day = Day.parseISO(Substring(from)) else { throw CLIError.usage("--from must be a date as YYYY-MM-DD") }
            let plan = try PlanLoader.defaultPlan()
            guard plan.ambitions.first(where: { $0.number == ambition })?.kpis.contains(where: { $0.measure == measure }) ?? false else {
                throw CLIError.usage("ambition \(ambition) of the plan has no KPI on the measure \(measure)")
            }
            let change = TargetHistory.Change(
                ambition: ambition, measure: measure, effectiveFrom: day, target: t,
                by: ProcessInfo.processInfo.environment["USER"] ?? "unknown", at: Date(), reason: reason)
            let la = self.la
            try StoreSession.run { store in try await store.plans(authority: la).changeTarget(change) }
            print("From \(day.iso) the target of \(measure) (ambition \(ambition)) is \(t.token); earlier periods keep theirs.")
        }
    }
}
