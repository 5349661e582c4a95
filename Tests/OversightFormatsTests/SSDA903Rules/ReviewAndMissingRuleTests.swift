import OversightFormats
import Testing

@Suite("SSDA903 review and missing rules")
struct ReviewAndMissingRuleTests {
    static func review(_ date: String, _ code: String, dob: String = "01/01/2010") -> [String: String] {
        row(["DOB": dob, "REVIEW": date, "REVIEW_CODE": code])
    }

    static func missing(_ type: String = "M", start: String = "01/07/2023", end: String = "03/07/2023", child: String = "1") -> [String: String] {
        row(["CHILD": child, "DOB": "01/01/2010", "MISSING": type, "MIS_START": start, "MIS_END": end])
    }

    static let reviews: [SSDA903RuleCase] = [
        pass("166", "valid date", [.reviews: [review("01/09/2023", "PN1")]]),
        fail("166", "blank date", [.reviews: [review("", "")]]),
        pass("167", "PN1", [.reviews: [review("01/09/2023", "PN1")]]),
        fail("167", "PN8", [.reviews: [review("01/09/2023", "PN8")]]),
        pass("440", "PN0 for a 2 year old", [.reviews: [review("01/09/2023", "PN0", dob: "01/01/2021")]]),
        fail("440", "PN0 for a 13 year old", [.reviews: [review("01/09/2023", "PN0")]]),
        pass("441", "PN1 for a 13 year old", [.reviews: [review("01/09/2023", "PN1")]]),
        fail("441", "PN1 for a 2 year old", [.reviews: [review("01/09/2023", "PN1", dob: "01/01/2021")]]),
    ]

    static let missingCases: [SSDA903RuleCase] = [
        pass("1004", "valid start", [.missing: [missing()]]),
        fail("1004", "start 2023-07-01", [.missing: [missing(start: "2023-07-01")]]),
        pass("1005", "valid end", [.missing: [missing()]]),
        fail("1005", "end 99/07/2023", [.missing: [missing(end: "99/07/2023")]]),
        pass("1006", "type A", [.missing: [missing("A")]]),
        fail("1006", "type X", [.missing: [missing("X")]]),
        pass("564", "start given", [.missing: [missing()]]),
        fail("564", "start blank", [.missing: [missing(start: "")]]),
        pass("565", "type given", [.missing: [missing()]]),
        fail("565", "type blank with a start", [.missing: [missing("", end: "")]]),
        pass("566", "type given with an end", [.missing: [missing()]]),
        fail("566", "type blank with an end", [.missing: [missing("")]]),
        pass("567", "ends after start", [.missing: [missing()]]),
        fail("567", "ends before start", [.missing: [missing(start: "05/07/2023")]]),
        pass("570", "starts in year", [.missing: [missing()]]),
        fail("570", "starts after year end", [.missing: [missing(start: "02/04/2024", end: "")]]),
        pass("571", "ends in year", [.missing: [missing()]]),
        fail("571", "ends before year start", [.missing: [missing(start: "01/03/2023", end: "03/03/2023")]]),
        pass("586", "starts after birth", [.missing: [missing()]]),
        fail("586", "starts before birth", [.missing: [missing(start: "01/01/2009", end: "")]]),
        pass("574", "separate episodes", [.missing: [missing(), missing(start: "05/07/2023", end: "06/07/2023")]]),
        fail("574", "overlapping episodes", [.missing: [missing(end: "10/07/2023"), missing(start: "05/07/2023", end: "06/07/2023")]]),
        pass("578", "missing while looked after", [.missing: [missing()], .episodes: [ep(dec: "01/09/2023", rec: "E13")]]),
        fail(
            "578", "missing between periods of care",
            [
                .missing: [missing(start: "01/10/2023", end: "02/10/2023")],
                .episodes: [ep(dec: "01/09/2023", rec: "E13"), ep(decom: "01/11/2023")],
            ]),
        fail("578", "missing after care ended", [.missing: [missing(start: "01/10/2023", end: "02/10/2023")], .episodes: [ep(dec: "01/09/2023", rec: "E13")]]),
        pass("581", "missing while looked after", [.missing: [missing()], .episodes: [ep()]]),
        fail("581", "missing before care started", [.missing: [missing(start: "01/05/2023", end: "02/05/2023")], .episodes: [ep()]]),
        pass("577", "missing episode ended", [.missing: [missing()], .episodes: [ep(dec: "01/09/2023", rec: "E13")]]),
        fail("577", "missing episode open after care ended", [.missing: [missing(end: "")], .episodes: [ep(dec: "01/09/2023", rec: "E13")]]),
    ]

    @Test(arguments: reviews) func reviewRule(_ c: SSDA903RuleCase) { check(c) }
    @Test(arguments: missingCases) func missingRule(_ c: SSDA903RuleCase) { check(c) }
}
