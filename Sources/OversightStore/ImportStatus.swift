/// Whether an import's records count: `active`, or `undone` by `oversight imports undo`.
public enum ImportStatus: String, Sendable, Codable, CaseIterable {
    case active, undone
}
