import OversightFormats
import Testing

@Suite("SSDA903 UASC, permanence, social worker and deprivation of liberty rules")
struct OtherRuleTests {
    static func uasc(_ duc: String, dob: String = "01/01/2008", sex: String = "1") -> [String: String] {
        row(["SEX": sex, "DOB": dob, "DUC": duc])
    }

    static func perm(_ prev: String, la: String = "", date: String = "") -> [String: String] {
        row(["DOB": "01/01/2010", "PREV_PERM": prev, "LA_PERM": la, "DATE_PERM": date])
    }

    static func sw(_ id: String = "SW123", start: String = "01/06/2023", end: String = "", reason: String = "MANAGE", child: String = "1") -> [String: String] {
        row(["CHILD": child, "DOB": "01/01/2010", "SW_ID": id, "SW_DECOM": start, "SW_DEC": end, "SW_REASON": reason])
    }

    static func dolo(_ start: String = "01/06/2026", _ end: String = "") -> [String: String] {
        row(["DOB": "01/01/2012", "DOLO_START": start, "DOLO_END": end])
    }

    static let cases: [SSDA903RuleCase] = [
        pass("104", "valid", [.uasc: [uasc("01/01/2026")]]),
        fail("104", "invalid", [.uasc: [uasc("01-01-2026")]]),
        fail("104", "before the collection year", [.uasc: [uasc("01/01/2023")]]),
        pass("304", "ceases on 18th birthday", [.uasc: [uasc("01/01/2026")]]),
        fail("304", "ceases after 18th birthday", [.uasc: [uasc("02/01/2026")]]),
        pass("631", "P1", [.prevPerm: [perm("P1")]]),
        fail("631", "P9", [.prevPerm: [perm("P9")]]),
        pass("635", "order details with option", [.prevPerm: [perm("P1", la: "E09000001", date: "01/01/2015")]]),
        fail("635", "order details without option", [.prevPerm: [perm("", date: "01/01/2015")]]),
        pass("632", "order before care", [.prevPerm: [perm("P1", date: "zz/01/2015")], .episodes: [ep()]]),
        fail("632", "order after care started", [.prevPerm: [perm("P1", date: "01/07/2023")], .episodes: [ep()]]),
        fail("632", "not a date", [.prevPerm: [perm("P1", date: "January 2015")], .episodes: [ep()]]),
        pass("SW02STG1", "SW123", [.swEpisodes: [sw()]]),
        fail("SW02STG1", "AB123", [.swEpisodes: [sw("AB123")]]),
        pass("SW03STG1", "complete", [.swEpisodes: [sw()]]),
        fail("SW03STG1", "reason blank", [.swEpisodes: [sw(reason: "")]]),
        pass("SW04STG1", "valid", [.swEpisodes: [sw()]]),
        fail("SW04STG1", "invalid", [.swEpisodes: [sw(start: "2023-06-01")]]),
        pass("SW05STG1", "valid", [.swEpisodes: [sw(end: "01/07/2023")]]),
        fail("SW05STG1", "invalid", [.swEpisodes: [sw(end: "soon")]]),
        pass("SW13STG1", "MANAGE", [.swEpisodes: [sw()]]),
        fail("SW13STG1", "BORED", [.swEpisodes: [sw(reason: "BORED")]]),
        fail("SW13STG1", "blank in 2023-24", [.swEpisodes: [sw(reason: "")]]),
        pass("SW13STG1", "blank for an episode before April 2023", year: 2025, [.swEpisodes: [sw(start: "01/01/2023", reason: "")]]),
        fail("SW13STG1", "blank for an episode from April 2023", year: 2025, [.swEpisodes: [sw(start: "01/06/2024", reason: "")]]),
        pass("SW01aSTG1", "complete", year: 2025, [.swEpisodes: [sw(start: "01/01/2023")]]),
        fail("SW01aSTG1", "no ID before April 2023", year: 2025, [.swEpisodes: [sw("", start: "01/01/2023")]]),
        pass("SW01bSTG1", "complete", year: 2025, [.swEpisodes: [sw(start: "01/06/2024")]]),
        fail("SW01bSTG1", "no reason from April 2023", year: 2025, [.swEpisodes: [sw(start: "01/06/2024", reason: "")]]),
        pass(
            "SW10bSTG2", "first contact after the previous ended", year: 2026,
            [.swEpisodes: [sw(start: "01/06/2025", end: "01/07/2025"), sw("SW456", start: "02/07/2025", reason: "FCONTA")]]),
        fail(
            "SW10bSTG2", "first contact before the previous ended", year: 2026,
            [.swEpisodes: [sw(start: "01/06/2025", end: "01/07/2025"), sw("SW456", start: "20/06/2025", reason: "FCONTA")]]),
        pass("SW14STG2", "only the latest is open", [.swEpisodes: [sw(end: "01/07/2023"), sw("SW456", start: "01/07/2023")]]),
        fail("SW14STG2", "an earlier one is open", [.swEpisodes: [sw(), sw("SW456", start: "01/07/2023")]]),
        pass("SW11aSTG2", "next starts 2 days later", [.swEpisodes: [sw(end: "01/07/2023"), sw("SW456", start: "03/07/2023")], .episodes: [ep()]]),
        fail("SW11aSTG2", "no next episode while still in care", [.swEpisodes: [sw(end: "01/07/2023")], .episodes: [ep()]]),
        pass("SW11aSTG2", "no next episode: the child left care that day", [.swEpisodes: [sw(end: "01/07/2023")], .episodes: [ep(dec: "01/07/2023", rec: "E11")]]),
        pass("SW11bSTG2", "ended near year end and followed", [.swEpisodes: [sw(end: "29/03/2024"), sw("SW456", start: "29/03/2024")], .episodes: [ep()]]),
        fail("SW11bSTG2", "ended near year end, not followed, still in care", [.swEpisodes: [sw(end: "29/03/2024")], .episodes: [ep()]]),
        pass("SW06STG2", "starts in year", [.swEpisodes: [sw()]]),
        fail("SW06STG2", "starts after year end", [.swEpisodes: [sw(start: "01/05/2024")]]),
        pass("SW07STG2", "ends in year", [.swEpisodes: [sw(end: "01/07/2023")]]),
        fail("SW07STG2", "ends after year end", [.swEpisodes: [sw(end: "01/07/2024")]]),
        pass("SW08STG2", "first ended", [.swEpisodes: [sw(end: "01/07/2023"), sw("SW456", start: "01/07/2023")]]),
        fail("SW08STG2", "first open", [.swEpisodes: [sw(), sw("SW456", start: "01/07/2023")]]),
        pass("SW09STG2", "lasts a month", [.swEpisodes: [sw(end: "01/07/2023")]]),
        fail("SW09STG2", "same day", [.swEpisodes: [sw(end: "01/06/2023")]]),
        pass("SW09STG2", "three days in 2025-26", year: 2026, [.swEpisodes: [sw(start: "01/06/2025", end: "04/06/2025")]]),
        fail("SW09STG2", "two days in 2025-26", year: 2026, [.swEpisodes: [sw(start: "01/06/2025", end: "03/06/2025")]]),
        pass("SW10STG2", "next starts 3 days later", [.swEpisodes: [sw(end: "01/07/2023"), sw("SW456", start: "04/07/2023")]]),
        fail("SW10STG2", "next starts a month later", [.swEpisodes: [sw(end: "01/07/2023"), sw("SW456", start: "01/08/2023")]]),
        pass(
            "SW10STG2", "first contact a month later in 2024-25", year: 2025,
            [.swEpisodes: [sw(start: "01/06/2024", end: "01/07/2024"), sw("SW456", start: "01/08/2024", reason: "FCONTA")]]),
        pass(
            "SW10aSTG2", "first contact gap allowed", year: 2026,
            [
                .swEpisodes: [
                    sw(start: "01/06/2025", end: "01/07/2025"),
                    sw("SW456", start: "01/09/2025", reason: "FCONTA"),
                ]
            ]),
        fail(
            "SW10aSTG2", "gap of two months", year: 2026,
            [
                .swEpisodes: [
                    sw(start: "01/06/2025", end: "01/07/2025"),
                    sw("SW456", start: "01/09/2025"),
                ]
            ]),
        pass("SW18STG2", "ends after start", year: 2026, [.swEpisodes: [sw(start: "01/06/2025", end: "01/07/2025"), sw(start: "01/07/2025")]]),
        fail("SW18STG2", "ends before start", year: 2026, [.swEpisodes: [sw(start: "01/06/2025", end: "01/05/2025")]]),
        fail("SW18STG2", "ends the day it starts", year: 2026, [.swEpisodes: [sw(start: "01/06/2025", end: "01/06/2025")]]),
        pass("SW19STG2", "different start dates", year: 2026, [.swEpisodes: [sw(start: "01/06/2025", end: "01/07/2025"), sw(start: "01/07/2025")]]),
        fail("SW19STG2", "same start date", year: 2026, [.swEpisodes: [sw(start: "01/06/2025"), sw("SW456", start: "01/06/2025")]]),
        pass("SW17STG2", "latest open", year: 2026, [.swEpisodes: [sw(start: "01/06/2025", end: "01/07/2025"), sw(start: "01/07/2025")]]),
        fail("SW17STG2", "latest closed", year: 2026, [.swEpisodes: [sw(start: "01/06/2025", end: "01/07/2025")]]),
        pass("SW01STG1", "social worker reported", [.episodes: [ep()], .swEpisodes: [sw()]]),
        fail("SW01STG1", "no social worker", [.episodes: [ep()], .swEpisodes: [sw(child: "2")]]),
        pass("700", "valid", year: 2027, [.dolo: [dolo()]]),
        fail("700", "blank", year: 2027, [.dolo: [dolo("")]]),
        pass("701", "valid", year: 2027, [.dolo: [dolo("01/06/2026", "01/08/2026")]]),
        fail("701", "invalid", year: 2027, [.dolo: [dolo("01/06/2026", "Aug 2026")]]),
        pass("702", "ends after start", year: 2027, [.dolo: [dolo("01/06/2026", "01/08/2026")]]),
        fail("702", "ends before start", year: 2027, [.dolo: [dolo("01/06/2026", "01/05/2026")]]),
        pass("703", "starts in year", year: 2027, [.dolo: [dolo()]]),
        fail("703", "starts after year end", year: 2027, [.dolo: [dolo("01/06/2027")]]),
        pass("704", "ends in year", year: 2027, [.dolo: [dolo("01/06/2026", "01/08/2026")]]),
        fail("704", "ends after year end", year: 2027, [.dolo: [dolo("01/06/2026", "01/08/2027")]]),
        pass("708", "starts after birth", year: 2027, [.dolo: [dolo()]]),
        fail("708", "starts before birth", year: 2027, [.dolo: [dolo("01/06/2011")]]),
        pass("705", "consecutive", year: 2027, [.dolo: [dolo("01/06/2026", "01/08/2026"), dolo("01/09/2026")]]),
        fail("705", "second while first open", year: 2027, [.dolo: [dolo("01/06/2026"), dolo("01/09/2026")]]),
        pass("707", "still looked after", year: 2027, [.dolo: [dolo()], .episodes: [ep(decom: "01/06/2026")]]),
        fail("707", "left care with an open order", year: 2027, [.dolo: [dolo()], .episodes: [ep(decom: "01/06/2026", dec: "01/09/2026", rec: "E13")]]),
    ]

    @Test(arguments: cases) func rule(_ c: SSDA903RuleCase) { check(c) }
}
