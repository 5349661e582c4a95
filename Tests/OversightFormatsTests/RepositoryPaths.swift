import Foundation

/// Paths the tests read, found from this file's location (the repository root is two folders up).
enum RepositoryPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The shared reference data beside the repository (`../shared`), never copied into it.
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    static let published = shared.appendingPathComponent("reference/dfe-published")
    static let seedPlan = shared.appendingPathComponent("seed/improvement-plan-2020.md")
}
