import ArgumentParser
import Foundation
import OversightCore
import OversightFormats
import OversightApp
import OversightStore

struct ComparatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comparators",
        abstract: "Show a local authority's published figures beside England, its region and its statistical neighbours.",
        discussion: """
            Uses the DfE's published statistics, the ONS population estimates and the statistical neighbour \
            tables that Oversight carries, with any newer years imported into the store by \
            `oversight reference import`; --reference (or OVERSIGHT_REFERENCE) reads a folder of the \
            published files instead. See docs/comparators.md.
            """
    )

    @Option(help: "The local authority's 3-digit DfE code, e.g. 358.") var la: String
    @Option(help: "Reporting year: 2025 means April 2024 to March 2025.") var year: Int
    @Option(help: "Folder of published statistics to use instead of the copy Oversight carries (default: $OVERSIGHT_REFERENCE).") var reference: String?
    @Option(help: "Statistical neighbour model: 2021 or 2025.") var neighbours: String = "2025"
    @Option(help: "table or json.") var format: String = "table"

    func run() throws {
        guard let model = NeighbourModel(rawValue: neighbours) else {
            throw ValidationError("--neighbours must be 2021 or 2025, not '\(neighbours)'.")
        }
        guard format == "table" || format == "json" else { throw ValidationError("--format must be table or json, not '\(format)'.") }
        let statistics = try ReferenceFolder.load(reference)
        guard statistics.describe(la: la, year: year) != nil else {
            throw ReferenceFolderError(
                message: "No published figures for local authority '\(la)' in \(year). Use the 3-digit DfE code (Trafford is 358) and a year the files hold.")
        }
        let summaries = PublishedMeasures.all.compactMap {
            Comparators.summary(measure: $0.measure, la: la, year: year, statistics: statistics, model: model)
        }
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(summaries), as: UTF8.self))
            return
        }
        let first = summaries.first
        print("\(first?.laName ?? la) (\(la)), \(year - 1)-\(String(year).suffix(2)); region \(first?.regionName ?? "unknown"); neighbours: \(model.rawValue) model")
        let rows = summaries.map { s -> [String] in
            let unit = Plan.measureDefinition(s.measure)?.unit ?? .percent
            let f = { (v: Double?) in ReferenceFolder.format(v, unit: unit) }
            let unknown = s.neighboursUnknown > 0 ? " (\(s.neighboursUnknown) unknown)" : ""
            return [
                s.measure, f(s.laValue), f(s.england), f(s.region), f(s.neighbourMean) + unknown, f(s.neighbourMedian),
                s.rank.map { "\($0) of \(s.rankedCount)" } ?? "-", s.quartile.map(String.init) ?? "-",
            ]
        }
        ReferenceFolder.printTable(header: ["measure", "LA", "England", "region", "SN mean", "SN median", "rank", "quartile"], rows: rows)
        print("Rank and quartile: 1 is best by the measure's polarity; for context-only measures, lowest first. '-' is not published or suppressed.")
    }
}

/// A problem with the published statistics folder or what was asked of it, shown as plain words
/// without the usage text.
struct ReferenceFolderError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Shared by the reference commands: finding the folder and printing.
enum ReferenceFolder {
    /// Reads the folder named by `option`, else `$OVERSIGHT_REFERENCE`; when neither is set, the
    /// statistics in use (`inUse`). With `requireFiles`, a folder holding none of the expected
    /// files is an error.
    static func load(_ option: String?, requireFiles: Bool = true, store: StoreConfiguration = .fromEnvironment()) throws -> PublishedStatistics {
        guard let path = option ?? ProcessInfo.processInfo.environment["OVERSIGHT_REFERENCE"], !path.isEmpty else {
            return try inUse(store: store)
        }
        return try folder(path, requireFiles: requireFiles)
    }

    /// The copy of the published statistics Oversight carries, with every year imported into the
    /// store (`oversight reference import`) in place of its own; the carried copy alone when the
    /// store's SQLite file does not exist yet.
    static func inUse(store configuration: StoreConfiguration = .fromEnvironment()) throws -> PublishedStatistics {
        let base: PublishedStatistics
        do { base = try PublishedStatistics.bundled() } catch let e as UnusableFileError {
            throw ReferenceFolderError(message: "Cannot read \(e.file): \(e.reason).")
        }
        if case .sqlite(let path) = configuration, !FileManager.default.fileExists(atPath: path) { return base }
        return try StoreSession.run(configuration: configuration) { try await $0.publishedFigures().statistics(base: base) }
    }

    /// `load` for a command that has the store open already.
    static func inUse(folder option: String?, store: Store) async throws -> PublishedStatistics {
        if let path = option ?? ProcessInfo.processInfo.environment["OVERSIGHT_REFERENCE"], !path.isEmpty { return try folder(path) }
        do { return try await store.publishedFigures().statistics(base: try PublishedStatistics.bundled()) } catch let e as UnusableFileError {
            throw ReferenceFolderError(message: "Cannot read \(e.file): \(e.reason).")
        }
    }

    /// The population figures in use, for rates per 10,000: the carried population table with the
    /// years imported into the store, read only when needed (their version is the carried copy's
    /// name and the stored years' import times); or the folder's, read at once.
    static func populationFigures(folder option: String?, store: Store) async throws -> AuthorityNumbers.PopulationFigures {
        if let path = option ?? ProcessInfo.processInfo.environment["OVERSIGHT_REFERENCE"], !path.isEmpty {
            let statistics = try folder(path)
            // The folder's population file as it is now: a changed file is another version.
            let file = URL(fileURLWithPath: path).appendingPathComponent(PublishedMeasures.populationFile).path
            let attributes = try? FileManager.default.attributesOfItem(atPath: file)
            let stamp = "\((attributes?[.size] as? Int) ?? 0)@\((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
            return .init(version: "folder \(path) \(stamp)", load: { statistics })
        }
        let stored = try await store.publishedFigures().version(file: PublishedMeasures.populationFile)
        return .init(version: "\(PublishedStatistics.bundledVersion)+\(stored)") {
            do {
                return try await store.publishedFigures().statistics(
                    base: try PublishedStatistics.bundledPopulation(), onlyFile: PublishedMeasures.populationFile)
            } catch let e as UnusableFileError {
                throw ReferenceFolderError(message: "Cannot read \(e.file): \(e.reason).")
            }
        }
    }

    /// Reads a folder of published files.
    static func folder(_ path: String, requireFiles: Bool = true) throws -> PublishedStatistics {
        do {
            let statistics = try PublishedStatistics.read(directory: URL(fileURLWithPath: path))
            if requireFiles && statistics.tables.isEmpty {
                throw ReferenceFolderError(message: "\(path) holds none of the published statistics files; run 'oversight reference check \(path)' to see what is expected.")
            }
            return statistics
        } catch let e as UnusableFileError {
            throw ReferenceFolderError(message: "Cannot read the published statistics folder \(e.file): \(e.reason).")
        }
    }

    static func format(_ v: Double?, unit: MeasureUnit) -> String {
        guard let v else { return "-" }
        return unit == .count ? String(Int(v.rounded())) : String(format: "%.1f", v)
    }

    static func printTable(header: [String], rows: [[String]]) {
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
        for (n, row) in all.enumerated() {
            let cells = row.enumerated().map { i, c in
                i == 0
                    ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[i] - c.count) + c
            }
            print(cells.joined(separator: "  "))
            if n == 0 { print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
    }
}
