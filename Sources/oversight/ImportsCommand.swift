import ArgumentParser
import Foundation
import OversightFormats
import OversightStore

struct ImportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imports",
        abstract: "List imports, or undo one.",
        subcommands: [ListImports.self, UndoImport.self]
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
            print(MeasureOutput.table(imports.map { s in
                [s.id.description, s.authority, s.status.rawValue, iso.string(from: s.importedAt), s.user,
                 s.collectionYears.map(String.init).joined(separator: ","), String(s.files.count),
                 String(s.files.reduce(0) { $0 + $1.rowsStored }),
                 Severity.allCases.map { String(s.findings[$0] ?? 0) }.joined(separator: "/")]
            }, header: ["import", "la", "status", "when", "who", "years", "files", "records", "errors/warnings/queries"]), terminator: "")
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
