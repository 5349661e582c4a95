import ArgumentParser
import Foundation
import OversightCore
import OversightFormats

struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "Work with the folder of published statistics used for comparators.",
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Read every published file in a folder; report the measures it can compare and any file it cannot use.",
            discussion: "Exit status: 0 every file was read, 1 some file is missing or unreadable."
        )

        @Argument(help: "The folder of published statistics.") var directory: String

        func run() throws {
            let statistics = try ReferenceFolder.load(directory, requireFiles: false)
            print("Files")
            var fileRows: [[String]] = []
            for name in PublishedMeasures.tidyFiles {
                if let t = statistics.tables[name] {
                    let years = t.years
                    fileRows.append([name, "read", years.isEmpty ? "no years" : "\(years.first!)-\(years.last!)"])
                }
            }
            for model in NeighbourModel.allCases {
                let name = model == .y2021 ? PublishedMeasures.neighbours2021File : PublishedMeasures.neighbours2025File
                if let n = statistics.neighbourModels[model] { fileRows.append([name, "read", "\(n.neighbours.count) authorities"]) }
            }
            for (name, reason) in statistics.problems.sorted(by: { $0.key < $1.key }) { fileRows.append([name, "NOT USED", reason]) }
            ReferenceFolder.printTable(header: ["file", "status", "holds"], rows: fileRows)
            print("")
            print("Measures")
            var measureRows: [[String]] = []
            for m in PublishedMeasures.all {
                guard let table = statistics.tables[m.file] else { measureRows.append([m.measure, "no", "\(m.file) not read"]); continue }
                let missing = m.columns.filter { !table.hasColumn($0) }
                if !missing.isEmpty { measureRows.append([m.measure, "no", "no column \(missing.joined(separator: ", "))"]); continue }
                let years = statistics.years(measure: m.measure)
                measureRows.append([m.measure, "yes", years.isEmpty ? "no years" : "\(years.first!)-\(years.last!)"])
            }
            ReferenceFolder.printTable(header: ["measure", "comparable", "years or reason"], rows: measureRows)
            if !statistics.problems.isEmpty { throw ExitCode(1) }
        }
    }
}
