/// Who an audit is about: a child (case file and multi-agency audits) or a worker (supervision
/// audits, by the worker's id as the supervision records carry it).
public enum AuditSubject: Hashable, Sendable, Codable {
    case child(ChildID)
    case worker(String)

    /// The child, when the subject is one.
    public var child: ChildID? { if case .child(let c) = self { return c } else { return nil } }
    /// The worker, when the subject is one.
    public var worker: String? { if case .worker(let w) = self { return w } else { return nil } }

    /// `child:ID` or `worker:ID`, as stored.
    public var stored: String {
        switch self {
        case .child(let c): "child:\(c.rawValue)"
        case .worker(let w): "worker:\(w)"
        }
    }

    /// Reads `stored`; nil for anything else.
    public init?(stored: String) {
        if stored.hasPrefix("child:"), let c = ChildID(normalising: String(stored.dropFirst(6))) {
            self = .child(c)
        } else if stored.hasPrefix("worker:"), stored.count > 7 {
            self = .worker(String(stored.dropFirst(7)))
        } else {
            return nil
        }
    }
}
