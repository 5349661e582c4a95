import Foundation

/// Paths the tests read, found from this file's location (the repository root is two folders up).
enum RepositoryPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The DfE's published statistics beside the repository, until the tests read a bundled copy.
    static let published = root.deletingLastPathComponent().appendingPathComponent("shared/reference/dfe-published")
}
