/// One column of an `ExportTable`: its heading and the type of its values.
public struct ExportColumn: Hashable, Sendable {
    /// What the column's values are. CSV writes them as plain text; XLSX writes numbers and
    /// dates as typed cells (never text), each type with its number format.
    public enum Kind: String, Hashable, Sendable {
        /// Text.
        case text
        /// A whole number (format `0`).
        case integer
        /// A number with a fraction (format `0.00`).
        case decimal
        /// A percentage held as the product holds it, 18.5 for 18.5%; XLSX stores 0.185 with the
        /// format `0.0%` so a spreadsheet computes with it as a percentage.
        case percent
        /// A calendar date (ISO `yyyy-mm-dd` in CSV, a date serial shown `dd/mm/yyyy` in XLSX).
        case date
    }

    public var heading: String
    public var kind: Kind

    public init(_ heading: String, _ kind: Kind = .text) { self.heading = heading; self.kind = kind }
}
