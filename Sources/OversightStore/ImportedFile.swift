/// One file of an import, as recorded.
public struct ImportedFile: Hashable, Sendable, Codable {
    /// The path as given to `oversight import`.
    public var path: String
    /// Size in bytes.
    public var size: Int
    /// SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String
    /// As `LoadedFile.format`: `ssda903-csv`, `ssda903-xml`, `cin-xml`, `missing-local`, `supervision-local`, `annex-a`, `unknown`.
    public var format: String
    /// The tables the file held, comma-separated.
    public var table: String
    /// The collection year read from the path or the content; nil when neither gives one.
    public var collectionYear: Int?
    /// Rows (CSV), table rows (SSDA903 XML) or children (CIN XML) read.
    public var rowsRead: Int
    /// Records stored after dropping blank child ids and keeping the later of duplicate rows.
    public var rowsStored: Int
}
