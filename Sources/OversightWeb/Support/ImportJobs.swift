import Foundation
import OversightStore

/// Imports of uploaded files, run as jobs ("import") by whichever process claims them. The
/// uploaded files wait in the uploads folder, which the processes serving one store share; the
/// job deletes them when it ends.
public enum ImportJobs {
    static let kind = "import"

    /// What an import job needs.
    struct Payload: Codable, Sendable {
        /// The files to import, as the server keeps them.
        var paths: [String]
        /// The upload's folder, deleted when the job ends; nil for files the job must not delete
        /// (`oversight jobs import`).
        var folder: String?
        /// The names as uploaded, for people.
        var fileName: String
        var size: Int
    }

    /// What it made: the import, and whether it was new.
    struct Result: Codable, Sendable {
        var importID: Int
        var unchanged: Bool
    }

    /// Adds the import of `payload` for `authority`, asked by `user`; returns the job's number.
    static func enqueue(_ payload: Payload, authority: String, user: String, services: WebServices) async throws -> Int {
        let text = String(decoding: try JSONEncoder.jobs.encode(payload), as: UTF8.self)
        let id = try await services.store.jobs(clock: services.clock).enqueue(
            kind: kind, authority: authority, by: user, payload: text, message: "Waiting to start")
        services.runner.wake()
        return id.id
    }

    /// Adds the import of files already on the server (`oversight jobs import`): they are
    /// imported by a process serving `store` and are not deleted. Returns the job's number.
    public static func enqueue(store: Store, paths: [String], authority: String, user: String) async throws -> Int {
        let names = paths.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")
        let size = paths.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        let payload = Payload(paths: paths, folder: nil, fileName: names, size: size)
        return try await store.jobs().enqueue(
            kind: kind, authority: authority, by: user, payload: String(decoding: try JSONEncoder.jobs.encode(payload), as: UTF8.self)
        ).id
    }

    /// Runs an import job: imports the files in one transaction (a retry after a killed process
    /// finds the import either not stored at all, or stored whole and so "unchanged").
    static func run(_ job: Job, _ progress: JobProgress, services: WebServices) async throws -> JobEnding {
        let payload = try job.payload(Payload.self)
        let ending = try await importFiles(payload, job: job, progress: progress, services: services)
        if let folder = payload.folder { try? FileManager.default.removeItem(atPath: folder) }
        return ending
    }

    private static func importFiles(_ payload: Payload, job: Job, progress: JobProgress, services: WebServices) async throws -> JobEnding {
        let fm = FileManager.default
        guard payload.paths.allSatisfy({ fm.fileExists(atPath: $0) }) else {
            return .failed(
                "The uploaded files were not found by the server that took up the import (the servers must share one uploads folder). Nothing was changed. Upload them again."
            )
        }
        let folder = payload.folder.map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: "/")
        do {
            let outcome = try await services.store.imports().importFiles(
                paths: payload.paths, authority: job.authority, user: job.createdBy,
                progress: { p in
                    Task {
                        switch p.phase {
                        case .hashing, .reading: await progress.report(Self.words(p), done: p.done, total: p.total)
                        case .storing, .finished: await progress.report(Self.words(p))
                        }
                    }
                })
            switch outcome {
            case .imported(let summary):
                await services.dashboards.invalidate(authority: job.authority)
                try? await services.accounts.record(
                    authority: job.authority, user: job.createdBy, action: "imported", target: "import \(summary.id)", isChildLevel: false)
                services.metrics.importFinished(outcome: "imported")
                return .done("Imported", result: try result(Result(importID: summary.id.rawValue, unchanged: false)))
            case .unchanged(let existing):
                services.metrics.importFinished(outcome: "unchanged")
                return .done(
                    "Nothing changed: these files were already imported as import \(existing).",
                    result: try result(Result(importID: existing.rawValue, unchanged: true)))
            }
        } catch let e as StoreError {
            services.metrics.importFinished(outcome: "failed")
            return .failed(UploadReceiver.withoutServerPaths(e.description, folder: folder, paths: payload.paths))
        }
    }

    static func result(_ r: Result) throws -> String {
        String(decoding: try JSONEncoder.jobs.encode(r), as: UTF8.self)
    }

    /// Plain words on an import's step.
    static func words(_ p: ImportProgress) -> String {
        switch p.phase {
        case .hashing: "Reading the files"
        case .reading: "Checking the files against the DfE's rules"
        case .storing: "Storing the records (\(p.done) of \(p.total))"
        case .finished: "Finishing"
        }
    }
}
