/// One collection year's SSDA903 return: its tables as read (a table absent from the upload is
/// absent here).
public struct SSDA903Return: Sendable {
    /// The collection year (2025 = 1 April 2024 to 31 March 2025).
    public var collectionYear: Int
    public var tables: [SSDA903Table: RawTable]
    public init(collectionYear: Int, tables: [SSDA903Table: RawTable]) {
        self.collectionYear = collectionYear; self.tables = tables
    }
    /// The table, or nil when it was not supplied.
    public subscript(_ t: SSDA903Table) -> RawTable? { tables[t] }
}
