import Foundation
import OversightFormats

/// An import as recorded: who, when, which files, and its findings by severity.
public struct ImportSummary: Hashable, Sendable {
    public var id: ImportID
    /// The local authority code the import belongs to.
    public var authority: String
    /// Who imported: `--user`, else `$USER`.
    public var user: String
    /// When, from the repository's clock.
    public var importedAt: Date
    /// Active, or undone.
    public var status: ImportStatus
    /// Collection years of the import's files, ascending.
    public var collectionYears: [Int]
    /// The files in path order.
    public var files: [ImportedFile]
    /// Findings stored with the import, by severity.
    public var findings: [Severity: Int]
}
