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
    public func caseData(authority: String) async throws -> CaseData {
        let db = store.database
        let imports = try await ImportModel.query(on: db).filter(\.$laCode == authority)
            .filter(\.$status == ImportStatus.active.rawValue).all()
        let ids = imports.compactMap(\.id)
        guard !ids.isEmpty else { return CaseData() }
        let files = try await ImportFileModel.query(on: db).filter(\.$laCode == authority).filter(\.$importID ~~ ids).all()
            .sorted { ($0.importID, $0.position) < ($1.importID, $1.position) }
        let sources = try await SourceFileModel.query(on: db).filter(\.$laCode == authority).filter(\.$importID ~~ ids).all()
        let records = try await store.sql.select()
            .columns("source_file_id", "kind", "seq", "row_number", "has_error", "payload")
            .from(CaseRecordModel.schema)
            .where("la_code", .equal, authority)
            .where("import_id", .in, ids)
            .all()
            .map { row in
                StoredRow(source: try row.decode(column: "source_file_id", as: Int.self), kind: try row.decode(column: "kind", as: String.self),
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
            default: return !hasMissing
            }
        }
        var bySource: [Int: [StoredRow]] = [:]
        for r in records { bySource[r.source, default: []].append(r) }

        var builder = CaseDataBuilder()
        for f in files {
            let blank = (try? JSONDecoder().decode([String: Int].self, from: Data(f.blankChildIDs.utf8))) ?? [:]
            for (table, n) in blank.sorted(by: { $0.key < $1.key }) { builder.countBlankChildID(table: table, n) }
        }
        for s in plain + annex {
            let index = builder.addFile(SourceFile(path: filePath[s.importFileID] ?? "", format: s.format, table: s.tableName,
                                                   collectionYear: s.collectionYear))
            let rows = (bySource[s.id ?? 0] ?? []).sorted { ($0.kind, $0.seq) < ($1.kind, $1.seq) }
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

/// The columns of a case record that building case data needs.
struct StoredRow: Sendable {
    var source: Int
    var kind: String
    var seq: Int
    var row: Int
    var hasError: Bool
    var payload: String
}
