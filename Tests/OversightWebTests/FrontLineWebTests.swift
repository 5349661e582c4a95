import Foundation
import OversightApp
import OversightCore
import OversightFormats
import OversightStore
@testable import OversightWeb
import Testing
import Vapor

/// The front-line lists and the performance clinics in the web (issue 14): the same lists and
/// figures as the application layer gives, for the authority or one team, downloadable, and
/// actions agreed at a clinic going into the plan and coming back at the next clinic.
@Suite(.serialized) struct FrontLineWebTests {
    static func count(_ page: String, section id: String) -> Int {
        let pattern = try! Regex("id=\"\(id)\">[^<]*\\((\\d+)\\)</h2>")
        guard let m = page.firstMatch(of: pattern), let n = m.output[1].substring else { return 0 }
        return Int(n) ?? 0
    }

    @Test func theDailyListForATeamIsTheApplicationLayersListAndDownloadsTheSameRows() async throws {
        let h = try await WebHarness.start()
        let services: WebServices = h.app.services
        let snapshot = try await services.dashboards.snapshot(authority: WebFixtures.authority)
        let day = services.dashboards.defaultPeriod(snapshot).end
        let team = "Child protection team 1"
        let whole = services.dashboards.numbers.frontLine(day: day, snapshot: snapshot)
        let part = services.dashboards.numbers.frontLine(day: day, snapshot: snapshot, part: .team(team))
        #expect(whole.count > 0)
        #expect(part.count <= whole.count)

        let page = try await h.send(.GET, "/lists?for=team:\(team.replacingOccurrences(of: " ", with: "%20"))&day=\(day.iso)", as: .manager)
        #expect(page.status == .ok)
        let body = page.body.string
        #expect(body.contains("Daily list: \(team)"))
        #expect(Self.count(body, section: "assessments") == part.assessments.count)
        #expect(Self.count(body, section: "reviews") == part.reviews.count)
        #expect(Self.count(body, section: "visits") == part.visitsOverdue.count)
        #expect(Self.count(body, section: "supervisions") == part.supervisionsOverdue.count)
        if let child = part.assessments.first?.child ?? part.visitsOverdue.first?.child { #expect(body.contains("href=\"/children/\(child)\"")) }
        // The whole authority's list is longer or the same.
        let all = try await h.send(.GET, "/lists?day=\(day.iso)", as: .manager).body.string
        #expect(Self.count(all, section: "visits") == whole.visitsOverdue.count)
        let shown = ["assessments", "conferences", "reviews", "visits", "audits", "supervisions"].map { Self.count(all, section: $0) }
        #expect(
            shown.reduce(0, +) == whole.assessments.count + whole.conferences.count + whole.reviews.count + whole.visitsOverdue.count + whole.auditsDue.count
                + whole.supervisionsOverdue.count)
        #expect(shown.filter { $0 > 0 }.count >= 3, "\(shown)")

        // The CSV download carries one row an item (an interview due today listed once).
        let csv = try await h.send(.GET, "/lists/download?list=daily&for=team:\(team.replacingOccurrences(of: " ", with: "%20"))&day=\(day.iso)&format=csv", as: .manager)
        #expect(csv.status == .ok)
        let rows = csv.body.string.split(whereSeparator: \.isNewline).count - 1
        let once = part.count - part.returnedWithoutRHI.filter(part.rhiDueToday.contains).count - part.rhiOutstanding.filter(part.rhiDueToday.contains).count
        #expect(rows == once && once > 0, "\(csv.body.string.prefix(600))")
        let html = try await h.send(.GET, "/lists/download?list=weekly&day=\(day.iso)&format=html", as: .manager)
        #expect(html.status == .ok && html.body.string.contains("<!DOCTYPE html>") && html.body.string.contains("Weekly report"))

        // A team that does not exist, or a day that is not one, is said plainly.
        let unknown = try await h.send(.GET, "/lists?for=team:Nowhere", as: .manager)
        #expect(unknown.status == .badRequest && unknown.body.string.contains("No team is named &#39;Nowhere&#39;") || unknown.body.string.contains("No team is named 'Nowhere'"))
        let badDay = try await h.send(.GET, "/lists?day=31-31-2025", as: .manager)
        #expect(badDay.status == .badRequest && badDay.body.string.contains("Enter the day as a date"))
        // Child-level lists are not for the board.
        #expect(try await h.send(.GET, "/lists", as: .boardMember).status == .forbidden)
        // The monthly pack for a service.
        let monthly = try await h.send(.GET, "/lists?list=monthly&for=service:Children%20in%20care%20and%20care%20leavers&day=\(day.iso)", as: .manager)
        #expect(monthly.status == .ok && monthly.body.string.contains("Monthly performance pack: Children in care and care leavers"))
        await h.shutdown()
    }

    @Test func aClinicComparesTheTeamAndAgreedActionsGoIntoThePlanAndComeBackNextTime() async throws {
        let h = try await WebHarness.start()
        let services: WebServices = h.app.services
        let snapshot = try await services.dashboards.snapshot(authority: WebFixtures.authority)
        let end = services.dashboards.defaultPeriod(snapshot).end
        let month = Period(start: end.startOfMonth.adding(months: -1), end: end.startOfMonth.adding(days: -1))!
        let next = Period(start: end.startOfMonth, end: end.endOfMonth)!
        let team = "Child protection team 1", key = "team:Child%20protection%20team%201"
        let page = try await h.send(.GET, "/clinics?for=\(key)&period=\(month.description)", as: .manager)
        #expect(page.status == .ok)
        let body = page.body.string
        #expect(body.contains("Performance clinic: \(team)"))
        #expect(body.contains("The plan&#39;s measures") || body.contains("The plan's measures"))
        // The team is compared with its service.
        #expect(body.contains("Children in need and protection"))
        #expect(body.contains("No actions have been agreed at this clinic yet."))

        // An agreed action with no words is refused, with the field named.
        let blank = try await h.send(
            .POST, "/clinics/actions", as: .manager, form: ["for": "team:\(team)", "period": month.description, "text": "", "owner": "Team manager", "ambition": "1"])
        #expect(blank.status == .unprocessableEntity && blank.body.string.contains("Say what the action is"))
        let agreed = try await h.send(
            .POST, "/clinics/actions", as: .manager,
            form: [
                "for": "team:\(team)", "period": month.description, "text": "Review every plan past 9 months with the IRO", "owner": "Team manager, CP 1",
                "due-day": "30", "due-month": "4", "due-year": "2025", "ambition": "2",
            ])
        #expect(agreed.status == .seeOther)
        let actions = try await h.store.actions(authority: WebFixtures.authority).all()
        let action = try #require(actions.first { $0.text == "Review every plan past 9 months with the IRO" })
        #expect(action.clinic == ClinicRef(kind: "team", name: team, period: month))
        #expect(action.ambition == 2 && action.due == Day(year: 2025, month: 4, day: 30))
        // It is in the action plan, and at this clinic and the next one.
        #expect(try await h.send(.GET, "/plan/actions/\(action.id!)", as: .manager).body.string.contains("Review every plan past 9 months"))
        for p in [month, next] {
            let clinic = try await h.send(.GET, "/clinics?for=\(key)&period=\(p.description)", as: .manager).body.string
            #expect(clinic.contains("Review every plan past 9 months with the IRO"), "\(p)")
        }
        // Not at another team's clinic.
        let other = try await h.send(.GET, "/clinics?for=team:Assessment%20team%201&period=\(next.description)", as: .manager).body.string
        #expect(!other.contains("Review every plan past 9 months"))
        // The clinic downloads as CSV with the team, its service and the month before.
        let csv = try await h.send(.GET, "/clinics/download?for=\(key)&period=\(month.description)&format=csv", as: .manager)
        #expect(csv.status == .ok && csv.body.string.hasPrefix("Measure,Value,Children in need and protection,Last period"))
        // A board member cannot see a clinic; an auditor cannot agree actions.
        #expect(try await h.send(.GET, "/clinics", as: .boardMember).status == .forbidden)
        #expect(try await h.send(.POST, "/clinics/actions", as: .auditor, form: ["for": "team:\(team)"]).status == .forbidden)
        await h.shutdown()
    }

    @Test func theClinicAndTheCommandLineGiveTheSameFigures() async throws {
        let h = try await WebHarness.start()
        let services: WebServices = h.app.services
        let snapshot = try await services.dashboards.snapshot(authority: WebFixtures.authority)
        let end = services.dashboards.defaultPeriod(snapshot).end
        let month = Period(start: end.startOfMonth, end: end.endOfMonth)!
        let input = try await services.dashboards.numbers.reportInput(.clinic, period: month, snapshot: snapshot, part: .team("Child protection team 1"))
        let csv = try await h.send(.GET, "/clinics/download?for=team:Child%20protection%20team%201&period=\(month.description)&format=csv", as: .manager)
        let table = ReportTables.table("clinic", input)
        #expect(csv.body.string == (try table.csv()))
        #expect(!input.clinic.isEmpty)
        await h.shutdown()
    }

    @Test func theTeamsPageGivesEachTeamsCaseloadsAndTheirDistribution() async throws {
        let h = try await WebHarness.start()
        let services: WebServices = h.app.services
        let snapshot = try await services.dashboards.snapshot(authority: WebFixtures.authority)
        let day = services.dashboards.defaultPeriod(snapshot).end
        let workers = services.dashboards.numbers.workers(snapshot, on: day)
        let summary = AuthorityNumbers.caseloadSummary(workers)
        #expect(summary.bands.reduce(0) { $0 + $1.workers } == workers.count && workers.count > 0)
        #expect(summary.children == services.dashboards.numbers.teams(snapshot, on: day).reduce(0) { $0 + $1.children })
        let page = try await h.send(.GET, "/teams", as: .manager)
        #expect(page.status == .ok)
        let body = page.body.string
        #expect(body.contains("Children per FTE") && body.contains(String(format: "%.1f", summary.perFTE)))
        #expect(body.contains("Child protection team 1") && body.contains("for=team%3AChild%20protection%20team%201"))
        #expect(try await h.send(.GET, "/teams?on=yesterday", as: .manager).status == .badRequest)
        #expect(try await h.send(.GET, "/teams", as: .boardMember).status == .forbidden)
        await h.shutdown()
    }

    @Test func aTeamManagerSeesTheirOwnTeamFirst() async throws {
        let h = try await WebHarness.start()
        let accounts = h.store.accounts(hasher: BcryptHasher(cost: 4))
        let user = try await accounts.addUser(
            authority: WebFixtures.authority, username: "cp.manager", displayName: "CP Manager", role: .manager, password: "correct horse battery staple",
            team: "Child protection team 1")
        h.sessions[.manager] = try await accounts.startSession(for: user)
        let page = try await h.send(.GET, "/lists", as: .manager).body.string
        #expect(page.contains("Daily list: Child protection team 1"))
        // Choosing the whole authority (an empty choice) is kept.
        #expect(!(try await h.send(.GET, "/lists?for=", as: .manager).body.string.contains("Daily list: Child protection team 1")))
        #expect(try await h.send(.GET, "/clinics", as: .manager).body.string.contains("Performance clinic: Child protection team 1"))
        await h.shutdown()
    }
}
