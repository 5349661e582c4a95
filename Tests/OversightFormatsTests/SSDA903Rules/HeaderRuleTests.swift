import OversightFormats
import Testing

@Suite("SSDA903 header rules")
struct HeaderRuleTests {
    static let cases: [SSDA903RuleCase] = [
        pass("101", "sex 2 in 2023-24", [.header: [hdr(sex: "2")]]),
        fail("101", "sex M in 2023-24", [.header: [hdr(sex: "M")]]),
        pass("101", "sex F in 2024-25", year: 2025, [.header: [hdr(sex: "F")]]),
        fail("101", "sex 1 in 2024-25", year: 2025, [.header: [hdr(sex: "1")]]),
        pass("232", "sex F", year: 2025, [.header: [hdr(sex: "F")]]),
        fail("232", "sex U", year: 2025, [.header: [hdr(sex: "U")]]),
        pass("102", "valid DOB", [.header: [hdr()]]),
        fail("102", "DOB 31/02/2010", [.header: [hdr(dob: "31/02/2010")]]),
        pass("103", "WBRI", [.header: [hdr(ethnic: "WBRI")]]),
        fail("103", "unknown code", [.header: [hdr(ethnic: "WHITE")]]),
        pass("168", "UN3", [.header: [hdr(upn: "UN3")]]),
        fail("168", "letter I first", [.header: [hdr(upn: "I123456789012")]]),
        pass("171", "blank MC_DOB", [.header: [hdr()]]),
        fail("171", "MC_DOB 2020-01-01", [.header: [hdr(sex: "2", mother: "1", mcDOB: "2020-01-01")]]),
        pass("174", "girl with MC_DOB", [.header: [hdr(sex: "2", mother: "1", mcDOB: "01/01/2024")]]),
        fail("174", "boy with MC_DOB", [.header: [hdr(sex: "1", mcDOB: "01/01/2024")]]),
        pass("301", "born 2010", [.header: [hdr()]]),
        fail("301", "born after year end", [.header: [hdr(dob: "01/04/2024")]]),
        pass("351", "aged 13", [.header: [hdr()]]),
        fail("351", "aged 30", [.header: [hdr(dob: "01/01/1993")]]),
        pass("209", "under school age UN1", [.header: [hdr(dob: "01/01/2021", upn: "UN1")]]),
        fail("209", "school age UN1", [.header: [hdr(upn: "UN1")]]),
        pass("611", "mother with MC_DOB", [.header: [hdr(sex: "2", dob: "01/01/2006", mother: "1", mcDOB: "01/01/2024")]]),
        fail("611", "mother without MC_DOB", [.header: [hdr(sex: "2", dob: "01/01/2006", mother: "1")]]),
        pass("612", "MOTHER 1 with MC_DOB", [.header: [hdr(sex: "2", dob: "01/01/2006", mother: "1", mcDOB: "01/01/2024")]]),
        fail("612", "MOTHER 0 with MC_DOB", [.header: [hdr(sex: "2", dob: "01/01/2006", mother: "0", mcDOB: "01/01/2024")]]),
        pass("620", "mother aged 17", [.header: [hdr(sex: "2", dob: "01/01/2006", mother: "1", mcDOB: "01/01/2024")]]),
        fail("620", "mother aged 10", [.header: [hdr(sex: "2", dob: "01/01/2013", mother: "1", mcDOB: "01/01/2024")]]),
        pass("621", "child born after mother", [.header: [hdr(sex: "2", dob: "01/01/2006", mother: "1", mcDOB: "01/01/2024")]]),
        fail("621", "child born before mother", [.header: [hdr(sex: "2", dob: "01/01/2006", mother: "1", mcDOB: "01/01/2005")]]),
        pass(
            "444", "distinct UPNs and shared UN codes", year: 2026,
            [.header: [hdr("1", upn: "A123456789012"), hdr("2", upn: "B123456789012"), hdr("3", upn: "UN1"), hdr("4", upn: "UN1")]]),
        fail("444", "two children share a UPN", year: 2026, [.header: [hdr("1", upn: "A123456789012"), hdr("2", upn: "A123456789012")]]),
        pass("442", "UPN given", [.header: [hdr()], .episodes: [ep()]]),
        pass("442", "short breaks only, no UPN", [.header: [hdr(upn: "")], .episodes: [ep(ls: "V3")]]),
        fail("442", "no UPN", [.header: [hdr(upn: "")], .episodes: [ep()]]),
        pass("393", "girl with MOTHER 0", [.header: [hdr(sex: "2", mother: "0")], .episodes: [ep()]]),
        fail("393", "girl with MOTHER blank", [.header: [hdr(sex: "2")], .episodes: [ep()]]),
        pass(
            "607", "girl left care with MOTHER 0",
            [
                .header: [hdr(sex: "2", mother: "0")],
                .episodes: [ep(dec: "01/09/2023", rec: "E13")],
            ]),
        fail("607", "girl left care with MOTHER blank", [.header: [hdr(sex: "2")], .episodes: [ep(dec: "01/09/2023", rec: "E13")]]),
    ]

    @Test(arguments: cases) func rule(_ c: SSDA903RuleCase) { check(c) }
}
