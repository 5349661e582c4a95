import OversightFormats
import Testing

@Suite("SSDA903 single-episode rules")
struct EpisodeRuleTests {
    static let codes: [SSDA903RuleCase] = [
        pass("143", "RNE S", [.episodes: [ep(rne: "S")]]),
        fail("143", "RNE X", [.episodes: [ep(rne: "X")]]),
        pass("144", "LS C2", [.episodes: [ep(ls: "C2")]]),
        fail("144", "LS C3", [.episodes: [ep(ls: "C3")]]),
        pass("145", "CIN N8", [.episodes: [ep(cin: "N8")]]),
        fail("145", "CIN N9", [.episodes: [ep(cin: "N9")]]),
        pass("146", "H5 in 2023-24", [.episodes: [ep(place: "H5")]]),
        fail("146", "Z11 in 2023-24", [.episodes: [ep(place: "Z11")]]),
        pass("146", "K3 in 2024-25", year: 2025, [.episodes: [ep(place: "K3")]]),
        fail("146", "H5 in 2025-26", year: 2026, [.episodes: [ep(place: "H5")]]),
        pass("149", "REC E13", [.episodes: [ep(dec: "01/09/2023", rec: "E13")]]),
        fail("149", "REC E1", [.episodes: [ep(dec: "01/09/2023", rec: "E1")]]),
        pass("178", "PR1 with U1", [.episodes: [ep(place: "U1", provider: "PR1")]]),
        fail("178", "PR9", [.episodes: [ep(provider: "PR9")]]),
        fail("178", "provider for a temporary placement", [.episodes: [ep(place: "T1", provider: "PR1")]]),
        pass("1009", "CARPL", [.episodes: [ep(dec: "01/09/2023", rec: "X1", reason: "CARPL")]]),
        fail("1009", "unknown reason", [.episodes: [ep(dec: "01/09/2023", rec: "X1", reason: "MOVED")]]),
        pass("392c", "valid postcodes", [.episodes: [ep(home: "AB1 2CD", pl: "SW1A 1AA")]]),
        fail("392c", "not a postcode", [.episodes: [ep(home: "12345", pl: "SW1A 1AA")]]),
    ]

    static let dates: [SSDA903RuleCase] = [
        pass("141", "valid DECOM", [.episodes: [ep()]]),
        fail("141", "DECOM 2023-06-01", [.episodes: [ep(decom: "2023-06-01")]]),
        pass("147", "valid DEC", [.episodes: [ep(dec: "01/09/2023", rec: "E13")]]),
        fail("147", "DEC 32/09/2023", [.episodes: [ep(dec: "32/09/2023", rec: "E13")]]),
        pass("148", "both blank", [.episodes: [ep()]]),
        fail("148", "DEC without REC", [.episodes: [ep(dec: "01/09/2023")]]),
        pass("353", "starts 2023", [.episodes: [ep()]]),
        fail("353", "starts 1990", [.episodes: [ep(decom: "01/01/1990")]]),
        pass("354", "starts in year", [.episodes: [ep()]]),
        fail("354", "starts after year end", [.episodes: [ep(decom: "01/04/2024")]]),
        pass("385", "ends in year", [.episodes: [ep(dec: "31/03/2024", rec: "E13")]]),
        fail("385", "ends after year end", [.episodes: [ep(dec: "01/04/2024", rec: "E13")]]),
        pass("355", "lasts a day", [.episodes: [ep(dec: "02/06/2023", rec: "E13")]]),
        fail("355", "same day", [.episodes: [ep(dec: "01/06/2023", rec: "E13")]]),
        pass("356", "ends after start", [.episodes: [ep(dec: "02/06/2023", rec: "E13")]]),
        fail("356", "ends before start", [.episodes: [ep(dec: "01/05/2023", rec: "E13")]]),
        pass("445", "D1 in 2004", [.episodes: [ep(decom: "01/01/2004", ls: "D1")]]),
        fail("445", "D1 in 2023", [.episodes: [ep(ls: "D1")]]),
        pass("446", "E1 in 2023", [.episodes: [ep(ls: "E1")]]),
        fail("446", "E1 in 2004", [.episodes: [ep(decom: "01/01/2004", ls: "E1")]]),
        pass("451", "D1 ended", [.episodes: [ep(decom: "01/01/2004", ls: "D1", dec: "01/05/2023", rec: "E11")]]),
        fail("451", "D1 still open", [.episodes: [ep(decom: "01/01/2004", ls: "D1")]]),
        pass("217t", "P2 ended before 28 October 2023", [.episodes: [ep(place: "P2", dec: "01/09/2023", rec: "E13")]]),
        fail("217t", "P2 still open", [.episodes: [ep(place: "P2")]]),
    ]

    static let placements: [SSDA903RuleCase] = [
        pass("213", "no provider for T1", [.episodes: [ep(place: "T1", provider: "")]]),
        fail("213", "provider for T1", [.episodes: [ep(place: "T1", provider: "PR1")]]),
        pass("526", "provider given", [.episodes: [ep()]]),
        pass("526", "Z1 without provider", [.episodes: [ep(place: "Z1", provider: "")]]),
        fail("526", "U1 without provider", [.episodes: [ep(provider: "")]]),
        pass("527", "PR1 with U1", [.episodes: [ep()]]),
        fail("527", "PR1 with R2", [.episodes: [ep(place: "R2", provider: "PR1")]]),
        pass("528", "PR2 with U1", [.episodes: [ep(provider: "PR2")]]),
        fail("528", "PR2 with P1", [.episodes: [ep(place: "P1", provider: "PR2")]]),
        pass("529", "PR3 with R1", [.episodes: [ep(place: "R1", provider: "PR3")]]),
        fail("529", "PR3 with U3", [.episodes: [ep(place: "U3", provider: "PR3")]]),
        pass("530", "PR4 with K2", [.episodes: [ep(place: "K2", provider: "PR4")]]),
        fail("530", "PR4 with P1", [.episodes: [ep(place: "P1", provider: "PR4")]]),
        pass("531", "PR5 with K2", [.episodes: [ep(place: "K2", provider: "PR5")]]),
        fail("531", "PR5 with P1", [.episodes: [ep(place: "P1", provider: "PR5")]]),
        pass("550", "PR0 with P1", [.episodes: [ep(place: "P1", provider: "PR0")]]),
        fail("550", "PR0 with U1", [.episodes: [ep(place: "U1", provider: "PR0")]]),
        pass("217", "A3 with RNE T", [.episodes: [ep(rne: "T", place: "A3")]]),
        fail("217", "A5 with RNE P", [.episodes: [ep(rne: "P", place: "A5")]]),
        pass("378", "P1 under C2", [.episodes: [ep(place: "P1", provider: "PR0")]]),
        fail("378", "P1 under V2", [.episodes: [ep(ls: "V2", place: "P1", provider: "PR0")]]),
        pass("380", "T1 after a placement change", [.episodes: [ep(rne: "P", place: "T1", provider: "")]]),
        fail("380", "care starts in T1", [.episodes: [ep(rne: "S", place: "T1", provider: "")]]),
        pass("381", "T1 continues", [.episodes: [ep(rne: "P", place: "T1", provider: "", dec: "05/06/2023", rec: "X1")]]),
        fail("381", "care ends in T1", [.episodes: [ep(rne: "P", place: "T1", provider: "", dec: "05/06/2023", rec: "E13")]]),
        pass("382", "V3 in foster care", [.episodes: [ep(ls: "V3", place: "U1")]]),
        fail("382", "V3 in T2", [.episodes: [ep(ls: "V3", place: "T2", provider: "")]]),
        pass("384", "V3 in U3", [.episodes: [ep(ls: "V3", place: "U3")]]),
        fail("384", "V4 in U1", [.episodes: [ep(ls: "V4", place: "U1")]]),
        pass("366", "V3 starting care", [.episodes: [ep(ls: "V3")]]),
        fail("366", "V3 with a placement change", [.episodes: [ep(rne: "P", ls: "V3")]]),
        pass("390", "adopted from A4", [.episodes: [ep(ls: "E1", place: "A4", dec: "01/09/2023", rec: "E11")]]),
        fail("390", "adopted from U1", [.episodes: [ep(dec: "01/09/2023", rec: "E11")]]),
        pass("398", "V3 without postcodes", [.episodes: [ep(ls: "V3")]]),
        fail("398", "V3 with postcodes", [.episodes: [ep(ls: "V3", home: "AB1 2CD")]]),
        pass("408", "A5 under E1", [.episodes: [ep(ls: "E1", place: "A5")]]),
        fail("408", "A6 under C2", [.episodes: [ep(ls: "C2", place: "A6")]]),
        pass("516", "E45 from U1", [.episodes: [ep(dec: "01/09/2023", rec: "E45")]]),
        fail("516", "E45 from K2", [.episodes: [ep(place: "K2", dec: "01/09/2023", rec: "E45")]]),
        pass("226", "no reason around T1", [.episodes: [ep(dec: "05/06/2023", rec: "X1"), ep(decom: "05/06/2023", rne: "P", place: "T1", provider: "")]]),
        fail(
            "226", "reason on the episode before T1",
            [
                .episodes: [
                    ep(dec: "05/06/2023", rec: "X1", reason: "CARPL"),
                    ep(decom: "05/06/2023", rne: "P", place: "T1", provider: ""),
                ]
            ]),
        pass("233", "reason on a ceased episode", year: 2026, [.episodes: [ep(decom: "01/06/2025", dec: "05/06/2025", rec: "X1", reason: "CARPL")]]),
        fail("233", "reason on an open episode", year: 2026, [.episodes: [ep(decom: "01/06/2025", reason: "CARPL")]]),
    ]

    static let ages: [SSDA903RuleCase] = [
        pass("302", "starts after birth", [.header: [hdr()], .episodes: [ep()]]),
        fail("302", "starts before birth", [.header: [hdr(dob: "01/07/2023")], .episodes: [ep()]]),
        pass("352", "starts aged 13", [.header: [hdr()], .episodes: [ep()]]),
        fail("352", "starts aged 18", [.header: [hdr(dob: "01/01/2005")], .episodes: [ep()]]),
        pass("358", "J1 aged 13", [.header: [hdr()], .episodes: [ep(ls: "J1")]]),
        fail("358", "J1 aged 8", [.header: [hdr(dob: "01/01/2015")], .episodes: [ep(ls: "J1")]]),
        pass("359", "over 18 under V2 in K2", [.header: [hdr(dob: "01/01/2005")], .episodes: [ep(decom: "01/01/2021", ls: "V2", place: "K2")]]),
        fail("359", "over 18 under C2", [.header: [hdr(dob: "01/01/2005")], .episodes: [ep(decom: "01/01/2021")]]),
        pass("370", "P2 aged 16", [.header: [hdr(dob: "01/01/2007")], .episodes: [ep(place: "P2")]]),
        fail("370", "P2 aged 13", [.header: [hdr()], .episodes: [ep(place: "P2")]]),
        pass("371", "H5 aged 16", [.header: [hdr(dob: "01/01/2007")], .episodes: [ep(place: "H5")]]),
        fail("371", "H5 aged 13", [.header: [hdr()], .episodes: [ep(place: "H5")]]),
        pass("371", "K3 aged 16", year: 2025, [.header: [hdr(sex: "M", dob: "01/01/2008")], .episodes: [ep(decom: "01/06/2024", place: "K3")]]),
        fail("371", "K3 aged 14", year: 2025, [.header: [hdr(sex: "M")], .episodes: [ep(decom: "01/06/2024", place: "K3")]]),
        pass("372", "R5 aged 13", [.header: [hdr()], .episodes: [ep(place: "R5", provider: "PR3")]]),
        fail("372", "R5 aged 8", [.header: [hdr(dob: "01/01/2015")], .episodes: [ep(place: "R5", provider: "PR3")]]),
        pass("373", "S1 aged 13", [.header: [hdr()], .episodes: [ep(place: "S1")]]),
        fail("373", "S1 aged 3", [.header: [hdr(dob: "01/01/2020")], .episodes: [ep(place: "S1")]]),
        pass("374", "P3 aged 16", [.header: [hdr(dob: "01/01/2007")], .episodes: [ep(place: "P3")]]),
        fail("374", "P3 aged 13", [.header: [hdr()], .episodes: [ep(place: "P3")]]),
        pass("386", "adopted aged 13", [.header: [hdr()], .episodes: [ep(ls: "E1", place: "A4", dec: "01/09/2023", rec: "E11")]]),
        fail("386", "adopted aged 18", [.header: [hdr(dob: "01/01/2005")], .episodes: [ep(ls: "E1", place: "A4", dec: "01/09/2023", rec: "E11")]]),
        pass("387", "independent living aged 16", [.header: [hdr(dob: "01/01/2007")], .episodes: [ep(dec: "01/09/2023", rec: "E5")]]),
        fail("387", "independent living aged 13", [.header: [hdr()], .episodes: [ep(dec: "01/09/2023", rec: "E5")]]),
        pass("389", "adult services aged 17", [.header: [hdr(dob: "01/01/2006")], .episodes: [ep(dec: "01/09/2023", rec: "E7")]]),
        fail("389", "adult services aged 13", [.header: [hdr()], .episodes: [ep(dec: "01/09/2023", rec: "E7")]]),
        pass("407", "SGO aged 13", [.header: [hdr()], .episodes: [ep(dec: "01/09/2023", rec: "E45")]]),
        fail("407", "SGO aged 18", [.header: [hdr(dob: "01/01/2005")], .episodes: [ep(dec: "01/09/2023", rec: "E45")]]),
        pass("460", "stayed put aged 18", [.header: [hdr(dob: "01/01/2005")], .episodes: [ep(decom: "01/01/2020", dec: "01/09/2023", rec: "E17")]]),
        fail("460", "stayed put aged 13", [.header: [hdr()], .episodes: [ep(dec: "01/09/2023", rec: "E17")]]),
        pass("234", "custody aged 15", year: 2026, [.header: [hdr(sex: "M")], .episodes: [ep(decom: "01/06/2025", reason: "CUSTOD")]]),
        fail("234", "custody aged 8", year: 2026, [.header: [hdr(sex: "M", dob: "01/01/2017")], .episodes: [ep(decom: "01/06/2025", reason: "CUSTOD")]]),
    ]

    static let durations: [SSDA903RuleCase] = [
        pass("361", "L1 for 3 days", [.episodes: [ep(ls: "L1", dec: "04/06/2023", rec: "E13")]]),
        fail(
            "361", "L1 for 5 days over two episodes",
            [
                .episodes: [
                    ep(ls: "L1", dec: "03/06/2023", rec: "X1"),
                    ep(decom: "03/06/2023", rne: "P", ls: "L1", place: "U2", dec: "06/06/2023", rec: "E13"),
                ]
            ]),
        pass("362", "L2 for 21 days", [.episodes: [ep(ls: "L2", dec: "22/06/2023", rec: "E13")]]),
        fail("362", "L2 for 30 days", [.episodes: [ep(ls: "L2", dec: "01/07/2023", rec: "E13")]]),
        pass("363", "L3 for 7 days", [.episodes: [ep(ls: "L3", dec: "08/06/2023", rec: "E13")]]),
        fail("363", "L3 still open", [.episodes: [ep(ls: "L3")]]),
        pass("364", "J2 for 10 days", [.episodes: [ep(ls: "J2", dec: "11/06/2023", rec: "E13")]]),
        fail("364", "J2 for 40 days", [.episodes: [ep(ls: "J2", dec: "11/07/2023", rec: "E13")]]),
        pass("365", "V3 for 3 days", [.episodes: [ep(ls: "V3", dec: "04/06/2023", rec: "E13")]]),
        fail("365", "V3 for 20 days", [.episodes: [ep(ls: "V3", dec: "21/06/2023", rec: "E13")]]),
        pass(
            "367", "V3 for 60 days",
            [
                .episodes: [
                    ep(decom: "01/05/2023", ls: "V3", dec: "30/05/2023", rec: "E13"),
                    ep(decom: "01/07/2023", ls: "V3", dec: "31/07/2023", rec: "E13"),
                ]
            ]),
        fail(
            "367", "V3 for 90 days",
            [
                .episodes: [
                    ep(decom: "01/05/2023", ls: "V3", dec: "15/06/2023", rec: "E13"),
                    ep(decom: "01/07/2023", ls: "V3", dec: "15/08/2023", rec: "E13"),
                ]
            ]),
        pass("375", "T1 for 30 days", [.episodes: [ep(rne: "P", place: "T1", provider: "", dec: "01/07/2023", rec: "X1")]]),
        fail("375", "T1 for 50 days", [.episodes: [ep(rne: "P", place: "T1", provider: "", dec: "21/07/2023", rec: "X1")]]),
        pass("376", "T3 for 14 days", [.episodes: [ep(rne: "P", place: "T3", provider: "", dec: "15/06/2023", rec: "X1")]]),
        fail("376", "T3 for 30 days", [.episodes: [ep(rne: "P", place: "T3", provider: "", dec: "01/07/2023", rec: "X1")]]),
        pass("379", "T4 for 7 days", [.episodes: [ep(rne: "P", place: "T4", provider: "", dec: "08/06/2023", rec: "X1")]]),
        fail("379", "T4 for 8 days", [.episodes: [ep(rne: "P", place: "T4", provider: "", dec: "09/06/2023", rec: "X1")]]),
        pass("377", "two T3 placements", [.episodes: [ep(decom: "01/05/2023", place: "T3"), ep(decom: "01/07/2023", place: "T3")]]),
        fail(
            "377", "three T3 placements",
            [
                .episodes: [
                    ep(decom: "01/05/2023", place: "T3"), ep(decom: "01/07/2023", place: "T3"),
                    ep(decom: "01/09/2023", place: "T3"),
                ]
            ]),
    ]

    @Test(arguments: codes) func codeRule(_ c: SSDA903RuleCase) { check(c) }
    @Test(arguments: dates) func dateRule(_ c: SSDA903RuleCase) { check(c) }
    @Test(arguments: placements) func placementRule(_ c: SSDA903RuleCase) { check(c) }
    @Test(arguments: ages) func ageRule(_ c: SSDA903RuleCase) { check(c) }
    @Test(arguments: durations) func durationRule(_ c: SSDA903RuleCase) { check(c) }
}
