import ArgumentParser
import Foundation
import OversightFormats
import OversightStore
import OversightWeb

struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Background jobs in the store: list them, or add an import for the serving processes to run.",
        discussion: """
            Imports of uploaded files, scheduled board packs and e-mails are jobs kept in the store. Every \
            `oversight serve` process on the store runs them, each job once; a job whose process stopped is \
            started again by another when its lease (OVERSIGHT_JOB_LEASE_SECONDS, 30 by default) runs out, \
            up to three starts.
            """,
        subcommands: [List.self, Import.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The newest jobs first.")
        @Option(help: "Only this authority's jobs.") var la: String?
        @Option(help: "How many at most.") var limit: Int = 50
        @Option(help: "table or json.") var format: String = "table"

        func run() throws {
            guard format == "table" || format == "json" else { throw CLIError.usage("--format must be table or json") }
            let la = la, limit = limit
            let jobs = try StoreSession.run { store in try await store.jobs().list(authority: la, limit: limit) }
            if format == "json" {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                encoder.dateEncodingStrategy = .iso8601
                print(String(decoding: try encoder.encode(jobs), as: UTF8.self))
                return
            }
            let iso = ISO8601DateFormatter()
            print(
                MeasureOutput.table(
                    jobs.map { j in
                        [
                            String(j.id), j.kind, j.authority, j.state.rawValue, "\(j.attempts)/\(j.maxAttempts)", j.owner ?? "",
                            iso.string(from: j.createdAt), j.finishedAt.map(iso.string) ?? "", j.message,
                        ]
                    }, header: ["job", "kind", "la", "state", "starts", "process", "added", "ended", "message"]), terminator: "")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Add an import of files on this server as a job, for a serving process to run; prints its number.")
        @Option(help: "Local authority code.") var la: String
        @Option(help: "Who is importing (recorded with the import).") var user: String = NSUserName()
        @Flag(help: "Wait until the job has ended; exit 1 when it failed.") var wait = false
        @Argument(help: "Files or folders, as for `oversight import`.") var paths: [String]

        func run() throws {
            let paths = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            for p in paths where !FileManager.default.fileExists(atPath: p) { throw CLIError.usage("\(p): no such file or folder") }
            let la = la, user = user
            let id = try StoreSession.run { store in try await ImportJobs.enqueue(store: store, paths: paths, authority: la, user: user) }
            print(id)
            guard wait else { return }
            while true {
                Thread.sleep(forTimeInterval: 1)
                guard let job = try StoreSession.run({ store in try await store.jobs().job(id, authority: la) }) else { throw CLIError.usage("job \(id) is gone") }
                if job.state == .done {
                    FileHandle.standardError.write(Data("job \(id): \(job.message)\n".utf8))
                    return
                }
                if job.state == .failed {
                    FileHandle.standardError.write(Data("job \(id) failed: \(job.message)\n".utf8))
                    throw ExitCode(1)
                }
            }
        }
    }
}
