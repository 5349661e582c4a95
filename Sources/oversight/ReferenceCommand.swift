import ArgumentParser
import Foundation
import OversightCore
import OversightFormats
import OversightStore

struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "The DfE's published statistics used for comparators and rates: check a folder, import newer years, list what is in use.",
        discussion: """
            Oversight carries a dated copy of the published figures it uses (see docs/comparators.md). \
            `oversight reference import FOLDER` loads newer files of the same layout into the store, year \
            by year; they are used in place of the carried copy's years from then on (restart a running \
            `oversight serve` to see them).
            """,
        subcommands: [Check.self, Import.self, List.self, Pack.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Load newer published statistics files into the store, year by year, and report what changed.",
            discussion: """
                Reads the files Oversight uses from FOLDER (the Explore Education Statistics CSV files, \
                the ONS population estimates and the statistical neighbour tables, named as published: \
                `oversight reference check FOLDER` lists them), keeps the columns and rows the comparators \
                read, and stores every year that is new or differs from the figures in use, in one \
                transaction. Files missing from the folder are left as they are. Exit status: 0 imported, \
                2 the folder holds none of the files or the store cannot be written.
                """
        )

        @Argument(help: "The folder of published statistics files.") var directory: String
        @Option(help: "Who is importing (recorded with each stored year).") var user: String = NSUserName()
        @Option(help: "table or json.") var format: String = "table"

        func run() throws {
            guard format == "table" || format == "json" else { throw CLIError.usage("--format must be table or json") }
            let extract: (files: [String: String], problems: [String: String])
            do { extract = try PublishedExtract.extract(directory: URL(fileURLWithPath: directory)) } catch let e as UnusableFileError {
                throw CLIError.usage("cannot read the folder \(e.file): \(e.reason)")
            }
            guard !extract.files.isEmpty else {
                throw CLIError.usage("\(directory) holds none of the published statistics files; run `oversight reference check \(directory)` to see what is expected")
            }
            let base: PublishedStatistics
            do { base = try PublishedStatistics.bundled() } catch let e as UnusableFileError { throw CLIError.usage("\(e.file): \(e.reason)") }
            let source = URL(fileURLWithPath: directory).standardizedFileURL.lastPathComponent
            let files = extract.files, user = user
            let changes = try StoreSession.run { store in
                try await store.publishedFigures().importExtract(files, source: source, by: user, base: base)
            }
            if format == "json" {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(changes), as: UTF8.self))
                return
            }
            let rows = changes.filter { $0.status != .unchanged }.map { c in
                [c.file, c.year == 0 ? "model" : "\(c.year - 1)-\(String(c.year).suffix(2))", c.status.rawValue, "\(c.rowsAdded)", "\(c.rowsRemoved)", "\(c.figuresChanged)"]
            }
            let unchanged = changes.filter { $0.status == .unchanged }.count
            if rows.isEmpty {
                print("Nothing changed: every year in \(directory) matches the figures in use (\(unchanged) file-years).")
            } else {
                ReferenceFolder.printTable(header: ["file", "year", "status", "rows added", "rows removed", "figures changed"], rows: rows)
                print("\(rows.count) file-years stored; \(unchanged) unchanged.")
            }
            let absent = extract.problems.filter { $0.value == "not in the folder" }.keys.sorted()
            if !absent.isEmpty { print("\(absent.count) of the files Oversight uses are not in the folder; their figures are left as they are.") }
            for (name, reason) in extract.problems.sorted(by: { $0.key < $1.key }) where reason != "not in the folder" {
                print("not read: \(name): \(reason)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "The published statistics in use: the carried copy's years, and the years imported into the store."
        )

        func run() throws {
            let base: PublishedStatistics
            do { base = try PublishedStatistics.bundled() } catch let e as UnusableFileError { throw CLIError.usage("\(e.file): \(e.reason)") }
            let configuration = StoreConfiguration.fromEnvironment()
            var stored: [PublishedFigureRepository.StoredYear] = []
            if case .sqlite(let path) = configuration, !FileManager.default.fileExists(atPath: path) {
                stored = []
            } else {
                stored = try StoreSession.run(configuration: configuration) { try await $0.publishedFigures().list() }
            }
            var rows: [[String]] = []
            for name in PublishedMeasures.tidyFiles {
                let years = base.tables[name]?.years ?? []
                let imported = stored.filter { $0.file == name }
                rows.append([
                    name, years.isEmpty ? "-" : "\(years.first!)-\(years.last!)",
                    imported.isEmpty ? "-" : imported.map { String($0.year) }.joined(separator: ", "),
                ])
            }
            for model in NeighbourModel.allCases {
                let name = StatisticalNeighbours.fileName(model)
                rows.append([name, base.neighbourModels[model] == nil ? "-" : "model", stored.contains { $0.file == name } ? "model" : "-"])
            }
            ReferenceFolder.printTable(header: ["file", "carried (years)", "imported into the store (years)"], rows: rows)
            if let last = stored.max(by: { $0.importedAt < $1.importedAt }) {
                print("Last import: \(last.source) by \(last.importedBy) at \(ISO8601DateFormatter().string(from: last.importedAt)).")
            }
        }
    }

    struct Pack: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pack",
            abstract: "For developers: write the carried copy of the published statistics from a folder of the published files.",
            discussion: "Writes the archive that Sources/OversightFormats/Resources/published/ holds: the columns and rows the comparators read, deflated."
        )

        @Argument(help: "The folder of published statistics files.") var directory: String
        @Option(help: "The archive to write.") var out: String = "Sources/OversightFormats/Resources/published/dfe-published.zip"

        func run() throws {
            let extract: (files: [String: String], problems: [String: String])
            do { extract = try PublishedExtract.extract(directory: URL(fileURLWithPath: directory)) } catch let e as UnusableFileError {
                throw CLIError.usage("cannot read the folder \(e.file): \(e.reason)")
            }
            guard extract.problems.isEmpty else {
                throw CLIError.usage("every file is needed: " + extract.problems.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; "))
            }
            let data = try PublishedExtract.archive(extract.files)
            try data.write(to: URL(fileURLWithPath: out))
            let raw = extract.files.values.reduce(0) { $0 + $1.utf8.count }
            print("Wrote \(out): \(extract.files.count) files, \(raw) bytes of CSV, \(data.count) bytes packed.")
            let fingerprint = PublishedStatistics.bundledFingerprint(of: data)
            if fingerprint != PublishedStatistics.bundledVersion {
                print("Set PublishedStatistics.bundledVersion to \"\(fingerprint)\" (the caches key on it).")
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Read every published file in a folder; report the measures it can compare and any file it cannot use.",
            discussion: "Exit status: 0 every file was read, 1 some file is missing or unreadable."
        )

        @Argument(help: "The folder of published statistics.") var directory: String

        func run() throws {
            let statistics = try ReferenceFolder.folder(directory, requireFiles: false)
            print("Files")
            var fileRows: [[String]] = []
            for name in PublishedMeasures.tidyFiles {
                if let t = statistics.tables[name] {
                    let years = t.years
                    fileRows.append([name, "read", years.isEmpty ? "no years" : "\(years.first!)-\(years.last!)"])
                }
            }
            for model in NeighbourModel.allCases {
                let name = StatisticalNeighbours.fileName(model)
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
