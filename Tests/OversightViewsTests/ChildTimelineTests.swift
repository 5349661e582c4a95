import OversightCore
import Testing
@testable import OversightViews

/// Records an earlier return left open and a later return did not restate (`CaseData.leftOpen`)
/// are shown open until at least 31 March of the year before the later return, end not known.
@Suite struct ChildTimelineTests {
    static let child = ChildID("C0007")

    /// Two years of returns for one child. The 2022-23 return leaves open a care episode (from
    /// 1 June 2022), a social worker episode (from 1 May 2022) and a CIN episode (referral
    /// 1 May 2022) holding a child protection plan (from 1 June 2022) and an assessment started
    /// 1 February 2023 whose authorisation date is not a real date. The 2023-24 return holds the
    /// child with new records only, all still open: so the 2022-23 records are left open until
    /// 31 March 2023, and the 2023-24 ones are open now.
    static func data() -> CaseData {
        let day = Samples.day
        var b = CaseDataBuilder()
        for (year, start) in [(2023, "2022-06-01"), (2024, "2023-05-01")] {
            let f = b.addFile(SourceFile(path: "episodes-\(year).csv", format: "ssda903", table: "Episodes", collectionYear: year))
            b.add(
                claEpisodes: [CLAEpisode(child: child, start: .value(day(start)), reasonNewEpisode: "S", legalStatus: "C2", placement: "U4")],
                file: f)
        }
        for (year, worker, start) in [(2023, "W1", "2022-05-01"), (2024, "W2", "2023-04-01")] {
            let f = b.addFile(SourceFile(path: "sw-\(year).csv", format: "ssda903", table: "SWEpisodes", collectionYear: year))
            b.add(socialWorkerEpisodes: [SocialWorkerEpisode(child: child, workerID: worker, start: .value(day(start)))], file: f)
        }
        let cin2023 = b.addFile(SourceFile(path: "cin-2023.xml", format: "cin", table: "CINdetails", collectionYear: 2023))
        b.add(
            cinEpisodes: [
                CINEpisode(
                    child: child, referralDate: .value(day("2022-05-01")), referralSource: "2A",
                    assessments: [Assessment(startDate: .value(day("2023-02-01")), authorisationDate: .invalid("31/02/2023"))],
                    protectionPlans: [ProtectionPlan(startDate: .value(day("2022-06-01")), initialCategory: "NEG")])
            ], file: cin2023)
        let cin2024 = b.addFile(SourceFile(path: "cin-2024.xml", format: "cin", table: "CINdetails", collectionYear: 2024))
        b.add(
            cinEpisodes: [
                CINEpisode(
                    child: child, referralDate: .value(day("2023-07-01")), referralSource: "2A",
                    protectionPlans: [ProtectionPlan(startDate: .value(day("2023-08-01")), initialCategory: "NEG")])
            ], file: cin2024)
        return b.build()
    }

    static func event(_ t: ChildTimeline, _ category: ChildTimeline.Category, on iso: String) -> ChildTimeline.Event? {
        t.years.flatMap(\.events).first { $0.category == category && $0.date == Samples.day(iso) }
    }

    @Test func recordsLeftOpenByAnEarlierReturnAreOpenUntilTheYearBeforeWithTheirEndNotKnown() throws {
        let t = ChildTimeline.make(child: Self.child, data: Self.data())
        let leftOpen = [
            try #require(Self.event(t, .care, on: "2022-06-01")),
            try #require(Self.event(t, .socialWorker, on: "2022-05-01")),
            try #require(Self.event(t, .childProtection, on: "2022-06-01")),
            try #require(Self.event(t, .assessment, on: "2023-02-01")),
        ]
        for e in leftOpen {
            #expect(!e.isOpen && e.end == nil && e.openUntilAtLeast == Samples.day("2023-03-31"), "\(e.title)")
        }
        #expect(leftOpen[0].dates == "1 June 2022, open until at least 31 March 2023, end not known")
        #expect(leftOpen[1].dates == "1 May 2022, open until at least 31 March 2023, end not known")
        #expect(leftOpen[3].dates == "1 February 2023, open until at least 31 March 2023, end not known")

        // The later return's records are open now.
        let open = [
            try #require(Self.event(t, .care, on: "2023-05-01")),
            try #require(Self.event(t, .socialWorker, on: "2023-04-01")),
            try #require(Self.event(t, .childProtection, on: "2023-08-01")),
        ]
        for e in open {
            #expect(e.isOpen && e.openUntilAtLeast == nil, "\(e.title)")
        }
        #expect(open[0].dates == "1 May 2023 to now (open)")

        // The CIN episode has no closure event; its referral says how long it is known to be open.
        let referral = try #require(Self.event(t, .referral, on: "2022-05-01"))
        #expect(referral.details.contains("Case open until at least 31 March 2023, closure date not known."))
        #expect(!t.years.flatMap(\.events).contains { $0.title == "Case closed" })
        // The left-open assessment's invalid authorisation date is no longer read: nothing undated.
        #expect(t.undatedCount == 0)
    }

    @Test func pageShowsLeftOpenRecordsInPlainWordsAndNotAsOpenNow() {
        let h = ChildPage.render(ChildPage.Model.make(child: Self.child, data: Self.data())).markup
        #expect(h.contains("<time datetime=\"2022-06-01\">1 June 2022, open until at least 31 March 2023, end not known</time>"))
        #expect(!h.contains("1 June 2022 to now (open)"))
        #expect(!h.contains("1 May 2022 to now (open)"))
        #expect(h.contains("<time datetime=\"2023-05-01\">1 May 2023 to now (open)</time>"))
    }

    @Test func datesInPlainWords() {
        let d = Samples.day
        #expect(ChildTimeline.Event(date: d("2024-05-03"), category: .review, title: "Review").dates == "3 May 2024")
        #expect(ChildTimeline.Event(date: d("2024-05-03"), end: d("2024-06-09"), category: .cinPlan, title: "Plan").dates == "3 May 2024 to 9 June 2024")
        #expect(ChildTimeline.Event(date: d("2024-05-03"), isOpen: true, category: .cinPlan, title: "Plan").dates == "3 May 2024 to now (open)")
    }
}
