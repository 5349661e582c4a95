import ArgumentParser
import Foundation
import OversightCore
import OversightFormats
import OversightStore

/// `oversight actions list`: the plan's actions with their owner, due date, status and RAG.
struct ActionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "actions", abstract: "The plan's actions.", subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Each action with its id, ambition, title, owner, due date, status and RAG.",
            discussion: """
                RAG: red when overdue or off track, amber when at risk or due within 30 days, green when on track or
                complete, not rated otherwise.
                Examples:
                  oversight actions list --la 358
                  oversight actions list --la 358 --overdue --format csv
                  oversight actions list --la 358 --due-soon --format json
                """)
        @Option(help: "Local authority code. Default: the only authority in the store.") var la: String?
        @Flag(help: "Only actions past their due date and not complete.") var overdue = false
        @Flag(help: "Only actions due in the next 30 days and not complete.") var dueSoon = false
        @Option(help: "table, csv or json.") var format: String = "table"

        struct Row: Encodable {
            var id: Int
            var ambition: Int
            var title: String
            var owner: String
            var due: String?
            var status: String
            var rag: String
            var latestUpdate: String?

            enum CodingKeys: String, CodingKey { case id, ambition, title, owner, due, status, rag, latestUpdate = "latest_update" }

            /// Every key written, a missing due date or update as null.
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(id, forKey: .id); try c.encode(ambition, forKey: .ambition); try c.encode(title, forKey: .title)
                try c.encode(owner, forKey: .owner); try c.encode(due, forKey: .due); try c.encode(status, forKey: .status)
                try c.encode(rag, forKey: .rag); try c.encode(latestUpdate, forKey: .latestUpdate)
            }
        }

        func run() throws {
            guard ["table", "csv", "json"].contains(format) else { throw CLIError.usage("--format must be table, csv or json, not '\(format)'") }
            let requested = la
            let today = Day(Date())
            let actions = try StoreSession.run { store in
                let authority = try await StoreSession.authority(requested, in: store)
                let repo = store.actions(authority: authority)
                // The plan's actions are tracked from the first time they are looked at, as the web does.
                if try await repo.all().isEmpty {
                    let plan = try await store.plans(authority: authority).current()?.plan ?? PlanLoader.defaultPlan()
                    _ = try await repo.seed(from: plan, owner: "Ambition lead", by: "oversight")
                }
                return try await repo.all()
            }
            let rows = actions.filter { a in (!overdue || a.isOverdue(on: today)) && (!dueSoon || a.isDueSoon(on: today)) }.map { a in
                Row(
                    id: a.id ?? 0, ambition: a.ambition, title: a.text, owner: a.owner, due: a.due?.iso, status: a.status.rawValue,
                    rag: a.rag(on: today).rawValue, latestUpdate: a.latestUpdate.map { $0.text.isEmpty ? $0.evidence : $0.text })
            }
            let header = ["id", "ambition", "title", "owner", "due", "status", "rag", "latest_update"]
            let cells = rows.map { [String($0.id), String($0.ambition), $0.title, $0.owner, $0.due ?? "", $0.status, $0.rag, $0.latestUpdate ?? ""] }
            switch format {
            case "json": print(try OrganisationOptions.json(rows))
            case "csv": print(([header] + cells).map { $0.map(LocalCSVWriter.escape).joined(separator: ",") }.joined(separator: "\n"))
            default: print(MeasureOutput.table(cells, header: header), terminator: "")
            }
        }
    }
}
