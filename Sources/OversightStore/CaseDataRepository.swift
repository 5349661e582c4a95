import FluentKit
import Foundation
import OversightCore
import SQLKit

/// Builds one authority's `CaseData` from its active imports.
///
/// The records of every active import go to `CaseDataBuilder` in the order `FileLoader` would
/// read them: imports oldest first, files in path order within an import, an SSDA903 XML file's
/// tables in the order read, and Annex A records last and only for sources no other file gives.
/// So the store and `oversight measures --from` agree on the same files, and an undone import's
/// records simply stop counting.
public struct CaseDataRepository: Sendable {
    let store: Store

    /// The merged case history of `authority` (empty when it has no active import). Records whose
    /// row has an error-severity finding are listed in `rowsWithErrors`.
    ///
    /// Kept in memory per data version: while `authority`'s active imports are unchanged this
    /// returns the value built before (one query to check the version), so a server may ask on
    /// every page. An import or undo gives a new version and the next call builds afresh; calls
    /// made while a build runs wait for it rather than build again. Safe to call concurrently.
    public func caseData(authority: String) async throws -> CaseData {
        let version = try await dataVersion(authority: authority)
        let data = try await store.caseDataCache.value(authority: authority, version: version) { [self] in
            try await build(authority: authority)
        }
        // An import or undo that committed while building may be in the value: do not keep it
        // under the version read before.
        if try await dataVersion(authority: authority) != version {
            store.caseDataCache.forget(authority: authority, version: version)
        }
        return data
    }

    /// The authority's data version: `empty`, or the ids of its active imports (`v1-3-4`). Import
    /// ids are never reused, so equal versions mean equal data.
    public func dataVersion(authority: String) async throws -> String {
        let ids = try await ImportModel.query(on: store.database).filter(\.$laCode == authority)
            .filter(\.$status == ImportStatus.active.rawValue).all(\.$id).compactMap { $0 }.sorted()
        return ids.isEmpty ? "empty" : "v" + ids.map(String.init).joined(separator: "-")
    }

    /// Builds the merged case history of `authority` from the database, without the in-memory
    /// cache (the cold path `caseData(authority:)` takes after an import or undo).
    public func build(authority: String) async throws -> CaseData {
        let db = store.database
        let imports = try await ImportModel.query(on: db).filter(\.$laCode == authority)
            .filter(\.$status == ImportStatus.active.rawValue).all()
        let ids = imports.compactMap(\.id)
        guard !ids.isEmpty else { return CaseData() }
        let files = try await ImportFileModel.query(on: db).filter(\.$laCode == authority).filter(\.$importID ~~ ids).all()
            .sorted { ($0.importID, $0.position) < ($1.importID, $1.position) }
        let sources = try await SourceFileModel.query(on: db).filter(\.$laCode == authority).filter(\.$importID ~~ ids).all()
        // Record blocks, and the rows of records flagged with errors; JSON payloads only for
        // source files stored before record blocks existed.
        let blocks = try await store.sql.select()
            .columns("source_file_id", "kind", "data")
            .from("record_blocks")
            .where("la_code", .equal, authority)
            .where("import_id", .in, ids)
            .all()
            .map { row in
                StoredBlock(
                    source: try row.decode(column: "source_file_id", as: Int.self), kind: try row.decode(column: "kind", as: String.self),
                    data: try row.decode(column: "data", as: Data.self))
            }
        let blocked = Set(blocks.map(\.source))
        let errorRows = try await store.sql.select()
            .columns("source_file_id", "row_number")
            .from(CaseRecordModel.schema)
            .where("la_code", .equal, authority)
            .where("import_id", .in, ids)
            .where("has_error", .equal, true)
            .all()
            .map { (source: try $0.decode(column: "source_file_id", as: Int.self), row: try $0.decode(column: "row_number", as: Int.self)) }
        let unblocked = sources.compactMap(\.id).filter { !blocked.contains($0) }
        let records =
            unblocked.isEmpty
            ? []
            : try await store.sql.select()
                .columns("source_file_id", "kind", "seq", "row_number", "has_error", "payload")
                .from(CaseRecordModel.schema)
                .where("la_code", .equal, authority)
                .where("import_id", .in, ids)
                .where("source_file_id", .in, unblocked)
                .all()
                .map { row in
                    StoredRow(
                        source: try row.decode(column: "source_file_id", as: Int.self), kind: try row.decode(column: "kind", as: String.self),
                        seq: try row.decode(column: "seq", as: Int.self), row: try row.decode(column: "row_number", as: Int.self),
                        hasError: try row.decode(column: "has_error", as: Bool.self), payload: try row.decode(column: "payload", as: String.self))
                }

        let filePosition = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($0.element.id ?? 0, $0.offset) })
        let filePath = Dictionary(uniqueKeysWithValues: files.map { ($0.id ?? 0, $0.path) })
        let ordered = sources.sorted { (filePosition[$0.importFileID] ?? 0, $0.position) < (filePosition[$1.importFileID] ?? 0, $1.position) }
        let isAnnex: (SourceFileModel) -> Bool = { $0.tableName == "AnnexA" || $0.format == "annex-a" }
        let plain = ordered.filter { !isAnnex($0) }
        let hasCIN = plain.contains { $0.format == "cin" }
        let has903 = plain.contains { $0.format == "ssda903" }
        let hasMissing = plain.contains { $0.format == "missing-local" }
        let annex = ordered.filter(isAnnex).filter { s in
            switch s.format {
            case "cin": return !hasCIN
            case "ssda903": return !has903
            default:
                // Annex A's contacts and early help are always read (a local early help file
                // replaces List 2 when the case data is built); its missing list only without a
                // local missing-episodes file.
                return s.tableName == "contacts" || s.tableName == "early-help" || !hasMissing
            }
        }
        var bySource: [Int: [StoredRow]] = [:]
        for r in records { bySource[r.source, default: []].append(r) }
        var blocksBySource: [Int: [String: Data]] = [:]
        for b in blocks { blocksBySource[b.source, default: [:]][b.kind] = b.data }
        var errorsBySource: [Int: [Int]] = [:]
        for e in errorRows { errorsBySource[e.source, default: []].append(e.row) }

        var builder = CaseDataBuilder()
        for f in files {
            let blank = (try? JSONDecoder().decode([String: Int].self, from: Data(f.blankChildIDs.utf8))) ?? [:]
            for (table, n) in blank.sorted(by: { $0.key < $1.key }) { builder.countBlankChildID(table: table, n) }
        }
        for s in plain + annex {
            let index = builder.addFile(
                SourceFile(
                    path: filePath[s.importFileID] ?? "", format: s.format, table: s.tableName,
                    collectionYear: s.collectionYear))
            let id = s.id ?? 0
            if let kinds = blocksBySource[id] {
                for kind in RecordKind.allCases {
                    guard let data = kinds[kind.rawValue] else { continue }
                    try BinaryRecordCodec.add(kind, blob: [UInt8](data), file: index, to: &builder)
                }
                for row in errorsBySource[id] ?? [] { builder.rowsWithErrors.insert(RecordOrigin(file: index, row: row)) }
                continue
            }
            let rows = (bySource[id] ?? []).sorted { ($0.kind, $0.seq) < ($1.kind, $1.seq) }
            for kind in RecordKind.allCases {
                let ofKind = rows.filter { $0.kind == kind.rawValue }
                guard !ofKind.isEmpty else { continue }
                try RecordCodec.add(kind, payloads: ofKind.map(\.payload), file: index, to: &builder)
                for r in ofKind where r.hasError { builder.rowsWithErrors.insert(RecordOrigin(file: index, row: r.row)) }
            }
        }
        return builder.build()
    }

    /// The distinct child ids in `authority`'s active records, sorted.
    public func childIDs(authority: String) async throws -> [String] {
        let db = store.database
        let ids = try await ImportModel.query(on: db).filter(\.$laCode == authority)
            .filter(\.$status == ImportStatus.active.rawValue).all().compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let children = try await CaseRecordModel.query(on: db).filter(\.$laCode == authority).filter(\.$importID ~~ ids).all(\.$child)
        return Array(Set(children.compactMap { $0 })).sorted()
    }
}

/// One stored record block.
struct StoredBlock: Sendable {
    var source: Int
    var kind: String
    var data: Data
}

/// The columns of a case record that building case data needs (imports made before record blocks).
struct StoredRow: Sendable {
    var source: Int
    var kind: String
    var seq: Int
    var row: Int
    var hasError: Bool
    var payload: String
}
