import Foundation

/// One import as the data page lists it.
public struct ImportRow: Sendable, Hashable {
    /// How an import stands.
    public enum Status: String, Sendable, Hashable {
        case running, active, undone, failed
        /// The status in words.
        public var words: String {
            switch self {
            case .running: return "Importing"
            case .active: return "Imported"
            case .undone: return "Undone"
            case .failed: return "Failed"
            }
        }
        /// The tag colour.
        public var colour: StatusTag.Colour {
            switch self {
            case .running: return .blue
            case .active: return .green
            case .undone: return .grey
            case .failed: return .red
            }
        }
    }

    public var id: String
    public var importedAt: Date
    public var user: String
    public var fileCount: Int
    /// Collection years of the files (2025 = 2024-25).
    public var years: [Int]
    /// Records stored.
    public var rows: Int
    public var errors: Int
    public var warnings: Int
    public var queries: Int
    public var status: Status

    public init(
        id: String, importedAt: Date, user: String, fileCount: Int, years: [Int], rows: Int, errors: Int, warnings: Int,
        queries: Int, status: Status
    ) {
        self.id = id; self.importedAt = importedAt; self.user = user; self.fileCount = fileCount; self.years = years; self.rows = rows
        self.errors = errors; self.warnings = warnings; self.queries = queries; self.status = status
    }

    /// "2022-23, 2023-24" or "Not known".
    public var yearsText: String { years.isEmpty ? "Not known" : years.sorted().map(Format.reportingYear).joined(separator: ", ") }
}
