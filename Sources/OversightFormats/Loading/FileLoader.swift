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
    /// CIN census files, checked child by child as they were read (findings come from
    /// `ValidationRunner`, which pairs each with the previous year's file).
    public var cinChecks: [CINReturnCheck] = []
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
                    !(rel as NSString).lastPathComponent.hasPrefix(".")
                {
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
    ///
    /// With `flagRowsWithErrors` (and `keepRaw`), the files are validated once read, before the
    /// history is merged: the records of rows with error findings are marked in
    /// `caseData.rowsWithErrors`, and the raw tables, which validation needed, are dropped before
    /// merging rather than held beside the merged history.
    public static func load(
        paths: [String], defaultYear: Int? = nil, keepRaw: Bool = true, sources: Set<String>? = nil,
        buildCaseData: Bool = true, flagRowsWithErrors: Bool = false,
        fastCIN: Bool = FileLoader.fastCIN
    ) -> LoadedData {
        var out = LoadedData()
        var builder = CaseDataBuilder()
        let (list, missing) = files(under: paths)
        for m in missing {
            out.unusable.append(UnusableFileError(file: m, reason: "no such file or folder"))
        }
        let trace = LoadTrace()
        let wanted = sources.map { wanted in list.filter { isNeeded($0, wanted) } } ?? list
        // Files are read on every core, each into a part of its own, and the parts joined in path
        // order. Files over `parallelFileSize` are read one at a time (so that memory holds the
        // reading state of one large file at once), beside the small ones.
        let sizes = wanted.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 }
        let parts = ConcurrentSlots<(LoadedData, CaseDataBuilder)>(count: wanted.count)
        let small = wanted.indices.filter { sizes[$0] <= parallelFileSize }
        let large = wanted.indices.filter { sizes[$0] > parallelFileSize }
        let largeRead = DispatchGroup()
        if !large.isEmpty {
            DispatchQueue.global().async(group: largeRead) {
                for i in large {
                    parts.set(i, loadPart(wanted[i], defaultYear: defaultYear, keepRaw: keepRaw, mapRecords: buildCaseData, fastCIN: fastCIN, trace: trace))
                }
            }
        }
        DispatchQueue.concurrentPerform(iterations: small.count) { k in
            let i = small[k]
            parts.set(i, loadPart(wanted[i], defaultYear: defaultYear, keepRaw: keepRaw, mapRecords: buildCaseData, fastCIN: fastCIN, trace: trace))
        }
        largeRead.wait()
        for i in wanted.indices {
            guard let (part, partBuilder) = parts.take(i) else { continue }
            out.files += part.files; out.ssda903Tables += part.ssda903Tables; out.cinChecks += part.cinChecks
            out.annexA += part.annexA; out.issues += part.issues; out.unusable += part.unusable
            builder.append(partBuilder)
        }
        trace?.note("parts joined")
        for u in out.unusable {
            out.issues.append(ValidationIssue(rule: "OV-FILE-UNUSABLE", severity: .error, file: u.file, table: "", row: nil, child: nil, fields: [], message: u.reason))
        }
        var errorRows: [String: Set<Int>] = [:]
        if flagRowsWithErrors && keepRaw {
            errorRows = ValidationRunner.rowsWithErrors(ValidationRunner.validate(out, defaultYear: defaultYear))
            out.ssda903Tables = []
            out.cinChecks = []
            MemoryRelease.now()
            trace?.note("validated")
        }
        if buildCaseData {
            addAnnexARecords(out, builder: &builder)
            builder.rowsWithErrors.formUnion(ValidationRunner.origins(ofRows: errorRows, in: builder.sourceFiles))
            out.caseData = (consume builder).build()
            MemoryRelease.now()
            trace?.note("merged history built")
            // Allocations name workers and children: checked against the workers and returns loaded with them.
            if !out.caseData.allocations.isEmpty {
                let d = out.caseData
                var children = Set(d.cinChildren.keys).union(d.claHeaders.keys)
                children.formUnion(d.claEpisodes.map(\.child))
                out.issues += LocalCSVReader.crossCheck(allocations: d.allocations, workers: d.workers, children: children, files: d.files)
            }
        }
        return out
    }

    /// Files larger than this (bytes) are read one at a time; smaller ones on every core at once.
    static let parallelFileSize = 64 << 20

    /// Reads one file into a `LoadedData` and a builder of its own.
    static func loadPart(
        _ path: String, defaultYear: Int?, keepRaw: Bool, mapRecords: Bool, fastCIN: Bool,
        trace: LoadTrace?
    ) -> (LoadedData, CaseDataBuilder) {
        var out = LoadedData()
        var builder = CaseDataBuilder()
        do {
            try loadFile(path, defaultYear: defaultYear, keepRaw: keepRaw, mapRecords: mapRecords, fastCIN: fastCIN, into: &out, builder: &builder)
        } catch let e as UnusableFileError {
            out.unusable.append(e)
            out.files.append(LoadedFile(path: path, format: "unknown", table: "", rows: 0, collectionYear: nil))
        } catch {
            out.unusable.append(UnusableFileError(file: path, reason: "it could not be read (\(error.localizedDescription))"))
        }
        MemoryRelease.now()
        trace?.note(path)
        return (out, builder)
    }

    static func loadFile(
        _ path: String, defaultYear: Int?, keepRaw: Bool, mapRecords: Bool = true, fastCIN: Bool = FileLoader.fastCIN,
        into out: inout LoadedData, builder: inout CaseDataBuilder
    ) throws {
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
            let mapped = try MappedFile(path: path)
            if let local = LocalFormat.recognise(header: firstRecord(mapped, path: path)) {
                try loadLocal(path, local, mapped: mapped, into: &out, builder: &builder)
                return
            }
            let csv = CSVFile.parse(data: mapped.unownedData, path: path)
            withExtendedLifetime(mapped) {}
            if let (table, issues) = SSDA903CSVReader.table(from: csv, collectionYear: pathYear) {
                let f = builder.addFile(SourceFile(path: path, format: "ssda903", table: table.table.rawValue, collectionYear: pathYear))
                if keepRaw { out.ssda903Tables.append(table) }
                out.issues += issues
                out.files.append(LoadedFile(path: path, format: "ssda903-csv", table: table.table.rawValue, rows: table.rows.count, collectionYear: pathYear))
                if mapRecords { RecordMapper.add(table, file: f, to: &builder) }
            } else {
                throw UnusableFileError(file: path, reason: unknownCSVReason(csv))
            }
        case "xml":
            let mapped = try MappedFile(path: path)
            let data = mapped.unownedData
            let head = String(decoding: data.prefix(4096), as: UTF8.self)
            if WorkforceCensusReader.recognise(head) {
                // A census has no collection year of the statutory returns' kind: it is dated
                // by its census day, which each record carries.
                let f = builder.addFile(SourceFile(path: path, format: "csww", table: "CSWWWorker", collectionYear: nil))
                let r = try WorkforceCensusReader.read(data: data, file: path, fileIndex: f)
                builder.add(services: r.workers, file: f)
                builder.add(services: r.vacancies, file: f)
                out.issues += r.issues
                out.files.append(LoadedFile(path: path, format: "csww", table: "CSWWWorker", rows: r.workers.count, collectionYear: nil))
            } else if head.contains("<EXPSSDA903") {
                let (tables, issues) = try SSDA903XMLReader.read(data: data, file: path, collectionYear: pathYear)
                out.issues += issues
                for t in tables {
                    let f = builder.addFile(SourceFile(path: path, format: "ssda903", table: t.table.rawValue, collectionYear: pathYear))
                    if keepRaw { out.ssda903Tables.append(t) }
                    out.files.append(LoadedFile(path: path, format: "ssda903-xml", table: t.table.rawValue, rows: t.rows.count, collectionYear: pathYear))
                    if mapRecords { RecordMapper.add(t, file: f, to: &builder) }
                }
            } else {
                try loadCIN(path, mapped: mapped, pathYear: pathYear, validate: keepRaw, mapRecords: mapRecords, fastCIN: fastCIN, into: &out, builder: &builder)
            }
            withExtendedLifetime(mapped) {}
        case "xlsx":
            try loadWorkbook(path, into: &out, builder: &builder)
        default:
            throw UnusableFileError(file: path, reason: "files ending .\(ext) are not read")
        }
    }

    /// The first record of a CSV file (its header), read from at most its first 64 KiB.
    static func firstRecord(_ mapped: MappedFile, path: String) -> [String] {
        let head = UnsafeBufferPointer(rebasing: mapped.bytes.prefix(65_536))
        let end = head.firstIndex(of: 0x0A).map { $0 + 1 } ?? head.count
        return CSVFile.parse(data: Data(UnsafeBufferPointer(rebasing: head[..<end])), path: path).header
    }

    /// Reads a file in one of Oversight's local formats one row at a time: each row is checked and
    /// mapped to a record as it is read, and the file's rows are never held.
    static func loadLocal(
        _ path: String, _ local: LocalFormat, mapped: MappedFile, into out: inout LoadedData,
        builder: inout CaseDataBuilder
    ) throws {
        let table = local.table
        let f = builder.addFile(SourceFile(path: path, format: local.rawValue, table: table, collectionYear: nil))
        var rows = -1 // the header is the first record
        let records: CSVRecords = { visit in
            CSVFile.stream(mapped, path: path) {
                rows += 1; visit($0)
            }
        }
        switch local {
        case .missingEpisodes:
            let r = LocalCSVReader.missingEpisodes(path: path, records: records, file: f)
            builder.add(missingEpisodes: r.records, file: f)
            if r.blank > 0 { builder.countBlankChildID(table: "MissingEpisodes", r.blank) }
            out.issues += r.issues
        case .supervision:
            let r = LocalCSVReader.supervisions(path: path, records: records, file: f)
            builder.add(supervisions: r.records, file: f)
            out.issues += r.issues
        case .workers, .ssdProfessionals:
            let r =
                local == .workers
                ? LocalCSVReader.workers(path: path, records: records, file: f)
                : LocalCSVReader.ssdProfessionals(path: path, records: records, file: f)
            builder.add(workers: r.records, file: f)
            out.issues += r.issues
        case .allocations, .ssdInvolvements:
            let r =
                local == .allocations
                ? LocalCSVReader.allocations(path: path, records: records, file: f)
                : LocalCSVReader.ssdInvolvements(path: path, records: records, file: f)
            builder.add(allocations: r.records, file: f)
            if r.blank > 0 { builder.countBlankChildID(table: local.table, r.blank) }
            out.issues += r.issues
        case .visits:
            let r = LocalCSVReader.visits(path: path, records: records, file: f)
            builder.add(visits: r.records, file: f)
            if r.blank > 0 { builder.countBlankChildID(table: "Visits", r.blank) }
            out.issues += r.issues
        case .earlyHelp, .training, .fostering, .specialGuardianship, .careProceedings, .pathways:
            let r = LocalCSVReader.services(local, path: path, records: records, file: f, into: &builder)
            if r.blank > 0 { builder.countBlankChildID(table: local.table, r.blank) }
            out.issues += r.issues
        }
        out.files.append(LoadedFile(path: path, format: local.rawValue, table: table, rows: max(rows, 0), collectionYear: nil))
    }

    /// Reads a CIN census file one child at a time: each child is mapped to typed records (with
    /// `mapRecords`) and, with `validate`, checked by the child rules and added to the return
    /// rules' tallies, then dropped, so memory holds no more than one child of the file.
    ///
    /// The rules need the collection year: the header's reference date (which comes first in a
    /// valid file), else the path's year. When neither is known before the first child, or the
    /// header comes late and names another year, the file is read a second time for the checks,
    /// with the year finally known (else the year of its latest referral date, as before).
    static func loadCIN(
        _ path: String, mapped: MappedFile, pathYear: Int?, validate: Bool, mapRecords: Bool, fastCIN: Bool = FileLoader.fastCIN,
        into out: inout LoadedData, builder: inout CaseDataBuilder
    ) throws {
        let f = builder.addFile(SourceFile(path: path, format: "cin", table: "CINdetails", collectionYear: pathYear))
        if !validate && mapRecords && fastCIN {
            // Measures without validation: straight from bytes to records when the file allows.
            if let r = CINFastReader.read(mapped, pathYear: pathYear, file: f) {
                mapped.rewind()
                builder.setCollectionYear(r.collectionYear, file: f)
                builder.add(cinChildren: r.children, file: f)
                builder.add(cinEpisodes: r.episodes, file: f)
                if r.blank > 0 { builder.countBlankChildID(table: "CINdetails", r.blank) }
                out.files.append(LoadedFile(path: path, format: "cin-xml", table: "Child", rows: r.count, collectionYear: r.collectionYear))
                return
            }
            mapped.rewind()
        }
        var children: [CINChild] = [], episodes: [CINEpisode] = [], blank = 0, count = 0
        var pipeline: CINCheckPipeline?
        var batch: [CINRawChild] = []
        var uncheckedChildren = false
        var latestReferral: Day?
        let streamed: (CINRawReturn, [ValidationIssue])
        do {
            streamed = try CINXMLReader.stream(mapped: mapped, file: path, pathYear: pathYear) { child, year in
                count += 1
                if validate {
                    if pipeline == nil, let year, !uncheckedChildren {
                        pipeline = CINCheckPipeline(CINReturnCheck(file: path, header: CINRawBlock(line: 0), collectionYear: year))
                    }
                    if let pipeline {
                        batch.append(child)
                        if batch.count == CINCheckPipeline.batchSize {
                            pipeline.submit(batch)
                            batch.removeAll(keepingCapacity: true)
                        }
                    } else {
                        uncheckedChildren = true
                    }
                    for e in child.episodes {
                        if let d = Day.parseISO(e.details["CINreferralDate"] ?? ""), latestReferral == nil || d > latestReferral! { latestReferral = d }
                    }
                }
                if mapRecords { RecordMapper.map(child, year: year, file: f, children: &children, episodes: &episodes, blank: &blank) }
            }
        } catch {
            _ = pipeline?.finish()
            throw error
        }
        if let pipeline, !batch.isEmpty { pipeline.submit(batch) }
        let check = pipeline?.finish()
        let (ret, issues) = streamed
        out.issues += issues
        builder.setCollectionYear(ret.collectionYear, file: f)
        builder.add(cinChildren: children, file: f)
        builder.add(cinEpisodes: episodes, file: f)
        if blank > 0 { builder.countBlankChildID(table: "CINdetails", blank) }
        out.files.append(LoadedFile(path: path, format: "cin-xml", table: "Child", rows: count, collectionYear: ret.collectionYear))
        guard validate else { return }
        let year = ret.collectionYear ?? latestReferral?.collectionYear ?? 2025
        if var done = check, done.collectionYear == year, !uncheckedChildren {
            done.setHeader(ret.header)
            out.cinChecks.append(done)
        } else {
            var again = CINReturnCheck(file: path, header: ret.header, collectionYear: year)
            mapped.rewind()
            _ = try CINXMLReader.stream(mapped: mapped, file: path, pathYear: pathYear) { child, _ in again.add(child) }
            out.cinChecks.append(again)
        }
    }

    /// Whether CIN census files read without validation go through `CINFastReader` (the default
    /// of `load`'s `fastCIN`): off with `OVERSIGHT_CIN_READER=general` (to time the general
    /// reader, or rule the fast one out when a figure looks wrong).
    public static let fastCIN = ProcessInfo.processInfo.environment["OVERSIGHT_CIN_READER"] != "general"

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
            if let local = LocalFormat.recognise(header: header) {
                // The SSD professionals extract gives the organisation's workers, as the workers file does.
                return sources.contains(local == .ssdProfessionals ? LocalFormat.workers.rawValue : local.rawValue)
            }
            return true
        case "xml":
            let text = String(decoding: head.prefix(4096), as: UTF8.self)
            if text.contains("<EXPSSDA903") { return true }
            if WorkforceCensusReader.recognise(text) { return sources.contains("csww") }
            return sources.contains("cin")
        default:
            return true
        }
    }

    static func unknownCSVReason(_ csv: CSVFile) -> String {
        let first = csv.header.joined(separator: ",")
        if csv.header.count == 1, first.contains(";") || first.contains("\t") || first.contains("|") {
            return
                "the header is not comma-separated (it looks delimited by \(first.contains(";") ? "semicolons" : first.contains("\t") ? "tabs" : "bars")); save the file as comma-separated CSV"
        }
        return "the header (\(first.prefix(120))) matches no SSDA903 table and no Oversight local format; see docs/formats.md"
    }
}

/// With `OVERSIGHT_TRACE_LOAD=1` in the environment, the loader prints to standard error, after
/// each file and after merging, the seconds since it started and the process's resident memory:
/// how the benchmarks in docs/performance.md find where time and memory go.
final class LoadTrace: Sendable {
    private let start = Date()

    init?() {
        guard ProcessInfo.processInfo.environment["OVERSIGHT_TRACE_LOAD"] == "1" else { return nil }
    }

    func note(_ what: String) {
        let seconds = Date().timeIntervalSince(start)
        FileHandle.standardError.write(Data(String(format: "load %7.2f s  %@  %@\n", seconds, Self.residentMemory(), what).utf8))
    }

    /// `VmRSS` and `VmHWM` (the peak so far) from /proc/self/status, where there is one.
    static func residentMemory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "" }
        func field(_ name: String) -> String {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return "?" }
            let kb = Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty }.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "") ?? 0
            return "\(kb / 1024) MB"
        }
        return "rss \(field("VmRSS")), peak \(field("VmHWM"))"
    }
}

/// Hands memory freed by the allocator back to the system. Reading a large file frees millions of
/// small blocks (a CSV file's rows, an XML unit's nodes) scattered through the heap; glibc keeps
/// them for reuse, so without this the process's resident memory would stay at its reading peak.
public enum MemoryRelease {
    public static func now() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux)
/// glibc's `malloc_trim` (declared in malloc.h, which the Glibc module does not export).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// Checks a CIN census return on a thread of its own while the file is read on another: the
/// reader hands over children in batches, at most `depth` batches waiting, so memory holds a few
/// thousand children however long the check falls behind.
final class CINCheckPipeline: @unchecked Sendable {
    static let batchSize = 512
    static let depth = 8

    // `check` is touched only on `queue`.
    private var check: CINReturnCheck
    private let queue = DispatchQueue(label: "oversight.cin-check")
    private let room = DispatchSemaphore(value: CINCheckPipeline.depth)

    init(_ check: CINReturnCheck) { self.check = check }

    /// Queues `children` for checking; waits while `depth` batches are already waiting.
    func submit(_ children: [CINRawChild]) {
        room.wait()
        queue.async {
            for c in children { self.check.add(c) }
            self.room.signal()
        }
    }

    /// Waits for every queued batch and returns the check.
    func finish() -> CINReturnCheck {
        queue.sync { check }
    }
}
