import Foundation
import MultipartKit
import NIOCore
import OversightCore
import OversightFormats
import OversightStore
import OversightViews
import Vapor

/// The data pages: imports with their findings, uploads imported in the background, undo.
enum DataController {
    /// GET /data
    static func index(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let list = try await req.services.store.imports().list(authority: user.authority)
        let notice: String? =
            switch (try? req.query.get(String.self, at: "notice")) ?? "" {
            case "undone": "The import was undone. The data is as it was before it."
            default: nil
            }
        let model = DataPage.Model(
            imports: list.map(row), canUpload: true, canUndo: user.role == .administrator,
            csrfToken: req.signed?.csrf ?? "", notice: notice)
        return Pages.page(req, title: DataPage.title(model), section: "Data", content: DataPage.render(model))
    }

    static func row(_ s: ImportSummary) -> ImportRow {
        ImportRow(
            id: String(s.id.rawValue), importedAt: s.importedAt, user: s.user, fileCount: s.files.count, years: s.collectionYears,
            rows: s.files.reduce(0) { $0 + $1.rowsStored }, errors: s.findings[.error] ?? 0, warnings: s.findings[.warning] ?? 0,
            queries: s.findings[.query] ?? 0, status: s.status == .active ? .active : .undone)
    }

    /// GET /data/imports/:id
    static func show(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        guard let id = req.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
        let imports = req.services.store.imports()
        guard let summary = try await imports.list(authority: user.authority).first(where: { $0.id.rawValue == id }) else { throw Abort(.notFound) }
        let findings = try await imports.findings(of: summary.id, authority: user.authority)
        let query = MeasureController.queryDictionary(req)
        let filter = FindingFilter(query: query)
        let model = ImportPage.Model(
            summary: row(summary), files: summary.files.map(fileRow), findings: findings.map(findingRow), filter: filter,
            page: Int(query["page"] ?? "") ?? 1, showsChildren: user.role.seesChildLevelData)
        try await req.services.accounts.record(
            authority: user.authority, user: user.username, action: "viewed import findings",
            target: "import \(id)", isChildLevel: true)
        return Pages.page(
            req, title: ImportPage.title(model), section: "Data", content: ImportPage.render(model),
            breadcrumbs: [Breadcrumb("Data", href: SiteURL.data)], extraHead: ImportPage.head(model))
    }

    static func fileRow(_ f: ImportedFile) -> ImportPage.FileRow {
        ImportPage.FileRow(
            path: (f.path as NSString).lastPathComponent, size: f.size, sha256: f.sha256, format: f.format, table: f.table,
            collectionYear: f.collectionYear, rowsRead: f.rowsRead, rowsStored: f.rowsStored)
    }

    static func findingRow(_ f: ValidationIssue) -> FindingRow {
        FindingRow(
            rule: f.rule, severity: f.severity.rawValue, file: (f.file as NSString).lastPathComponent, table: f.table, row: f.row,
            child: f.child, fields: f.fields, message: f.message)
    }

    /// GET /data/imports/:id/findings.csv (filtered as the page is)
    static func findingsDownload(_ req: Request, format: String) async throws -> Response {
        let user = try req.requireUser
        guard let id = req.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
        let imports = req.services.store.imports()
        guard try await imports.list(authority: user.authority).contains(where: { $0.id.rawValue == id }) else { throw Abort(.notFound) }
        let filter = FindingFilter(query: MeasureController.queryDictionary(req))
        let rows = filter.apply(try await imports.findings(of: ImportID(id), authority: user.authority).map(findingRow))
        try await req.services.accounts.record(
            authority: user.authority, user: user.username, action: "downloaded import findings",
            target: "import \(id)", isChildLevel: true)
        let table = ExportTable(
            title: "Findings of import \(id)",
            columns: [
                .init("rule"), .init("severity"), .init("file"), .init("table"), .init("row", .integer), .init("child"),
                .init("fields"), .init("message"),
            ],
            rows: rows.map { f in
                [
                    .text(f.rule), .text(f.severity), .text(f.file), .text(f.table), f.row.map { .number(Double($0)) } ?? .empty,
                    .text(f.child ?? ""), .text(f.fields.joined(separator: " ")), .text(f.message),
                ]
            })
        return try Pages.download(table, filename: "import-\(id)-findings", format: format)
    }

    /// POST /data/imports/:id/undo (administrators)
    static func undo(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        guard let id = req.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
        let imports = req.services.store.imports()
        guard let summary = try await imports.list(authority: user.authority).first(where: { $0.id.rawValue == id }) else { throw Abort(.notFound) }
        if summary.status == .active {
            try await imports.undo(summary.id, authority: user.authority)
            await req.services.dashboards.invalidate(authority: user.authority)
            try await req.services.accounts.record(authority: user.authority, user: user.username, action: "undid import", target: "import \(id)", isChildLevel: false)
        }
        return req.redirect(to: SiteURL.data + "?notice=undone", redirectType: .normal)
    }

    /// GET /data/upload
    static func uploadForm(_ req: Request) async throws -> Response {
        let model = UploadPage.Model(csrfToken: req.signed?.csrf ?? "", maxBytes: req.services.options.maxUploadBytes)
        return Pages.page(
            req, title: UploadPage.title(model), section: "Data", content: UploadPage.render(model),
            breadcrumbs: [Breadcrumb("Data", href: SiteURL.data)])
    }

    static func uploadError(_ req: Request, _ error: FieldError, status: HTTPResponseStatus) -> Response {
        let model = UploadPage.Model(csrfToken: req.signed?.csrf ?? "", maxBytes: req.services.options.maxUploadBytes, errors: [error])
        return Pages.page(
            req, title: UploadPage.title(model), section: "Data", content: UploadPage.render(model),
            breadcrumbs: [Breadcrumb("Data", href: SiteURL.data)], status: status)
    }

    /// The form again with what was wrong with the upload.
    static func uploadError(_ req: Request, _ problem: UploadReceiver.Problem, fileName: String?, maxBytes: Int) -> Response {
        switch problem {
        case .tooLarge: return uploadError(req, UploadPage.tooLarge(fileName: fileName, maxBytes: maxBytes), status: .payloadTooLarge)
        case .wrongFormat(let name): return uploadError(req, UploadPage.wrongFormat(fileName: name), status: .unprocessableEntity)
        case .noFile, .forged: return uploadError(req, UploadPage.noFile, status: .unprocessableEntity)
        case .unpacksTooLarge(let name, let limit):
            return uploadError(
                req,
                FieldError(
                    fieldID: UploadPage.fieldID,
                    message: "\(name) unpacks to more than \(Format.fileSize(limit)). Nothing was imported. Upload its files in smaller ZIPs"),
                status: .payloadTooLarge)
        case .unsafeName(let name):
            return uploadError(
                req,
                FieldError(
                    fieldID: UploadPage.fieldID,
                    message: "\(name) holds a file whose name points outside the ZIP. Nothing was imported. Make the ZIP again from the folder of files"),
                status: .unprocessableEntity)
        }
    }

    /// POST /data/upload: streams the multipart body to files (refusing it as soon as it passes the
    /// size limit, and before reading it when its declared length already does), checks the CSRF
    /// field before any file is kept, then imports the files in the background.
    static func upload(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let services = req.services
        let max = services.options.maxUploadBytes
        if let declared = req.headers.first(name: .contentLength).flatMap(Int.init), declared > max + 64 * 1024 {
            return uploadError(req, UploadPage.tooLarge(fileName: nil, maxBytes: max), status: .payloadTooLarge)
        }
        guard let boundary = req.headers.contentType?.parameters["boundary"], req.headers.contentType?.subType == "form-data" else {
            return uploadError(req, UploadPage.noFile, status: .badRequest)
        }
        let folder = try UploadsFolder.makeUploadFolder(in: services.options.uploadsFolder)
        // Whatever goes wrong from here on, the files are deleted; only the background import,
        // once it has them, deletes them itself when it ends.
        var handedOver = false
        defer { if !handedOver { try? FileManager.default.removeItem(at: folder) } }
        let receiver = UploadReceiver(boundary: boundary, folder: folder, expectedCSRF: req.signed?.csrf ?? "")
        var total = 0
        do {
            if let whole = req.body.data {
                total = whole.readableBytes
                if total > max { throw UploadReceiver.Problem.tooLarge }
                try receiver.feed(whole)
            } else {
                for try await chunk in req.body {
                    total += chunk.readableBytes
                    if total > max { throw UploadReceiver.Problem.tooLarge }
                    try receiver.feed(chunk)
                }
            }
            try receiver.finish()
        } catch let problem as UploadReceiver.Problem {
            receiver.close()
            switch problem {
            case .forged: throw Abort(.forbidden, reason: "The form has expired. Go back, reload the page and try again.")
            default: return uploadError(req, problem, fileName: receiver.currentFileName, maxBytes: max)
            }
        } catch {
            receiver.close()
            return uploadError(req, FieldError(fieldID: UploadPage.fieldID, message: "The upload did not arrive whole. Try again"), status: .badRequest)
        }
        // ZIP files are opened here, so each file inside is read as if uploaded on its own.
        let paths: [String]
        do {
            paths = try receiver.files.flatMap { try unpackIfZip($0, into: folder, totalLimit: max * 20, entryLimit: max * 10) }
        } catch let problem as UploadReceiver.Problem {
            return uploadError(req, problem, fileName: nil, maxBytes: max)
        } catch {
            return uploadError(
                req, FieldError(fieldID: UploadPage.fieldID, message: "The ZIP file could not be unpacked. Make it again and upload it"),
                status: .unprocessableEntity)
        }
        let names = receiver.files.map(UploadReceiver.shownName)
        try await services.accounts.record(authority: user.authority, user: user.username, action: "uploaded files", target: names.joined(separator: ", "), isChildLevel: false)
        // The import is a job in the store: this process or another serving it runs it, and
        // deletes the files when it ends.
        let jobID = try await ImportJobs.enqueue(
            ImportJobs.Payload(paths: paths, folder: folder.path, fileName: names.joined(separator: ", "), size: total),
            authority: user.authority, user: user.username, services: services)
        handedOver = true
        return req.redirect(to: SitePath.uploadJob.link(String(jobID)), redirectType: .normal)
    }

    /// GET /data/jobs/:id: an upload's progress; once imported, its import page.
    static func job(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        guard let id = req.parameters.get("id", as: Int.self),
            let job = try await req.services.store.jobs(clock: req.services.clock).job(id, authority: user.authority), job.kind == ImportJobs.kind,
            let payload = try? job.payload(ImportJobs.Payload.self)
        else {
            throw Abort(.notFound)
        }
        if job.state == .done, let result = job.result(ImportJobs.Result.self) {
            return req.redirect(to: SiteURL.importDetail(String(result.importID)) + (result.unchanged ? "?unchanged=1" : ""), redirectType: .normal)
        }
        let fileCount = payload.fileName.split(separator: ",").count
        let summary = ImportRow(
            id: "upload \(job.id)", importedAt: job.createdAt, user: job.createdBy, fileCount: fileCount,
            years: [], rows: 0, errors: 0, warnings: 0, queries: 0, status: job.state == .failed ? .failed : .running)
        let waiting = job.state == .queued || job.state == .running
        let model = ImportPage.Model(
            summary: summary, files: [],
            progress: waiting ? ImportPage.Progress(step: job.message, filesDone: job.done, fileCount: max(job.total, fileCount)) : nil,
            findings: [], showsChildren: user.role.seesChildLevelData,
            failure: waiting ? nil : "\(payload.fileName): \(job.message)")
        return Pages.page(
            req, title: ImportPage.title(model), section: "Data", content: ImportPage.render(model),
            breadcrumbs: [Breadcrumb("Data", href: SiteURL.data)], extraHead: ImportPage.head(model),
            status: job.state == .failed ? .unprocessableEntity : .ok)
    }

    /// The files inside a ZIP upload, or the file itself. Every name in the ZIP is checked before
    /// anything is unpacked (a name that could point outside it refuses the whole ZIP), and the
    /// bytes are counted as they are unpacked, whatever sizes the ZIP declares: past `entryLimit`
    /// for one file or `totalLimit` for all, unpacking stops. The caller deletes the folder.
    static func unpackIfZip(_ file: URL, into folder: URL, totalLimit: Int, entryLimit: Int) throws -> [String] {
        guard file.pathExtension.lowercased() == "zip" else { return [file.path] }
        let shownName = UploadReceiver.shownName(file)
        // Read by BoundedZip: every read stays inside the upload's bytes, and a compressed file
        // that ends before its data does is refused rather than read for ever.
        let archive: BoundedZip
        do {
            archive = try BoundedZip(data: try Data(contentsOf: file, options: .alwaysMapped))
        } catch { throw UploadReceiver.Problem.wrongFormat(shownName) }
        let entries = archive.entries
        if entries.contains(where: { !isContained($0.path) }) { throw UploadReceiver.Problem.unsafeName(shownName) }
        let target = folder.appendingPathComponent(file.deletingPathExtension().lastPathComponent + "-unzipped")
        var out: [String] = []
        var total = 0
        for entry in entries where !entry.isDirectory {
            let path = entry.path.replacingOccurrences(of: "\\", with: "/")
            let name = UploadReceiver.safeName((path as NSString).lastPathComponent)
            guard UploadReceiver.readable.contains((name as NSString).pathExtension.lowercased()) else { continue }
            let dest = target.appendingPathComponent(UploadReceiver.safeName((path as NSString).deletingLastPathComponent.replacingOccurrences(of: "/", with: "_")))
                .appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: dest.deletingLastPathComponent(), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            guard FileManager.default.createFile(atPath: dest.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw UploadReceiver.Problem.wrongFormat(shownName)
            }
            let handle = try FileHandle(forWritingTo: dest)
            defer { try? handle.close() }
            var written = 0
            do {
                try archive.extract(entry, limit: Int.max) { chunk in
                    written += chunk.count
                    total += chunk.count
                    if written > entryLimit { throw UploadReceiver.Problem.unpacksTooLarge(shownName, limit: entryLimit) }
                    if total > totalLimit { throw UploadReceiver.Problem.unpacksTooLarge(shownName, limit: totalLimit) }
                    try handle.write(contentsOf: chunk)
                }
            } catch let problem as UploadReceiver.Problem {
                throw problem
            } catch {
                throw UploadReceiver.Problem.wrongFormat(shownName)
            }
            out.append(dest.path)
        }
        if out.isEmpty { throw UploadReceiver.Problem.wrongFormat(shownName) }
        try? FileManager.default.removeItem(at: file)
        return out.sorted()
    }

    /// Whether a name inside a ZIP stays inside it: not absolute, no drive letter, no `..` part
    /// (backslashes read as folder separators, as Windows writes them), no NUL.
    static func isContained(_ name: String) -> Bool {
        let path = name.replacingOccurrences(of: "\\", with: "/")
        if path.isEmpty || path.hasPrefix("/") || path.contains("\u{0}") { return false }
        if let colon = path.firstIndex(of: ":"), path[..<colon].count <= 1 || !path[..<colon].contains("/") { return false }
        return !path.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }
}

/// Receives a multipart upload part by part, writing files straight to disk.
final class UploadReceiver {
    enum Problem: Error { case tooLarge, forged, wrongFormat(String), noFile, unpacksTooLarge(String, limit: Int), unsafeName(String) }
    /// File name endings Oversight reads.
    static let readable: Set<String> = ["csv", "xml", "xlsx", "zip"]

    private let parser: MultipartParser
    private let folder: URL
    private let expectedCSRF: String
    private var headers: [String: String] = [:]
    private var csrf = ""
    private var handle: FileHandle?
    private var isCSRFChecked = false
    private var failure: Problem?
    private(set) var files: [URL] = []
    private(set) var currentFileName: String?

    init(boundary: String, folder: URL, expectedCSRF: String) {
        parser = MultipartParser(boundary: boundary)
        self.folder = folder; self.expectedCSRF = expectedCSRF
        parser.onHeader = { [unowned self] name, value in headers[name.lowercased()] = value }
        parser.onBody = { [unowned self] buffer in body(&buffer) }
        parser.onPartComplete = { [unowned self] in partComplete() }
    }

    func feed(_ buffer: ByteBuffer) throws {
        try parser.execute(buffer)
        if let failure { throw failure }
    }

    func finish() throws {
        if let failure { throw failure }
        try? handle?.close()
        handle = nil
        guard isCSRFChecked else { throw Problem.forged }
        guard !files.isEmpty else { throw Problem.noFile }
    }

    private var disposition: (name: String?, filename: String?) {
        guard let d = headers["content-disposition"] else { return (nil, nil) }
        return MultipartForm.disposition(d)
    }

    private func body(_ buffer: inout ByteBuffer) {
        guard failure == nil else { return }
        let (name, filename) = disposition
        if name == "csrf" {
            csrf += buffer.readString(length: buffer.readableBytes) ?? ""
            return
        }
        guard let filename, !filename.isEmpty else { return }
        if handle == nil {
            // The CSRF field comes before the file in the form; nothing is kept without it.
            guard isCSRFChecked || checkCSRF() else { failure = .forged; return }
            let safe = Self.safeName((filename as NSString).lastPathComponent)
            currentFileName = safe
            guard Self.readable.contains((safe as NSString).pathExtension.lowercased()) else { failure = .wrongFormat(safe); return }
            let url = folder.appendingPathComponent(String(format: "%03d-", files.count + 1) + safe)
            _ = FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
            handle = FileHandle(forWritingAtPath: url.path)
            files.append(url)
        }
        if let bytes = buffer.readBytes(length: buffer.readableBytes) { handle?.write(Data(bytes)) }
    }

    private func partComplete() {
        if disposition.name == "csrf" { _ = checkCSRF() }
        try? handle?.close()
        handle = nil
        headers = [:]
    }

    private func checkCSRF() -> Bool {
        isCSRFChecked = !expectedCSRF.isEmpty && Gate.constantTimeEqual(csrf.trimmingCharacters(in: .whitespacesAndNewlines), expectedCSRF)
        return isCSRFChecked
    }

    /// Closes the file being written, after a failure.
    func close() {
        try? handle?.close()
        handle = nil
    }

    /// The name the user gave a received file (without the number it is stored under).
    /// A message about uploaded files with their places on the server replaced by the names the
    /// user gave them: the uploads folder is the server's business (found by
    /// `scripts/security-check`).
    static func withoutServerPaths(_ message: String, folder: URL, paths: [String]) -> String {
        var out = message
        for path in paths.sorted(by: { $0.count > $1.count }) {
            out = out.replacingOccurrences(of: path, with: UploadReceiver.shownName(URL(fileURLWithPath: path)))
        }
        for prefix in [folder.path + "/", folder.standardizedFileURL.path + "/", folder.resolvingSymlinksInPath().path + "/"] {
            out = out.replacingOccurrences(of: prefix, with: "")
        }
        return out
    }

    static func shownName(_ file: URL) -> String {
        let name = file.lastPathComponent
        guard name.count > 4, name.prefix(3).allSatisfy(\.isNumber), name.dropFirst(3).first == "-" else { return name }
        return String(name.dropFirst(4))
    }

    /// A file name without folders or characters that could escape the upload folder.
    static func safeName(_ name: String) -> String {
        let cleaned = String(name.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" ? $0 : "_" })
        let trimmed = cleaned.trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return trimmed.isEmpty ? "upload" : String(trimmed.prefix(120))
    }
}
