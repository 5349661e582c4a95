import OversightFormats
import Testing

@Suite("SSDA903 episode sequence rules")
struct EpisodeSequenceRuleTests {
    /// Two episodes: a placement change on 1 September 2023.
    static let moved = [ep(dec: "01/09/2023", rec: "X1", reason: "CARPL"), ep(decom: "01/09/2023", rne: "P", place: "U3")]

    static let cases: [SSDA903RuleCase] = [
        pass("142", "previous episode ended", [.episodes: moved]),
        pass("142", "an open episode followed by one with an invalid start", [.episodes: [ep(), ep(decom: "2023-09-01", rne: "P")]]),
        fail("142", "previous episode open", [.episodes: [ep(), ep(decom: "01/09/2023", rne: "P", place: "U3")]]),
        pass("501", "consecutive", [.episodes: moved]),
        fail("501", "overlapping", [.episodes: [ep(dec: "01/10/2023", rec: "X1"), ep(decom: "01/09/2023", rne: "P", place: "U3")]]),
        pass("357", "first episode starts care", [.episodes: [ep()]]),
        pass("357", "first episode before the year", [.episodes: [ep(decom: "01/01/2022", rne: "P")]]),
        fail("357", "first episode this year is a placement change", [.episodes: [ep(rne: "P")]]),
        pass("388", "X1 followed the same day", [.episodes: moved]),
        fail("388", "X1 on the last episode", [.episodes: [ep(dec: "01/09/2023", rec: "X1")]]),
        fail("388", "E13 followed the same day", [.episodes: [ep(dec: "01/09/2023", rec: "E13"), ep(decom: "01/09/2023", rne: "S")]]),
        pass("431", "new period after a gap", [.episodes: [ep(dec: "01/07/2023", rec: "E13"), ep(decom: "01/09/2023", rne: "S")]]),
        fail("431", "new period the same day", [.episodes: [ep(dec: "01/09/2023", rec: "E13"), ep(decom: "01/09/2023", rne: "S")]]),
        pass("432", "care ended then RNE S", [.episodes: [ep(dec: "01/07/2023", rec: "E13"), ep(decom: "01/09/2023", rne: "S")]]),
        fail("432", "care ended then RNE P", [.episodes: [ep(dec: "01/07/2023", rec: "E13"), ep(decom: "01/09/2023", rne: "P")]]),
        pass("433", "continuation the same day", [.episodes: moved]),
        fail("433", "continuation after a gap", [.episodes: [ep(dec: "01/07/2023", rec: "X1"), ep(decom: "01/09/2023", rne: "P", place: "U3")]]),
        pass("434", "legal status changed only", [.episodes: [ep(dec: "01/09/2023", rec: "X1"), ep(decom: "01/09/2023", rne: "L", ls: "C1")]]),
        fail("434", "legal status unchanged", [.episodes: [ep(dec: "01/09/2023", rec: "X1"), ep(decom: "01/09/2023", rne: "L")]]),
        pass("435", "placement changed only", [.episodes: moved]),
        fail("435", "legal status changed too", [.episodes: [ep(dec: "01/09/2023", rec: "X1"), ep(decom: "01/09/2023", rne: "P", ls: "C1", place: "U3")]]),
        pass("436", "both changed", [.episodes: [ep(dec: "01/09/2023", rec: "X1"), ep(decom: "01/09/2023", rne: "B", ls: "C1", place: "U3")]]),
        fail("436", "placement unchanged", [.episodes: [ep(dec: "01/09/2023", rec: "X1"), ep(decom: "01/09/2023", rne: "B", ls: "C1")]]),
        pass("504", "category of need unchanged", [.episodes: moved]),
        fail("504", "category of need changed", [.episodes: [ep(dec: "01/09/2023", rec: "X1"), ep(decom: "01/09/2023", rne: "P", cin: "N2", place: "U3")]]),
        pass("225", "reason recorded", [.episodes: moved]),
        fail("225", "reason missing", [.episodes: [ep(dec: "01/09/2023", rec: "X1"), ep(decom: "01/09/2023", rne: "P", place: "U3")]]),
        pass(
            "383", "returns to the placement before T3",
            [
                .episodes: [
                    ep(dec: "01/08/2023", rec: "X1"), ep(decom: "01/08/2023", rne: "P", place: "T3", provider: "", dec: "10/08/2023", rec: "X1"),
                    ep(decom: "10/08/2023", rne: "P", place: "U1"),
                ]
            ]),
        fail(
            "383", "moves elsewhere after T3",
            [
                .episodes: [
                    ep(dec: "01/08/2023", rec: "X1"), ep(decom: "01/08/2023", rne: "P", place: "T3", provider: "", dec: "10/08/2023", rec: "X1"),
                    ep(decom: "10/08/2023", rne: "P", place: "K2"),
                ]
            ]),
        pass("426", "only V3", [.episodes: [ep(ls: "V3", dec: "03/06/2023", rec: "E13"), ep(decom: "01/07/2023", ls: "V3")]]),
        fail("426", "V3 and V4", [.episodes: [ep(ls: "V3", dec: "03/06/2023", rec: "E13"), ep(decom: "01/07/2023", ls: "V4")]]),
    ]

    @Test(arguments: cases) func rule(_ c: SSDA903RuleCase) { check(c) }
}
