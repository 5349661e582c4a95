import Testing
import OversightCore
@testable import OversightViews

@Suite struct ChildPageTests {
    static let child = ChildID("C0042")

    static func data() -> CaseData {
        var d = CaseData()
        let day = Samples.day
        d.cinChildren[child] = CINChild(id: child, birthDate: .value(day("2012-06-15")), sex: "F")
        d.cinEpisodes = [
            CINEpisode(
                child: child, referralDate: .value(day("2023-05-02")), referralSource: "2A", closureDate: .value(day("2024-02-01")),
                reasonForClosure: "RC7",
                assessments: [Assessment(startDate: .value(day("2023-05-03")), authorisationDate: .value(day("2023-06-01")), factors: ["16A", "3B", "99Z"])],
                section47s: [Section47(startDate: .value(day("2023-05-10")), initialCPCDate: .value(day("2023-05-24")))],
                protectionPlans: [ProtectionPlan(startDate: .value(day("2023-05-24")), endDate: .value(day("2024-01-20")), initialCategory: "NEG")]),
            CINEpisode(child: ChildID("OTHER"), referralDate: .value(day("2023-05-02"))),
            CINEpisode(child: child, referralDate: .invalid("31/02/2024")),
        ]
        d.claEpisodes = [CLAEpisode(child: child, start: .value(day("2024-03-01")), reasonNewEpisode: "S", legalStatus: "C2", placement: "U4")]
        d.missingEpisodes = [
            MissingEpisode(
                child: child, kind: "M", start: .value(DayTime(day: day("2024-08-10"), hour: 22)),
                returned: .value(DayTime(day: day("2024-08-11"), hour: 9)),
                rhiOffered: .value(DayTime(day: day("2024-08-12"), hour: 10)), rhiAccepted: true)
        ]
        return d
    }

    @Test func timelineIsNewestFirstGroupedByYearAndInPlainWords() {
        let t = ChildTimeline.make(
            child: Self.child, data: Self.data(),
            audits: [ChildTimeline.Audit(date: Samples.day("2024-09-01"), title: "Case file audit", grade: "Good")])
        #expect(t.years.map(\.year) == [2024, 2023])
        #expect(t.years[0].events.map(\.title) == ["Case file audit", "Missing episode", "Started to be looked after", "Case closed"])
        #expect(t.undatedCount == 1)
        let assessment = t.years[1].events.first { $0.category == .assessment }
        #expect(
            assessment?.details == [
                "Started 3 May 2023; completed in 19 working days.",
                "Factors: neglect (16A); domestic abuse: a parent or carer (3B); code 99Z.",
            ])
        let missing = t.years[0].events.first { $0.category == .missing }
        #expect(missing?.details.contains("Return home interview offered 12 August 2024 (25 hours after return).") == true)
        #expect(t.years.flatMap(\.events).allSatisfy { !$0.title.contains("OTHER") })
        #expect(t.eventCount == 8)
    }

    @Test func pageShowsTheTimelineWithOneHeadingAndTheChildsFacts() {
        let m = ChildPage.Model.make(child: Self.child, data: Self.data(), backHref: "/measures/cla_at_end")
        let h = ChildPage.render(m).markup
        #expect(Check.count("<h1", in: h) == 1)
        #expect(h.contains("Child C0042</h1>"))
        #expect(h.contains("15 June 2012"))
        #expect(h.contains("Female"))
        #expect(h.contains("<time datetime=\"2023-05-24\">24 May 2023 to 20 January 2024</time>"))
        #expect(h.contains("Placement: foster placement (U4)."))
        #expect(h.contains("1 record has a date that is not a real date"))
        #expect(h.contains("href=\"/measures/cla_at_end\" class=\"ov-back-link\""))
    }

    @Test func hostileIdsAndOffSiteBackLinksAreNotTrusted() {
        var d = CaseData()
        let bad = ChildID(Samples.hostile)
        d.claEpisodes = [CLAEpisode(child: bad, start: .value(Samples.day("2024-01-01")), reasonNewEpisode: "S", placement: Samples.hostile)]
        let h = ChildPage.render(ChildPage.Model.make(child: bad, data: d, backHref: "//evil.example/")).markup
        #expect(!h.contains("<script>"))
        #expect(!h.contains("evil.example"))
    }
}
