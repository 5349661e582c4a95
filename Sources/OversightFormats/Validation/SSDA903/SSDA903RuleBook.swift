/// The SSDA903 rules Oversight implements, each with the collection years it is in force.
///
/// A rule the DfE changed between years appears once per version, each with its own year range.
enum SSDA903RuleBook {
    /// The first and last collection years whose rules are known (2023-24 to 2026-27).
    static let firstYear = 2024
    static let lastYear = 2027

    static let all: [SSDA903Rule] =
        headerRules + episodeRules + episodeSequenceRules + reviewRules + missingRules
        + careLeaverRules + healthRules + adoptionRules + uascRules + permanenceRules + socialWorkerRules
        + integrityRules + previousYearRules + dolRules + cohortRules + consistencyRules + historyRules + placementHistoryRules

    /// The rules in force in collection `year`, sorted by code; years outside the known range use
    /// the nearest known year.
    static func rules(forYear year: Int) -> [SSDA903Rule] {
        let y = min(max(year, firstYear), lastYear)
        return all.filter { $0.info.years.contains(y) && !(year < firstYear && introducedInFirstYear($0.info.code)) }
            .sorted { order($0.info.code) < order($1.info.code) }
    }

    /// Rules the DfE introduced in 2023-24 (social worker episodes, the H5 registration rule and
    /// others): returns of earlier years, validated with the first year's rules, are not held to them.
    static func introducedInFirstYear(_ code: String) -> Bool {
        code.hasPrefix("SW") || ["1016", "217t", "230", "347"].contains(code)
    }

    /// Numeric codes first in number order (`103` before `1001`), then the others (`EPI`, `INT01`,
    /// `SW01STG1`) alphabetically.
    private static func order(_ code: String) -> (Int, Int, String) {
        let digits = code.prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? (1, 0, code) : (0, Int(digits) ?? 0, code)
    }
}
