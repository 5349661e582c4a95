import Testing
import OversightCore
@testable import OversightFormats

@Suite("CIN census rules on one child")
struct CINChildRuleTests {
    @Test(arguments: [2024, 2025, 2026])
    func validChildHasNoFindings(year: Int) {
        // 2887Q looks at the variety of disability codes over the whole return, which one child cannot show.
        #expect(CINBuilder.codes(year: year).subtracting(["2887Q"]).isEmpty)
    }

    @Test(
        arguments: CINChildRuleTests.identifierCases + CINChildRuleTests.episodeCases + CINChildRuleTests.assessmentCases
            + CINChildRuleTests.planCases + CINChildRuleTests.section47Cases + CINChildRuleTests.protectionPlanCases
            + CINChildRuleTests.structureCases)
    func ruleFiresOnlyOnItsCase(_ c: CINRuleCase) {
        #expect(CINBuilder.codes(year: c.year, c.breaks).contains(c.code), "failing case not flagged")
        #expect(!CINBuilder.codes(year: c.year, c.passes).contains(c.code), "passing case flagged")
    }

    static let identifierCases: [CINRuleCase] = [
        rule("8500", breaks: { $0.ident("LAchildID", "  ") }),
        rule("1570", breaks: { $0.ident("LAchildID", String(repeating: "A", count: 21)) }, passes: { $0.ident("LAchildID", String(repeating: "A", count: 20)) }),
        rule("1580", breaks: { $0.ident("LAchildID", "C-1") }, passes: { $0.ident("LAchildID", "C1x9") }),
        rule("1510", breaks: { $0.ident("UPN", "A201123456789") }, passes: { $0.ident("UPN", "M20112345678A") }),
        rule("1530", breaks: { $0.ident("UPN", "P999123456789") }, passes: { $0.ident("UPN", "P201123456789") }),
        rule("1540", breaks: { $0.ident("UPN", "P2011234X6789") }),
        rule("1550", breaks: { $0.ident("UPN", "P20112345678I") }, passes: { $0.ident("UPN", "M20112345678A") }),
        rule("1560Q", breaks: { $0.ident("FormerUPN", "12345") }, passes: { $0.ident("FormerUPN", "P201123456789") }),
        rule("4180", year: 2024, breaks: { $0.ident("GenderCurrent", "M") }, passes: { $0.ident("GenderCurrent", "2") }),
        rule("4180", breaks: { $0.ident("Sex", "1") }, passes: { $0.ident("Sex", "F") }),
        rule("4180", year: 2026, breaks: { $0.ident("Sex", nil) }, passes: { $0.ident("Sex", "U") }),
        rule(
            "8750", year: 2024,
            breaks: {
                $0.ident("PersonBirthDate", nil); $0.ident("ExpectedPersonBirthDate", "2025-05-01")
            },
            passes: {
                $0.ident("PersonBirthDate", nil); $0.ident("ExpectedPersonBirthDate", "2025-05-01"); $0.ident("GenderCurrent", "0")
            }),
        rule(
            "8750",
            breaks: {
                $0.ident("PersonBirthDate", nil); $0.ident("ExpectedPersonBirthDate", "2025-05-01")
            },
            passes: {
                $0.ident("PersonBirthDate", nil); $0.ident("ExpectedPersonBirthDate", "2025-05-01"); $0.ident("Sex", "U")
            }),
        rule("8520", breaks: { $0.ident("PersonBirthDate", "2025-04-01") }, passes: { $0.ident("PersonBirthDate", "2025-03-31") }),
        rule("8525Q", breaks: { $0.ident("ExpectedPersonBirthDate", "2015-05-03") }),
        rule("8525Q", breaks: { $0.ident("PersonBirthDate", nil) }),
        rule(
            "8530Q",
            breaks: {
                $0.ident("PersonBirthDate", nil); $0.ident("ExpectedPersonBirthDate", "2026-01-01")
            },
            passes: {
                $0.ident("PersonBirthDate", nil); $0.ident("ExpectedPersonBirthDate", "2025-12-31")
            }),
        rule(
            "8530Q",
            breaks: {
                $0.ident("PersonBirthDate", nil); $0.ident("ExpectedPersonBirthDate", "2025-02-28")
            },
            passes: {
                $0.ident("PersonBirthDate", nil); $0.ident("ExpectedPersonBirthDate", "2025-03-01")
            }),
        rule("8535Q", breaks: { $0.ident("PersonDeathDate", "2015-04-30") }, passes: { $0.ident("PersonDeathDate", "2015-05-01") }),
        rule(
            "8535Q",
            breaks: {
                $0.ident("PersonDeathDate", "2025-03-01"); $0.ident("PersonBirthDate", nil)
            }),
        rule("8545Q", breaks: { $0.ident("PersonDeathDate", "2024-03-31") }, passes: { $0.ident("PersonDeathDate", "2025-03-31") }),
        rule(
            "8770Q", year: 2024,
            breaks: {
                $0.ident("UPN", nil); $0.ident("PersonBirthDate", "2018-03-31"); $0.ident("UPNunknown", "UN1")
            },
            passes: {
                $0.ident("UPN", nil); $0.ident("PersonBirthDate", "2018-04-01")
            }),
        rule(
            "8770Q",
            breaks: {
                $0.ident("UPN", nil); $0.ident("PersonBirthDate", "2019-08-31")
            },
            passes: {
                $0.ident("UPN", nil); $0.ident("PersonBirthDate", "2019-08-31"); $0.ident("UPNunknown", "UN3")
            }),
        rule(
            "8770Q", year: 2026,
            breaks: {
                $0.ident("UPN", nil); $0.ident("PersonBirthDate", "2020-08-31")
            },
            passes: {
                $0.ident("UPN", nil); $0.ident("PersonBirthDate", "2020-09-01")
            }),
        rule(
            "8772", breaks: { $0.ident("UPNunknown", "UN7") },
            passes: {
                $0.ident("UPNunknown", "UN7"); $0.makeNFA()
            }),
        rule("8775Q", breaks: { $0.ident("PersonBirthDate", "2000-03-30") }, passes: { $0.ident("PersonBirthDate", "2000-03-31") }),
        rule("4220", breaks: { $0.characteristics.fields["Ethnicity"] = "WBR" }, passes: { $0.characteristics.fields["Ethnicity"] = "BAFR" }),
        rule("4220", breaks: { $0.characteristics.fields["Ethnicity"] = nil }),
        rule(
            "8540", breaks: { $0.disabilities([]) },
            passes: {
                $0.disabilities([]); $0.makeNFA()
            }),
        rule("8540", breaks: { $0.disabilities(["MOB", "XYZ"]) }, passes: { $0.disabilities(["MOB", "LD"]) }),
        rule("8790", breaks: { $0.disabilities(["NONE", "MOB"]) }, passes: { $0.disabilities(["MOB", "LD"]) }),
        rule("8794", breaks: { $0.disabilities(["MOB", "MOB"]) }, passes: { $0.disabilities(["MOB", "LD"]) }),
        rule("8590", breaks: { $0.episodes = [] }),
    ]

    static let episodeCases: [CINRuleCase] = [
        rule("8600", breaks: { $0.detail("CINreferralDate", nil) }),
        rule("8606", breaks: { $0.ident("PersonBirthDate", "2025-03-11") }, passes: { $0.ident("PersonBirthDate", "2025-03-10") }),
        rule("8866", breaks: { $0.detail("ReferralSource", "11") }, passes: { $0.detail("ReferralSource", "10") }),
        rule(
            "8610", breaks: { $0.detail("PrimaryNeedCode", nil) },
            passes: {
                $0.makeNFA(); $0.detail("PrimaryNeedCode", nil)
            }),
        rule("8650", breaks: { $0.detail("PrimaryNeedCode", "N10") }, passes: { $0.detail("PrimaryNeedCode", "N0") }),
        rule("8568", breaks: { $0.detail("ReferralNFA", "yes") }, passes: { $0.detail("ReferralNFA", "false") }),
        // 1 April 2024 was Easter Monday and 29 March Good Friday: 28 March is the working day before.
        rule(
            "8569Q", year: 2025,
            breaks: {
                $0.makeNFA(); $0.detail("CINreferralDate", "2024-03-27")
            },
            passes: {
                $0.makeNFA(); $0.detail("CINreferralDate", "2024-03-28")
            }),
        rule("8620", breaks: { $0.close("2025-04-01") }, passes: { $0.close("2025-03-31") }),
        rule(
            "8630",
            breaks: {
                $0.makeNFA(); $0.close("2024-06-02")
            },
            passes: {
                $0.makeNFA(); $0.close("2024-06-03")
            }),
        rule("8640", breaks: { $0.close("2025-01-10", "RC10") }, passes: { $0.close("2025-01-10", "RC1") }),
        rule("8805", breaks: { $0.detail("CINclosureDate", "2025-01-10") }, passes: { $0.close("2025-01-10") }),
        rule("8810", breaks: { $0.detail("ReasonForClosure", "RC7") }, passes: { $0.close("2025-01-10") }),
        rule(
            "8585Q", breaks: { $0.close("2025-01-10", "RC2") },
            passes: {
                $0.close("2025-01-10", "RC2"); $0.ident("PersonDeathDate", "2025-01-09")
            }),
        rule("8555Q", breaks: { $0.ident("PersonDeathDate", "2024-06-02") }, passes: { $0.ident("PersonDeathDate", "2024-06-03") }),
        rule(
            "8565", breaks: { $0.close("2024-06-18") },
            passes: {
                $0.cpp("CPPendDate", "2025-01-10"); $0.close("2025-01-10")
            }),
        rule("8815", breaks: { $0.addEpisode(referral: "2024-09-02") }, passes: { $0.addEpisode(referral: "2024-09-02", nfa: "1") }),
        rule(
            "8816", breaks: { $0.addEpisode(referral: "2024-09-02", closure: "2024-09-03") },
            passes: { $0.addEpisode(referral: "2024-05-01", closure: "2024-05-02") }),
        rule(
            "8820", breaks: { $0.addEpisode(referral: "2024-07-01", closure: "2024-07-02") },
            passes: { $0.addEpisode(referral: "2024-05-01", closure: "2024-06-02") }),
        rule(
            "8820", breaks: { $0.addEpisode(referral: "2024-05-01", closure: "2024-06-04") },
            passes: { $0.addEpisode(referral: "2024-05-01", closure: "2024-06-03") }),
        rule(
            "8820", breaks: { $0.addEpisode(referral: "2024-06-03", closure: "2024-06-03") },
            passes: { $0.addEpisode(referral: "2024-05-01", nfa: "1") }),
        rule(
            "2990", breaks: { $0.close("2025-01-10", "RC8") },
            passes: {
                $0.episodes[0].section47s = []; $0.episodes[0].protectionPlans = []; $0.close("2025-01-10", "RC8")
            }),
        rule(
            "8825Q",
            breaks: {
                $0.episodes[0].assessments = []; $0.close("2025-01-10", "RC9")
            }, passes: { $0.close("2025-01-10", "RC9") }),
        rule(
            "4000",
            breaks: {
                $0.makeNFA(); $0.addPlan("2024-06-04", "2024-06-05")
            }, passes: { $0.addPlan("2024-06-04", "2024-06-05") }),
        rule("8831", breaks: { $0.detail("ReferralNFA", "1") }, passes: { $0.makeNFA() }),
        rule("8832", breaks: { $0.detail("ReferralNFA", "true") }, passes: { $0.makeNFA() }),
        rule(
            "8867",
            breaks: {
                $0.assessment("AssessmentAuthorisationDate", nil); $0.factors([]); $0.close("2025-01-10")
            },
            passes: { $0.close("2025-01-10") }),
        rule(
            "8868",
            breaks: {
                $0.s47("DateOfInitialCPC", nil); $0.close("2025-01-10")
            },
            passes: {
                $0.s47("DateOfInitialCPC", nil); $0.s47("ICPCnotRequired", "1"); $0.close("2025-01-10")
            }),
        rule("1104", breaks: { $0.detail("DateOfInitialCPC", "2024-05-31") }, passes: { $0.s47("DateOfInitialCPC", "2024-06-03") }),
        rule("1104", breaks: { $0.s47("DateOfInitialCPC", "2024-05-31") }),
        rule("2884", breaks: { $0.detail("DateOfInitialCPC", "2024-06-19") }, passes: { $0.detail("DateOfInitialCPC", "2024-06-20") }),
        rule("8715", breaks: { $0.s47("DateOfInitialCPC", "2024-03-28") }, passes: { $0.s47("DateOfInitialCPC", "2024-04-01") }),
        rule("8715", breaks: { $0.s47("DateOfInitialCPC", "2025-04-01") }, passes: { $0.detail("DateOfInitialCPC", "2024-03-01") }),
        rule("8875", breaks: { $0.s47("DateOfInitialCPC", "2024-06-22") }, passes: { $0.s47("DateOfInitialCPC", "2024-06-21") }),
        rule("8875", breaks: { $0.detail("DateOfInitialCPC", "2024-06-23") }),
    ]

    static let assessmentCases: [CINRuleCase] = [
        rule("1103", breaks: { $0.assessment("AssessmentActualStartDate", "2024-06-02") }, passes: { $0.assessment("AssessmentActualStartDate", "2024-06-03") }),
        rule("8608", breaks: { $0.assessment("AssessmentAuthorisationDate", "2024-06-03") }, passes: { $0.assessment("AssessmentAuthorisationDate", "2024-06-04") }),
        rule(
            "8614", breaks: { $0.assessment("AssessmentAuthorisationDate", nil) },
            passes: {
                $0.assessment("AssessmentAuthorisationDate", nil); $0.factors([])
            }),
        rule("8696", breaks: { $0.assessment("AssessmentAuthorisationDate", "2025-04-01") }, passes: { $0.assessment("AssessmentAuthorisationDate", "2025-03-31") }),
        rule(
            "8736",
            breaks: {
                $0.assessment("AssessmentAuthorisationDate", nil); $0.factors([]); $0.assessment("AssessmentActualStartDate", "2024-03-31")
            },
            passes: {
                $0.assessment("AssessmentAuthorisationDate", nil); $0.factors([]); $0.assessment("AssessmentActualStartDate", "2024-04-01")
            }),
        // 44 working days before Monday 31 March 2025 is Tuesday 28 January 2025.
        rule(
            "8670Q",
            breaks: {
                $0.assessment("AssessmentAuthorisationDate", nil); $0.factors([]); $0.assessment("AssessmentActualStartDate", "2025-01-27")
            },
            passes: {
                $0.assessment("AssessmentAuthorisationDate", nil); $0.factors([]); $0.assessment("AssessmentActualStartDate", "2025-01-28")
            }),
        rule(
            "8863Q",
            breaks: {
                $0.duplicateAssessment(); $0.assessment("AssessmentActualStartDate", "2024-06-20", 1)
            },
            passes: {
                $0.duplicateAssessment(); $0.assessment("AssessmentActualStartDate", "2024-06-21", 1); $0.assessment("AssessmentAuthorisationDate", "2024-06-25", 1)
            }),
        rule(
            "8896",
            breaks: {
                $0.assessment("AssessmentAuthorisationDate", nil); $0.factors([]); $0.duplicateAssessment()
            },
            passes: {
                $0.duplicateAssessment(); $0.assessment("AssessmentAuthorisationDate", nil); $0.factors([])
            }),
        rule("8897Q", breaks: { $0.factors([]) }, passes: { $0.factors(["21"]) }),
        rule(
            "8897Q", breaks: { $0.factors(["3A", "99"]) },
            passes: {
                $0.factors([]); $0.assessment("AssessmentAuthorisationDate", "2024-03-31"); $0.assessment("AssessmentActualStartDate", "2024-03-30")
            }),
        rule("8898", breaks: { $0.factors(["3A", "3A"]) }, passes: { $0.factors(["3A", "3B"]) }),
        rule("8869", breaks: { $0.factors(["21", "3A"]) }, passes: { $0.factors(["21"]) }),
        rule(
            "8873Q", breaks: { $0.factors(["21"]) },
            passes: {
                $0.factors(["21"]); $0.close("2025-01-10", "RC8")
            }),
        rule(
            "8873Q",
            breaks: {
                $0.factors(["21"]); $0.close("2025-01-10", "RC7")
            },
            passes: {
                $0.factors(["21"]); $0.duplicateAssessment()
            }),
        rule("8945Q", breaks: { $0.factors(["18A"]) }, passes: { $0.factors(["18C"]) }),
        rule("8950Q", breaks: { $0.factors(["19A"]) }, passes: { $0.factors(["19B"]) }),
        rule(
            "2991Q", breaks: { $0.episodes[0].assessments = [] },
            passes: {
                $0.episodes[0].assessments = []; $0.episodes[0].section47s = []
            }),
    ]

    static let planCases: [CINRuleCase] = [
        rule("4010", breaks: { $0.addPlan(nil, "2024-06-10") }, passes: { $0.addPlan("2024-06-04", "2024-06-10") }),
        rule("4010", breaks: { $0.addPlan("2025-04-01") }),
        rule("4011", breaks: { $0.addPlan("2024-06-10", "2024-06-09") }, passes: { $0.addPlan("2024-06-10", "2024-06-11") }),
        rule("4012Q", breaks: { $0.addPlan("2024-06-10", "2024-06-10") }, passes: { $0.addPlan("2024-06-10", "2024-06-11") }),
        rule("4013", breaks: { $0.addPlan("2024-06-10", "2025-04-01") }, passes: { $0.addPlan("2024-06-10", "2025-03-31") }),
        rule("4015", breaks: { $0.addPlan("2024-06-02", "2024-06-10") }, passes: { $0.addPlan("2024-06-03", "2024-06-10") }),
        rule(
            "4004",
            breaks: {
                $0.addPlan("2024-06-04"); $0.addPlan("2024-06-08")
            },
            passes: {
                $0.addPlan("2024-06-04", "2024-06-07"); $0.addPlan("2024-06-08")
            }),
        rule(
            "4014",
            breaks: {
                $0.addPlan("2024-06-04", "2024-06-10"); $0.addPlan("2024-06-10", "2024-06-12")
            },
            passes: {
                $0.addPlan("2024-06-04", "2024-06-09"); $0.addPlan("2024-06-10", "2024-06-12")
            }),
        rule(
            "4008",
            breaks: {
                $0.ident("PersonDeathDate", "2024-06-09"); $0.addPlan("2024-06-10", "2024-06-10")
            },
            passes: {
                $0.ident("PersonDeathDate", "2024-06-10"); $0.addPlan("2024-06-10", "2024-06-10")
            }),
        rule(
            "4009Q",
            breaks: {
                $0.ident("PersonDeathDate", "2024-06-15"); $0.addPlan("2024-06-10", "2024-06-16")
            },
            passes: {
                $0.ident("PersonDeathDate", "2024-06-16"); $0.addPlan("2024-06-10", "2024-06-16")
            }),
        rule("4001", breaks: { $0.addPlan("2024-06-04") }, passes: { $0.addPlan("2024-06-04", "2024-06-18") }),
        rule(
            "4003",
            breaks: {
                $0.cpp("CPPendDate", "2024-08-31"); $0.addPlan("2024-08-31"); $0.reviews(["2024-08-31", "2024-09-10"])
            },
            passes: {
                $0.cpp("CPPendDate", "2024-08-31"); $0.addPlan("2024-08-31"); $0.reviews(["2024-08-31"])
            }),
        rule(
            "4016",
            breaks: {
                $0.cpp("CPPendDate", "2024-09-01"); $0.addPlan("2024-08-31")
            },
            passes: {
                $0.cpp("CPPendDate", "2024-09-01"); $0.addPlan("2024-09-01")
            }),
        rule("4017", breaks: { $0.addPlan("2024-06-10", "2024-06-20") }, passes: { $0.addPlan("2024-06-10", "2024-06-19") }),
    ]

    static let section47Cases: [CINRuleCase] = [
        rule("2889", breaks: { $0.s47("S47ActualStartDate", "2024-06-02") }, passes: { $0.s47("S47ActualStartDate", "2024-06-03") }),
        rule("8615", breaks: { $0.s47("S47ActualStartDate", "2024-06-20") }, passes: { $0.s47("S47ActualStartDate", "2024-06-19") }),
        rule("8615", breaks: { $0.s47("S47ActualStartDate", nil) }),
        rule(
            "8740",
            breaks: {
                $0.s47("DateOfInitialCPC", nil); $0.s47("S47ActualStartDate", "2024-03-31")
            },
            passes: {
                $0.s47("DateOfInitialCPC", nil); $0.s47("S47ActualStartDate", "2024-04-01")
            }),
        // 14 working days before Monday 31 March 2025 is Tuesday 11 March 2025.
        rule(
            "8675Q",
            breaks: {
                $0.s47("DateOfInitialCPC", nil); $0.s47("S47ActualStartDate", "2025-03-10")
            },
            passes: {
                $0.s47("DateOfInitialCPC", nil); $0.s47("S47ActualStartDate", "2025-03-11")
            }),
        rule(
            "8839",
            breaks: {
                $0.s47("DateOfInitialCPC", nil); $0.duplicateSection47()
            },
            passes: {
                $0.s47("DateOfInitialCPC", nil); $0.duplicateSection47(); $0.s47("ICPCnotRequired", "1", 1)
            }),
        rule(
            "8890",
            breaks: {
                $0.duplicateSection47(); $0.s47("S47ActualStartDate", "2024-06-19", 1); $0.s47("DateOfInitialCPC", "2024-06-21", 1)
            },
            passes: {
                $0.duplicateSection47(); $0.s47("S47ActualStartDate", "2024-06-20", 1); $0.s47("DateOfInitialCPC", "2024-06-21", 1)
            }),
        rule("8870Q", breaks: { $0.s47("InitialCPCtarget", "2024-06-23") }, passes: { $0.s47("InitialCPCtarget", "2024-06-24") }),
    ]

    static let protectionPlanCases: [CINRuleCase] = [
        rule("8720", breaks: { $0.cpp("CPPstartDate", nil) }),
        rule("8720", breaks: { $0.cpp("CPPstartDate", "2025-04-01") }),
        rule("1105", breaks: { $0.cpp("CPPstartDate", "2024-06-02") }, passes: { $0.cpp("CPPstartDate", "2024-06-03") }),
        rule("8925", breaks: { $0.cpp("CPPendDate", "2024-06-18") }, passes: { $0.cpp("CPPendDate", "2024-06-20") }),
        rule(
            "8840",
            breaks: {
                $0.cpp("CPPendDate", "2024-06-19"); $0.reviews([])
            },
            passes: {
                $0.cpp("CPPendDate", "2024-06-20"); $0.reviews([])
            }),
        rule("8930", breaks: { $0.cpp("CPPendDate", "2025-04-01") }, passes: { $0.cpp("CPPendDate", "2025-03-31") }),
        rule(
            "8935", breaks: { $0.duplicateProtectionPlan() },
            passes: {
                $0.duplicateProtectionPlan(); $0.cpp("CPPendDate", "2024-06-20")
            }),
        rule(
            "8940",
            breaks: {
                $0.cpp("CPPendDate", "2024-07-10"); $0.duplicateProtectionPlan(); $0.cpp("CPPstartDate", "2024-07-10", 1); $0.cpp("CPPendDate", nil, 1)
            },
            passes: {
                $0.cpp("CPPendDate", "2024-07-10"); $0.duplicateProtectionPlan(); $0.cpp("CPPstartDate", "2024-07-11", 1); $0.cpp("CPPendDate", nil, 1)
            }),
        rule("8905", breaks: { $0.cpp("InitialCategoryOfAbuse", "NEGL") }, passes: { $0.cpp("InitialCategoryOfAbuse", "mul") }),
        rule("8910", breaks: { $0.cpp("LatestCategoryOfAbuse", nil) }, passes: { $0.cpp("LatestCategoryOfAbuse", "SAB") }),
        rule("8730", breaks: { $0.cpp("NumberOfPreviousCPP", "-1") }, passes: { $0.cpp("NumberOfPreviousCPP", "3") }),
        rule("8730", breaks: { $0.cpp("NumberOfPreviousCPP", nil) }),
        rule("8841", breaks: { $0.reviews(["2024-06-19"]) }, passes: { $0.reviews(["2024-06-20"]) }),
        rule("8842Q", breaks: { $0.reviews(["2024-09-10", ""]) }, passes: { $0.reviews(["2024-09-10", "2024-12-10"]) }),
        rule(
            "8915", breaks: { $0.ident("PersonDeathDate", "2024-06-18") },
            passes: {
                $0.ident("PersonDeathDate", "2024-06-19"); $0.cpp("CPPendDate", "2024-06-19")
            }),
        rule(
            "8920",
            breaks: {
                $0.cpp("CPPendDate", "2024-07-01"); $0.ident("PersonDeathDate", "2024-06-30")
            },
            passes: {
                $0.cpp("CPPendDate", "2024-07-01"); $0.ident("PersonDeathDate", "2024-07-01")
            }),
        rule("2885", breaks: { $0.cpp("CPPstartDate", "2024-06-20") }, passes: { $0.cpp("CPPstartDate", "2024-03-29") }),
        rule(
            "2885",
            breaks: {
                $0.episodes[0].section47s = []; $0.detail("DateOfInitialCPC", "2024-06-18")
            },
            passes: {
                $0.episodes[0].section47s = []; $0.detail("DateOfInitialCPC", "2024-06-19")
            }),
    ]

    static let structureCases: [CINRuleCase] = [
        rule("OV-CIN-DATE", breaks: { $0.ident("PersonBirthDate", "2015-02-30") }, passes: { $0.ident("PersonBirthDate", "2016-02-29") }),
        rule("OV-CIN-DATE", breaks: { $0.cpp("CPPendDate", "31/03/2025") }),
        rule("OV-CIN-REQUIRED", breaks: { $0.assessment("AssessmentActualStartDate", nil) }),
        rule("OV-CIN-ICPCNR", breaks: { $0.s47("ICPCnotRequired", nil) }, passes: { $0.s47("ICPCnotRequired", "false") }),
        rule("OV-CIN-UPN", breaks: { $0.ident("UPN", "P20112345678") }),
        rule("OV-CIN-UPNUNKNOWN", breaks: { $0.ident("UPNunknown", "UN9") }, passes: { $0.ident("UPNunknown", "un1") }),
        rule(
            "OV-CIN-FACTOR",
            breaks: {
                $0.assessment("AssessmentActualStartDate", "2024-03-01"); $0.assessment("AssessmentAuthorisationDate", "2024-03-20"); $0.factors(["3Z"])
            },
            passes: {
                $0.assessment("AssessmentActualStartDate", "2024-03-01"); $0.assessment("AssessmentAuthorisationDate", "2024-03-20"); $0.factors(["3C"])
            }),
    ]
}
