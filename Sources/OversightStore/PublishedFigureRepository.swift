import FluentKit
import Foundation
import OversightFormats

/// Newer published statistics imported into the store, year by year, over the copy Oversight
/// carries. The figures are national (every authority's), so they belong to no one authority.
public struct PublishedFigureRepository: Sendable {
    let store: Store
    let clock: @Sendable () -> Date

    /// One stored year of a published file.
    public struct StoredYear: Sendable, Equatable {
        public var file: String
        public var year: Int
        public var source: String
        public var importedAt: Date
        public var importedBy: String
    }

    /// The statistics to use: `base` (normally `PublishedStatistics.bundled()`) with every stored
    /// year in place of its own copy of that year. With `onlyFile`, only that file's stored years
    /// are read (for a `base` that holds that table alone).
    public func statistics(base: PublishedStatistics, onlyFile: String? = nil) async throws -> PublishedStatistics {
        var query = PublishedFileModel.query(on: store.database)
        if let onlyFile { query = query.filter(\.$file == onlyFile) }
        let models = try await query.sort(\.$file).sort(\.$year).all()
        guard !models.isEmpty else { return base }
        var files: [String: [[String]]] = [:]
        var headers: [String: [String]] = [:]
        for m in models {
            let csv = CSVFile.parse(data: Data(m.content.utf8), path: m.file)
            if headers[m.file] == nil { headers[m.file] = csv.header }
            let header = headers[m.file]!
            // Years stored from files of different layouts are aligned by column name.
            files[m.file, default: []] += csv.rows.map { row in
                header.map { h in csv.header.firstIndex(of: h).flatMap { $0 < row.count ? row[$0] : nil } ?? "" }
            }
        }
        var data: [String: Data] = [:]
        for (file, rows) in files { data[file] = Data(PublishedExtract.csvText(header: headers[file]!, rows: rows).utf8) }
        return base.replacingYears(with: PublishedStatistics.read(files: data))
    }

    /// What identifies the stored years of `file` without reading them: each year with the
    /// moment it was imported ("" when none is stored). Equal versions mean equal stored figures.
    public func version(file: String) async throws -> String {
        try await PublishedFileModel.query(on: store.database).filter(\.$file == file).field(\.$year).field(\.$importedAt)
            .sort(\.$year).all()
            .map { "\($0.year)@\(Int64(($0.importedAt.timeIntervalSince1970 * 1000).rounded()))" }.joined(separator: ",")
    }

    /// Every stored year, by file then year.
    public func list() async throws -> [StoredYear] {
        try await PublishedFileModel.query(on: store.database).sort(\.$file).sort(\.$year).all().map {
            StoredYear(file: $0.file, year: $0.year, source: $0.source, importedAt: $0.importedAt, importedBy: $0.importedBy)
        }
    }

    /// Imports an extract (file name -> CSV text, from `PublishedExtract.extract`), year by year,
    /// in one transaction: a year that is new or differs from the figures in use (`base` with
    /// the years stored before) is stored, replacing a stored copy; an unchanged year is left.
    /// Returns what changed, by file then year.
    public func importExtract(_ files: [String: String], source: String, by user: String, base: PublishedStatistics) async throws -> [PublishedYearChange] {
        let current = try await statistics(base: base)
        var changes: [PublishedYearChange] = []
        var toStore: [(file: String, year: Int, text: String)] = []
        for file in files.keys.sorted() {
            for (year, text) in PublishedExtract.splitByYear(files[file]!, file: file).sorted(by: { $0.key < $1.key }) {
                let change = PublishedYearChange.compare(file: file, year: year, old: PublishedExtract.text(of: current, file: file, year: year), new: text)
                changes.append(change)
                if change.status != .unchanged { toStore.append((file, year, text)) }
            }
        }
        let now = clock(), pending = toStore
        try await store.database.transaction { db in
            for item in pending {
                try await PublishedFileModel.query(on: db).filter(\.$file == item.file).filter(\.$year == item.year).delete()
                let m = PublishedFileModel()
                m.file = item.file; m.year = item.year; m.content = item.text; m.source = source; m.importedAt = now; m.importedBy = user
                try await m.create(on: db)
            }
        }
        return changes
    }
}
