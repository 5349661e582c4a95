import Foundation
import OversightCore
import OversightStore
import OversightViews
@testable import OversightWeb
import Testing
import Vapor
import VaporTesting

/// Actions, hand-entered values and reports in the web application.
@Suite(.serialized) struct PlanDeliveryWebTests {
    @Test func actionsAreSeededFromThePlanAndUpdatedWithHistory() async throws {
        let h = try await WebHarness.start(importData: false)
        #expect(try await h.send(.GET, "/plan", as: .strategicLead).status == .ok)
        let actions = try await h.store.actions(authority: WebFixtures.authority).all(ambition: 2)
        let first = try #require(actions.first)
        let res = try await h.send(
            .POST, "/plan/actions/\(try #require(first.id))", as: .strategicLead,
            form: ["text": "Front door review done.", "evidence": "Minutes of 3 March", "status": "on_track"])
        #expect(res.status == .seeOther)
        let after = try #require(try await h.store.actions(authority: WebFixtures.authority).action(id: first.id!))
        #expect(after.updates.last?.text == "Front door review done.")
        #expect(after.history.count > first.history.count)
        #expect(try await h.send(.POST, "/plan/actions/\(first.id!)", as: .boardMember, form: ["text": "x"]).status == .forbidden)
        await h.shutdown()
    }

    @Test func theAmbitionPageHasTabsThatKeepThePeriodAndTheOldActionsAddressOpensItsActionsTab() async throws {
        let h = try await WebHarness.start(importData: false)
        let old = try await h.send(.GET, "/plan/ambitions/2?period=2024", as: .manager)
        #expect(old.status == .movedPermanently)
        #expect(old.headers.first(name: .location) == "/ambitions/2?period=2023-04-01..2024-03-31&tab=actions")
        let actions = try await h.send(.GET, "/ambitions/2?period=2024&tab=actions", as: .manager).body.string
        #expect(
            actions.contains("<a class=\"ov-tabs__tab\" href=\"/ambitions/2?period=2023-04-01..2024-03-31&amp;tab=actions\" id=\"tab-actions\" aria-current=\"page\">Actions</a>"))
        #expect(actions.contains("href=\"/ambitions/2?period=2023-04-01..2024-03-31\" id=\"tab-kpis\">KPIs</a>"))
        #expect(actions.contains("class=\"ov-summary-card\""))
        #expect(actions.contains("Update progress"))
        // A board member sees the cards without the links that change them.
        let board = try await h.send(.GET, "/ambitions/2?tab=actions", as: .boardMember).body.string
        #expect(board.contains("class=\"ov-summary-card\"") && !board.contains("Update progress"))
        await h.shutdown()
    }

    @Test func anUpdateAndAChangeOfOwnerOrDateGoThroughACheckPageAndOnlyTheLastStepStoresThem() async throws {
        let h = try await WebHarness.start(importData: false)
        _ = try await h.send(.GET, "/ambitions/2?tab=actions", as: .strategicLead)
        let repo = h.store.actions(authority: WebFixtures.authority)
        let first = try #require(try await repo.all(ambition: 2).first)
        let id = try #require(first.id)
        // Update: nothing written gives located errors; a good answer gives the check page; nothing is stored until it is confirmed.
        let empty = try await h.send(.POST, "/plan/actions/\(id)/update", as: .strategicLead, form: ["text": "", "status": ""])
        #expect(empty.status == .unprocessableEntity)
        #expect(empty.body.string.contains("<a href=\"#text\">Write what progress was made</a>"))
        let check = try await h.send(.POST, "/plan/actions/\(id)/update", as: .strategicLead, form: ["text": "Review booked.", "status": "on_track"])
        #expect(check.status == .ok && check.body.string.contains("Check your update before saving it"))
        #expect(try await repo.action(id: id)?.updates.isEmpty == true)
        let saved = try await h.send(.POST, "/plan/actions/\(id)", as: .strategicLead, form: ["text": "Review booked.", "evidence": "", "status": "on_track"])
        #expect(saved.headers.first(name: .location) == "/plan/actions/\(id)?notice=saved")
        #expect(try await repo.action(id: id)?.updates.last?.text == "Review booked.")
        // Due date: a date that does not exist is refused with its reason; a real one is checked, then saved.
        let bad = try await h.send(.POST, "/plan/actions/\(id)/change/due", as: .strategicLead, form: ["step": "check", "due-day": "31", "due-month": "2", "due-year": "2027"])
        #expect(bad.status == .unprocessableEntity && bad.body.string.contains("The date must be a real date"))
        let dueCheck = try await h.send(
            .POST, "/plan/actions/\(id)/change/due", as: .strategicLead, form: ["step": "check", "due-day": "28", "due-month": "2", "due-year": "2027"])
        #expect(dueCheck.body.string.contains("28 February 2027"))
        #expect(try await repo.action(id: id)?.due == nil)
        _ = try await h.send(.POST, "/plan/actions/\(id)/change/due", as: .strategicLead, form: ["step": "confirm", "due-day": "28", "due-month": "2", "due-year": "2027"])
        #expect(try await repo.action(id: id)?.due == Day(year: 2027, month: 2, day: 28))
        // Owner: confirmed, it shows on the action's page with the history of both changes.
        let owner = try await h.send(.POST, "/plan/actions/\(id)/change/owner", as: .strategicLead, form: ["step": "confirm", "owner": "Head of Service, Front Door"])
        #expect(owner.headers.first(name: .location) == "/plan/actions/\(id)?notice=owner")
        let page = try await h.send(.GET, "/plan/actions/\(id)?notice=owner", as: .boardMember).body.string
        #expect(page.contains("The owner is changed"))
        #expect(page.contains("\(first.owner)</td><td class=\"ov-table__cell\">Head of Service, Front Door</td>"))
        #expect(page.contains(">Due date</td><td class=\"ov-table__cell\">Not set</td><td class=\"ov-table__cell\">28 February 2027</td>"))
        #expect(page.contains("<td class=\"ov-table__cell\">Review booked.</td>"))
        // Roles that may not update get neither the forms nor the saves.
        #expect(try await h.send(.GET, "/plan/actions/\(id)/change/owner", as: .boardMember).status == .forbidden)
        #expect(try await h.send(.POST, "/plan/actions/\(id)/change/owner", as: .analyst, form: ["step": "confirm", "owner": "x"]).status == .forbidden)
        #expect(try await h.send(.GET, "/plan/actions/\(id)/change/colour", as: .strategicLead).status == .notFound)
        await h.shutdown()
    }

    @Test func theOverviewSaysWhenDataWasLoadedItsStatusCountsOpenTheirKPIsAndEnterValueOpensTheForm() async throws {
        let h = try await WebHarness.start()
        let page = try await h.send(.GET, "/?period=2025", as: .analyst).body.string
        #expect(page.contains("Data last loaded"))
        let red = try #require(page.firstMatch(of: /<a href="(\/\?period=2025&amp;status=red)">(\d+) off track<\/a>/))
        let filtered = try await h.send(.GET, String(red.output.1).replacingOccurrences(of: "&amp;", with: "&"), as: .analyst).body.string
        #expect(filtered.contains("<title>KPIs off track"))
        #expect(filtered.contains("<strong>\(red.output.2) off track</strong>"))
        #expect(filtered.components(separatedBy: "class=\"ov-tile ov-tile--red\"").count - 1 == Int(red.output.2)!)
        let enter = try #require(page.firstMatch(of: /href="(\/plan\/entries\?measure=([a-z_]+)&amp;period=2024-04-01..2025-03-31)"/))
        let form = try await h.send(.GET, String(enter.output.1).replacingOccurrences(of: "&amp;", with: "&"), as: .analyst).body.string
        #expect(form.contains("<option value=\"\(enter.output.2)\" selected>"))
        #expect(form.contains("value=\"2024-04-01..2025-03-31\""))
        // A board member may not enter values: no link.
        #expect(!(try await h.send(.GET, "/?period=2025", as: .boardMember).body.string.contains("/plan/entries?")))
        await h.shutdown()
    }

    /// The check page's form, as a browser posts it: multipart, with the file box left empty, or
    /// with files; both save (the browser walk found the empty box refused with a 400).
    @Test func theCheckedUpdateSavesFromTheBrowsersMultipartFormWithOrWithoutFiles() async throws {
        let h = try await WebHarness.start(importData: false)
        _ = try await h.send(.GET, "/ambitions/2?tab=actions", as: .strategicLead)
        let repo = h.store.actions(authority: WebFixtures.authority)
        let id = try #require(try await repo.all(ambition: 2).first?.id)
        let csrf = try #require(h.sessions[.strategicLead]?.csrf)
        func post(_ files: [(String, String)]) async throws -> TestingHTTPResponse {
            let b = UploadTests.boundary
            var text = ""
            for (name, value) in [("csrf", csrf), ("text", "Evidence filed."), ("evidence", ""), ("status", "on_track")] {
                text += "--\(b)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
            }
            for (file, content) in files {
                text += "--\(b)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(file)\"\r\nContent-Type: text/plain\r\n\r\n\(content)\r\n"
            }
            text += "--\(b)--\r\n"
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(b)")
            return try await h.send(.POST, "/plan/actions/\(id)", as: .strategicLead, headers: headers, body: ByteBuffer(string: text))
        }
        #expect(try await post([("", "")]).status == .seeOther)
        #expect(try await post([("minutes.txt", "Minutes of the review"), ("notes.txt", "Notes")]).status == .seeOther)
        let saved = try #require(try await repo.action(id: id))
        #expect(saved.updates.count == 2)
        #expect(saved.updates.last?.attachments == ["minutes.txt", "notes.txt"])
        let file = try await h.send(.GET, "/plan/actions/\(id)/files/minutes.txt", as: .boardMember)
        #expect(file.body.string == "Minutes of the review")
        #expect(file.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
        await h.shutdown()
    }

    /// Issue 14: an action is added through a form and a check page; only the last step stores it.
    @Test func anActionIsAddedThroughItsCheckPage() async throws {
        let h = try await WebHarness.start(importData: false)
        let tab = try await h.send(.GET, "/ambitions/3?tab=actions", as: .manager).body.string
        #expect(tab.contains("<a href=\"/plan/ambitions/3/actions\" role=\"button\" draggable=\"false\" class=\"ov-button ov-button--secondary\">Add an action</a>"))
        let repo = h.store.actions(authority: WebFixtures.authority)
        let before = try await repo.all(ambition: 3).count
        let empty = try await h.send(.POST, "/plan/ambitions/3/actions", as: .manager, form: ["step": "check"])
        #expect(empty.status == .unprocessableEntity)
        #expect(empty.body.string.contains("<a href=\"#text\">Say what the action is</a>") && empty.body.string.contains("<a href=\"#owner\">"))
        let form = ["text": "Weekly huddle on re-referrals", "owner": "Team manager, Assessment 1", "due-day": "30", "due-month": "6", "due-year": "2027"]
        let check = try await h.send(.POST, "/plan/ambitions/3/actions", as: .manager, form: form.merging(["step": "check"]) { a, _ in a })
        #expect(check.body.string.contains("Check the new action before adding it") && check.body.string.contains("30 June 2027"))
        #expect(try await repo.all(ambition: 3).count == before)
        let added = try await h.send(.POST, "/plan/ambitions/3/actions", as: .manager, form: form.merging(["step": "confirm"]) { a, _ in a })
        #expect(added.status == .seeOther)
        let all = try await repo.all(ambition: 3)
        #expect(all.count == before + 1)
        let new = try #require(all.last)
        #expect(new.text == "Weekly huddle on re-referrals" && new.owner == "Team manager, Assessment 1" && new.due == Day(year: 2027, month: 6, day: 30))
        #expect(added.headers.first(name: .location) == "/plan/actions/\(new.id!)?notice=added")
        #expect(try await h.send(.POST, "/plan/ambitions/3/actions", as: .boardMember, form: form.merging(["step": "confirm"]) { a, _ in a }).status == .forbidden)
        // Due within 30 days of the harness's today, it is listed on the plan page as due soon.
        let today = Day(h.app.services.clock())
        let soon = DateParts(today.adding(days: 10))
        _ = try await h.send(
            .POST, "/plan/ambitions/3/actions", as: .manager,
            form: ["step": "confirm", "text": "Audit the front door", "owner": "Head of Service", "due-day": soon.day, "due-month": soon.month, "due-year": soon.year])
        let plan = try await h.send(.GET, "/plan", as: .boardMember).body.string
        #expect(plan.contains("Due in the next 30 days") && plan.contains(">Audit the front door</a>") && plan.contains(">Amber</strong>"))
        // Owned by the manager (by name), it is on their overview, under its heading; not on another's.
        _ = try await h.send(
            .POST, "/plan/ambitions/3/actions", as: .manager,
            form: ["step": "confirm", "text": "Team huddles", "owner": Role.manager.title, "due-day": soon.day, "due-month": soon.month, "due-year": soon.year])
        let overview = try await h.send(.GET, "/", as: .manager).body.string
        let heading = try #require(overview.range(of: "</h1>")), yours = try #require(overview.range(of: "Your actions"))
        #expect(heading.upperBound < yours.lowerBound && overview.contains(">Team huddles</a>: due "))
        #expect(!(try await h.send(.GET, "/", as: .analyst).body.string.contains("Your actions")))
        #expect(try await h.send(.GET, "/plan/ambitions/99/actions", as: .manager).status == .notFound)
        await h.shutdown()
    }

    @Test func aBadHandEnteredValueIsRefusedWithItsReasonAndAGoodOneShowsOnTheMeasure() async throws {
        let h = try await WebHarness.start(importData: false)
        let bad = try await h.send(
            .POST, "/plan/entries", as: .analyst,
            form: ["measure": "hand_rrp_completed_pct", "period": "2025", "numerator": "80", "denominator": "60", "source": "HR"])
        #expect(bad.status == .unprocessableEntity)
        #expect(bad.body.string.contains("There is a problem"))
        #expect(bad.body.string.contains("value=\"80\""))
        #expect(try await h.store.handEntries(authority: WebFixtures.authority).values().current.isEmpty)
        let good = try await h.send(
            .POST, "/plan/entries", as: .analyst,
            form: ["measure": "hand_rrp_completed_pct", "period": "2025", "numerator": "45", "denominator": "60", "source": "HR"])
        #expect(good.status == .ok)
        let api = try await h.send(.GET, "/api/v1/measures/hand_rrp_completed_pct?period=2025", as: .analyst)
        #expect(api.body.string.contains("\"value\":75"))
        await h.shutdown()
    }

    @Test func theBoardPackIsMadeOnTheReportsPage() async throws {
        let h = try await WebHarness.start()
        // A red KPI goes into the board pack only with its lead's account: until then the pack is
        // refused, each red KPI linking to where its account is written.
        let snapshot = try await h.app.services.dashboards.snapshot(authority: WebFixtures.authority)
        let red = try await h.app.services.dashboards.numbers.kpisNeedingCommentary(period: .reportingYear(2025), snapshot: snapshot)
        try #require(!red.isEmpty, "the fixture has no red KPI for 2024-25")
        let refused = try await h.send(.POST, "/reports", as: .analyst, form: ["period": "2025", "suppress": "no"])
        #expect(refused.status == .unprocessableEntity)
        let first = red[0]
        #expect(
            refused.body.string.contains("needs the lead&#39;s account of \(red.count) red KPI") || refused.body.string.contains("needs the lead's account of \(red.count) red KPI")
        )
        #expect(refused.body.string.contains("tab=commentary") && refused.body.string.contains("#kpi-\(first.kpi.measure)"))
        // The lead writes the first one on the ambition's Commentary tab; a blank "what is being done" is refused.
        let tab = try await h.send(.GET, "/ambitions/\(first.ambition)?tab=commentary&period=2025", as: .strategicLead).body.string
        #expect(tab.contains("id=\"kpi-\(first.kpi.measure)\"") && tab.contains("No account yet"))
        let blank = try await h.send(
            .POST, "/plan/ambitions/\(first.ambition)/kpi-commentary", as: .strategicLead,
            form: ["period": "2024-04-01..2025-03-31", "measure": first.kpi.measure, "why": "Fewer staff", "doing": ""])
        #expect(blank.status == .unprocessableEntity)
        let wrote = try await h.send(
            .POST, "/plan/ambitions/\(first.ambition)/kpi-commentary", as: .strategicLead,
            form: [
                "period": "2024-04-01..2025-03-31", "measure": first.kpi.measure, "why": "Two vacancies in the front door team",
                "doing": "Agency cover from May; weekly triage review",
            ])
        #expect(wrote.status == .seeOther)
        #expect(try await h.send(.POST, "/plan/ambitions/\(first.ambition)/kpi-commentary", as: .manager, form: ["measure": first.kpi.measure]).status == .forbidden)
        let still = try await h.send(.POST, "/reports", as: .analyst, form: ["period": "2025", "suppress": "no"])
        #expect(red.count == 1 ? still.status == .ok : still.status == .unprocessableEntity)
        try await h.explainRedKPIs()
        let made = try await h.send(.POST, "/reports", as: .analyst, form: ["period": "2025", "suppress": "no"])
        #expect(made.status == .ok)
        #expect(made.body.string.contains("The board pack is ready"))
        let list = try await h.send(.GET, "/reports", as: .boardMember)
        let name = "board-pack-358-2024-04-01-2025-03-31.html"
        #expect(list.body.string.contains(name))
        let file = try await h.send(.GET, "/reports/\(name)", as: .boardMember)
        #expect(file.status == .ok)
        #expect(file.body.string.contains("Ambition 1") || file.body.string.contains("Leadership"))
        #expect(file.body.string.contains("<strong>Why it is off track:</strong> Two vacancies in the front door team</p>"))
        #expect(file.body.string.contains("<strong>What is being done:</strong> Agency cover from May; weekly triage review</p>"))
        #expect(try await h.send(.POST, "/reports", as: .boardMember, form: ["period": "2025"]).status == .forbidden)
        #expect(try await h.send(.GET, "/reports/..%2Fsecret.html", as: .analyst).status == .notFound)
        await h.shutdown()
    }

    @Test func aLeadWritesTheCommentaryForTheBoardPack() async throws {
        let h = try await WebHarness.start()
        let res = try await h.send(.POST, "/plan/ambitions/2/commentary", as: .strategicLead, form: ["period": "2025", "text": "Re-referrals fell after the front door review."])
        #expect(res.status == .seeOther)
        #expect(res.headers.first(name: .location) == "/ambitions/2?period=2024-04-01..2025-03-31&tab=commentary&notice=commentary")
        let page = try await h.send(.GET, "/ambitions/2?period=2025&tab=commentary", as: .boardMember)
        #expect(page.body.string.contains("Re-referrals fell after the front door review."))
        #expect(page.body.string.contains("Written by"))
        // A second version: the tab shows it as the period's commentary, and both in the list of versions.
        _ = try await h.send(.POST, "/plan/ambitions/2/commentary", as: .strategicLead, form: ["period": "2025", "text": "Second version."])
        let again = try await h.send(.GET, "/ambitions/2?period=2025&tab=commentary", as: .strategicLead).body.string
        #expect(again.contains("<h2 class=\"ov-heading-m\">Every version</h2>"))
        #expect(again.contains("<td class=\"ov-table__cell\">Second version.</td>"))
        #expect(again.contains("<td class=\"ov-table__cell\">Re-referrals fell after the front door review.</td>"))
        #expect(again.contains("Write a new version"))
        #expect(try await h.send(.POST, "/plan/ambitions/2/commentary", as: .analyst, form: ["period": "2025", "text": "x"]).status == .forbidden)
        await h.shutdown()
    }

    @Test func tablesDownloadAsExcelWorkbooksWithTypedCells() async throws {
        let h = try await WebHarness.start()
        let xlsx = try await h.send(.GET, "/measures/cla_at_end/numerator.xlsx?kind=year&year=2025", as: .analyst)
        #expect(xlsx.status == .ok)
        #expect(xlsx.headers.first(name: .contentType)?.contains("spreadsheetml") == true)
        #expect(Array(xlsx.body.readableBytesView.prefix(2)) == [0x50, 0x4B]) // a ZIP container
        let csv = try await h.send(.GET, "/measures/cla_at_end/numerator.csv?kind=year&year=2025", as: .analyst)
        #expect(csv.body.string.hasPrefix("child,kind,key,start,end,from_row_with_errors"))
        #expect(try await h.send(.GET, "/activity.xlsx", as: .administrator).status == .ok)
        #expect(try await h.send(.GET, "/measures/cla_at_end/numerator.xlsx", as: .boardMember).status == .forbidden)
        await h.shutdown()
    }

    @Test func theBoardPackCadenceNamesThePeriodDue() {
        let day = Day(year: 2025, month: 5, day: 3)!
        #expect(BoardPackCadence.monthly.period(today: day) == .rolling12Months(endingOn: Day(year: 2025, month: 4, day: 30)!))
        #expect(BoardPackCadence.quarterly.period(today: day) == .rolling12Months(endingOn: Day(year: 2025, month: 3, day: 31)!))
    }

    @Test func everyListDownloads() async throws {
        let h = try await WebHarness.start()
        let measures = try await h.send(.GET, "/measures.csv?period=2025", as: .boardMember)
        #expect(measures.status == .ok && measures.body.string.contains("cla_at_end"))
        #expect(try await h.send(.GET, "/plan/actions.xlsx", as: .strategicLead).status == .ok)
        #expect(try await h.send(.GET, "/audits/all.csv", as: .manager).status == .ok)
        #expect(try await h.send(.GET, "/audits/all.csv", as: .boardMember).status == .forbidden)
        await h.shutdown()
    }
}

/// An action's milestones, risks and the KPIs it serves (issue 14), changed on its page.
@Suite(.serialized) struct ActionItemsWebTests {
    @Test func milestonesRisksAndKPILinksAreKeptWithTheirHistory() async throws {
        let h = try await WebHarness.start()
        let la = WebFixtures.authority
        let made = try await h.store.actions(authority: la).create(
            PlanAction(ambition: 2, text: "Rewrite the threshold document", owner: "Head of Service", due: Day(year: 2027, month: 3, day: 31), by: "t", at: Date()))
        let id = try #require(made.id)
        let path = "/plan/actions/\(id)/items"
        func post(_ form: [String: String], as role: Role = .manager) async throws -> TestingHTTPResponse { try await h.send(.POST, path, as: role, form: form) }

        #expect(try await post(["step": "add-milestone", "text": "  "]).status == .unprocessableEntity)
        #expect(try await post(["step": "add-milestone", "text": "Draft to partners", "due": "31/31/2026"]).status == .unprocessableEntity)
        #expect(try await post(["step": "add-milestone", "text": "Draft to partners", "due": "2026-01-31"]).status == .seeOther)
        #expect(try await post(["step": "add-milestone", "text": "Signed off at the board"]).status == .seeOther)
        #expect(try await post(["step": "link-kpi", "measure": "not_a_kpi"]).status == .unprocessableEntity)
        #expect(try await post(["step": "link-kpi", "measure": "rereferrals_12m_pct"]).status == .seeOther)
        #expect(try await post(["step": "link-kpi", "measure": "rereferrals_12m_pct"]).status == .unprocessableEntity)
        #expect(try await post(["step": "add-risk", "text": "Partners do not agree", "rating": "high", "mitigation": ""]).status == .unprocessableEntity)
        #expect(try await post(["step": "add-risk", "text": "Partners do not agree", "rating": "high", "mitigation": "Early workshop"]).status == .seeOther)
        #expect(try await post(["step": "add-risk", "text": "Staff leave", "rating": "severe", "mitigation": "Cover"]).status == .unprocessableEntity)
        // Board members and auditors do not change actions.
        #expect(try await post(["step": "add-milestone", "text": "x"], as: .boardMember).status == .forbidden)

        var action = try #require(try await h.store.actions(authority: la).action(id: id))
        #expect(action.milestones.map(\.text) == ["Draft to partners", "Signed off at the board"])
        #expect(action.milestones[0].due == Day(year: 2026, month: 1, day: 31) && action.milestones[1].due == nil)
        #expect(action.measures == ["rereferrals_12m_pct"])
        #expect(action.risks.map(\.rating) == [.high])
        let milestone = try #require(action.milestones[0].id), risk = try #require(action.risks[0].id)
        #expect(try await post(["step": "milestone-done", "item": String(milestone)]).status == .seeOther)
        #expect(try await post(["step": "close-risk", "item": String(risk)]).status == .seeOther)
        #expect(try await post(["step": "unlink-kpi", "measure": "rereferrals_12m_pct"]).status == .seeOther)
        #expect(try await post(["step": "close-risk", "item": "999999"]).status == .unprocessableEntity)
        action = try #require(try await h.store.actions(authority: la).action(id: id))
        #expect(action.milestones[0].doneOn != nil && action.risks[0].closedOn != nil && action.measures.isEmpty)
        #expect(action.history.map(\.field) == ["created", "milestone", "milestone", "kpi", "risk", "milestone done", "risk closed", "kpi"])

        let page = try await h.send(.GET, "/plan/actions/\(id)", as: .manager).body.string
        #expect(page.contains("id=\"milestones\"") && page.contains("Draft to partners") && page.contains("Signed off at the board"))
        #expect(page.contains("Partners do not agree") && page.contains("Closed "))
        #expect(page.contains("Milestone done") && page.contains("Risk raised") && page.contains("KPI it serves"))
        // The board member reads them, with no form.
        let board = try await h.send(.GET, "/plan/actions/\(id)", as: .boardMember).body.string
        #expect(board.contains("Draft to partners") && !board.contains("action=\"/plan/actions/\(id)/items\""))
        await h.shutdown()
    }

    @Test func actionsAreReorderedWithinTheirAmbition() async throws {
        let h = try await WebHarness.start()
        let repo = h.store.actions(authority: WebFixtures.authority)
        var ids: [Int] = []
        for text in ["First", "Second", "Third"] {
            ids.append(try #require(try await repo.create(PlanAction(ambition: 7, text: "\(text) (order test)", owner: "Lead", by: "t", at: Date())).id))
        }
        func order() async throws -> [String] { try await repo.all(ambition: 7).map(\.text).filter { $0.hasSuffix("(order test)") } }
        #expect(try await h.send(.POST, "/plan/actions/\(ids[2])/move", as: .manager, form: ["direction": "up"]).status == .seeOther)
        #expect(try await order() == ["First (order test)", "Third (order test)", "Second (order test)"])
        #expect(try await h.send(.POST, "/plan/actions/\(ids[2])/move", as: .manager, form: ["direction": "up"]).status == .seeOther)
        #expect(try await h.send(.POST, "/plan/actions/\(ids[2])/move", as: .manager, form: ["direction": "up"]).status == .unprocessableEntity)
        #expect(try await h.send(.POST, "/plan/actions/\(ids[2])/move", as: .manager, form: ["direction": "sideways"]).status == .badRequest)
        #expect(try await h.send(.POST, "/plan/actions/\(ids[2])/move", as: .boardMember, form: ["direction": "down"]).status == .forbidden)
        #expect(try await order() == ["Third (order test)", "First (order test)", "Second (order test)"])
        let moved = try #require(try await repo.action(id: ids[2]))
        #expect(moved.history.filter { $0.field == "order" }.count == 2)
        // A new action comes after those placed.
        _ = try await repo.create(PlanAction(ambition: 7, text: "Fourth (order test)", owner: "Lead", by: "t", at: Date()))
        #expect(try await order().last == "Fourth (order test)")
        let tab = try await h.send(.GET, "/ambitions/7?tab=actions", as: .manager).body.string
        #expect(tab.contains("Move up") && tab.contains("Move down"))
        #expect(tab.range(of: "Third (order test)")!.lowerBound < tab.range(of: "First (order test)")!.lowerBound)
        await h.shutdown()
    }
}
