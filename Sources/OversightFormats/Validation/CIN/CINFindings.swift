/// The findings one rule makes, before they are located in the file.
struct CINFindings: Sendable {
    struct Finding: Sendable {
        /// Index into `CINCensus.children`; nil for a finding about the whole return.
        var child: Int?
        /// Overrides the rule's table.
        var table: String?
        /// Overrides the rule's fields.
        var fields: [String]?
        /// Added to the rule's message in brackets, e.g. which episode.
        var note: String?
        /// The child's normalised id when the child is not in this return (a finding about the
        /// previous year's return).
        var absentChildID: String?
    }

    /// Index of the child a child rule is looking at.
    var currentChild: Int?
    var items: [Finding] = []

    /// Records a finding about the current child (or, in a return rule, about `child`).
    mutating func flag(child: Int? = nil, table: String? = nil, fields: [String]? = nil, _ note: String? = nil) {
        items.append(Finding(child: child ?? currentChild, table: table, fields: fields, note: note))
    }

    /// Records a finding about a child who is not in this return.
    mutating func flag(absentChildID: String, _ note: String) {
        items.append(Finding(child: nil, table: nil, fields: nil, note: note, absentChildID: absentChildID))
    }
}
