import OversightFormats
import Testing

@Suite("SSDA903 rules over two years' returns")
struct HistoryRuleTests {
    static func placed(_ date: String = "01/02/2023", ceased: String = "", reason: String = "") -> [String: String] {
        AdoptionRuleTests.placed(date, ceased: ceased, reason: reason)
    }
    static let oc3 = CareLeaverAndHealthRuleTests.oc3()
    static func dolo(_ start: String = "01/06/2026", _ end: String = "") -> [String: String] { OtherRuleTests.dolo(start, end) }
    static let girl = hdr(sex: "2", dob: "01/01/2006", mother: "1", mcDOB: "01/01/2023")
    /// A care leaver born 1 June 2004, looked after from 2019 until 1 June 2022.
    static let leaverHistory: [SSDA903Table: Rows] = [.episodes: [ep(decom: "01/01/2019", dec: "01/06/2022", rec: "E13")]]

    static let cases: [SSDA903RuleCase] = [
        pass("207", "still a mother", [.header: [girl], .episodes: [ep()]], previous: [.header: [girl]]),
        fail("207", "no longer a mother", [.header: [hdr(sex: "2", dob: "01/01/2006", mother: "0")], .episodes: [ep()]], previous: [.header: [girl]]),
        pass("624", "same child's birth date", [.header: [girl]], previous: [.header: [girl]]),
        fail(
            "624", "different child's birth date", [.header: [hdr(sex: "2", dob: "01/01/2006", mother: "1", mcDOB: "02/01/2023")]],
            previous: [.header: [girl]]),
        pass(
            "626", "became a mother this year", [.header: [hdr(sex: "2", dob: "01/01/2006", mother: "1", mcDOB: "01/06/2023")]],
            previous: [.header: [hdr(sex: "2", dob: "01/01/2006", mother: "0")]]),
        fail("626", "child born before the year", [.header: [girl]], previous: [.header: [hdr(sex: "2", dob: "01/01/2006", mother: "0")]]),
        pass(
            "205D", "UASC both years", [.header: [hdr()], .uasc: [OtherRuleTests.uasc("")]],
            previous: [.header: [hdr()], .uasc: [OtherRuleTests.uasc("")]]),
        fail(
            "205D", "UASC only this year", [.header: [hdr()], .uasc: [OtherRuleTests.uasc("")]],
            previous: [.header: [hdr()], .uasc: [OtherRuleTests.uasc("", dob: "01/01/2011").merging(["CHILD": "2"]) { $1 }]]),
        pass("559", "decision also last year", [.placedAdoption: [placed()]], previous: [.placedAdoption: [placed()]]),
        fail("559", "decision missing last year", [.placedAdoption: [placed()]], previous: [.placedAdoption: [placed(child: "2")]]),
        pass("560", "same open decision", [.placedAdoption: [placed()]], previous: [.placedAdoption: [placed()]]),
        fail("560", "open decision changed", [.placedAdoption: [placed("05/02/2023")]], previous: [.placedAdoption: [placed()]]),
        pass(
            "561", "new decision after a reversal", [.placedAdoption: [placed("01/06/2023")]],
            previous: [.placedAdoption: [placed(ceased: "01/03/2023", reason: "RD1")]]),
        fail(
            "561", "reversed decision repeated", [.placedAdoption: [placed()]],
            previous: [.placedAdoption: [placed(ceased: "01/03/2023", reason: "RD1")]]),
        pass(
            "584", "later decision after a reversal", [.placedAdoption: [placed("01/06/2023")]],
            previous: [.placedAdoption: [placed(ceased: "01/03/2023", reason: "RD1")]]),
        fail(
            "584", "earlier decision after a reversal", [.placedAdoption: [placed("01/01/2023")]],
            previous: [.placedAdoption: [placed(ceased: "01/03/2023", reason: "RD1")]]),
        pass("1002", "looked after last year", [.oc3: [oc3], .episodes: [ep("2")]], previous: leaverHistory),
        fail("1002", "never looked after", [.oc3: [oc3], .episodes: [ep("2")]], previous: [.episodes: [ep("3")]]),
        pass("1010", "last year's episode ended", [.oc3: [oc3], .episodes: [ep("2")]], previous: leaverHistory),
        fail("1010", "last year's episode open", [.oc3: [oc3], .episodes: [ep("2")]], previous: [.episodes: [ep(decom: "01/01/2019")]]),
        pass("1001", "in care from 14 to 18", [.oc3: [oc3], .episodes: [ep("2")], .header: [hdr(dob: "01/06/2004")]], previous: leaverHistory),
        fail(
            "1001", "left care at 14", [.oc3: [oc3], .episodes: [ep("2")], .header: [hdr(dob: "01/06/2004")]],
            previous: [.episodes: [ep(decom: "01/01/2017", dec: "01/07/2018", rec: "E13")]]),
        pass("348", "in touch both years", year: 2026, [.oc3: [oc3]], previous: [.oc3: [oc3]]),
        fail("348", "died last year, in touch this year", year: 2026, [.oc3: [oc3]], previous: [.oc3: [CareLeaverAndHealthRuleTests.oc3("DIED", "0", "0")]]),
        pass("NoE", "long-stay child in last year's return", [.episodes: [ep(decom: "01/01/2022")]], previous: [.episodes: [ep(decom: "01/01/2022")]]),
        fail("NoE", "long-stay child missing from last year", [.episodes: [ep(decom: "01/01/2022")]], previous: [.episodes: [ep("2")]]),
        pass("562", "continues last year's latest episode", [.episodes: [ep(decom: "01/01/2022")]], previous: [.episodes: [ep(decom: "01/01/2022")]]),
        fail("562", "does not continue last year's episode", [.episodes: [ep(decom: "01/02/2022")]], previous: [.episodes: [ep(decom: "01/01/2022")]]),
        pass("706", "open order carried over", year: 2027, [.dolo: [dolo("01/01/2026")]], previous: [.dolo: [dolo("01/01/2026")]]),
        fail("706", "open order dropped", year: 2027, [.dolo: [dolo("01/06/2026")]], previous: [.dolo: [dolo("01/01/2026")]]),
        pass("709", "DoLO in a children's home", year: 2027, [.dolo: [dolo("01/07/2026", "01/09/2026")], .episodes: [ep(decom: "01/06/2026", place: "K2")]]),
        fail("709", "DoLO in foster care", year: 2027, [.dolo: [dolo("01/07/2026", "01/09/2026")], .episodes: [ep(decom: "01/06/2026")]]),
        pass("710", "DoLO in a children's home", year: 2027, [.dolo: [dolo("01/07/2026", "01/09/2026")], .episodes: [ep(decom: "01/06/2026", place: "K2")]]),
        fail(
            "710", "DoLO with parents", year: 2027,
            [
                .dolo: [dolo("01/07/2026", "01/09/2026")],
                .episodes: [ep(decom: "01/06/2026", place: "P1", provider: "PR0")],
            ]),
        pass("555", "freeing order with a decision", [.episodes: [ep(decom: "01/01/2004", ls: "D1")], .placedAdoption: [placed()]]),
        fail("555", "freeing order without a decision", [.episodes: [ep(decom: "01/01/2004", ls: "D1")], .placedAdoption: [placed(child: "2")]]),
        pass("556", "decision before the freeing order", [.episodes: [ep(decom: "01/01/2004", ls: "D1")], .placedAdoption: [placed("01/12/2003")]]),
        fail("556", "decision after the freeing order", [.episodes: [ep(decom: "01/01/2004", ls: "D1")], .placedAdoption: [placed()]]),
    ]

    static func placed(child: String) -> [String: String] { AdoptionRuleTests.placed(child: child) }

    @Test(arguments: cases) func rule(_ c: SSDA903RuleCase) { check(c) }
}
