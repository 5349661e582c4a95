import ArgumentParser
import Foundation
import OversightFormats
import OversightStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Validate data files and store them as one import (all or nothing).",
        discussion: """
            Examples:
              oversight import data/2024 data/2025 --la 358
              oversight import returns/ssda903_2025.xml --la 358 --user j.smith
            The same files again change nothing. Rows with errors are stored with their findings.
            Exit status: 0 stored (or nothing changed), 2 bad arguments or unusable input.
            """
    )

    @Argument(help: "Files or folders of SSDA903, CIN census and local files.") var paths: [String]
    @Option(help: "Local authority code (e.g. 358). Default: the only authority in the store.") var la: String?
    @Option(help: "Collection year for files whose name and content give none.") var year: Int?
    @Option(help: "Who imports (default: $USER).") var user: String?

    func run() throws {
        let paths = self.paths, year = self.year, requested = la
        let who = user ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        let outcome = try StoreSession.run { store in
            let authority: String
            if let requested {
                authority = requested
            } else {
                let all = try await store.imports().authorities()
                guard all.count == 1 else {
                    throw CLIError.usage(
                        all.isEmpty
                            ? "give the local authority code with --la CODE (e.g. --la 358)"
                            : "the store holds several local authorities (\(all.joined(separator: ", "))): choose one with --la CODE")
                }
                authority = all[0]
            }
            return try await store.imports().importFiles(paths: paths, authority: authority, user: who, defaultYear: year)
        }
        switch outcome {
        case .unchanged(let id):
            print("nothing changed: these files were already imported as import \(id)")
        case .imported(let s):
            print("import \(s.id) for \(s.authority): \(s.files.count) file(s), \(s.files.reduce(0) { $0 + $1.rowsStored }) records stored")
            for f in s.files {
                print("  \(f.path): \(f.format) \(f.table), \(f.rowsRead) read, \(f.rowsStored) stored")
            }
            let names: [Severity: (String, String)] = [.error: ("error", "errors"), .warning: ("warning", "warnings"), .query: ("query", "queries")]
            let counts = Severity.allCases.map { sev in
                let n = s.findings[sev] ?? 0
                return "\(n) \(n == 1 ? names[sev]!.0 : names[sev]!.1)"
            }
            print("  findings: \(counts.joined(separator: ", ")) (`oversight validate` on the same files lists them)")
        }
    }
}
