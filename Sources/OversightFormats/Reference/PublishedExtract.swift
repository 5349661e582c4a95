import Foundation
import ZIPFoundation

/// The compact copy of the DfE's published statistics that Oversight carries: from each file that
/// `PublishedMeasures` reads, only the columns and rows it uses.
///
/// The same extract is made when the repository's bundled copy is packed
/// (`oversight reference pack`) and when an authority imports newer published files
/// (`oversight reference import`), so a bundled and an imported year read alike.
public enum PublishedExtract {
    /// The columns kept from every tidy file (where the file has them): where and when a row is for.
    public static let locationColumns = ["time_period", "geographic_level", "old_la_code", "region_code", "region_name", "la_name"]

    /// The name of the bundled archive in the module's resources.
    public static let bundledArchiveName = "dfe-published"

    /// The columns of `file` that the mapping reads: location, breakdown filters and values.
    /// Columns named by no mapping are dropped. The population file keeps its estimate.
    public static func columns(for file: String) -> [String] {
        var wanted = locationColumns
        func add(_ c: String) { if !wanted.contains(c) { wanted.append(c) } }
        for m in PublishedMeasures.all where m.file == file {
            for c in m.filters.keys.sorted() { add(c) }
            for c in m.columns { add(c) }
        }
        if file == PublishedMeasures.populationFile { add("population_estimate") }
        return wanted
    }

    /// Whether a row of `file` is one some mapping can read: it matches every filter of at least
    /// one mapping of the file (a mapping without filters reads every row).
    static func rowFilters(for file: String) -> [[String: String]]? {
        let mappings = PublishedMeasures.all.filter { $0.file == file }
        if mappings.isEmpty || mappings.contains(where: { $0.filters.isEmpty }) { return nil }
        return mappings.map(\.filters)
    }

    /// The kept part of a tidy file: its used columns (in the order of `columns(for:)`, those the
    /// file has) and the rows a mapping can read, values trimmed of white space.
    public static func trim(_ csv: CSVFile, file: String) -> (header: [String], rows: [[String]]) {
        let header = csv.header.map { $0.replacingOccurrences(of: "\u{FEFF}", with: "").trimmingCharacters(in: .whitespaces) }
        var position: [String: Int] = [:]
        for (i, h) in header.enumerated() where position[h] == nil { position[h] = i }
        let kept = columns(for: file).filter { position[$0] != nil }
        let filters = rowFilters(for: file)
        func value(_ row: [String], _ column: String) -> String {
            guard let i = position[column], i < row.count else { return "" }
            return row[i].trimmingCharacters(in: .whitespaces)
        }
        var rows: [[String]] = []
        for row in csv.rows {
            if let filters, !filters.contains(where: { f in f.allSatisfy { value(row, $0.key) == $0.value } }) { continue }
            rows.append(kept.map { value(row, $0) })
        }
        return (kept, rows)
    }

    /// The kept part of a statistical neighbour table: the authority's code and its ten neighbours.
    public static func trimNeighbours(_ csv: CSVFile, model: NeighbourModel) -> (header: [String], rows: [[String]]) {
        let header = csv.header.map { $0.replacingOccurrences(of: "\u{FEFF}", with: "").trimmingCharacters(in: .whitespaces) }
        let names = [StatisticalNeighbours.codeColumn(model)] + (1...10).map { StatisticalNeighbours.neighbourColumn($0, model: model) }
        let positions = names.compactMap { n in header.firstIndex(of: n) }
        guard positions.count == names.count else { return (header, csv.rows) }
        let rows = csv.rows.map { row in positions.map { $0 < row.count ? row[$0].trimmingCharacters(in: .whitespaces) : "" } }
        return (names, rows.filter { !$0[0].isEmpty })
    }

    /// CSV text (RFC 4180, LF line ends) of a header and rows.
    public static func csvText(header: [String], rows: [[String]]) -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var out = header.map(field).joined(separator: ",") + "\n"
        for r in rows { out += r.map(field).joined(separator: ",") + "\n" }
        return out
    }

    /// Every file of a published folder, trimmed, as CSV text by file name. Files missing from the
    /// folder are left out and named in `problems`.
    public static func extract(directory: URL) throws -> (files: [String: String], problems: [String: String]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UnusableFileError(file: directory.path, reason: "no such folder")
        }
        var files: [String: String] = [:]
        var problems: [String: String] = [:]
        for name in PublishedMeasures.tidyFiles {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { problems[name] = "not in the folder"; continue }
            do {
                let csv = try CSVFile.read(url: url, displayPath: name)
                _ = try PublishedTable(csv: csv, file: name) // refuses a file without the tidy layout
                let t = trim(csv, file: name)
                files[name] = csvText(header: t.header, rows: t.rows)
            } catch let e as UnusableFileError { problems[name] = e.reason } catch { problems[name] = "\(error)" }
        }
        for model in NeighbourModel.allCases {
            let name = StatisticalNeighbours.fileName(model)
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { problems[name] = "not in the folder"; continue }
            do {
                let csv = try CSVFile.read(url: url, displayPath: name)
                _ = try StatisticalNeighbours(csv: csv, file: name, model: model)
                let t = trimNeighbours(csv, model: model)
                files[name] = csvText(header: t.header, rows: t.rows)
            } catch let e as UnusableFileError { problems[name] = e.reason } catch { problems[name] = "\(error)" }
        }
        return (files, problems)
    }

    /// An extract's CSV text split by reporting year (`time_period`), each part with the header.
    /// A neighbour table, which has no years, is one part under year 0.
    public static func splitByYear(_ text: String, file: String) -> [Int: String] {
        let csv = CSVFile.parse(data: Data(text.utf8), path: file)
        guard let yearColumn = csv.header.firstIndex(of: "time_period") else { return [0: text] }
        var rows: [Int: [[String]]] = [:]
        for row in csv.rows {
            guard yearColumn < row.count, let y = Int(row[yearColumn]) else { continue }
            rows[y, default: []].append(row)
        }
        return rows.mapValues { csvText(header: csv.header, rows: $0) }
    }

    /// The CSV text of `statistics`' copy of `file` for `year` (0: a neighbour model), as
    /// `splitByYear` would give it; nil when it has none.
    public static func text(of statistics: PublishedStatistics, file: String, year: Int) -> String? {
        if year == 0 {
            guard let model = NeighbourModel.allCases.first(where: { StatisticalNeighbours.fileName($0) == file }),
                let n = statistics.neighbourModels[model]
            else { return nil }
            let header = [StatisticalNeighbours.codeColumn(model)] + (1...10).map { StatisticalNeighbours.neighbourColumn($0, model: model) }
            let rows = n.neighbours.keys.sorted().map { code in [code] + (0..<10).map { i in i < n.neighbours[code]!.count ? n.neighbours[code]![i] : "" } }
            return csvText(header: header, rows: rows)
        }
        guard let table = statistics.tables[file] else { return nil }
        let rows = table.rows(year: year)
        return rows.isEmpty ? nil : csvText(header: table.header, rows: rows)
    }

    /// A deflated zip archive of `files` (name -> CSV text), entries in name order.
    public static func archive(_ files: [String: String]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for name in files.keys.sorted() {
            let bytes = Data(files[name]!.utf8)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: Date(timeIntervalSince1970: 1_767_225_600),
                compressionMethod: .deflate
            ) { pos, size in
                bytes.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        guard let data = archive.data else { throw UnusableFileError(file: "archive", reason: "the archive could not be written") }
        return data
    }

    /// The files of an archive made by `archive(_:)`, name -> bytes: those `wanted` accepts.
    public static func unarchive(_ data: Data, file: String, wanted: (String) -> Bool = { _ in true }) throws -> [String: Data] {
        let archive: BoundedZip
        do { archive = try BoundedZip(data: data) } catch { throw UnusableFileError(file: file, reason: "not a zip archive") }
        var out: [String: Data] = [:]
        for entry in archive.entries where !entry.isDirectory && wanted(entry.path) {
            do {
                out[entry.path] = try archive.contents(entry, limit: 256 << 20)
            } catch {
                throw UnusableFileError(file: file, reason: "the archive is damaged: \(entry.path) cannot be read")
            }
        }
        return out
    }
}
