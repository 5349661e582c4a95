import Crypto
import FluentKit
import Foundation
import OversightCore
import OversightFormats
import SQLKit

/// Imports of data files into the store: validate, store all or nothing, list, undo.
/// Every call is scoped to one local authority.
public struct ImportRepository: Sendable {
    let store: Store
    let clock: @Sendable () -> Date
    /// Called once inside the import transaction after half the records are inserted (tests).
    var midway: (@Sendable () async throws -> Void)? = nil

    /// Number of records inserted per statement.
    static let chunkSize = 500

    /// Reads, validates and stores the files under `paths` as one import for authority `authority`.
    ///
    /// Every file is read (folders walked, files in path order as `FileLoader` orders them) and
    /// validated with `ValidationRunner`; the findings are stored with the import, and records of
    /// rows with errors are stored too, flagged. All files go in one transaction, which also
    /// deletes the authority's cached measures and raises its revision by one
    /// (`Store.revision(authority:)`): if anything fails, nothing is stored. When an active import of the same authority holds exactly these
    /// files (by SHA-256), nothing is stored and `.unchanged` names it.
    ///
    /// Memory: validation holds the raw tables of all the files (the DfE rules compare tables
    /// and years); they are dropped before storing, which then reads, encodes and inserts one
    /// file at a time, so the typed records of only one file are held at once.
    ///
    /// `progress`, when given, is called from the importing task as each phase advances (see
    /// `ImportProgress`); keep it quick.
    ///
    /// Throws `StoreError.badInput` when a path does not exist or no file under them is usable.
    public func importFiles(
        paths: [String], authority: String, user: String, defaultYear: Int? = nil,
        progress: (@Sendable (ImportProgress) -> Void)? = nil
    ) async throws -> ImportOutcome {
        let report: @Sendable (ImportProgress.Phase, Int, Int) -> Void = { phase, done, total in
            progress?(ImportProgress(phase: phase, done: done, total: total))
        }
        let (fileList, missing) = FileLoader.files(under: paths)
        if !missing.isEmpty { throw StoreError.badInput("no such file or folder: \(missing.joined(separator: ", "))") }
        if fileList.isEmpty { throw StoreError.badInput("no data files (.csv, .xml, .xlsx) under \(paths.joined(separator: ", "))") }

        var hashed: [(path: String, size: Int, sha: String)] = []
        report(.hashing, 0, fileList.count)
        for path in fileList {
            guard let (size, sha) = Self.sha256(path) else {
                throw StoreError.badInput("\(path) cannot be read (check its permissions)")
            }
            hashed.append((path, size, sha))
            report(.hashing, hashed.count, fileList.count)
        }
        if let existing = try await activeImport(withHashes: Set(hashed.map { $0.sha }), authority: authority) {
            report(.finished, 0, 0)
            return .unchanged(existing)
        }
        let (scanned, findings) = try Self.validate(hashed, defaultYear: defaultYear) { report(.reading, $0, hashed.count) }
        try await checkOrganisation(scanned, findings: findings.items, authority: authority)
        let errorRows = ValidationRunner.rowsWithErrors(findings.items)
        MemoryRelease.now()
        let totalRows = scanned.reduce(0) { $0 + $1.files.reduce(0) { $0 + $1.rows } }
        let pause = ProcessInfo.processInfo.environment["OVERSIGHT_TEST_IMPORT_PAUSE"].flatMap(Double.init)
        let years = Array(Set(scanned.flatMap { $0.files.compactMap { $0.collectionYear } })).sorted()
        let now = clock()

        let id: Int
        do {
            id = try await store.database.transaction { db in
                let imp = ImportModel(
                    laCode: authority, userName: user, importedAt: now, status: ImportStatus.active.rawValue,
                    collectionYears: years.map(String.init).joined(separator: ","))
                try await imp.create(on: db)
                let importID = try imp.requireID()
                let sql = db as! any SQLDatabase
                // The findings first, so that they can be dropped before the records are read.
                var start = 0
                while start < findings.items.count {
                    let end = min(start + Self.chunkSize, findings.items.count)
                    var insert = sql.insert(into: FindingModel.schema)
                        .columns("la_code", "import_id", "rule", "severity", "file", "table_name", "row_number", "child", "fields", "message")
                    for f in findings.items[start..<end] {
                        insert = insert.values(
                            [
                                authority, importID, f.rule, f.severity.rawValue, f.file, f.table, f.row, f.child,
                                f.fields.joined(separator: ","), f.message,
                            ] as [any Encodable & Sendable])
                    }
                    try await insert.run()
                    start = end
                }
                findings.items = []
                MemoryRelease.now()
                var rowsDone = 0
                var paused = false
                report(.storing, 0, totalRows)
                for (position, file) in scanned.enumerated() {
                    let caseData = FileLoader.load(paths: [file.path], defaultYear: defaultYear, keepRaw: false).caseData
                    let records = RecordCodec.Chunks(caseData)
                    let errorRowsHere = errorRows[file.path] ?? []
                    let fileRows = file.files.reduce(0) { $0 + $1.rows }
                    let m = ImportFileModel()
                    m.laCode = authority; m.importID = importID; m.position = position; m.path = file.path
                    m.size = file.size; m.sha256 = file.sha
                    m.format = file.files.first?.format ?? "unknown"
                    m.tableName = file.files.map(\.table).joined(separator: ",")
                    m.collectionYear = file.files.compactMap(\.collectionYear).first
                    m.rowsRead = fileRows
                    m.rowsStored = records.count
                    m.blankChildIDs = String(decoding: try JSONEncoder().encode(caseData.blankChildIDs), as: UTF8.self)
                    try await m.create(on: db)
                    let fileID = try m.requireID()
                    var sourceIDs: [Int] = []
                    for (i, sf) in caseData.files.enumerated() {
                        let s = SourceFileModel()
                        s.laCode = authority; s.importID = importID; s.importFileID = fileID; s.position = i
                        s.format = sf.format; s.tableName = sf.table; s.collectionYear = sf.collectionYear
                        try await s.create(on: db)
                        sourceIDs.append(try s.requireID())
                    }
                    for (i, sourceID) in sourceIDs.enumerated() {
                        let part = sourceIDs.count == 1 ? caseData : caseData.only(file: Int32(i))
                        for kind in RecordKind.allCases {
                            guard let block = BinaryRecordCodec.encode(kind, part) else { continue }
                            try await sql.insert(into: "record_blocks")
                                .columns("la_code", "import_id", "source_file_id", "kind", "records", "data")
                                .values(
                                    [
                                        authority, importID, sourceID, kind.rawValue, RecordCodec.count(part, kind),
                                        Data(block),
                                    ] as [any Encodable & Sendable]
                                )
                                .run()
                        }
                    }
                    var start = 0
                    while start < records.count {
                        let end = min(start + Self.chunkSize, records.count)
                        var insert = sql.insert(into: CaseRecordModel.schema)
                            .columns(
                                "la_code", "import_id", "source_file_id", "kind", "child", "natural_key", "collection_year",
                                "row_number", "seq", "has_error", "payload")
                        for r in records.records(start..<end) {
                            insert = insert.values(
                                [
                                    authority, importID, sourceIDs[Int(r.origin.file)], r.kind.rawValue, r.child, r.naturalKey, r.collectionYear,
                                    Int(r.origin.row), r.seq, errorRowsHere.contains(Int(r.origin.row)), "",
                                ] as [any Encodable & Sendable])
                        }
                        try await insert.run()
                        start = end
                        let done = rowsDone + fileRows * end / max(records.count, 1)
                        report(.storing, done, totalRows)
                        if !paused, done * 2 >= totalRows {
                            paused = true
                            if let midway { try await midway() }
                            if let pause {
                                FileHandle.standardError.write(Data("oversight: test pause after \(done) of \(totalRows) rows\n".utf8))
                                try await Task.sleep(nanoseconds: UInt64(pause * 1_000_000_000))
                            }
                        }
                    }
                    rowsDone += fileRows
                    report(.storing, rowsDone, totalRows)
                    MemoryRelease.now()
                }
                try await MeasureRepository.invalidate(authority: authority, on: db)
                try await AuthorityRevision.bump(authority, on: db)
                return importID
            }
        } catch {
            throw StoreError.from(error, configuration: store.configuration) ?? error
        }
        store.caseDataCache.invalidate(authority: authority)
        guard let summary = try await list(authority: authority).first(where: { $0.id.rawValue == id }) else {
            throw StoreError.unavailable("import \(id) was stored but cannot be read back")
        }
        report(.finished, totalRows, totalRows)
        return .imported(summary)
    }

    /// A file's size and SHA-256 (hex), read 4 MiB at a time; nil when it cannot be read.
    static func sha256(_ path: String) -> (Int, String)? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        var hasher = SHA256()
        var size = 0
        while true {
            let chunk: Data?
            do { chunk = try h.read(upToCount: 4 << 20) } catch { return nil }
            guard let chunk, !chunk.isEmpty else { break } // nil or empty: the end of the file
            size += chunk.count
            hasher.update(data: chunk)
        }
        return (size, hasher.finalize().map { String(format: "%02x", $0) }.joined())
    }

    /// The findings of an import's validation, handed to its transaction, which drops them once
    /// they are stored (a national-scale return can have hundreds of thousands).
    final class PendingFindings: @unchecked Sendable {
        // Used by one import task at a time.
        var items: [ValidationIssue]
        init(_ items: [ValidationIssue]) { self.items = items }
    }

    /// One file as scanned for an import: what it held. Its raw tables went to validation only.
    struct FileScan: Sendable {
        var path: String
        var size: Int
        var sha: String
        var files: [LoadedFile]
    }

    /// Reads every file's raw tables, validates them together and keeps only the findings and
    /// what each file held; `onFile` is called with the number of files read so far.
    static func validate(
        _ hashed: [(path: String, size: Int, sha: String)], defaultYear: Int?,
        onFile: (Int) -> Void = { _ in }
    ) throws -> ([FileScan], PendingFindings) {
        var combined = FileLoader.load(paths: [])
        var scans: [FileScan] = []
        for h in hashed {
            let l = FileLoader.load(paths: [h.path], defaultYear: defaultYear, buildCaseData: false)
            combined.files += l.files; combined.ssda903Tables += l.ssda903Tables; combined.cinChecks += l.cinChecks
            combined.annexA += l.annexA; combined.issues += l.issues; combined.unusable += l.unusable
            scans.append(FileScan(path: h.path, size: h.size, sha: h.sha, files: l.files))
            onFile(scans.count)
        }
        if combined.unusable.count == hashed.count {
            throw StoreError.badInput("no usable file:\n" + combined.unusable.map(\.description).joined(separator: "\n"))
        }
        return (scans, PendingFindings(ValidationRunner.validate(combined, defaultYear: defaultYear)))
    }

    /// Organisation files (workers, allocations) are taken whole or not at all: an error in one (a
    /// bad value, a worker in two teams at once, a child allocated twice at once, an allocation to
    /// a worker no workers file names) rejects the import before anything is stored, with every
    /// such finding located (file, row, field, rule). Allocations are checked against the workers
    /// file of the same import, else against the workers already stored for the authority.
    func checkOrganisation(_ scanned: [FileScan], findings: [ValidationIssue], authority: String) async throws {
        let orgFormats: Set<String> = ["workers-local", "allocations-local", "ssd-professionals", "ssd-involvements"]
        let paths = scanned.filter { $0.files.contains { orgFormats.contains($0.format) } }.map(\.path)
        guard !paths.isEmpty else { return }
        let inOrgFiles = Set(paths)
        var problems = findings.filter { $0.severity == .error && inOrgFiles.contains($0.file) }
        let org = FileLoader.load(paths: paths, buildCaseData: true)
        problems += org.issues.filter { $0.rule == "OV-ORG-WORKER" }
        let d = org.caseData
        if d.workers.isEmpty && !d.allocations.isEmpty {
            let stored = try await store.cases.caseData(authority: authority).workers
            if !stored.isEmpty {
                problems += LocalCSVReader.crossCheck(allocations: d.allocations, workers: stored, children: [], files: d.files)
            }
        }
        guard !problems.isEmpty else { return }
        let lines = problems.prefix(20).map { f in
            "\((f.file as NSString).lastPathComponent), row \(f.row.map(String.init) ?? "-"), \(f.fields.joined(separator: " and ")): [\(f.rule)] \(f.message)"
        }
        throw StoreError.badInput(
            "the organisation file\(paths.count == 1 ? " has" : "s have") \(problems.count) error\(problems.count == 1 ? "" : "s"), so nothing was imported; correct \(problems.count == 1 ? "it" : "them") and upload again:\n"
                + lines.joined(separator: "\n") + (problems.count > 20 ? "\nand \(problems.count - 20) more" : ""))
    }

    /// The active import of `authority` whose files have exactly these SHA-256 hashes, if any.
    func activeImport(withHashes hashes: Set<String>, authority: String) async throws -> ImportID? {
        let db = store.database
        let active = try await ImportModel.query(on: db).filter(\.$laCode == authority)
            .filter(\.$status == ImportStatus.active.rawValue).all()
        let ids = active.compactMap(\.id)
        guard !ids.isEmpty else { return nil }
        let files = try await ImportFileModel.query(on: db).filter(\.$laCode == authority).filter(\.$importID ~~ ids).all()
        let byImport = Dictionary(grouping: files, by: \.importID)
        for id in ids.sorted() where Set(byImport[id]?.map(\.sha256) ?? []) == hashes { return ImportID(id) }
        return nil
    }

    /// When the newest import of `authority` still in use was made; nil when none is.
    public func lastImportedAt(authority: String) async throws -> Date? {
        try await ImportModel.query(on: store.database).filter(\.$laCode == authority).filter(\.$status == ImportStatus.active.rawValue)
            .sort(\.$importedAt, .descending).first()?.importedAt
    }

    /// Every import of `authority`, oldest first.
    public func list(authority: String) async throws -> [ImportSummary] {
        let db = store.database
        let imports = try await ImportModel.query(on: db).filter(\.$laCode == authority).sort(\.$id).all()
        let files = try await ImportFileModel.query(on: db).filter(\.$laCode == authority).sort(\.$importID).sort(\.$position).all()
        let filesByImport = Dictionary(grouping: files, by: \.importID)
        // Counted by the database: a national-scale import can have hundreds of thousands of findings.
        struct SeverityCount: Decodable { var import_id: Int; var severity: String; var n: Int }
        let rows = try await (db as! any SQLDatabase)
            .raw("SELECT import_id, severity, COUNT(*) AS n FROM \(ident: FindingModel.schema) WHERE la_code = \(bind: authority) GROUP BY import_id, severity")
            .all(decoding: SeverityCount.self)
        var counts: [Int: [Severity: Int]] = [:]
        for r in rows { if let s = Severity(rawValue: r.severity) { counts[r.import_id, default: [:]][s, default: 0] += r.n } }
        return imports.map { m in
            let id = m.id ?? 0
            return ImportSummary(
                id: ImportID(id), authority: m.laCode, user: m.userName, importedAt: m.importedAt,
                status: ImportStatus(rawValue: m.status) ?? .active,
                collectionYears: m.collectionYears.split(separator: ",").compactMap { Int($0) },
                files: (filesByImport[id] ?? []).map {
                    ImportedFile(
                        path: $0.path, size: $0.size, sha256: $0.sha256, format: $0.format, table: $0.tableName,
                        collectionYear: $0.collectionYear, rowsRead: $0.rowsRead, rowsStored: $0.rowsStored)
                },
                findings: counts[id] ?? [:])
        }
    }

    /// Findings stored with import `id` of `authority`.
    public func findings(of id: ImportID, authority: String) async throws -> [ValidationIssue] {
        try await FindingModel.query(on: store.database).filter(\.$laCode == authority).filter(\.$importID == id.rawValue)
            .sort(\.$id).all().map(Self.issue)
    }

    /// One page of the findings stored with import `importID` of `authority` that match `filter`,
    /// in stored order, with how many match in all.
    ///
    /// Throws `StoreError.badInput` when `authority` has no such import (another authority's
    /// import is reported the same way) or the page is out of range.
    public func findings(importID: ImportID, authority: String, filter: FindingFilter = FindingFilter()) async throws -> FindingPage {
        guard filter.offset >= 0 else { throw StoreError.badInput("the findings page offset must be 0 or more, not \(filter.offset)") }
        guard (1...10_000).contains(filter.limit) else {
            throw StoreError.badInput("the findings page size must be 1 to 10,000, not \(filter.limit)")
        }
        let db = store.database
        guard try await ImportModel.query(on: db).filter(\.$laCode == authority).filter(\.$id == importID.rawValue).count() == 1 else {
            throw StoreError.badInput("authority \(authority) has no import \(importID) (`oversight imports list` shows them)")
        }
        let query = FindingModel.query(on: db).filter(\.$laCode == authority).filter(\.$importID == importID.rawValue)
        if let rule = filter.rule { query.filter(\.$rule == rule) }
        if let table = filter.table { query.filter(\.$tableName == table) }
        if let child = filter.child { query.filter(\.$child == child) }
        if let severity = filter.severity { query.filter(\.$severity == severity.rawValue) }
        let total = try await query.copy().count()
        let page = try await query.sort(\.$id).range(filter.offset..<(filter.offset + filter.limit)).all()
        return FindingPage(findings: page.map(Self.issue), total: total, filter: filter)
    }

    /// A stored finding as the validator reported it.
    static func issue(_ m: FindingModel) -> ValidationIssue {
        ValidationIssue(
            rule: m.rule, severity: Severity(rawValue: m.severity) ?? .error, file: m.file, table: m.tableName,
            row: m.row, child: m.child, fields: m.fields.split(separator: ",").map(String.init), message: m.message)
    }

    /// Marks import `id` of `authority` undone: its records stop counting, so the case data is as
    /// it was before the import. Its rows stay, for the record. In one transaction with the
    /// import's status, the authority's cached measures are deleted and its revision raised by
    /// one. Throws `StoreError.badInput` when `authority` has no such import or it is already
    /// undone; nothing changes then.
    public func undo(_ id: ImportID, authority: String) async throws {
        do {
            try await store.database.transaction { tx in
                guard let m = try await ImportModel.query(on: tx).filter(\.$laCode == authority).filter(\.$id == id.rawValue).first() else {
                    throw StoreError.badInput("authority \(authority) has no import \(id) (`oversight imports list` shows them)")
                }
                guard m.status == ImportStatus.active.rawValue else { throw StoreError.badInput("import \(id) is already undone") }
                m.status = ImportStatus.undone.rawValue
                try await m.update(on: tx)
                try await MeasureRepository.invalidate(authority: authority, on: tx)
                try await AuthorityRevision.bump(authority, on: tx)
            }
        } catch let e as StoreError {
            throw e
        } catch {
            throw StoreError.from(error, configuration: store.configuration) ?? error
        }
        store.caseDataCache.invalidate(authority: authority)
    }

    /// Local authority codes with at least one import, sorted.
    public func authorities() async throws -> [String] {
        let all = try await ImportModel.query(on: store.database).all(\.$laCode)
        return Array(Set(all)).sorted()
    }
}
