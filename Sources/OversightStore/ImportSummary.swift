import Foundation
import OversightFormats

/// The identifier of one import, as `oversight imports list` shows it.
public struct ImportID: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public var description: String { String(rawValue) }
    public static func < (a: ImportID, b: ImportID) -> Bool { a.rawValue < b.rawValue }
}

/// Whether an import's records count: `active`, or `undone` by `oversight imports undo`.
public enum ImportStatus: String, Sendable, Codable, CaseIterable {
    case active, undone
}

/// One file of an import, as recorded.
public struct ImportedFile: Hashable, Sendable, Codable {
    /// The path as given to `oversight import`.
    public var path: String
    public var size: Int
    /// SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String
    /// As `LoadedFile.format`: `ssda903-csv`, `ssda903-xml`, `cin-xml`, `missing-local`, `supervision-local`, `annex-a`, `unknown`.
    public var format: String
    /// The tables the file held, comma-separated.
    public var table: String
    public var collectionYear: Int?
    /// Rows (CSV), table rows (SSDA903 XML) or children (CIN XML) read.
    public var rowsRead: Int
    /// Records stored after dropping blank child ids and keeping the later of duplicate rows.
    public var rowsStored: Int
}

/// An import as recorded: who, when, which files, and its findings by severity.
public struct ImportSummary: Hashable, Sendable {
    public var id: ImportID
    public var authority: String
    public var user: String
    public var importedAt: Date
    public var status: ImportStatus
    public var collectionYears: [Int]
    public var files: [ImportedFile]
    /// Findings stored with the import, by severity.
    public var findings: [Severity: Int]
}

/// What `ImportRepository.importFiles` did.
public enum ImportOutcome: Hashable, Sendable {
    /// The files were stored as a new import.
    case imported(ImportSummary)
    /// The same files (by SHA-256) are already stored as this active import; nothing changed.
    case unchanged(ImportID)
}
