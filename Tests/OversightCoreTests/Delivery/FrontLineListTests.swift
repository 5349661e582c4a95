import Testing
@testable import OversightCore

@Suite struct FrontLineListTests {
    @Test func listsReturnsWithoutInterviewsAndOverdueSupervision() {
        var data = CaseData()
        data.files = [
            SourceFile(path: "m.csv", format: "missing-local", table: "missing", collectionYear: nil),
            SourceFile(path: "s.csv", format: "supervision-local", table: "supervision", collectionYear: nil),
        ]
        let today = Day(year: 2025, month: 6, day: 10)!
        let now = DayTime(day: today, hour: 17)
        func ep(_ child: String, back: DayTime, offered: DayTime? = nil) -> MissingEpisode {
            MissingEpisode(
                child: ChildID(normalising: child)!, kind: "M", start: .value(back.adding(hours: -5)), returned: .value(back),
                rhiOffered: offered.map { .value($0) } ?? .missing)
        }
        data.missingEpisodes = [
            ep("C1", back: DayTime(day: today.adding(days: -3), hour: 9)), // was due today 09:00
            ep("C5", back: DayTime(day: today.adding(days: -3), hour: 20)), // due today 20:00
            ep("C2", back: DayTime(day: today.adding(days: -1), hour: 20)), // due in two days
            ep("C3", back: DayTime(day: today.adding(days: -1), hour: 20), offered: DayTime(day: today, hour: 10)),
            ep("C4", back: DayTime(day: today.adding(days: -5), hour: 9)), // outside 72 hours
        ]
        data.supervisions = [
            SupervisionSession(worker: "W1", date: .value(today.adding(days: -40)), kind: "formal"),
            SupervisionSession(worker: "W2", date: .value(today.adding(days: -10)), kind: "formal"),
            SupervisionSession(worker: "W3", date: .value(today.adding(days: -400)), kind: "formal"),
        ]
        let audits = [
            AuditDue(reference: "A1", child: "C9", auditor: "X", due: today.adding(days: -2)),
            AuditDue(reference: "A2", child: "C8", auditor: "X", due: today.adding(days: 5)),
        ]
        let list = FrontLineList(data: data, asAt: now, audits: audits)
        #expect(list.returnedWithoutRHI.map(\.child) == ["C5", "C2"])
        #expect(list.rhiDueToday.map(\.child) == ["C1", "C5"])
        #expect(list.auditsDue.map(\.reference) == ["A1"])
        #expect(list.supervisionsOverdue.map(\.worker) == ["W1"])
        #expect(list.supervisionsOverdue.first?.daysOverdue == 12)
    }
}
