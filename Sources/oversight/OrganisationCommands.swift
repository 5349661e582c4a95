import ArgumentParser
import Foundation
import OversightApp
import OversightCore
import OversightFormats
import OversightStore

/// `oversight teams list` and `oversight workers list`: the organisation on a day, from the store.
struct TeamsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "teams", abstract: "The authority's teams.", subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Each team on a day: its service, its workers, the children they hold and the spread of their caseloads.",
            discussion: "Example: oversight teams list --la 358 --on 2025-03-31 --format json")
        @Option(help: "Local authority code. Default: the only authority in the store.") var la: String?
        @Option(help: "The day (yyyy-mm-dd). Default: today.") var on: String?
        @Option(help: "table or json.") var format: String = "table"

        func run() throws {
            let day = try OrganisationOptions.day(on)
            let teams = try OrganisationOptions.fromStore(la) { numbers, snapshot in numbers.teams(snapshot, on: day) }
            switch format {
            case "json": print(try OrganisationOptions.json(teams))
            case "table":
                print(
                    MeasureOutput.table(
                        teams.map {
                            [
                                $0.name, $0.service ?? "", String($0.workers.count), String($0.children), String($0.caseloadMin),
                                String(format: "%.1f", $0.caseloadMedian), String($0.caseloadMax),
                            ]
                        },
                        header: ["team", "service", "workers", "children", "caseload min", "median", "max"]), terminator: "")
            default: throw CLIError.usage("--format must be table or json, not '\(format)'")
            }
        }
    }
}

struct WorkersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "workers", abstract: "The authority's workers.", subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Each worker in a team on a day, with their caseload that day.",
            discussion: "Example: oversight workers list --la 358 --on 2025-03-31")
        @Option(help: "Local authority code. Default: the only authority in the store.") var la: String?
        @Option(help: "The day (yyyy-mm-dd). Default: today.") var on: String?
        @Option(help: "table, csv or json.") var format: String = "table"

        func run() throws {
            let day = try OrganisationOptions.day(on)
            let workers = try OrganisationOptions.fromStore(la) { numbers, snapshot in numbers.workers(snapshot, on: day) }
            let rows = workers.map {
                [
                    $0.id, $0.name ?? "", $0.role ?? "", $0.fte.map { String($0) } ?? "", $0.employment ?? "", $0.team, $0.service ?? "", $0.start, $0.leave ?? "",
                    String($0.caseload),
                ]
            }
            let header = ["worker", "name", "role", "fte", "employment", "team", "service", "start", "leave", "caseload"]
            switch format {
            case "json": print(try OrganisationOptions.json(workers))
            case "csv": print(([header] + rows).map { $0.map(LocalCSVWriter.escape).joined(separator: ",") }.joined(separator: "\n"))
            case "table": print(MeasureOutput.table(rows, header: header), terminator: "")
            default: throw CLIError.usage("--format must be table, csv or json, not '\(format)'")
            }
        }
    }
}

enum OrganisationOptions {
    /// `answer` from the application layer's snapshot of the authority `la` (the only one in the store when nil).
    static func fromStore<T: Sendable>(_ la: String?, _ answer: @escaping @Sendable (AuthorityNumbers, AuthoritySnapshot) -> T) throws -> T {
        try StoreSession.run { store in
            let authority = try await StoreSession.authority(la, in: store)
            let numbers = AuthorityNumbers(store: store, statistics: nil, defaultPlan: try PlanLoader.defaultPlan())
            return answer(numbers, try await numbers.snapshot(authority: authority))
        }
    }

    static func day(_ text: String?) throws -> Day {
        guard let text else { return Day(Date()) }
        guard let d = Day.parseTyped(text) else { throw CLIError.usage("--on must be a date (yyyy-mm-dd), not '\(text)'") }
        return d
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try e.encode(value), as: UTF8.self)
    }
}
