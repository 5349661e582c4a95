import ArgumentParser
import OversightStore

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the SQLite database with a backup made by `oversight backup`.",
        discussion: "Stop other users of the database first. The replaced file is kept as <database>.before-restore. Exit status: 0 restored, 2 otherwise."
    )
    @Argument(help: "The backup file.") var file: String

    func run() throws {
        guard case .sqlite(let path) = StoreConfiguration.fromEnvironment() else {
            throw CLIError.usage("the store is PostgreSQL: restore with pg_restore (see docs/performance-store.md)")
        }
        let file = self.file
        try StoreSession.blocking { try await Store.restore(from: file, to: path) }
        print("restored \(path) from \(file)")
    }
}
