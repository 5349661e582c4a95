/// What `ImportRepository.importFiles` did.
public enum ImportOutcome: Hashable, Sendable {
    /// The files were stored as a new import.
    case imported(ImportSummary)
    /// The same files (by SHA-256) are already stored as this active import; nothing changed.
    case unchanged(ImportID)
}
