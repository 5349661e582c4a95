/// The kind of case an audited child has: CIN (child in need), CP (on a child protection plan),
/// CLA (child looked after) or care leaver (a young person of 17 to 21 who was looked after). A
/// child on a plan and looked after counts as CLA.
public enum CaseKind: String, Codable, Sendable, CaseIterable {
    case cin, cp, cla
    case careLeaver = "care-leaver"

    /// The name users read.
    public var title: String {
        switch self {
        case .cin: "Child in need"
        case .cp: "Child protection"
        case .cla: "Child looked after"
        case .careLeaver: "Care leaver"
        }
    }
}
