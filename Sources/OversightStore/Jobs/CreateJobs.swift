import FluentKit
import SQLKit

/// Background work kept in the database (`JobRepository`): one row a job, claimed by one
/// process at a time under a lease. Times are seconds since 1970, as the processes' clocks give
/// them.
struct CreateJobs: AsyncMigration {
    var name: String { "2026-12-08-01-create-jobs" }

    func prepare(on database: any Database) async throws {
        try await database.schema(JobRepository.table)
            .field("id", .int, .identifier(auto: true))
            .field("kind", .string, .required)
            .field("la_code", .string, .required)
            .field("created_by", .string, .required)
            .field("payload", .string, .required)
            .field("unique_key", .string)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("owner", .string)
            .field("lease_until", .double)
            .field("created_at", .double, .required)
            .field("started_at", .double)
            .field("finished_at", .double)
            .field("message", .string, .required)
            .field("result", .string)
            .field("done", .int, .required)
            .field("total", .int, .required)
            .unique(on: "unique_key")
            .create()
        try await (database as! any SQLDatabase).create(index: "jobs_state_id").on(JobRepository.table).column("state").column("id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(JobRepository.table).delete()
    }
}
