import OversightFormats
import Testing

@Suite("SSDA903 care leaver and health rules")
struct CareLeaverAndHealthRuleTests {
    static func oc3(_ inTouch: String = "YES", _ activ: String = "F1", _ accom: String = "B1", dob: String = "01/06/2004") -> [String: String] {
        row(["DOB": dob, "IN_TOUCH": inTouch, "ACTIV": activ, "ACCOM": accom])
    }

    /// An OC2 row with the four core items completed and no SDQ.
    static func oc2(_ extra: [String: String] = [:], dob: String = "01/01/2010") -> [String: String] {
        var v = ["DOB": dob, "IMMUNISATIONS": "1", "TEETH_CHECK": "1", "HEALTH_ASSESSMENT": "1", "SUBSTANCE_MISUSE": "0", "CONVICTED": "0"]
        v.merge(extra) { $1 }
        return row(v)
    }

    /// Looked after since 2020: continuously looked after for the 12 months to 31 March 2024.
    static let longStay = [ep(decom: "01/01/2020")]
    /// Started care this year.
    static let newStay = [ep()]

    static let careLeavers: [SSDA903RuleCase] = [
        pass("131", "YES", [.oc3: [oc3()]]),
        fail("131", "MAYBE", [.oc3: [oc3("MAYBE")]]),
        pass("132", "F1", [.oc3: [oc3()]]),
        fail("132", "F3 withdrawn", [.oc3: [oc3("YES", "F3")]]),
        pass("133", "B1", [.oc3: [oc3()]]),
        fail("133", "B3", [.oc3: [oc3("YES", "F1", "B3")]]),
        pass("153", "all given", [.oc3: [oc3()]]),
        fail("153", "accommodation blank", [.oc3: [oc3("YES", "F1", "")]]),
        pass("344", "died with zeros", [.oc3: [oc3("DIED", "0", "0")]]),
        fail("344", "died with activity", [.oc3: [oc3("DIED", "F1", "0")]]),
        pass("345", "in touch with activity", [.oc3: [oc3()]]),
        fail("345", "in touch with zero", [.oc3: [oc3("YES", "0", "B1")]]),
        pass("391", "aged 19", [.oc3: [oc3()]]),
        fail("391", "aged 15", [.oc3: [oc3(dob: "01/06/2008")]]),
        pass("3001", "former foster carers at 19", [.oc3: [oc3("YES", "F1", "Z1")]]),
        fail("3001", "former foster carers at 17", [.oc3: [oc3("YES", "F1", "Z1", dob: "01/06/2006")]]),
        pass("347", "foyer at 19", [.oc3: [oc3("YES", "F1", "T1")]]),
        fail("347", "foyer at 17", [.oc3: [oc3("YES", "F1", "T1", dob: "01/06/2006")]]),
        pass("1000", "left care normally", [.oc3: [oc3()], .episodes: [ep(decom: "01/01/2020", dec: "01/06/2022", rec: "E13")]]),
        fail("1000", "died in care", [.oc3: [oc3()], .episodes: [ep(decom: "01/01/2020", dec: "01/06/2023", rec: "E2")]]),
        pass("1011", "left care normally", [.oc3: [oc3()], .episodes: [ep(decom: "01/01/2020", dec: "01/06/2022", rec: "E13")]]),
        fail("1011", "care transferred", [.oc3: [oc3()], .episodes: [ep(decom: "01/01/2020", dec: "01/06/2023", rec: "E3")]]),
        pass(
            "1007", "left care before 17th birthday",
            [
                .oc3: [oc3(dob: "01/06/2006")],
                .episodes: [ep(decom: "01/01/2020", dec: "01/05/2023", rec: "E13")],
            ]),
        fail(
            "1007", "looked after on 17th birthday",
            [
                .oc3: [oc3(dob: "01/06/2006")],
                .episodes: [ep(decom: "01/01/2020", dec: "01/09/2023", rec: "E13")],
            ]),
        pass(
            "1016", "left care before 17th birthday",
            [
                .oc3: [oc3(dob: "01/06/2006")],
                .episodes: [ep(decom: "01/01/2020", dec: "01/05/2023", rec: "E13")],
            ]),
        fail(
            "1016", "left care after 17th birthday",
            [
                .oc3: [oc3(dob: "01/06/2006")],
                .episodes: [ep(decom: "01/01/2020", dec: "01/09/2023", rec: "E13")],
            ]),
    ]

    static let health: [SSDA903RuleCase] = [
        pass("180", "SDQ 17", [.oc2: [oc2(["SDQ_SCORE": "17"])]]),
        fail("180", "SDQ 41", [.oc2: [oc2(["SDQ_SCORE": "41"])]]),
        pass("196", "SDQ1", [.oc2: [oc2(["SDQ_REASON": "SDQ1"])]]),
        fail("196", "SDQ9", [.oc2: [oc2(["SDQ_REASON": "SDQ9"])]]),
        pass("197a", "score only", [.oc2: [oc2(["SDQ_SCORE": "17"])]]),
        fail("197a", "score and reason", [.oc2: [oc2(["SDQ_SCORE": "17", "SDQ_REASON": "SDQ1"])]]),
        pass("181", "0 and 1", [.oc2: [oc2()]]),
        fail("181", "yes", [.oc2: [oc2(["TEETH_CHECK": "Y"])]]),
        pass("182", "core items given", [.oc2: [oc2()]]),
        fail("182", "core item blank", [.oc2: [oc2(["TEETH_CHECK": ""])]]),
        pass("188", "SDQ at 13", [.oc2: [oc2(["SDQ_SCORE": "10"])]]),
        fail("188", "SDQ at 2", [.oc2: [oc2(["SDQ_SCORE": "10"], dob: "01/01/2021")]]),
        pass("189", "SDQ at 13", [.oc2: [oc2(["SDQ_SCORE": "10"])]]),
        fail("189", "SDQ at 18", [.oc2: [oc2(["SDQ_SCORE": "10"], dob: "01/01/2005")]]),
        pass("158", "received, offered blank", [.oc2: [oc2(["SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": "1"])]]),
        fail("158", "received and offered", [.oc2: [oc2(["SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": "1", "INTERVENTION_OFFERED": "1"])]]),
        pass("159", "not received, offered given", [.oc2: [oc2(["SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": "0", "INTERVENTION_OFFERED": "1"])]]),
        fail("159", "not received, offered blank", [.oc2: [oc2(["SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": "0"])]]),
        pass("192", "problem with received", [.oc2: [oc2(["SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": "1"])]]),
        fail("192", "problem without received", [.oc2: [oc2(["SUBSTANCE_MISUSE": "1"])]]),
        pass("193", "no problem, no interventions", [.oc2: [oc2()]]),
        fail("193", "no problem, intervention received", [.oc2: [oc2(["INTERVENTION_RECEIVED": "1"])]]),
        pass("544", "conviction with core items", [.oc2: [oc2(["CONVICTED": "1"])]]),
        pass("544", "no conviction, core items blank", [.oc2: [oc2(["IMMUNISATIONS": ""])]]),
        fail("544", "conviction without immunisations", [.oc2: [oc2(["CONVICTED": "1", "IMMUNISATIONS": ""])]]),
        pass("547", "health check with core items", [.oc2: [oc2(["CONVICTED": "", "HEALTH_CHECK": "1"], dob: "01/01/2020")]]),
        fail("547", "health check without teeth check", [.oc2: [oc2(["CONVICTED": "", "HEALTH_CHECK": "1", "TEETH_CHECK": ""], dob: "01/01/2020")]]),
        pass("542", "conviction at 13", [.oc2: [oc2()]]),
        fail("542", "conviction at 6", [.oc2: [oc2(dob: "01/01/2018")]]),
        pass("546", "health check at 4", [.oc2: [oc2(["CONVICTED": "", "HEALTH_CHECK": "1"], dob: "01/01/2020")], .episodes: [ep(decom: "01/01/2021")]]),
        pass("546", "health check at 13, not looked after 12 months", [.oc2: [oc2(["HEALTH_CHECK": "1"])], .episodes: newStay]),
        fail("546", "health check at 13", [.oc2: [oc2(["HEALTH_CHECK": "1"])], .episodes: longStay]),
        pass("190", "looked after 12 months", [.oc2: [oc2()], .episodes: longStay]),
        fail("190", "started this year", [.oc2: [oc2()], .episodes: newStay]),
        pass("191", "looked after 12 months, items given", [.oc2: [oc2()], .episodes: longStay]),
        fail("191", "looked after 12 months, items blank", [.oc2: [row(["DOB": "01/01/2010"])], .episodes: longStay]),
        pass("543", "conviction given", [.oc2: [oc2()], .episodes: longStay]),
        fail("543", "conviction blank at 13", [.oc2: [oc2(["CONVICTED": ""])], .episodes: longStay]),
        pass("545", "health check given at 3", [.oc2: [oc2(["CONVICTED": "", "HEALTH_CHECK": "1"], dob: "01/01/2020")], .episodes: [ep(decom: "01/01/2021")]]),
        fail("545", "health check blank at 3", [.oc2: [oc2(["CONVICTED": ""], dob: "01/01/2020")], .episodes: [ep(decom: "01/01/2021")]]),
    ]

    @Test(arguments: careLeavers) func careLeaverRule(_ c: SSDA903RuleCase) { check(c) }
    @Test(arguments: health) func healthRule(_ c: SSDA903RuleCase) { check(c) }
}
