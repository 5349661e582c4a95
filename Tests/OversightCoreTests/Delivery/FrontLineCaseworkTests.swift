import Testing
@testable import OversightCore

/// The casework lists of the daily list, each on a worked example (Tuesday 10 June 2025; the
/// bank holidays of 18 and 21 April, 5 and 26 May count as non-working days).
@Suite struct FrontLineCaseworkTests {
    let today = Day(year: 2025, month: 6, day: 10)!
    func d(_ s: String) -> DateField { .value(Day.parseISO(s)!) }
    func id(_ s: String) -> ChildID { ChildID(normalising: s)! }

    func data() -> CaseData {
        var data = CaseData()
        data.files = [
            SourceFile(path: "cin.xml", format: "cin", table: "cin", collectionYear: 2025),
            SourceFile(path: "episodes.csv", format: "ssda903", table: "Episodes", collectionYear: 2025),
            SourceFile(path: "visits.csv", format: "visits-local", table: "Visits", collectionYear: nil),
        ]
        data.cinEpisodes = [
            CINEpisode(
                child: id("A36"), referralDate: d("2025-04-10"), assessments: [Assessment(startDate: d("2025-04-15"), authorisationDate: .missing)]),
            CINEpisode(
                child: id("A35"), referralDate: d("2025-04-10"),
                assessments: [Assessment(startDate: d("2025-04-16"), authorisationDate: d("2025-06-11"))]),
            CINEpisode(
                child: id("A34"), referralDate: d("2025-04-10"), assessments: [Assessment(startDate: d("2025-04-17"), authorisationDate: .missing)]),
            CINEpisode(
                child: id("ADONE"), referralDate: d("2025-04-10"),
                assessments: [Assessment(startDate: d("2025-04-01"), authorisationDate: d("2025-06-10"))]),
            CINEpisode(
                child: id("ACLOSED"), referralDate: d("2025-04-01"), closureDate: d("2025-06-01"),
                assessments: [Assessment(startDate: d("2025-04-01"), authorisationDate: .missing)]),
            CINEpisode(
                child: id("S1"), referralDate: d("2025-05-01"),
                section47s: [
                    Section47(startDate: d("2025-06-02")), // due 23 June: beyond the week ahead
                    Section47(startDate: d("2025-06-02"), initialCPCTarget: d("2025-06-12")),
                    Section47(startDate: d("2025-06-02"), icpcNotRequired: true),
                    Section47(startDate: d("2025-06-02"), initialCPCDate: d("2025-06-09")),
                ]),
            CINEpisode(child: id("S2"), referralDate: d("2025-05-01"), section47s: [Section47(startDate: d("2025-05-01"))]),
            CINEpisode(
                child: id("P1"), referralDate: d("2025-04-01"),
                protectionPlans: [ProtectionPlan(startDate: d("2025-05-01"))]),
            CINEpisode(
                child: id("P2"), referralDate: d("2025-04-01"),
                protectionPlans: [ProtectionPlan(startDate: d("2025-05-01"))]),
        ]
        data.claEpisodes = [
            CLAEpisode(child: id("L1"), start: d("2025-05-25"), reasonNewEpisode: "S", legalStatus: "C2"),
            CLAEpisode(child: id("L2"), start: d("2025-01-10"), reasonNewEpisode: "S", legalStatus: "C2"),
            CLAEpisode(child: id("L3"), start: d("2024-01-01"), reasonNewEpisode: "S", legalStatus: "C2"),
            CLAEpisode(child: id("L4"), start: d("2025-05-01"), reasonNewEpisode: "S", legalStatus: "C2", end: d("2025-05-20")),
            CLAEpisode(child: id("L4"), start: d("2025-05-20"), reasonNewEpisode: "P", legalStatus: "C2"),
            CLAEpisode(child: id("L5"), start: d("2025-01-01"), reasonNewEpisode: "S", legalStatus: "V3"),
        ]
        data.claReviews = [
            CLAReview(child: id("L2"), date: d("2025-01-28")),
            CLAReview(child: id("L3"), date: d("2024-01-15")), CLAReview(child: id("L3"), date: d("2024-04-10")),
            CLAReview(child: id("L3"), date: d("2024-10-01")), CLAReview(child: id("L3"), date: d("2025-03-20")),
        ]
        data.visits = [Visit(child: id("P1"), date: d("2025-05-27")), Visit(child: id("P2"), date: d("2025-05-20"))]
        return data
    }

    @Test func assessmentsFromThirtyFiveWorkingDays() {
        let list = FrontLineList(data: data(), asAt: DayTime(day: today, hour: 23, minute: 59))
        #expect(list.assessments.map(\.child) == ["A36", "A35"])
        #expect(list.assessments.map(\.workingDays) == [36, 35])
        #expect(list.assessments.first?.due == Day(year: 2025, month: 6, day: 23))
    }

    @Test func conferencesDueWithinAWeekOrOverdue() {
        let list = FrontLineList(data: data(), asAt: DayTime(day: today, hour: 23, minute: 59))
        #expect(list.conferences.map(\.child) == ["S2", "S1"])
        #expect(list.conferences.map(\.due) == [Day(year: 2025, month: 5, day: 23)!, Day(year: 2025, month: 6, day: 12)!])
    }

    @Test func reviewsDueOnTheStatutoryTimetable() {
        let list = FrontLineList(data: data(), asAt: DayTime(day: today, hour: 23, minute: 59))
        #expect(list.reviews.map(\.child) == ["L2", "L4", "L1"])
        #expect(list.reviews.map(\.due) == [Day(year: 2025, month: 4, day: 28)!, Day(year: 2025, month: 5, day: 21)!, Day(year: 2025, month: 6, day: 14)!])
        #expect(list.reviews.first { $0.child == "L4" }?.lookedAfterSince == Day(year: 2025, month: 5, day: 1))
    }

    @Test func visitsOverdueOnlyWithAVisitsFile() {
        let list = FrontLineList(data: data(), asAt: DayTime(day: today, hour: 23, minute: 59))
        #expect(list.visitsOverdue.map(\.child) == ["L3", "L2", "P2"])
        #expect(list.visitsOverdue.map(\.daysOverdue) == [484, 109, 6])
        #expect(list.visitsOverdue.first?.lastVisit == nil)
        var without = data()
        without.files.removeLast()
        #expect(FrontLineList(data: without, asAt: DayTime(day: today, hour: 12)).visitsOverdue.isEmpty)
    }

    @Test func interviewsOutstandingPastSeventyTwoHours() {
        var data = data()
        data.files.append(SourceFile(path: "m.csv", format: "missing-local", table: "missing", collectionYear: nil))
        func ep(_ child: String, back: DayTime, offered: DayTime? = nil) -> MissingEpisode {
            MissingEpisode(
                child: id(child), kind: "M", start: .value(back.adding(hours: -5)), returned: .value(back), rhiOffered: offered.map { .value($0) } ?? .missing)
        }
        data.missingEpisodes = [
            ep("M1", back: DayTime(day: today.adding(days: -5), hour: 9)),
            ep("M2", back: DayTime(day: today.adding(days: -3), hour: 9)), // 80 hours at 17:00
            ep("M3", back: DayTime(day: today.adding(days: -1), hour: 9)), // within 72 hours
            ep("M4", back: DayTime(day: today.adding(days: -40), hour: 9)), // beyond 28 days
            ep("M5", back: DayTime(day: today.adding(days: -6), hour: 9), offered: DayTime(day: today.adding(days: -4), hour: 9)),
        ]
        let list = FrontLineList(data: data, asAt: DayTime(day: today, hour: 17))
        #expect(list.rhiOutstanding.map(\.child) == ["M1", "M2"])
        #expect(list.returnedWithoutRHI.map(\.child) == ["M3"])
        let kept = list.filtered(child: { $0 == "M2" || $0 == "L1" }, worker: { _ in false })
        #expect(kept.rhiOutstanding.map(\.child) == ["M2"])
        #expect(kept.reviews.map(\.child) == ["L1"])
        #expect(kept.assessments.isEmpty)
    }

    @Test func workingDaysBetweenTwoDays() {
        let c = WorkingDayCalendar.england
        #expect(c.workingDays(from: Day(year: 2025, month: 4, day: 15)!, to: today) == 36)
        #expect(c.workingDays(from: today, to: today) == 0)
        #expect(c.workingDays(from: Day(year: 2060, month: 12, day: 20)!, to: Day(year: 2061, month: 1, day: 3)!) == 10)
    }
}
