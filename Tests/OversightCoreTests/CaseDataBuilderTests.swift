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
        #expect(a[1].end.day == day("2024-09-01"))   // 2025's copy, applied last whatever the file order
    }

    @Test func sameKeyIsReplacedEvenWhenItStartsBeforeThePeriod() {
        let d = build([(2024, [episode("A", "2020-01-01", "2020-02-01", rne: "S", rec: "E11")]),
                       (2025, [episode("A", "2020-01-01", "2020-03-01", rne: "S", rec: "E11")])])
        #expect(d.claEpisodes.count == 1)
        #expect(d.claEpisodes[0].end.day == day("2020-03-01"))
    }

    @Test func childAbsentFromTheLaterReturnKeepsEarlierRecords() {
        let d = build([(2024, [episode("A", "2023-06-01", rne: "S"), episode("B", "2023-06-01", rne: "S")]),
                       (2025, [episode("B", "2023-06-01", "2024-05-01", rne: "S", rec: "E11")])])
        #expect(d.claEpisodes.first { $0.child == cid("A") }?.end == .missing)
        #expect(d.claEpisodes.first { $0.child == cid("B") }?.end.day == day("2024-05-01"))
    }

    @Test func filesWithNoYearRankFirst() {
        let d = build([(2025, [episode("A", "2024-06-01", "2024-07-01", rne: "S", rec: "E11")]),
                       (nil, [episode("A", "2024-06-01", rne: "S")])])
        #expect(d.claEpisodes.count == 1)
        #expect(d.claEpisodes[0].end.day == day("2024-07-01"))
    }

    @Test func laterDuplicateRowInOneFileWins() {
        let d = build([(2025, [episode("A", "2024-06-01", rne: "S", place: "U1"), episode("A", "2024-06-01", rne: "S", place: "U3")])])
        #expect(d.claEpisodes.count == 1)
        #expect(d.claEpisodes[0].placement == "U3")
    }

    @Test func cinEpisodesAreRestatedWithEverythingInside() {
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
}
