/// A case in an audit round's cohort: the child, the kind of case on the cohort day, and the
/// allocated worker and their team where the data says.
public struct CohortCase: Hashable, Sendable, Codable {
    public var child: ChildID
    public var caseKind: CaseKind
    public var worker: String?
    public var team: String?
    public init(child: ChildID, caseKind: CaseKind, worker: String? = nil, team: String? = nil) {
        self.child = child; self.caseKind = caseKind; self.worker = worker; self.team = team
    }
}
