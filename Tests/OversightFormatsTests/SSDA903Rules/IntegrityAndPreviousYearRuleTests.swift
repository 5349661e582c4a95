import OversightFormats
import Testing

@Suite("SSDA903 integrity and previous-year rules")
struct IntegrityAndPreviousYearRuleTests {
    /// A minimal row of `table` for child 1 with a date of birth.
    static func minimal(_ table: SSDA903Table, child: String = "1", dob: String = "01/01/2010") -> [String: String] {
        switch table {
        case .episodes: ep(child)
        case .header: hdr(child, dob: dob)
        default: row(["CHILD": child, "DOB": dob, "SEX": "1"])
        }
    }

    static let notInHeader: [(String, SSDA903Table)] = [
        ("INT01", .ad1), ("INT02", .placedAdoption), ("INT03", .episodes), ("INT04", .missing),
        ("INT05", .oc2), ("INT06", .oc3), ("INT07", .prevPerm), ("INT08", .reviews), ("INT09", .uasc),
    ]
    static let dobDiffers: [(String, SSDA903Table)] = [
        ("INT11", .ad1), ("INT12", .placedAdoption), ("INT13", .missing), ("INT14", .oc2),
        ("INT15", .oc3), ("INT16", .prevPerm), ("INT17", .reviews), ("INT18", .uasc),
    ]
    static let duplicates: [(String, SSDA903Table)] = [
        ("INT31", .ad1), ("INT32", .header), ("INT33", .oc2), ("INT34", .oc3),
        ("INT35", .prevPerm), ("INT36", .uasc),
    ]

    static let integrity: [SSDA903RuleCase] =
        notInHeader.flatMap { code, t in
            [
                pass(code, "child in header", [t: [minimal(t)], .header: [hdr()]]),
                fail(code, "child not in header", [t: [minimal(t, child: "2")], .header: [hdr()]]),
            ]
        }
        + dobDiffers.flatMap { code, t in
            [
                pass(code, "same DOB", [t: [minimal(t)], .header: [hdr()]]),
                fail(code, "different DOB", [t: [minimal(t, dob: "02/01/2010")], .header: [hdr()]]),
            ]
        }
        + duplicates.flatMap { code, t in
            [
                pass(code, "once", [t: [minimal(t), minimal(t, child: "2")]]),
                fail(code, "twice", [t: [minimal(t), minimal(t)]]),
            ]
        }
        + [
            pass("INT21", "same sex", [.uasc: [minimal(.uasc)], .header: [hdr()]]),
            fail("INT21", "different sex", [.uasc: [row(["DOB": "01/01/2010", "SEX": "2"])], .header: [hdr()]]),
            pass("EPI", "child has episodes", [.header: [hdr()], .episodes: [ep()]]),
            fail("EPI", "child has no episodes", [.header: [hdr(), hdr("2")], .episodes: [ep()]]),
        ]

    /// Last year: child 1 looked after since 1 January 2022 in an open episode.
    static let lastYear: [SSDA903Table: Rows] = [.header: [hdr()], .episodes: [ep(decom: "01/01/2022", place: "U1")]]
    static let carried = [ep(decom: "01/01/2022")]

    static let previousYear: [SSDA903RuleCase] = [
        pass("202", "same sex", [.header: [hdr()]], previous: lastYear),
        pass("202", "1 recoded as M", year: 2025, [.header: [hdr(sex: "M")]], previous: lastYear),
        fail("202", "sex changed", [.header: [hdr(sex: "2")]], previous: lastYear),
        pass("203", "same DOB", [.header: [hdr()]], previous: lastYear),
        fail("203", "DOB changed", [.header: [hdr(dob: "02/01/2010")]], previous: lastYear),
        pass("204", "same ethnicity", [.header: [hdr()]], previous: lastYear),
        fail("204", "ethnicity changed", [.header: [hdr(ethnic: "WIRI")]], previous: lastYear),
        pass("208", "same UPN", [.header: [hdr()]], previous: lastYear),
        fail("208", "UPN changed", [.header: [hdr(upn: "B123456789012")]], previous: lastYear),
        pass("208", "UPN became known", [.header: [hdr()]], previous: [.header: [hdr(upn: "UN2")]]),
        fail("208", "known UPN became unknown", [.header: [hdr(upn: "UN2")]], previous: lastYear),
        pass("502", "open episode carried over", [.episodes: carried], previous: lastYear),
        fail("502", "start date differs", [.episodes: [ep(decom: "02/01/2022")]], previous: lastYear),
        pass("503A", "same RNE", [.episodes: carried], previous: lastYear),
        fail("503A", "RNE differs", [.episodes: [ep(decom: "01/01/2022", rne: "P")]], previous: lastYear),
        pass("503B", "same LS", [.episodes: carried], previous: lastYear),
        fail("503B", "LS differs", [.episodes: [ep(decom: "01/01/2022", ls: "C1")]], previous: lastYear),
        pass("503C", "same CIN", [.episodes: carried], previous: lastYear),
        fail("503C", "CIN differs", [.episodes: [ep(decom: "01/01/2022", cin: "N4")]], previous: lastYear),
        pass("503D", "same PLACE", [.episodes: carried], previous: lastYear),
        pass(
            "503D", "H5 renamed K3", year: 2025, [.episodes: [ep(decom: "01/01/2022", place: "K3")]],
            previous: [.episodes: [ep(decom: "01/01/2022", place: "H5")]]),
        fail("503D", "PLACE differs", [.episodes: [ep(decom: "01/01/2022", place: "U3")]], previous: lastYear),
        pass("503E", "same provider", [.episodes: carried], previous: lastYear),
        fail("503E", "provider differs", [.episodes: [ep(decom: "01/01/2022", provider: "PR4")]], previous: lastYear),
        pass("503F", "same URN", [.episodes: carried], previous: lastYear),
        fail("503F", "URN differs", [.episodes: [ep(decom: "01/01/2022", urn: "SC123456")]], previous: lastYear),
        pass(
            "576", "open missing episode carried over",
            [.missing: [row(["DOB": "01/01/2010", "MISSING": "M", "MIS_START": "30/03/2023", "MIS_END": "02/04/2023"])]],
            previous: [.missing: [row(["DOB": "01/01/2010", "MISSING": "M", "MIS_START": "30/03/2023"])]]),
        fail(
            "576", "open missing episode dropped",
            [.missing: [row(["DOB": "01/01/2010", "MISSING": "M", "MIS_START": "01/07/2023", "MIS_END": "02/07/2023"])]],
            previous: [.missing: [row(["DOB": "01/01/2010", "MISSING": "M", "MIS_START": "30/03/2023"])]]),
    ]

    @Test(arguments: integrity) func integrityRule(_ c: SSDA903RuleCase) { check(c) }
    @Test(arguments: previousYear) func previousYearRule(_ c: SSDA903RuleCase) { check(c) }

    @Test func previousYearRulesAreSkippedWithoutLastYear() {
        let current = SSDA903RuleCase.makeReturn([.header: [hdr(sex: "2")], .episodes: [ep(decom: "02/01/2022")]], year: 2024)
        let found = SSDA903Validator.validate(current, previous: nil)
        #expect(!found.contains { ["202", "502"].contains($0.rule) })
    }
}
