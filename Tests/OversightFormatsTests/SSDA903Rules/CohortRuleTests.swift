import OversightFormats
import Testing

@Suite("SSDA903 cohort and adoption-decision rules")
struct CohortRuleTests {
    static let longStay = CareLeaverAndHealthRuleTests.longStay
    static let newStay = CareLeaverAndHealthRuleTests.newStay
    static func oc2(_ extra: [String: String] = [:], dob: String = "01/01/2010") -> [String: String] {
        CareLeaverAndHealthRuleTests.oc2(extra, dob: dob)
    }
    static let oc3 = CareLeaverAndHealthRuleTests.oc3()
    static func placed(_ date: String = "01/02/2023", ceased: String = "", reason: String = "") -> [String: String] {
        AdoptionRuleTests.placed(date, ceased: ceased, reason: reason)
    }
    static let adopted = AdoptionRuleTests.adopted

    static let cases: [SSDA903RuleCase] = [
        pass("185", "SDQ score, looked after 12 months", [.oc2: [oc2(["SDQ_SCORE": "10"])], .episodes: longStay]),
        fail("185", "SDQ score, started this year", [.oc2: [oc2(["SDQ_SCORE": "10"])], .episodes: newStay]),
        pass("198", "SDQ reason, looked after 12 months", [.oc2: [oc2(["SDQ_REASON": "SDQ2"])], .episodes: longStay]),
        fail("198", "SDQ reason, started this year", [.oc2: [oc2(["SDQ_REASON": "SDQ2"])], .episodes: newStay]),
        pass("186", "SDQ score given", [.oc2: [oc2(["SDQ_SCORE": "10"])], .episodes: longStay]),
        fail("186", "SDQ score and reason blank", [.oc2: [oc2()], .episodes: longStay]),
        pass("197B", "turning 4 with a score", [.oc2: [oc2(["SDQ_SCORE": "10"], dob: "01/06/2019")], .episodes: [ep(decom: "01/01/2021")]]),
        fail("197B", "turning 4 without a score", [.oc2: [oc2(dob: "01/06/2019")], .episodes: [ep(decom: "01/01/2021")]]),
        pass("157", "SDQ2 at 13", [.oc2: [oc2(["SDQ_REASON": "SDQ2"])], .episodes: longStay]),
        fail("157", "SDQ1 at 13", [.oc2: [oc2(["SDQ_REASON": "SDQ1"])], .episodes: longStay]),
        pass("187", "care leaver not looked after", [.oc3: [oc3], .episodes: [ep(decom: "01/01/2020", dec: "01/06/2022", rec: "E13")]]),
        fail("187", "care leaver looked after all year", [.oc3: [oc3], .episodes: longStay]),
        fail("187", "adoption data for a child looked after all year", [.ad1: [AdoptionRuleTests.ad1()], .episodes: longStay]),
        pass("215", "care leaver without OC2 items", [.oc3: [oc3], .oc2: [row(["DOB": "01/06/2004"])]]),
        fail("215", "care leaver with OC2 items", [.oc3: [oc3], .oc2: [oc2(dob: "01/06/2004")]]),
        pass("1014", "UASC looked after this year", [.uasc: [OtherRuleTests.uasc("")], .oc3: [oc3], .episodes: [ep()]]),
        fail(
            "1014", "UASC care leaver",
            [
                .uasc: [OtherRuleTests.uasc("")], .oc3: [oc3],
                .episodes: [ep(decom: "01/01/2020", dec: "01/06/2022", rec: "E13")],
            ]),
        pass("1012", "reviews for a child with episodes", [.episodes: [ep()], .reviews: [ReviewAndMissingRuleTests.review("01/09/2023", "PN1")]]),
        fail("1012", "reviews for a child without episodes", [.episodes: [ep("2")], .reviews: [ReviewAndMissingRuleTests.review("01/09/2023", "PN1")]]),
        pass("214", "short break without placement details", [.episodes: [ep(ls: "V3")]]),
        fail("214", "short break with URN", [.episodes: [ep(ls: "V3", urn: "SC123456")]]),
        pass("336", "A5 after foster care", [.episodes: [ep(dec: "01/09/2023", rec: "X1"), ep(decom: "01/09/2023", rne: "T", ls: "E1", place: "A5")]]),
        fail(
            "336", "A5 after a children's home",
            [
                .episodes: [
                    ep(place: "K2", dec: "01/09/2023", rec: "X1"),
                    ep(decom: "01/09/2023", rne: "U", ls: "E1", place: "A5"),
                ]
            ]),
        pass("199", "first adoption", [.episodes: adopted]),
        fail("199", "back in care after adoption", [.episodes: adopted + [ep(decom: "01/02/2024")]]),
        fail(
            "199", "adopted last year", [.episodes: [ep()]],
            previous: [.episodes: [ep(decom: "01/01/2021", ls: "E1", place: "A4", dec: "01/12/2022", rec: "E11")]]),
        pass("117", "decision while looked after", [.episodes: [ep(decom: "01/01/2021")], .placedAdoption: [placed()]]),
        fail("117", "decision after leaving care", [.episodes: [ep(decom: "01/01/2021", dec: "01/01/2023", rec: "E13")], .placedAdoption: [placed()]]),
        pass("118", "reversed this year", [.episodes: [ep(decom: "01/01/2021")], .placedAdoption: [placed(ceased: "01/09/2023", reason: "RD1")]]),
        fail("118", "reversed before the year", [.episodes: [ep(decom: "01/01/2021")], .placedAdoption: [placed(ceased: "01/03/2023", reason: "RD1")]]),
        pass("1003", "decision after care started", [.episodes: [ep(decom: "01/01/2021")], .placedAdoption: [placed()]]),
        fail("1003", "decision before care started", [.episodes: [ep()], .placedAdoption: [placed()]]),
        pass("334", "should-be-placed date after care started", [.episodes: [ep(decom: "01/01/2021")], .ad1: [AdoptionRuleTests.ad1()]]),
        fail("334", "should-be-placed date before care started", [.episodes: [ep()], .ad1: [AdoptionRuleTests.ad1()]]),
        pass("553", "placement order with a decision", [.episodes: [ep(ls: "E1")], .placedAdoption: [placed()]]),
        fail("553", "placement order without a decision", [.episodes: [ep(ls: "E1")], .placedAdoption: [placed(child: "2")]]),
        pass(
            "557", "left care with the decision reversed",
            [
                .episodes: [ep(ls: "E1", place: "U1", dec: "01/09/2023", rec: "E13")],
                .placedAdoption: [placed(ceased: "01/09/2023", reason: "RD1")],
            ]),
        pass(
            "557", "freeing order in 2024-25 is not checked", year: 2025,
            [.episodes: [ep(decom: "01/01/2004", ls: "D1", place: "U1", dec: "01/09/2024", rec: "E13")], .placedAdoption: [placed()]]),
        fail(
            "557", "left care with the decision open",
            [
                .episodes: [ep(ls: "E1", place: "U1", dec: "01/09/2023", rec: "E13")],
                .placedAdoption: [placed()],
            ]),
    ]

    static func placed(child: String) -> [String: String] { AdoptionRuleTests.placed(child: child) }

    @Test(arguments: cases) func rule(_ c: SSDA903RuleCase) { check(c) }
}
