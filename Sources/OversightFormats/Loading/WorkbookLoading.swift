import Foundation
import OversightCore

extension FileLoader {
    /// Spreadsheets: the Ofsted Annex A workbook. Its records are added after every other file
    /// (see `addAnnexARecords`).
    static func loadWorkbook(_ path: String, into out: inout LoadedData, builder: inout CaseDataBuilder) throws {
        let workbook = try AnnexAWorkbook.read(url: URL(fileURLWithPath: path), displayPath: path)
        out.issues += workbook.issues
        out.annexA.append(workbook)
        for (list, table) in workbook.lists.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            out.files.append(LoadedFile(path: path, format: "annex-a", table: list.sheetName, rows: table.rows.count, collectionYear: nil))
        }
    }

    /// Annex A carries less than the statutory returns and overlaps them, so its records feed the
    /// measures of a source only when no file of that source was loaded: its CIN episodes when no
    /// CIN census was, its looked-after episodes when no SSDA903 return was, its missing episodes
    /// when no local missing-episodes file was. Its contacts (List 1) and early help (List 2)
    /// are always added (early help read from a local early help file replaces List 2's when the
    /// case data is built).
    static func addAnnexARecords(_ out: LoadedData, builder: inout CaseDataBuilder) {
        let hasCIN = out.files.contains { $0.format == "cin-xml" }
        let has903 = out.files.contains { $0.format.hasPrefix("ssda903") }
        let hasMissing = out.files.contains { $0.format == LocalFormat.missingEpisodes.rawValue }
        for w in out.annexA {
            if !hasCIN {
                let f = builder.addFile(SourceFile(path: w.file, format: "cin", table: "AnnexA", collectionYear: nil))
                builder.add(cinEpisodes: w.cinEpisodes(fileIndex: f), file: f)
            }
            if !has903 {
                let f = builder.addFile(SourceFile(path: w.file, format: "ssda903", table: "AnnexA", collectionYear: nil))
                builder.add(claEpisodes: w.claEpisodes(fileIndex: f), file: f)
            }
            if w.lists[.list1] != nil {
                let f = builder.addFile(SourceFile(path: w.file, format: "annex-a", table: "contacts", collectionYear: nil))
                builder.add(services: w.contacts(fileIndex: f), file: f)
            }
            if w.lists[.list2] != nil {
                let f = builder.addFile(SourceFile(path: w.file, format: "annex-a", table: "early-help", collectionYear: nil))
                builder.add(services: w.earlyHelp(fileIndex: f), file: f)
            }
            if !hasMissing {
                let f = builder.addFile(SourceFile(path: w.file, format: "annex-a", table: "missing", collectionYear: nil))
                builder.add(missingEpisodes: w.missingEpisodes(fileIndex: f), file: f)
            }
        }
    }
}
