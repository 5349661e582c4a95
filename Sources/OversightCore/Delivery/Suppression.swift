/// Small-number suppression for versions of a report shared beyond the authority: a count of 1
/// to 4 is shown as "c" (as the DfE does), and so is a percentage or rate whose numerator or
/// denominator is 1 to 4, since the count could be worked back from it. 0 is shown: it
/// identifies no one.
public struct Suppression: Sendable, Hashable {
    /// Whether suppression is on.
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    /// Off: every number shown.
    public static let off = Suppression(enabled: false)
    /// On: small numbers shown as "c".
    public static let on = Suppression(enabled: true)

    /// The mark shown instead of a suppressed number.
    public static let mark = "c"

    /// Whether a count must be hidden.
    public static func isSmall(_ count: Double?) -> Bool {
        guard let c = count else { return false }
        return c >= 1 && c <= 4
    }

    /// Whether a measure result's value must be hidden.
    public func hides(_ result: MeasureResult) -> Bool {
        guard enabled else { return false }
        switch result.unit {
        case .count: return Self.isSmall(result.value)
        case .percent, .rate: return Self.isSmall(result.numerator) || (result.unit == .percent && Self.isSmall(result.denominator))
        case .ratio: return false
        }
    }

    /// Whether a count must be hidden.
    public func hides(count: Double?) -> Bool { enabled && Self.isSmall(count) }

    /// A count as text: "c" when hidden, else the whole number.
    public func text(count: Int) -> String {
        hides(count: Double(count)) ? Self.mark : String(count)
    }
}
