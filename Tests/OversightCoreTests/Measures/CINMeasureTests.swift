import Testing
@testable import OversightCore

@Suite struct CINMeasureTests {
    let referrals = caseData(cin: [
        referral("A", "2024-01-10", closed: "2024-02-01", source: "1A"),
        referral("A", "2024-06-01", source: "1A"),
        referral("B", "2023-05-31", closed: "2023-06-30"),
        referral("B", "2024-05-31", closed: "2025-03-31", source: "6"),
        referral("C", "2023-05-30", closed: "2023-06-30"),
        referral("C", "2024-05-31", source: nil, nfa: nil),
        referral("E", "2024-02-29", closed: "2024-03-10"),
        referral("E", "2025-02-28", source: "XX"),
        referral("F", "2024-07-01", closed: "2024-07-01", source: "3A", nfa: true),
        referral("F", "2024-07-01", closed: "2024-07-01", source: "10", nfa: true),
    ])

    @Test func countsReferralsInPeriod() {
        #expect(measure("referrals", referrals).value == 5)
    }

    @Test func reReferralLooksBackOneCalendarYearInclusiveAndNotTheSameDay() {
        // In period: A 2024-06-01 (prior 2024-01-10: yes), B 2024-05-31 (prior 2023-05-31: exactly a year, yes),
        // C 2024-05-31 (prior 2023-05-30: a day too early), E 2025-02-28 (prior 2024-02-29 >= 2024-02-28: yes),
        // F's two same-day referrals collapse by key to one (later row wins) and have no earlier referral.
        let r = measure("rereferrals_12m_pct", referrals)
        #expect(r.numerator == 3)
        #expect(r.denominator == 5)
        #expect(r.value == 60)
        #expect(Set(r.numeratorRecords.map(\.child)) == ["A", "B", "E"])
    }

    @Test func referralSourcesSumToAHundredWithBlankAndInvalidAsUnknown() {
        let ids = referralSourceGroups.map { "referral_source_pct_\($0.id)" }
        let total = ids.map { measure($0, referrals).numerator ?? 0 }.reduce(0, +)
        #expect(total == 5)
        #expect(measure("referral_source_pct_unknown", referrals).numerator == 3) // C blank, E "XX", F "10"
        #expect(measure("referral_source_pct_police", referrals).numerator == 1)
    }

    @Test func noFurtherActionShare() {
        let r = measure("referrals_nfa_pct", referrals)
        #expect(r.numerator == 1 && r.denominator == 5)
    }

    @Test func childrenInNeedAtEndExcludeClosedOnTheDayAndNFA() {
        // A open; B closed on 31 March (not after end); C open with blank NFA; E open; F NFA.
        let r = measure("cin_at_end", referrals)
        #expect(r.value == 3)
        #expect(measure("cin_rate_per_10k", referrals, population: 30_000).value == 1)
        #expect(MeasureEngine(data: referrals).compute("cin_rate_per_10k", period: year2025) == nil)
    }

    let assessed = caseData(cin: [
        referral(
            "G", "2024-04-01",
            assessments: [
                assessment(start: "2024-12-20", authorised: "2025-02-26", factors: ["3A", "16A"]),
                assessment(start: "2024-01-01", authorised: "2024-03-01", factors: ["11A"]),
            ]),
        referral("H", "2024-04-02", assessments: [assessment(start: "2024-12-20", authorised: "2025-02-27", factors: ["1C"])]),
        referral("I", "2024-04-03", assessments: [assessment(start: nil, authorised: "2024-09-01", factors: ["24A"])]),
        referral(
            "J", "2024-04-04",
            assessments: [
                Assessment(startDate: .invalid("32/13/2024"), authorisationDate: df("2024-09-02"), factors: ["3C"]),
                assessment(start: "2025-01-10", authorised: "2025-01-09"),
            ]),
    ])

    @Test func assessmentsWithin45WorkingDaysSkipBankHolidays() {
        // 45th working day after Fri 20 Dec 2024 is Wed 26 Feb 2025 (25, 26 Dec and 1 Jan are bank holidays).
        #expect(measure("assessments_completed", assessed).value == 5)
        let r = measure("assessments_45_days_pct", assessed)
        #expect(r.numerator == 1)
        #expect(r.denominator == 4) // missing start: denominator only; invalid start: left out; authorised before start: not within
        #expect(r.warnings.contains { $0.contains("invalid start") })
    }

    @Test(arguments: [
        ("assessment_factor_pct_da", 2.0), ("assessment_factor_pct_neglect", 1), ("assessment_factor_pct_cse", 0),
        ("assessment_factor_pct_cce", 1), ("assessment_factor_pct_gangs", 0),
    ])
    func assessmentFactorsCountEpisodesWithAnAssessmentInPeriod(id: String, numerator: Double) {
        let r = measure(id, assessed)
        #expect(r.denominator == 4)
        #expect(r.numerator == numerator)
    }

    @Test func initialConferencesWithin15WorkingDays() {
        let data = caseData(cin: [
            referral(
                "K", "2024-03-01",
                s47: [
                    Section47(startDate: df("2024-06-03"), initialCPCDate: df("2024-06-24")),
                    Section47(startDate: df("2024-06-03"), initialCPCDate: df("2024-06-25")),
                    Section47(startDate: .missing, initialCPCDate: df("2024-07-01")),
                    Section47(startDate: df("2024-03-20"), initialCPCDate: df("2024-04-10")), // Easter 2024 skipped
                ])
        ])
        #expect(measure("s47_enquiries", data).value == 2)
        let r = measure("icpc_15_days_pct", data)
        #expect(r.numerator == 2 && r.denominator == 4)
    }

    let plans = caseData(cin: [
        referral("H", "2020-12-01", closed: "2022-06-01", plans: [plan("2021-01-01", "2022-06-01")]),
        referral(
            "H", "2024-04-15", assessments: [assessment(start: "2020-01-01", authorised: "2020-02-01", factors: ["3B"])],
            plans: [plan("2024-05-01", category: "NEG")]),
        referral(
            "I", "2024-06-01", closed: "2024-12-01", assessments: [assessment(start: "2024-06-02", authorised: "2024-07-01", factors: ["3A"])],
            plans: [plan("2024-07-01", "2024-12-01", category: "PHY", previous: 2)]),
        referral("J", "2022-12-01", plans: [plan("2023-01-01", category: "EMO")]),
        referral("K", "2022-02-01", closed: "2023-03-31", plans: [plan("2022-03-01", "2023-03-31")]),
        referral("K", "2025-03-01", plans: [plan("2025-03-31", category: "EMO")]),
        referral("L", "2024-09-01", closed: "2025-03-31", plans: [plan("2024-10-01", "2025-03-31", category: "NEG", previous: nil)]),
    ])

    @Test func childProtectionPlanStartsAndRepeats() {
        #expect(measure("cpp_starts", plans).value == 4) // H2, I, K2, L
        let second = measure("cpp_second_subsequent_pct", plans)
        #expect(second.numerator == 3 && second.denominator == 4) // H2 (earlier loaded plan), I (NumberOfPreviousCPP 2), K2
        let repeat2y = measure("cpp_repeat_2y_pct", plans)
        #expect(repeat2y.numerator == 2) // H2 (ended 2022-06-01 >= 2022-05-01), K2 (ended exactly 2 years before)
        #expect(measure("cpp_neglect_pct", plans).numerator == 2)
        #expect(measure("cpp_neglect_starts", plans).value == 2) // H2 and L: the numerator of cpp_neglect_pct
        #expect(measure("cpp_repeat_da", plans).value == 2) // H2 and I: their episodes record 3A/3B
    }

    @Test func childProtectionPlansAtEnd() {
        let r = measure("cpp_at_end", plans)
        #expect(Set(r.numeratorRecords.map(\.child)) == ["H", "J", "K"]) // L's plan ends on 31 March
        let long = measure("cpp_2y_plus_pct", plans)
        #expect(long.numerator == 1 && long.denominator == 3) // J started 2023-01-01 <= 2023-03-31
        let da = measure("cpp_da_pct", plans)
        #expect(da.numerator == 1 && da.denominator == 3) // H: its episode's assessment (started 2020, authorised 2020) records 3B
    }

    @Test func denominatorZeroIsUndefinedNotZero() {
        let r = measure("rereferrals_12m_pct", caseData(cin: []))
        #expect(r.denominator == 0)
        #expect(r.value == nil)
    }

    @Test func saysWhenThereIsNoCINData() {
        var b = CaseDataBuilder()
        _ = b.addFile(SourceFile(path: "x.csv", format: "ssda903", table: "Episodes", collectionYear: 2025))
        let r = MeasureEngine(data: b.build()).compute("referrals", period: year2025)!
        #expect(r.value == 0)
        #expect(r.warnings.contains("no CIN data"))
    }

    @Test func warnsWhenThePeriodEndsAfterTheData() {
        let r = measure("referrals", referrals, Period.reportingYear(2026))
        #expect(r.warnings.contains("data ends on 31/03/2025"))
    }

    @Test func domesticAbuseCountsAssessmentsStartedByTheEndWhateverTheirOtherDates() {
        // X: the 3A assessment starts 10 April 2025, after 2024-25 ends. Y: the 3B one starts on
        // 31 March 2025 and is authorised in June. Z: two open plans starting the same day in two
        // episodes, only the first episode with a 3C assessment: either episode may hold "the
        // open plan", and Z counts when either has one. W: a repeat plan whose episode's 3A
        // assessment starts 2 April 2025.
        let data = caseData(cin: [
            referral(
                "X", "2024-01-01", assessments: [assessment(start: "2025-04-10", authorised: "2025-05-01", factors: ["3A"])],
                plans: [plan("2024-02-01")]),
            referral(
                "Y", "2024-01-01", assessments: [assessment(start: "2025-03-31", authorised: "2025-06-01", factors: ["3B"])],
                plans: [plan("2024-02-01")]),
            referral(
                "Z", "2024-05-01", assessments: [assessment(start: "2024-05-02", authorised: nil, factors: ["3C"])],
                plans: [plan("2024-06-01")]),
            referral("Z", "2024-04-01", plans: [plan("2024-06-01")]),
            referral(
                "W", "2024-04-01", assessments: [assessment(start: "2025-04-02", authorised: "2025-05-01", factors: ["3A"])],
                plans: [plan("2024-05-01", "2025-04-20", previous: 1)]),
        ])
        let year = measure("cpp_da_pct", data)
        #expect(year.denominator == 4)
        #expect(Set(year.numeratorRecords.map(\.child)) == ["Y", "Z"])
        let toApril = period("2024-04-01", "2025-04-30")
        let april = measure("cpp_da_pct", data, period("2025-04-01", "2025-04-30"))
        #expect(april.numerator == 3 && april.denominator == 3) // W's plan ended 20 April; X now counts
        #expect(measure("cpp_repeat_da", data).value == 0) // W's assessment started after 31 March 2025
        #expect(measure("cpp_repeat_da", data, toApril).value == 1)
    }

    @Test func aPlanWithAnInvalidDateIsLeftOutOnlyOfTheMeasuresReadingThatDate() {
        // P2's end is not a date: a plan start, and a repeat (P1 started earlier), but out of
        // cpp_repeat_2y_pct and of the plans open at the end. Q1's start is not a date: out of
        // every plan measure in every role, so Q2 is no repeat of it, though Q1 ended in 2023.
        let data = caseData(cin: [
            referral("P", "2021-12-01", closed: "2022-12-01", plans: [plan("2022-01-01", "2022-12-01")]),
            referral(
                "P", "2024-05-01",
                plans: [
                    ProtectionPlan(
                        startDate: df("2024-06-01"), endDate: .invalid("31/02/2025"),
                        initialCategory: "NEG", numberOfPreviousPlans: 0)
                ]),
            referral(
                "Q", "2022-01-01", closed: "2023-09-01",
                plans: [
                    ProtectionPlan(
                        startDate: .invalid("2022-13-01"), endDate: df("2023-09-01"),
                        initialCategory: "NEG", numberOfPreviousPlans: 0)
                ]),
            referral("Q", "2024-04-01", plans: [plan("2024-07-01", category: "PHY")]),
        ])
        let starts = measure("cpp_starts", data)
        #expect(starts.value == 2)
        #expect(starts.warnings.contains("1 child protection plans with an invalid start date were left out"))
        let second = measure("cpp_second_subsequent_pct", data)
        #expect(second.numerator == 1 && second.denominator == 2)
        #expect(second.numeratorRecords.map(\.child) == ["P"])
        let repeat2y = measure("cpp_repeat_2y_pct", data)
        #expect(repeat2y.numerator == 0 && repeat2y.denominator == 1)
        let atEnd = measure("cpp_at_end", data)
        #expect(atEnd.numeratorRecords.map(\.child) == ["Q"])
        #expect(atEnd.warnings.contains("2 child protection plans with an invalid start or end date were left out"))
        #expect(measure("cpp_neglect_starts", data).value == 1)
    }

    @Test func anEpisodesBlocksCountWhateverItsReferralAndClosureDates() {
        // R's referral date is not a date: not a referral, not in need at the end, but its
        // assessment, enquiry and plan are records of their own. S's closure is not a date: a
        // referral, but whether S is in need at the end is unknown.
        let data = caseData(cin: [
            CINEpisode(
                child: cid("R"), referralDate: .invalid("2024-13-01"), referralNFA: false,
                assessments: [assessment(start: "2024-06-01", authorised: "2024-07-01", factors: ["16A"])],
                section47s: [Section47(startDate: df("2024-06-05"))], protectionPlans: [plan("2024-07-15")]),
            CINEpisode(child: cid("S"), referralDate: df("2024-05-01"), referralSource: "6", closureDate: .invalid("x"), referralNFA: false),
        ])
        #expect(measure("referrals", data).value == 1)
        let source = measure("referral_source_pct_police", data)
        #expect(source.numerator == 1 && source.denominator == 1)
        #expect(source.warnings.contains("1 episodes with an invalid referral date were left out"))
        #expect(measure("cin_at_end", data).value == 0)
        #expect(measure("assessments_completed", data).value == 1)
        let neglect = measure("assessment_factor_pct_neglect", data)
        #expect(neglect.numerator == 1 && neglect.denominator == 1)
        #expect(measure("s47_enquiries", data).value == 1)
        #expect(measure("cpp_starts", data).value == 1)
        #expect(measure("cpp_at_end", data).value == 1)
    }
}
