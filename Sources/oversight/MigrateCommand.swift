import ArgumentParser
import OversightStore

struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or update the database schema (the other store commands also do this on start-up).",
        discussion: """
            The database is ./oversight.sqlite, or the SQLite file OVERSIGHT_DATABASE names, or the
            PostgreSQL database DATABASE_URL=postgres://... names.
            Exit status: 0 up to date, 2 the database cannot be opened or is of a newer version.
            """
    )

    func run() throws {
        let applied = try StoreSession.run(migrate: false) { store in try await store.migrate() }
        let config = StoreConfiguration.fromEnvironment()
        if applied.isEmpty {
            print("\(config): schema up to date")
        } else {
            print("\(config): applied \(applied.joined(separator: ", "))")
        }
    }
}
