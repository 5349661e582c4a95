/// A row a rule flags: the table and the row's position in `RawTable.rows`.
struct SSDA903Hit: Hashable, Sendable {
    var table: SSDA903Table
    var index: Int
}
