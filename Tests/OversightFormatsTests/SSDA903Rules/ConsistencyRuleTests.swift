import OversightFormats
import Testing

@Suite("SSDA903 cross-table consistency rules")
struct ConsistencyRuleTests {
    static let adopted = AdoptionRuleTests.adopted
    static func ad1(_ extra: [String: String] = [:]) -> [String: String] { AdoptionRuleTests.ad1(extra) }
    static func placed(_ date: String = "01/02/2023", ceased: String = "", reason: String = "") -> [String: String] {
        AdoptionRuleTests.placed(date, ceased: ceased, reason: reason)
    }
    static func perm(_ prev: String, la: String = "", date: String = "") -> [String: String] { OtherRuleTests.perm(prev, la: la, date: date) }
    static func missing(start: String = "01/07/2023", end: String = "03/07/2023", dob: String = "01/01/2010") -> [String: String] {
        row(["DOB": dob, "MISSING": "M", "MIS_START": start, "MIS_END": end])
    }
    static let oc3 = CareLeaverAndHealthRuleTests.oc3()

    static let cases: [SSDA903RuleCase] = [
        pass("222", "URN for foster care", [.episodes: [ep(urn: "SC123456")]]),
        fail("222", "URN for placement with parents", [.episodes: [ep(place: "P1", provider: "PR0", urn: "SC123456")]]),
        pass("242", "XXXXXXX for adoption", year: 2026, [.episodes: [ep(decom: "01/06/2025", ls: "E1", place: "A4", urn: "XXXXXXX")]]),
        fail("242", "XXXXXXX for a children's home", year: 2026, [.episodes: [ep(decom: "01/06/2025", place: "K2", urn: "XXXXXXX")]]),
        pass("230", "H5 with a URN", [.episodes: [ep(place: "H5", urn: "SC123456")]]),
        fail("230", "H5 without a URN", [.episodes: [ep(place: "H5")]]),
        pass("392d", "different postcodes", [.episodes: [ep(home: "AB1 2CD", pl: "AB3 4EF")]]),
        fail("392d", "same postcode in foster care", [.episodes: [ep(home: "AB1 2CD", pl: "AB12CD")]]),
        pass("392b", "both postcodes", [.episodes: [ep(home: "AB1 2CD", pl: "AB3 4EF")]]),
        pass("392b", "UASC without postcodes", [.episodes: [ep()], .uasc: [OtherRuleTests.uasc("")]]),
        fail("392b", "no placement postcode", [.episodes: [ep(home: "AB1 2CD")]]),
        pass("437", "no episode after death", [.episodes: [ep(dec: "01/09/2023", rec: "E2")]]),
        fail("437", "episode after death", [.episodes: [ep(dec: "01/09/2023", rec: "E2"), ep(decom: "01/10/2023")]]),
        pass("165", "girl with MOTHER 0", [.header: [hdr(sex: "2", mother: "0")], .episodes: [ep()]]),
        fail("165", "MOTHER 2", [.header: [hdr(sex: "2", mother: "2")], .episodes: [ep()]]),
        fail("165", "boy with MOTHER", [.header: [hdr(mother: "0")], .episodes: [ep()]]),
        pass("628", "care leaver without MOTHER", [.header: [hdr(sex: "2", dob: "01/06/2004")], .episodes: [ep("2")], .oc3: [oc3]]),
        fail("628", "care leaver with MOTHER", [.header: [hdr(sex: "2", dob: "01/06/2004", mother: "0")], .episodes: [ep("2")], .oc3: [oc3]]),
        pass(
            "625", "baby born while looked after",
            [
                .header: [hdr(sex: "2", dob: "01/01/2006", mother: "1", mcDOB: "01/08/2023")],
                .episodes: [ep(dec: "01/09/2023", rec: "E13")],
            ]),
        pass(
            "625", "baby born while still looked after after an earlier episode ended",
            [
                .header: [hdr(sex: "2", dob: "01/01/2006", mother: "1", mcDOB: "01/10/2023")],
                .episodes: [ep(dec: "01/09/2023", rec: "X1"), ep(decom: "01/09/2023", rne: "P", place: "U3")],
            ]),
        fail(
            "625", "baby born after leaving care",
            [
                .header: [hdr(sex: "2", dob: "01/01/2006", mother: "1", mcDOB: "01/10/2023")],
                .episodes: [ep(dec: "01/09/2023", rec: "E13")],
            ]),
        pass("399", "short breaks without reviews", [.header: [hdr()], .episodes: [ep(ls: "V3")], .reviews: [row(["CHILD": "2"])]]),
        fail(
            "399", "short breaks with a review",
            [
                .header: [hdr()], .episodes: [ep(ls: "V3")],
                .reviews: [ReviewAndMissingRuleTests.review("01/09/2023", "PN1")],
            ]),
        pass("231", "UASC aged 15", year: 2025, [.header: [hdr(sex: "M", dob: "01/01/2010")], .uasc: [OtherRuleTests.uasc("", dob: "01/01/2010", sex: "M")]]),
        fail("231", "UASC aged 5", year: 2025, [.header: [hdr(sex: "M", dob: "01/01/2020")], .uasc: [OtherRuleTests.uasc("", dob: "01/01/2020", sex: "M")]]),
        pass("331", "matched before placement", [.episodes: adopted, .ad1: [ad1()]]),
        fail("331", "matched after placement", [.episodes: adopted, .ad1: [ad1(["DATE_MATCH": "01/07/2023"])]]),
        pass("335", "A4 not with foster carers", [.episodes: adopted, .ad1: [ad1()]]),
        fail("335", "A4 with foster carers", [.episodes: adopted, .ad1: [ad1(["FOSTER_CARE": "1"])]]),
        pass("521", "decision before placement", [.episodes: adopted, .ad1: [ad1()]]),
        fail("521", "decision after placement", [.episodes: adopted, .ad1: [ad1(["DATE_INT": "01/07/2023", "DATE_MATCH": "01/08/2023"])]]),
        pass("582", "matched before adoption", [.episodes: adopted, .ad1: [ad1()]]),
        fail("582", "matched on adoption day", [.episodes: adopted, .ad1: [ad1(["DATE_MATCH": "01/12/2023"])]]),
        pass("554", "decision before placement order", [.episodes: adopted, .placedAdoption: [placed("01/12/2020")]]),
        fail("554", "decision after placement order", [.episodes: adopted, .placedAdoption: [placed("01/02/2021")]]),
        pass("583", "earlier decision reversed", [.placedAdoption: [placed(ceased: "01/05/2023", reason: "RD1"), placed("01/07/2023")]]),
        fail("583", "earlier decision open", [.placedAdoption: [placed(), placed("01/07/2023")]]),
        pass("630", "previous permanence returned", [.episodes: [ep()], .prevPerm: [perm("Z1")]]),
        fail("630", "previous permanence missing", [.episodes: [ep()], .prevPerm: [perm("Z1", la: "", date: "").merging(["CHILD": "2"]) { $1 }]]),
        pass("634", "previous permanence for a new entrant", [.episodes: [ep()], .prevPerm: [perm("Z1")]]),
        fail("634", "previous permanence for a long-stay child", [.episodes: [ep(decom: "01/01/2020")], .prevPerm: [perm("Z1")]]),
        pass("575", "missing episode ended", [.episodes: [ep(dec: "01/09/2023", rec: "E13")], .missing: [missing()]]),
        fail("575", "placement ended, missing open", [.episodes: [ep(dec: "01/09/2023", rec: "E13")], .missing: [missing(end: "")]]),
        pass(
            "580", "missing at 18 and left with E8",
            [
                .episodes: [ep(decom: "01/01/2020", dec: "01/08/2023", rec: "E8")],
                .missing: [missing(end: "01/08/2023", dob: "01/08/2005")],
            ]),
        fail(
            "580", "missing at 18 and left with E13",
            [
                .episodes: [ep(decom: "01/01/2020", dec: "01/08/2023", rec: "E13")],
                .missing: [missing(end: "01/08/2023", dob: "01/08/2005")],
            ]),
    ]

    @Test(arguments: cases) func rule(_ c: SSDA903RuleCase) { check(c) }
}
