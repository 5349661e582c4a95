import Foundation
import OversightCore

/// A file as read: where, what it was recognised as and how many rows it had.
public struct LoadedFile: Codable, Hashable, Sendable {
    public var path: String
    /// `ssda903-csv`, `ssda903-xml`, `cin-xml`, `missing-local`, `supervision-local`, `annex-a`, `unknown`.
    public var format: String
    public var table: String
    public var rows: Int
    public var collectionYear: Int?
}

/// Everything read from a set of files: raw returns for validation, typed records for measures,
/// and the readers' own findings.
public struct LoadedData: Sendable {
    public var files: [LoadedFile] = []
    public var ssda903Tables: [RawTable] = []
    public var cinReturns: [CINRawReturn] = []
    /// Ofsted Annex A workbooks as read.
    public var annexA: [AnnexAWorkbook] = []
    /// Findings of the readers (unreadable rows, unknown columns, unusable files).
    public var issues: [ValidationIssue] = []
    /// Files that could not be used at all.
    public var unusable: [UnusableFileError] = []
    /// The merged history.
    public var caseData: CaseData = CaseData()
}

/// Reads files and folders of statutory and local data.
public enum FileLoader {
    static let extensions: Set<String> = ["csv", "xml", "xlsx"]

    /// Every readable file under `paths` (folders walked recursively), sorted by path.
    public static func files(under paths: [String]) -> (files: [String], missing: [String]) {
        var out: [String] = []
        var missing: [String] = []
        let fm = FileManager.default
        for p in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else { missing.append(p); continue }
            if !isDir.boolValue { out.append(p); continue }
            guard let e = fm.enumerator(atPath: p) else { continue }
            while let rel = e.nextObject() as? String {
                let full = (p as NSString).appendingPathComponent(rel)
                var d: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &d), !d.boolValue,
                   extensions.contains((rel as NSString).pathExtension.lowercased()),
                   !(rel as NSString).lastPathComponent.hasPrefix(".") {
                    out.append(full)
                }
            }
        }
        return (out.sorted(), missing)
    }

    /// Reads every file under `paths`. `defaultYear` is used for files whose path and content
    /// name no collection year (the validator needs one; measures rank such files first).
    /// With `keepRaw` false the raw tables and CIN returns are not kept (measures need only the
    /// merged history), and CIN census files are mapped one child at a time, so memory holds
    /// little more than the typed records.
    /// With `sources` (see `MeasureEngine.sourcesNeeded(for:)`), files holding anything else are
    /// recognised from their first line and skipped.
    /// With `buildCaseData` false (validation only) no typed records are made and no history merged.
    public static func load(paths: [String], defaultYear: Int? = nil, keepRaw: Bool = true, sources: Set<String>? = nil,
                            buildCaseData: Bool = true) -> LoadedData {
        var out = LoadedData()
        var builder = CaseDataBuilder()
        let (list, missing) = files(under: paths)
        for m in missing {
            out.unusable.append(UnusableFileError(file: m, reason: "no such file or folder"))
        }
        for path in list {
            if let sources, !isNeeded(path, sources) { continue }
            do {
                try loadFile(path, defaultYear: defaultYear, keepRaw: keepRaw, mapRecords: buildCaseData, into: &out, builder: &builder)
            } catch let e as UnusableFileError {
                out.unusable.append(e)
                out.files.append(LoadedFile(path: path, format: "unknown", table: "", rows: 0, collectionYear: nil))
            } catch {
                out.unusable.append(UnusableFileError(file: path, reason: "it could not be read (\(error.localizedDescription))"))
            }
        }
        for u in out.unusable {
            out.issues.append(ValidationIssue(rule: "OV-FILE-UNUSABLE", severity: .error, file: u.file, table: "", row: nil, child: nil, fields: [], message: u.reason))
        }
        if buildCaseData {
            addAnnexARecords(out, builder: &builder)
            out.caseData = (consume builder).build()
        }
        return out
    }

    static func loadFile(_ path: String, defaultYear: Int?, keepRaw: Bool, mapRecords: Bool = true, into out: inout LoadedData, builder: inout CaseDataBuilder) throws {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension.lowercased()
        let pathYear = CollectionYearDetector.year(fromPath: path) ?? defaultYear
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size == 0 { throw UnusableFileError(file: path, reason: "the file is empty") }
        if size > CSVFile.maximumFileSize {
            throw UnusableFileError(file: path, reason: "the file is \(size / (1 << 20)) MiB, over the 1 GiB limit for one file; split it by year or table")
        }
        switch ext {
        case "csv":
            let csv = try CSVFile.read(url: url, displayPath: path)
            if let (table, issues) = SSDA903CSVReader.table(from: csv, collectionYear: pathYear) {
                let f = builder.addFile(SourceFile(path: path, format: "ssda903", table: table.table.rawValue, collectionYear: pathYear))
                if keepRaw { out.ssda903Tables.append(table) }
                out.issues += issues
                out.files.append(LoadedFile(path: path, format: "ssda903-csv", table: table.table.rawValue, rows: table.rows.count, collectionYear: pathYear))
                if mapRecords { RecordMapper.add(table, file: f, to: &builder) }
            } else if let local = LocalFormat.recognise(header: csv.header) {
                let f = builder.addFile(SourceFile(path: path, format: local.rawValue, table: local == .missingEpisodes ? "MissingEpisodes" : "Supervision", collectionYear: nil))
                out.files.append(LoadedFile(path: path, format: local.rawValue, table: local == .missingEpisodes ? "MissingEpisodes" : "Supervision", rows: csv.rows.count, collectionYear: nil))
                switch local {
                case .missingEpisodes:
                    let r = LocalCSVReader.missingEpisodes(csv, file: f)
                    builder.add(missingEpisodes: r.records, file: f)
                    if r.blank > 0 { builder.countBlankChildID(table: "MissingEpisodes", r.blank) }
                    out.issues += r.issues
                case .supervision:
                    let r = LocalCSVReader.supervisions(csv, file: f)
                    builder.add(supervisions: r.records, file: f)
                    out.issues += r.issues
                }
            } else {
                throw UnusableFileError(file: path, reason: unknownCSVReason(csv))
            }
        case "xml":
            let data = try Data(contentsOf: url, options: .mappedIfSafe)
            let head = String(decoding: data.prefix(4096), as: UTF8.self)
            if head.contains("<EXPSSDA903") {
                let (tables, issues) = try SSDA903XMLReader.read(data: data, file: path, collectionYear: pathYear)
                out.issues += issues
                for t in tables {
                    let f = builder.addFile(SourceFile(path: path, format: "ssda903", table: t.table.rawValue, collectionYear: pathYear))
                    if keepRaw { out.ssda903Tables.append(t) }
                    out.files.append(LoadedFile(path: path, format: "ssda903-xml", table: t.table.rawValue, rows: t.rows.count, collectionYear: pathYear))
                    if mapRecords { RecordMapper.add(t, file: f, to: &builder) }
                }
            } else if keepRaw {
                let (ret, issues) = try CINXMLReader.read(data: data, file: path, pathYear: pathYear)
                out.issues += issues
                let f = builder.addFile(SourceFile(path: path, format: "cin", table: "CINdetails", collectionYear: ret.collectionYear))
                out.cinReturns.append(ret)
                out.files.append(LoadedFile(path: path, format: "cin-xml", table: "Child", rows: ret.children.count, collectionYear: ret.collectionYear))
                if mapRecords { RecordMapper.add(ret, file: f, to: &builder) }
            } else {
                let f = builder.addFile(SourceFile(path: path, format: "cin", table: "CINdetails", collectionYear: pathYear))
                var children: [CINChild] = [], episodes: [CINEpisode] = [], blank = 0, count = 0
                let (ret, issues) = try CINXMLReader.stream(data: data, file: path, pathYear: pathYear) { child, year in
                    count += 1
                    RecordMapper.map(child, year: year, file: f, children: &children, episodes: &episodes, blank: &blank)
                }
                out.issues += issues
                builder.setCollectionYear(ret.collectionYear, file: f)
                builder.add(cinChildren: children, file: f)
                builder.add(cinEpisodes: episodes, file: f)
                if blank > 0 { builder.countBlankChildID(table: "CINdetails", blank) }
                out.files.append(LoadedFile(path: path, format: "cin-xml", table: "Child", rows: count, collectionYear: ret.collectionYear))
            }
        case "xlsx":
            try loadWorkbook(path, into: &out, builder: &builder)
        default:
            throw UnusableFileError(file: path, reason: "files ending .\(ext) are not read")
        }
    }

    /// Whether a file holds one of `sources`, judged from its first bytes. Unrecognised files are
    /// read (so that they are reported).
    static func isNeeded(_ path: String, _ sources: Set<String>) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return true }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 65_536)) ?? Data()
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "csv":
            var bytes = [UInt8](head)
            if let nl = bytes.firstIndex(of: 0x0A) { bytes = Array(bytes[..<nl]) }
            let header = CSVFile.parse(data: Data(bytes), path: path).header
            if let t = SSDA903Table.recognise(header: header)?.table { return sources.contains(t.rawValue) }
            if let local = LocalFormat.recognise(header: header) { return sources.contains(local.rawValue) }
            return true
        case "xml":
            let text = String(decoding: head.prefix(4096), as: UTF8.self)
            if text.contains("<EXPSSDA903") { return true }
            return sources.contains("cin")
        default:
            return true
        }
    }

    static func unknownCSVReason(_ csv: CSVFile) -> String {
        let first = csv.header.joined(separator: ",")
        if csv.header.count == 1, first.contains(";") || first.contains("\t") || first.contains("|") {
            return "the header is not comma-separated (it looks delimited by \(first.contains(";") ? "semicolons" : first.contains("\t") ? "tabs" : "bars")); save the file as comma-separated CSV"
        }
        return "the header (\(first.prefix(120))) matches no SSDA903 table and no Oversight local format; see docs/formats.md"
    }
}
