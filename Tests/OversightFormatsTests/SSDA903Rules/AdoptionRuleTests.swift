import OversightFormats
import Testing

@Suite("SSDA903 adoption rules")
struct AdoptionRuleTests {
    /// A complete AD1 row: two married adopters matched after the decision.
    static func ad1(_ extra: [String: String] = [:]) -> [String: String] {
        var v = [
            "DOB": "01/01/2020", "DATE_INT": "01/02/2023", "DATE_MATCH": "01/05/2023", "FOSTER_CARE": "0",
            "NB_ADOPTR": "2", "SEX_ADOPTR": "MF", "LS_ADOPTR": "L11",
        ]
        v.merge(extra) { $1 }
        return row(v)
    }

    static func placed(_ date: String = "01/02/2023", ceased: String = "", reason: String = "") -> [String: String] {
        row(["DOB": "01/01/2020", "DATE_PLACED": date, "DATE_PLACED_CEASED": ceased, "REASON_PLACED_CEASED": reason])
    }

    /// Placed for adoption on 1 June 2023 and adopted on 1 December 2023.
    static let adopted = [
        ep(decom: "01/01/2021", ls: "E1", dec: "01/06/2023", rec: "X1"),
        ep(decom: "01/06/2023", rne: "P", ls: "E1", place: "A4", dec: "01/12/2023", rec: "E11"),
    ]

    static let cases: [SSDA903RuleCase] = [
        pass("112", "valid", [.ad1: [ad1()]]),
        fail("112", "invalid", [.ad1: [ad1(["DATE_INT": "1 Feb 2023"])]]),
        pass("113", "valid", [.ad1: [ad1()]]),
        fail("113", "invalid", [.ad1: [ad1(["DATE_MATCH": "31/04/2023"])]]),
        pass("114", "0", [.ad1: [ad1()]]),
        fail("114", "2", [.ad1: [ad1(["FOSTER_CARE": "2"])]]),
        pass("175", "2", [.ad1: [ad1()]]),
        fail("175", "3", [.ad1: [ad1(["NB_ADOPTR": "3"])]]),
        pass("176", "MF", [.ad1: [ad1()]]),
        fail("176", "XY", [.ad1: [ad1(["SEX_ADOPTR": "XY"])]]),
        pass("177", "L11", [.ad1: [ad1()]]),
        fail("177", "L5", [.ad1: [ad1(["LS_ADOPTR": "L5"])]]),
        pass("151", "complete", [.ad1: [ad1()]]),
        fail("151", "one blank", [.ad1: [ad1(["NB_ADOPTR": ""])]]),
        pass("333", "decision before match", [.ad1: [ad1()]]),
        fail("333", "decision after match", [.ad1: [ad1(["DATE_INT": "01/06/2023"])]]),
        pass("511", "two adopters MF", [.ad1: [ad1()]]),
        fail("511", "two adopters F1", [.ad1: [ad1(["SEX_ADOPTR": "F1"])]]),
        pass("514", "single adopter F1", [.ad1: [ad1(["NB_ADOPTR": "1", "SEX_ADOPTR": "F1", "LS_ADOPTR": "L0"])]]),
        fail("514", "single adopter MF", [.ad1: [ad1(["NB_ADOPTR": "1", "LS_ADOPTR": "L0"])]]),
        pass("517", "L3 MF", [.ad1: [ad1(["LS_ADOPTR": "L3"])]]),
        fail("517", "L3 FF", [.ad1: [ad1(["LS_ADOPTR": "L3", "SEX_ADOPTR": "FF"])]]),
        pass("518", "L4 FF", [.ad1: [ad1(["LS_ADOPTR": "L4", "SEX_ADOPTR": "FF"])]]),
        fail("518", "L4 MF", [.ad1: [ad1(["LS_ADOPTR": "L4"])]]),
        pass("519", "L2 MM", [.ad1: [ad1(["LS_ADOPTR": "L2", "SEX_ADOPTR": "MM"])]]),
        fail("519", "L2 M1", [.ad1: [ad1(["LS_ADOPTR": "L2", "SEX_ADOPTR": "M1"])]]),
        pass("520", "L11 MF", [.ad1: [ad1()]]),
        fail("520", "L11 MM", [.ad1: [ad1(["SEX_ADOPTR": "MM"])]]),
        pass("524", "L12 MM", [.ad1: [ad1(["LS_ADOPTR": "L12", "SEX_ADOPTR": "MM"])]]),
        fail("524", "L12 MF", [.ad1: [ad1(["LS_ADOPTR": "L12"])]]),
        pass(
            "134", "adoption items for a child not leaving care",
            [.ad1: [ad1()], .oc3: [row(["CHILD": "2", "DOB": "01/01/2004", "IN_TOUCH": "YES", "ACTIV": "F1", "ACCOM": "B1"])]]),
        fail("134", "adoption items for a care leaver", [.ad1: [ad1()], .oc3: [row(["DOB": "01/01/2004", "IN_TOUCH": "YES", "ACTIV": "F1", "ACCOM": "B1"])]]),
        pass("601", "adopted with AD1 complete", [.ad1: [ad1()], .episodes: adopted]),
        fail("601", "adopted with AD1 incomplete", [.ad1: [ad1(["FOSTER_CARE": ""])], .episodes: adopted]),
        pass("602", "AD1 for an adopted child", [.ad1: [ad1()], .episodes: adopted]),
        fail("602", "AD1 for a child not adopted", [.ad1: [ad1()], .episodes: [ep()]]),
        pass("115", "valid", [.placedAdoption: [placed()]]),
        fail("115", "invalid", [.placedAdoption: [placed("2023-02-01")]]),
        pass("116", "valid", [.placedAdoption: [placed(ceased: "01/09/2023", reason: "RD1")]]),
        fail("116", "invalid", [.placedAdoption: [placed(ceased: "01/13/2023", reason: "RD1")]]),
        pass("119", "date and reason", [.placedAdoption: [placed(ceased: "01/09/2023", reason: "RD1")]]),
        fail("119", "date without reason", [.placedAdoption: [placed(ceased: "01/09/2023")]]),
        pass("120", "RD4", [.placedAdoption: [placed(ceased: "01/09/2023", reason: "RD4")]]),
        fail("120", "RD9", [.placedAdoption: [placed(ceased: "01/09/2023", reason: "RD9")]]),
        pass("184", "decision after birth", [.placedAdoption: [placed()], .header: [hdr(dob: "01/01/2020")]]),
        fail("184", "decision before birth", [.placedAdoption: [placed("01/01/2019")], .header: [hdr(dob: "01/01/2020")]]),
        pass("522", "decision before reversal", [.placedAdoption: [placed(ceased: "01/09/2023", reason: "RD1")]]),
        fail("522", "decision after reversal", [.placedAdoption: [placed("01/10/2023", ceased: "01/09/2023", reason: "RD1")]]),
        pass("563", "decision dated", [.placedAdoption: [placed(ceased: "01/09/2023", reason: "RD1")]]),
        fail("563", "reversal without decision date", [.placedAdoption: [placed("", ceased: "01/09/2023", reason: "RD1")]]),
        pass("579", "second decision after reversal", [.placedAdoption: [placed(ceased: "01/05/2023", reason: "RD1"), placed("01/07/2023")]]),
        fail("579", "second decision while first open", [.placedAdoption: [placed(), placed("01/07/2023")]]),
        pass("523", "same dates", [.placedAdoption: [placed()], .ad1: [ad1()]]),
        fail("523", "different dates", [.placedAdoption: [placed("03/02/2023")], .ad1: [ad1()]]),
        pass("525", "not reversed", [.placedAdoption: [placed()], .ad1: [ad1()]]),
        fail("525", "reversed yet adopted", [.placedAdoption: [placed(ceased: "01/09/2023", reason: "RD1")], .ad1: [ad1()]]),
        pass("551", "decision recorded", [.episodes: adopted, .placedAdoption: [placed()]]),
        fail("551", "decision missing", [.episodes: adopted, .placedAdoption: [placed(child: "2")]]),
        pass("552", "decision before placement", [.episodes: adopted, .placedAdoption: [placed()]]),
        fail("552", "decision after placement", [.episodes: adopted, .placedAdoption: [placed("01/07/2023")]]),
        pass("558", "adopted, decision open", [.episodes: adopted, .placedAdoption: [placed()]]),
        fail("558", "adopted, decision reversed", [.episodes: adopted, .placedAdoption: [placed(ceased: "01/11/2023", reason: "RD1")]]),
    ]

    static func placed(child: String) -> [String: String] {
        row(["CHILD": child, "DOB": "01/01/2020", "DATE_PLACED": "01/02/2023"])
    }

    @Test(arguments: cases) func rule(_ c: SSDA903RuleCase) { check(c) }
}
