import ArgumentParser
import Foundation
import OversightFormats
import OversightStore

struct ImportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imports",
        abstract: "List imports, show one's findings, or undo one.",
        subcommands: [ListImports.self, ShowImport.self, UndoImport.self]
    )

    struct ListImports: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the imports of an authority, oldest first.")
        @Option(help: "Local authority code. Default: the only authority in the store.") var la: String?

        func run() throws {
            let requested = la
            let imports = try StoreSession.run { store in
                try await store.imports().list(authority: try await StoreSession.authority(requested, in: store))
            }
            let iso = ISO8601DateFormatter()
            print(
                MeasureOutput.table(
                    imports.map { s in
                        [
                            s.id.description, s.authority, s.status.rawValue, iso.string(from: s.importedAt), s.user,
                            s.collectionYears.map(String.init).joined(separator: ","), String(s.files.count),
                            String(s.files.reduce(0) { $0 + $1.rowsStored }),
                            Severity.allCases.map { String(s.findings[$0] ?? 0) }.joined(separator: "/"),
                        ]
                    }, header: ["import", "la", "status", "when", "who", "years", "files", "records", "errors/warnings/queries"]), terminator: "")
        }
    }

    struct ShowImport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show an import's files and the findings stored with it.",
            discussion: """
                Examples:
                  oversight imports show 3
                  oversight imports show 3 --severity error --table Episodes
                  oversight imports show 3 --child C0042 --limit 20 --offset 20
                """
        )
        @Argument(help: "The import number (`oversight imports list`).") var id: Int
        @Option(help: "Local authority code. Default: the only authority in the store.") var la: String?
        @Option(help: "Only findings of this rule code.") var rule: String?
        @Option(help: "Only findings of this table or XML block (Episodes, CINdetails, ...).") var table: String?
        @Option(help: "Only findings about this child id.") var child: String?
        @Option(help: "Only findings of this severity: error, warning or query.") var severity: String?
        @Option(help: "Findings to skip.") var offset: Int = 0
        @Option(help: "Findings to show (1 to 10000).") var limit: Int = 100

        func run() throws {
            var sev: Severity?
            if let severity {
                guard let s = Severity(rawValue: severity) else { throw CLIError.usage("--severity must be error, warning or query, not '\(severity)'") }
                sev = s
            }
            let requested = la, id = ImportID(self.id)
            let filter = FindingFilter(rule: rule, table: table, child: child, severity: sev, offset: offset, limit: limit)
            let (summary, page) = try StoreSession.run { store in
                let authority = try await StoreSession.authority(requested, in: store)
                let page = try await store.imports().findings(importID: id, authority: authority, filter: filter)
                return (try await store.imports().list(authority: authority).first { $0.id == id }, page)
            }
            if let s = summary {
                print("import \(s.id) for \(s.authority), \(s.status.rawValue), by \(s.user) at \(ISO8601DateFormatter().string(from: s.importedAt))")
                for f in s.files { print("  \(f.path): \(f.format) \(f.table), \(f.rowsRead) read, \(f.rowsStored) stored, sha256 \(f.sha256)") }
            }
            let last = page.filter.offset + page.findings.count
            print("findings \(page.findings.isEmpty ? 0 : page.filter.offset + 1) to \(last) of \(page.total)\(page.hasMore ? " (--offset \(last) for more)" : "")")
            print(
                MeasureOutput.table(
                    page.findings.map {
                        [$0.severity.rawValue, $0.rule, $0.file, $0.table, $0.row.map(String.init) ?? "", $0.child ?? "", $0.fields.joined(separator: ","), $0.message]
                    }, header: ["severity", "rule", "file", "table", "row", "child", "fields", "message"]), terminator: "")
        }
    }

    struct UndoImport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "undo", abstract: "Undo an import: the data is as it was before it.")
        @Argument(help: "The import number (`oversight imports list`).") var id: Int
        @Option(help: "Local authority code. Default: the only authority in the store.") var la: String?

        func run() throws {
            let requested = la, id = ImportID(self.id)
            try StoreSession.run { store in
                try await store.imports().undo(id, authority: try await StoreSession.authority(requested, in: store))
            }
            print("import \(id) undone")
        }
    }
}
