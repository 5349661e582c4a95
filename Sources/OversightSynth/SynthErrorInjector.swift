import OversightCore
import OversightFormats

/// Injects one well-known error into a child's rows for a year, choosing among the errors the
/// child's data allows. Each error is one the DfE's validation rule `rule` catches.
struct SynthErrorInjector {
    /// An error planned for a child: where it goes, before its row number is known.
    struct Planned {
        var table: SSDA903Table?
        /// Index of the row in the child's rows of that table.
        var index: Int
        var field: String
        var rule: String
        var description: String
    }

    /// Mutates `rows` (SSDA903) with one error; returns what was done, or nil when none fits.
    static func inject903(_ rows: inout [SSDA903Table: [[String]]], rng: inout SynthRandom) -> Planned? {
        var options: [Int] = [0, 5]
        if rows[.episodes]?.isEmpty == false { options += [1, 4] }
        if rows[.episodes]?.contains(where: { !$0[7].isEmpty }) == true { options.append(2) }
        if rows[.reviews]?.isEmpty == false { options.append(3) }
        func set(_ t: SSDA903Table, _ i: Int, _ col: String, _ v: String) {
            rows[t]![i][t.columns.firstIndex(of: col)!] = v
        }
        switch rng.element(options) {
        case 0:
            set(.header, 0, "ETHNIC", "XXXX")
            return Planned(table: .header, index: 0, field: "ETHNIC", rule: "103", description: "ETHNIC is not a valid ethnicity code")
        case 1:
            let i = rng.int(0...rows[.episodes]!.count - 1)
            set(.episodes, i, "PLACE", "Q9")
            return Planned(table: .episodes, index: i, field: "PLACE", rule: "146", description: "PLACE is not a valid placement type")
        case 2:
            let candidates = rows[.episodes]!.indices.filter { !rows[.episodes]![$0][7].isEmpty }
            let i = rng.element(candidates)
            let start = Day.parseUK(rows[.episodes]![i][1])!
            set(.episodes, i, "DEC", start.adding(days: -rng.int(3...40)).uk)
            return Planned(table: .episodes, index: i, field: "DEC", rule: "356", description: "DEC is before DECOM")
        case 3:
            let i = rng.int(0...rows[.reviews]!.count - 1)
            set(.reviews, i, "REVIEW_CODE", "PN9")
            return Planned(table: .reviews, index: i, field: "REVIEW_CODE", rule: "167", description: "REVIEW_CODE is not a valid participation code")
        case 4:
            let i = rng.int(0...rows[.episodes]!.count - 1)
            let y = Day.parseUK(rows[.episodes]![i][1])!.year
            set(.episodes, i, "DECOM", "31/02/\(y)")
            return Planned(table: .episodes, index: i, field: "DECOM", rule: "141", description: "DECOM is not a valid date")
        default:
            set(.header, 0, "SEX", "7")
            return Planned(table: .header, index: 0, field: "SEX", rule: "101", description: "SEX is not a valid code")
        }
    }

    /// Mutates a CIN census child with one error; returns what was done.
    static func injectCIN(_ child: inout CINRawChild, year: Int, rng: inout SynthRandom) -> Planned {
        let period = Period.reportingYear(year)
        // Rule 8866 looks at referrals made in the census year.
        let referredInYear = child.episodes.indices.filter { period.contains(Day.parseISO(child.episodes[$0].details["CINreferralDate"] ?? "")) }
        var options = [2]
        if !referredInYear.isEmpty { options.append(0) }
        if child.episodes.contains(where: { $0.details["CINclosureDate"] != nil }) { options.append(1) }
        switch rng.element(options) {
        case 0:
            let i = rng.element(referredInYear)
            child.episodes[i].details.fields["ReferralSource"] = "99"
            return Planned(table: nil, index: 0, field: "ReferralSource", rule: "8866", description: "ReferralSource is not a valid code")
        case 1:
            let i = child.episodes.firstIndex { $0.details["CINclosureDate"] != nil }!
            let referral = Day.parseISO(child.episodes[i].details["CINreferralDate"]!)!
            child.episodes[i].details.fields["CINclosureDate"] = referral.adding(days: -rng.int(1...30)).iso
            return Planned(table: nil, index: 0, field: "CINclosureDate", rule: "8630", description: "CINclosureDate is before CINreferralDate")
        default:
            child.identifiers.fields["PersonBirthDate"] = nil
            return Planned(table: nil, index: 0, field: "PersonBirthDate", rule: "8525Q", description: "PersonBirthDate is missing")
        }
    }
}
