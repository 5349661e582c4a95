/// The kind of case an audited child has: CIN (child in need), CP (on a child protection plan) or
/// CLA (child looked after). A child on a plan and looked after counts as CLA.
public enum CaseKind: String, Codable, Sendable, CaseIterable {
    case cin, cp, cla

    /// The name users read.
    public var title: String {
        switch self {
        case .cin: "Child in need"
        case .cp: "Child protection"
        case .cla: "Child looked after"
        }
    }
}
