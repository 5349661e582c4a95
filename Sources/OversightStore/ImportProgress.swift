/// How far an import has got, reported to `ImportRepository.importFiles(progress:)`.
///
/// Phases come in order; within a phase `done` rises from 0 to `total`. A phase may be skipped
/// (`storing` when the same files were imported before).
public struct ImportProgress: Hashable, Sendable {
    /// What the import is doing.
    public enum Phase: String, Hashable, Sendable, CaseIterable {
        /// Reading the files' bytes for their SHA-256 (`done`/`total`: files).
        case hashing
        /// Reading and validating the files (`done`/`total`: files; validation runs when all are read).
        case reading
        /// Writing records and findings in the one transaction (`done`/`total`: records).
        case storing
        /// Finished: stored, or nothing changed (`done` equals `total`).
        case finished
    }

    /// The current phase.
    public var phase: Phase
    /// Units done in this phase.
    public var done: Int
    /// Units in this phase.
    public var total: Int

    /// Progress of `done` out of `total` in `phase`.
    public init(phase: Phase, done: Int, total: Int) {
        self.phase = phase; self.done = done; self.total = total
    }

    /// Done as a fraction of this phase, 0 to 1 (1 when the phase has nothing to do).
    public var fraction: Double { total == 0 ? 1 : Double(done) / Double(total) }
}
