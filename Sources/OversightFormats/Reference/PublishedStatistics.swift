import Foundation
import OversightCore

/// The DfE's published children's social care statistics, the ONS population estimates and the
/// statistical neighbour groupings, read from one folder (see `docs/comparators.md`).
///
/// Reading never fails as a whole: a missing or unreadable file is listed in `problems` and the
/// measures that need it have no published figures.
public struct PublishedStatistics: Sendable {
    /// Tidy tables by file name.
    public var tables: [String: PublishedTable]
    public var neighbourModels: [NeighbourModel: StatisticalNeighbours]
    /// Files that could not be used, with the reason, by file name.
    public var problems: [String: String]

    public init(tables: [String: PublishedTable], neighbourModels: [NeighbourModel: StatisticalNeighbours], problems: [String: String] = [:]) {
        self.tables = tables; self.neighbourModels = neighbourModels; self.problems = problems
    }

    /// Reads every file `PublishedMeasures` knows from `directory`. Throws `UnusableFileError`
    /// only when the folder itself cannot be read.
    public static func read(directory: URL) throws -> PublishedStatistics {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UnusableFileError(file: directory.path, reason: "no such folder")
        }
        var tables: [String: PublishedTable] = [:]
        var problems: [String: String] = [:]
        for name in PublishedMeasures.tidyFiles {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { problems[name] = "not in the folder"; continue }
            do { tables[name] = try PublishedTable.read(url: url) } catch let e as UnusableFileError { problems[name] = e.reason } catch { problems[name] = "\(error)" }
        }
        var models: [NeighbourModel: StatisticalNeighbours] = [:]
        for (model, name) in [(NeighbourModel.y2021, PublishedMeasures.neighbours2021File), (.y2025, PublishedMeasures.neighbours2025File)] {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { problems[name] = "not in the folder"; continue }
            do { models[model] = try StatisticalNeighbours.read(url: url, model: model) } catch let e as UnusableFileError { problems[name] = e.reason } catch {
                problems[name] = "\(error)"
            }
        }
        return PublishedStatistics(tables: tables, neighbourModels: models, problems: problems)
    }

    /// The copy of the published statistics that Oversight carries (see `Resources/published/SOURCE.md`):
    /// the columns and rows the comparators use, from the files dated there. Read once per process.
    public static func bundled() throws -> PublishedStatistics {
        try bundledCopy.get()
    }

    /// The population table of the carried copy alone (`PublishedMeasures.populationFile`), for
    /// work that needs only rates per 10,000: a tenth of the time of reading every table.
    public static func bundledPopulation() throws -> PublishedStatistics {
        try bundledPopulationCopy.get()
    }

    /// Names the carried copy's exact bytes: its size and a 64-bit FNV-1a hash of them, written
    /// here when the copy is made (`oversight reference pack` prints it), so a cache keyed on it
    /// is not used with another copy and nothing is read to know it. A test checks it against
    /// the copy (`bundledFingerprint(of:)`).
    public static let bundledVersion = "dfe-published.zip 229381 8559fb8700bb86cd"

    /// The fingerprint `bundledVersion` holds, of an archive's bytes.
    public static func bundledFingerprint(of data: Data) -> String {
        let hash = data.withUnsafeBytes { bytes in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            return h
        }
        return "\(PublishedExtract.bundledArchiveName).zip \(data.count) \(String(hash, radix: 16))"
    }

    /// The carried archive's bytes, nil when missing from this build.
    public static func bundledArchive() -> Data? {
        Bundle.module.url(forResource: PublishedExtract.bundledArchiveName, withExtension: "zip", subdirectory: "Resources/published")
            .flatMap { try? Data(contentsOf: $0) }
    }

    private static let bundledCopy = readBundled { _ in true }
    private static let bundledPopulationCopy = readBundled { $0 == PublishedMeasures.populationFile }

    private static func readBundled(_ wanted: (String) -> Bool) -> Result<PublishedStatistics, UnusableFileError> {
        let name = PublishedExtract.bundledArchiveName
        guard let url = Bundle.module.url(forResource: name, withExtension: "zip", subdirectory: "Resources/published"),
            let data = try? Data(contentsOf: url)
        else {
            return .failure(UnusableFileError(file: "\(name).zip", reason: "the bundled published statistics are missing from this build"))
        }
        do {
            return .success(read(files: try PublishedExtract.unarchive(data, file: "\(name).zip", wanted: wanted)))
        } catch let e as UnusableFileError {
            return .failure(e)
        } catch { return .failure(UnusableFileError(file: "\(name).zip", reason: "\(error)")) }
    }

    /// Reads the tables of an extract, file name -> CSV bytes (as `PublishedExtract` writes them,
    /// or whole published files). Files it does not know are ignored; unusable ones are listed in `problems`.
    public static func read(files: [String: Data]) -> PublishedStatistics {
        var tables: [String: PublishedTable] = [:]
        var problems: [String: String] = [:]
        for name in PublishedMeasures.tidyFiles {
            guard let data = files[name] else { continue }
            do { tables[name] = try PublishedTable(csv: CSVFile.parse(data: data, path: name), file: name) } catch let e as UnusableFileError {
                problems[name] = e.reason
            } catch { problems[name] = "\(error)" }
        }
        var models: [NeighbourModel: StatisticalNeighbours] = [:]
        for model in NeighbourModel.allCases {
            let name = StatisticalNeighbours.fileName(model)
            guard let data = files[name] else { continue }
            do { models[model] = try StatisticalNeighbours(csv: CSVFile.parse(data: data, path: name), file: name, model: model) } catch let e as UnusableFileError {
                problems[name] = e.reason
            } catch { problems[name] = "\(error)" }
        }
        return PublishedStatistics(tables: tables, neighbourModels: models, problems: problems)
    }

    /// These statistics with every year that `newer` holds taken from `newer`: for each table, the
    /// rows of a year `newer` has replace this copy's rows of that year; a neighbour model in
    /// `newer` replaces this one's. Tables and years `newer` lacks are kept.
    public func replacingYears(with newer: PublishedStatistics) -> PublishedStatistics {
        var out = self
        for (name, table) in newer.tables {
            out.tables[name] = tables[name].map { $0.replacingYears(with: table) } ?? table
        }
        for (model, n) in newer.neighbourModels { out.neighbourModels[model] = n }
        return out
    }

    /// The ONS mid-year estimate of children aged 0-17 in local authority `la` (3-digit code) for
    /// mid-`midYear`. nil when not published. For a rate in reporting year Y (ending 31 March Y)
    /// use `midYear: Y - 1`.
    public func population(la: String, midYear: Int) -> Int? {
        population(.localAuthority(la), midYear: midYear)
    }

    /// The ONS mid-year estimate of children aged 0-17 for any geography.
    public func population(_ geography: Geography, midYear: Int) -> Int? {
        guard let v = tables[PublishedMeasures.populationFile]?.cell("population_estimate", year: midYear, geography: geography)?.value,
            v.isFinite, abs(v) < 1e12
        else { return nil }
        return Int(v)
    }

    /// The published figure of `measure` for `geography` in reporting year `year` (2025 = 2024-25).
    ///
    /// nil when the measure has no published equivalent, or its file, column or row is missing;
    /// `.suppressed`/`.blank` when the DfE did not publish the figure. Rates per 10,000 computed
    /// here use the population of mid-(`year` - 1).
    public func cell(measure: String, geography: Geography, year ours: Int) -> PublishedCell? {
        guard let mapping = PublishedMeasures.mapping(for: measure), let table = tables[mapping.file] else { return nil }
        let year = ours + mapping.yearOffset
        switch mapping.formula {
        case .column(let c):
            return table.cell(c, year: year, geography: geography, filters: mapping.filters)
        case .percentOf(let numerators, let denominator):
            guard let d = table.cell(denominator, year: year, geography: geography, filters: mapping.filters) else { return nil }
            var total = 0.0
            for n in numerators {
                guard let cell = table.cell(n, year: year, geography: geography, filters: mapping.filters) else { return nil }
                guard let v = cell.value else { return cell }
                total += v
            }
            guard let dv = d.value else { return d }
            return dv > 0 ? .number(100 * total / dv) : .suppressed("z")
        case .sumOf(let c, let over, let values):
            var total = 0.0
            for v in values {
                guard let cell = table.cell(c, year: year, geography: geography, filters: mapping.filters.merging([over: v]) { $1 }) else { return nil }
                guard let x = cell.value else { return cell }
                total += x
            }
            return .number(total)
        case .ratePer10k(let c):
            guard let count = table.cell(c, year: year, geography: geography, filters: mapping.filters) else { return nil }
            guard let n = count.value else { return count }
            guard let pop = population(geography, midYear: year - 1), pop > 0 else { return .blank }
            return .number(Double(n) / Double(pop) * 10_000)
        }
    }

    /// The published value of `measure`, or nil when unknown.
    public func value(measure: String, geography: Geography, year: Int) -> Double? {
        cell(measure: measure, geography: geography, year: year)?.value
    }

    /// Every local authority with a row for `measure` in `year`, with its cell.
    public func localAuthorityCells(measure: String, year: Int) -> [(la: String, cell: PublishedCell)] {
        guard let mapping = PublishedMeasures.mapping(for: measure), let table = tables[mapping.file] else { return [] }
        return table.localAuthorities(year: year + mapping.yearOffset).compactMap { la in
            cell(measure: measure, geography: .localAuthority(la), year: year).map { (la, $0) }
        }
    }

    /// The reporting years with published figures for `measure`, ascending.
    public func years(measure: String) -> [Int] {
        guard let mapping = PublishedMeasures.mapping(for: measure), let table = tables[mapping.file] else { return [] }
        return table.years.map { $0 - mapping.yearOffset }
    }

    /// The authority's name and region (code and name) as a published file states them for `year`.
    public func describe(la: String, year: Int) -> (name: String, regionCode: String?, regionName: String?)? {
        for name in PublishedMeasures.tidyFiles {
            guard let t = tables[name], let laName = t.text("la_name", year: year, geography: .localAuthority(la)) else { continue }
            let code = t.text("region_code", year: year, geography: .localAuthority(la))
            let region = t.text("region_name", year: year, geography: .localAuthority(la))
            return (laName, code?.isEmpty == true ? nil : code, region?.isEmpty == true ? nil : region)
        }
        return nil
    }
}
