/// A named group of local authorities kept in one store (a regional deployment, such as Greater
/// Manchester's ten): a regional analyst's account belongs to the region, and sees every member's
/// aggregates side by side, never a child.
public struct Region: Sendable, Hashable, Codable {
    /// The region's short code (letters and digits, never three digits, so never an authority's
    /// code): the authority of its regional analysts' accounts.
    public var code: String
    /// The region's name as pages show it ("Greater Manchester").
    public var name: String
    /// The member authorities' 3-digit codes, in the order the pages show them.
    public var members: [String]

    public init(code: String, name: String, members: [String]) {
        self.code = code; self.name = name; self.members = members
    }

    /// The problems with a region's definition, in words; empty when it is usable.
    public static func problems(code: String, name: String, members: [String]) -> [String] {
        var out: [String] = []
        if !isRegionCode(code) { out.append("a region's code is 2 to 12 letters, digits or hyphens, not three digits alone ('\(code)' is not)") }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { out.append("a region needs a name") }
        if members.count < 2 { out.append("a region needs at least two member authorities") }
        for m in members where !isAuthorityCode(m) { out.append("'\(m)' is not a local authority's 3-digit code") }
        if Set(members).count != members.count { out.append("a member authority is listed twice") }
        return out
    }

    /// Whether `code` can name a region: 2 to 12 letters, digits or hyphens, and not an
    /// authority's three digits.
    public static func isRegionCode(_ code: String) -> Bool {
        (2...12).contains(code.count) && code.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" } && !isAuthorityCode(code)
    }

    /// Whether `code` is a local authority's 3-digit code.
    public static func isAuthorityCode(_ code: String) -> Bool { code.count == 3 && code.allSatisfy { $0.isASCII && $0.isNumber } }

    /// Greater Manchester's ten authorities, with their DfE codes (as the published statistics
    /// Oversight carries name them): Bolton 350, Bury 351, Manchester 352, Oldham 353, Rochdale
    /// 354, Salford 355, Stockport 356, Tameside 357, Trafford 358, Wigan 359.
    public static let greaterManchester = Region(
        code: "GM", name: "Greater Manchester", members: ["350", "351", "352", "353", "354", "355", "356", "357", "358", "359"])
}
