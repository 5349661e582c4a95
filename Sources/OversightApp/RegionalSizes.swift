import OversightCore
import OversightFormats

/// How big each authority of a region is, from the published statistics Oversight carries: for
/// a synthetic region (`oversight synth --region`), each member is generated at its published
/// size relative to Trafford's (the generator's scale 1).
public enum RegionalSizes {
    /// One member's size: the published referrals in `year` (children looked after on 31 March
    /// when referrals are not published) over Trafford's, and the figures it came from.
    public struct Size: Sendable, Hashable {
        public var authority: String
        /// The multiple of Trafford's size (Trafford is 1).
        public var factor: Double
        /// The published measure the factor was read from (`referrals` or `cla_at_end`).
        public var measure: String
        public var year: Int
        public var value: Double
        public var trafford: Double
    }

    /// Trafford's code: the synthetic generator's scale 1 is Trafford's size.
    public static let trafford = "358"

    /// `authority`'s size relative to Trafford in the newest year, from 2025 back to 2019, that
    /// publishes both; nil when none does.
    public static func size(of authority: String, in statistics: PublishedStatistics, newestYear: Int = 2025) -> Size? {
        for measure in ["referrals", "cla_at_end"] {
            for year in stride(from: newestYear, through: 2019, by: -1) {
                guard let mine = statistics.value(measure: measure, geography: .localAuthority(authority), year: year),
                    let theirs = statistics.value(measure: measure, geography: .localAuthority(trafford), year: year), theirs > 0, mine > 0
                else { continue }
                return Size(authority: authority, factor: mine / theirs, measure: measure, year: year, value: mine, trafford: theirs)
            }
        }
        return nil
    }
}
