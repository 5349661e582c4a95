import OversightCore

/// The size of a synthetic local authority.
public enum SynthScale: Sendable, Hashable {
    /// About Trafford's size: ~1,900 referrals and ~370 children looked after a year.
    case trafford
    /// England: ~650,000 referrals and ~80,000 children looked after a year.
    case national
    /// `n` times Trafford.
    case factor(Double)
}
