import ArgumentParser
import OversightStore

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the SQLite database while it is in use.",
        discussion: "PostgreSQL: use pg_dump (see docs/performance-store.md). Exit status: 0 written, 2 otherwise."
    )
    @Option(help: "The backup file to write (must not exist).") var to: String

    func run() throws {
        let path = to
        try StoreSession.run { store in try await store.backup(to: path) }
        print("backup written to \(path)")
    }
}
