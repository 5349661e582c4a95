import Testing
@testable import OversightCore

@Suite struct CaseDataBuilderTests {
    func build(_ files: [(year: Int?, episodes: [CLAEpisode])]) -> CaseData {
        var b = CaseDataBuilder()
        for (i, f) in files.enumerated() {
            let idx = b.addFile(SourceFile(path: "\(i)/episodes.csv", format: "ssda903", table: "Episodes", collectionYear: f.year))
            b.add(claEpisodes: f.episodes, file: idx)
        }
        return b.build()
    }

    @Test func laterReturnRestatesTheChildsRecordsForItsYear() {
        // 2024's return says the episode ended 1 May 2024 (in 2024-25, after its own year) - restated by 2025.
        let d = build([
            (2025, [episode("A", "2023-06-01", "2024-09-01", rne: "S", rec: "E11")]),
            (2024, [episode("A", "2023-06-01", rne: "S"), episode("A", "2022-01-01", "2022-06-01", rne: "S", rec: "E13")]),
        ])
        let a = d.claEpisodes.filter { $0.child == cid("A") }.sorted { $0.start.day! < $1.start.day! }
        #expect(a.count == 2)
        #expect(a[0].start.day == day("2022-01-01")) // wholly before 2024-25: kept
        #expect(a[1].end.day == day("2024-09-01")) // 2025's copy, applied last whatever the file order
    }

    @Test func sameKeyIsReplacedEvenWhenItStartsBeforeThePeriod() {
        let d = build([
            (2024, [episode("A", "2020-01-01", "2020-02-01", rne: "S", rec: "E11")]),
            (2025, [episode("A", "2020-01-01", "2020-03-01", rne: "S", rec: "E11")]),
        ])
        #expect(d.claEpisodes.count == 1)
        #expect(d.claEpisodes[0].end.day == day("2020-03-01"))
    }

    @Test func childAbsentFromTheLaterReturnKeepsEarlierRecords() {
        let d = build([
            (2024, [episode("A", "2023-06-01", rne: "S"), episode("B", "2023-06-01", rne: "S")]),
            (2025, [episode("B", "2023-06-01", "2024-05-01", rne: "S", rec: "E11")]),
        ])
        #expect(d.claEpisodes.first { $0.child == cid("A") }?.end == .missing)
        #expect(d.claEpisodes.first { $0.child == cid("B") }?.end.day == day("2024-05-01"))
    }

    @Test func filesWithNoYearRankFirst() {
        let d = build([
            (2025, [episode("A", "2024-06-01", "2024-07-01", rne: "S", rec: "E11")]),
            (nil, [episode("A", "2024-06-01", rne: "S")]),
        ])
        #expect(d.claEpisodes.count == 1)
        #expect(d.claEpisodes[0].end.day == day("2024-07-01"))
    }

    @Test func laterDuplicateRowInOneFileWins() {
        let d = build([(2025, [episode("A", "2024-06-01", rne: "S", place: "U1"), episode("A", "2024-06-01", rne: "S", place: "U3")])])
        #expect(d.claEpisodes.count == 1)
        #expect(d.claEpisodes[0].placement == "U3")
    }

    @Test func restatedCINEpisodeTakesTheLaterFieldsAndRestatedBlocks() {
        var b = CaseDataBuilder()
        let f1 = b.addFile(SourceFile(path: "cin/2024.xml", format: "cin", table: "CINdetails", collectionYear: 2024))
        b.add(cinEpisodes: [referral("A", "2023-10-01", plans: [plan("2023-11-01")])], file: f1)
        let f2 = b.addFile(SourceFile(path: "cin/2025.xml", format: "cin", table: "CINdetails", collectionYear: 2025))
        b.add(cinEpisodes: [referral("A", "2023-10-01", closed: "2024-06-01", plans: [plan("2023-11-01", "2024-05-01")])], file: f2)
        let d = b.build()
        #expect(d.cinEpisodes.count == 1)
        #expect(d.cinEpisodes[0].protectionPlans[0].endDate.day == day("2024-05-01"))
        #expect(d.cinYears == [2024, 2025])
    }

    // MARK: Reading rule 2, a restated CIN episode merged one level down

    /// The 2024 return (2023-24) sends A's episode with its 2023-24 assessment (3A) and plan; the
    /// 2025 return restates the episode (closed in 2024-25) with its 2024-25 assessment and the
    /// plan (ended in 2024-25), but not the 2023-24 assessment, which ended before 1 April 2024.
    /// B's episode is restated with its plan and no assessment (B's ended in 2023-24).
    static let merged2024: [CINEpisode] = [
        referral(
            "A", "2023-10-01", assessments: [assessment(start: "2023-10-02", authorised: "2023-11-01", factors: ["3A"])],
            plans: [plan("2023-11-15")]),
        referral(
            "B", "2023-05-01", assessments: [assessment(start: "2023-05-02", authorised: "2023-06-01", factors: ["16A"])],
            plans: [plan("2023-06-01")]),
    ]
    static let merged2025: [CINEpisode] = [
        referral(
            "A", "2023-10-01", closed: "2024-09-01", assessments: [assessment(start: "2024-06-01", authorised: "2024-07-01")],
            plans: [plan("2023-11-15", "2024-08-01")]),
        referral("B", "2023-05-01", plans: [plan("2023-06-01")]),
    ]

    @Test func restatedCINEpisodeKeepsTheEarlierCopysBlocksOfEarlierYears() {
        let d = returns([(2025, Self.merged2025, []), (2024, Self.merged2024, [])])
        #expect(d.cinEpisodes.count == 2)
        let a = d.cinEpisodes.first { $0.child == cid("A") }!
        #expect(a.closureDate.day == day("2024-09-01")) // the episode's own fields from 2025
        #expect(a.assessments.map(\.startDate.day) == [day("2023-10-02"), day("2024-06-01")]) // 2023-24's kept, then 2025's
        #expect(a.protectionPlans.count == 1) // restated under its key: never doubled
        #expect(a.protectionPlans[0].endDate.day == day("2024-08-01"))
        #expect(d.cinEpisodes.first { $0.child == cid("B") }!.assessments.count == 1)
    }

    @Test func cppDAPctDoesNotFallWhenALaterYearIsLoaded() {
        // 2023-24: A and B on a plan at 31 March 2024; A's episode has the 3A assessment started
        // 2 October 2023, B's none: 1 of 2 with the 2024 return alone and with 2025 loaded too
        // (replaced wholesale, A's 3A assessment would be lost: 0 of 2).
        let alone = returns([(2024, Self.merged2024, [])])
        let both = returns([(2024, Self.merged2024, []), (2025, Self.merged2025, [])])
        for data in [alone, both] {
            let r = measure("cpp_da_pct", data, .reportingYear(2024))
            #expect(r.numerator == 1 && r.denominator == 2)
            #expect(r.numeratorRecords.map(\.child) == ["A"])
            #expect(measure("assessments_completed", data, .reportingYear(2024)).value == 2)
        }
    }

    @Test func earlierBlocksOverlappingTheLaterYearOrRestatedAreDroppedAndOpenOnesLeftOpen() {
        // 2024 return (2023-24): C's episode with an enquiry spanning its start day only (no
        // conference: kept), one whose conference fell in 2024-25 (dropped: 2025 does not carry
        // it), a plan open since June 2022 (dropped: 2025's copy holds a plan overlapping its
        // part before 2024-25, [2022-06-01, 2024-04-01)), and an assessment begun 1 February
        // 2024 and not authorised, which 2025's copy does not restate (left open).
        let y2024 = [
            referral(
                "C", "2022-05-01",
                assessments: [assessment(start: "2024-02-01", authorised: nil)],
                s47: [
                    Section47(startDate: df("2024-03-20")),
                    Section47(startDate: df("2024-03-01"), initialCPCDate: df("2024-04-05")),
                ],
                plans: [plan("2022-06-01")])
        ]
        let y2025 = [referral("C", "2022-05-01", plans: [plan("2023-09-01")])]
        let d = returns([(2024, y2024, []), (2025, y2025, [])])
        let c = d.cinEpisodes[0]
        #expect(c.section47s.map(\.startDate.day) == [day("2024-03-20")])
        #expect(c.protectionPlans.map(\.startDate.day) == [day("2023-09-01")])
        #expect(c.assessments.count == 1)
        #expect(d.leftOpen.lastOpenDay(of: c.assessments[0], in: c) == day("2024-03-31"))
        #expect(measure("s47_enquiries", d, .reportingYear(2024)).value == 1)
    }

    // MARK: Reading rule 2, left open, closed before Y

    @Test func episodeLeftOpenAndNotRestatedIsKeptOpenUntilTheYearBefore() {
        let d = returns([
            (
                2023, [],
                [
                    episode("A", "2022-06-01", rne: "S"), // left open
                    episode("B", "2022-06-01", rne: "S"), // 2024 overlaps its part before: dropped
                    CLAEpisode(
                        child: cid("C"), start: df("2022-09-01"), reasonNewEpisode: "S", legalStatus: "C2",
                        placement: "U1", end: .invalid("31/02/2023")), // an invalid DEC counts as none
                    episode("D", "2022-06-01", rne: "S"), // restated under its key
                    episode("E", "2022-06-01", rne: "S"), // absent from 2024: kept open
                    episode("F", "2023-01-10", rne: "S"),
                ]
            ), // started in 2022-23, so...
            (
                2024, [],
                [
                    episode("A", "2023-05-01", rne: "S"),
                    episode("B", "2023-01-01", rne: "S"),
                    episode("C", "2023-06-01", rne: "S"),
                    episode("D", "2022-06-01", "2023-08-01", rne: "S", rec: "E11"),
                    episode("F", "2022-12-01", "2023-02-01", rne: "S", rec: "E11"),
                ]
            ), // ...2024's F is open on its start: dropped
        ])
        func open(_ child: String) -> [CLAEpisode] { d.claEpisodes.filter { $0.child == cid(child) } }
        #expect(open("A").count == 2 && d.leftOpen.lastOpenDay(of: open("A")[0]) == day("2023-03-31"))
        #expect(open("B").map(\.start.day) == [day("2023-01-01")])
        #expect(open("C").count == 2 && d.leftOpen.lastOpenDay(of: open("C")[0]) == day("2023-03-31"))
        #expect(open("D").map(\.end.day) == [day("2023-08-01")])
        #expect(open("E").count == 1 && d.leftOpen.lastOpenDay(of: open("E")[0]) == nil)
        #expect(open("F").map(\.start.day) == [day("2022-12-01")])
        #expect(d.leftOpen.count == 2)

        // At 31 March 2023: A and C (kept), B (2024's episode began 1 January), D, E; not F (ended 1 February).
        let at2023 = measure("cla_at_end", d, .reportingYear(2023))
        #expect(Set(at2023.numeratorRecords.map(\.child)) == ["A", "B", "C", "D", "E"])
        #expect(!at2023.warnings.contains { $0.contains("invalid") })
        // At 30 April 2023 A's and C's kept episodes are closed and their 2024 ones not begun.
        #expect(Set(measure("cla_at_end", d, period("2023-04-01", "2023-04-30")).numeratorRecords.map(\.child)) == ["B", "D", "E"])
        // Their ends are unknown and no event: only D ceased in 2023-24.
        #expect(measure("cla_ceased", d, .reportingYear(2024)).numeratorRecords.map(\.child) == ["D"])
        #expect(measure("cla_ceased", d, .reportingYear(2023)).numeratorRecords.map(\.child) == ["F"])
    }

    @Test func cinEpisodeLeftOpenKeepsItsOpenPlansOpenUntilTheYearBefore() {
        let d = returns([
            (2023, [referral("K", "2022-05-01", plans: [plan("2022-06-01")])], []),
            (2024, [referral("K", "2023-07-01", plans: [plan("2023-08-01")])], []),
        ])
        #expect(d.cinEpisodes.count == 2)
        let old = d.cinEpisodes.first { $0.referralDate.day == day("2022-05-01") }!
        #expect(d.leftOpen.lastOpenDay(of: old) == day("2023-03-31"))
        #expect(d.leftOpen.lastOpenDay(of: old.protectionPlans[0], in: old) == day("2023-03-31"))
        #expect(measure("cin_at_end", d, .reportingYear(2023)).value == 1)
        #expect(measure("cpp_at_end", d, .reportingYear(2023)).value == 1)
        let june = period("2023-06-01", "2023-06-30")
        #expect(measure("cin_at_end", d, june).value == 0)
        #expect(measure("cpp_at_end", d, june).value == 0)
        // The old plan's end is unknown: no plan ended before the 2023-24 one started.
        let repeat2y = measure("cpp_repeat_2y_pct", d, .reportingYear(2024))
        #expect(repeat2y.numerator == 0 && repeat2y.denominator == 1)
        #expect(measure("cpp_second_subsequent_pct", d, .reportingYear(2024)).numerator == 1)
    }

    @Test func socialWorkerEpisodeLeftOpenIsKeptOpenUntilTheYearBefore() {
        let d = returns(
            [],
            sw: [
                (2023, [SocialWorkerEpisode(child: cid("S"), workerID: "W1", start: df("2022-05-01"))]),
                (2024, [SocialWorkerEpisode(child: cid("S"), workerID: "W2", start: df("2023-04-01"))]),
            ])
        #expect(d.socialWorkerEpisodes.count == 2)
        #expect(d.leftOpen.lastOpenDay(of: d.socialWorkerEpisodes[0]) == day("2023-03-31"))
        #expect(d.leftOpen.lastOpenDay(of: d.socialWorkerEpisodes[1]) == nil)
    }

    @Test func sameYearFilesAndUndatedFilesLeaveNothingOpen() {
        // A second file of the same year restates as before (not an earlier year's record), and
        // a file with no year restates by key only.
        let d = returns([
            (2024, [], [episode("A", "2022-06-01", rne: "S")]), (2024, [], [episode("A", "2023-05-01", rne: "S")]),
            (nil, [], [episode("B", "2022-06-01", rne: "S")]), (nil, [], [episode("B", "2023-05-01", rne: "S")]),
        ])
        #expect(d.claEpisodes.filter { $0.child == cid("A") }.map(\.start.day) == [day("2023-05-01")])
        #expect(d.claEpisodes.filter { $0.child == cid("B") }.count == 2)
        #expect(d.leftOpen.count == 0)
    }

    @Test func aBlockLeftOpenKeepsItsLastOpenDayWhenItsEpisodeIsLeftOpenLater() {
        // 2024 restates K's episode without the plan open since June 2022: the plan is left open
        // to 31 March 2023. 2025 holds K's new episode only: the episode is left open to 31 March
        // 2024, and its plan keeps 31 March 2023.
        let d = returns([
            (2023, [referral("K", "2022-05-01", plans: [plan("2022-06-01")])], []),
            (2024, [referral("K", "2022-05-01")], []),
            (2025, [referral("K", "2024-06-01")], []),
        ])
        let old = d.cinEpisodes.first { $0.referralDate.day == day("2022-05-01") }!
        #expect(d.leftOpen.lastOpenDay(of: old) == day("2024-03-31"))
        #expect(d.leftOpen.lastOpenDay(of: old.protectionPlans[0], in: old) == day("2023-03-31"))
        #expect(measure("cpp_at_end", d, .reportingYear(2023)).value == 1)
        #expect(measure("cpp_at_end", d, .reportingYear(2024)).value == 0)
        #expect(measure("cin_at_end", d, .reportingYear(2024)).value == 1)
    }

    @Test func blankStartsShareAKeyAndAnInvalidConferenceDateSpansTheStartDayOnly() {
        // The 2024 copy's assessment with no start is restated by the 2025 copy's (the blank key);
        // its enquiry whose conference date is not a date spans 20 March 2024 only: kept.
        let y2024 = [
            referral(
                "C", "2023-05-01",
                assessments: [assessment(start: nil, authorised: "2023-06-01", factors: ["3A"])],
                s47: [Section47(startDate: df("2024-03-20"), initialCPCDate: .invalid("2024-04-31"))])
        ]
        let y2025 = [referral("C", "2023-05-01", assessments: [assessment(start: nil, authorised: "2024-06-01")])]
        let c = returns([(2024, y2024, []), (2025, y2025, [])]).cinEpisodes[0]
        #expect(c.assessments.map(\.authorisationDate.day) == [day("2024-06-01")])
        #expect(c.section47s.count == 1)
    }
}
