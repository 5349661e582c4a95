import Foundation
import OversightApp
import OversightCore
@testable import OversightWeb
import Testing
import Vapor

/// Every measure by team (issue 14): the same computation as the authority's, each team counting
/// the children it held on each record's day, the unallocated kept, so the parts add up to the whole.
@Suite(.serialized) struct TeamComparisonTests {
    @Test func theTeamsAndTheUnallocatedAddUpToTheAuthorityAndOpenTheirChildren() async throws {
        let h = try await WebHarness.start()
        let services: WebServices = h.app.services
        let snapshot = try await services.dashboards.snapshot(authority: WebFixtures.authority)
        let period = Period.reportingYear(2025)
        for id in ["assessments_completed", "rereferrals_12m_pct", "cla_at_end"] {
            let whole = try #require(services.dashboards.numbers.measure(id, period: period, snapshot: snapshot, includeRecords: true))
            let parts = services.dashboards.numbers.teamComparison(id, period: period, snapshot: snapshot)
            #expect(parts.count > 2, "\(id): \(parts.count) parts")
            #expect(parts.reduce(0.0) { $0 + ($1.result.numerator ?? 0) } == whole.numerator, "\(id): the teams' numerators do not add up")
            if whole.unit == .percent {
                #expect(parts.reduce(0.0) { $0 + ($1.result.denominator ?? 0) } == whole.denominator, "\(id): the teams' denominators do not add up")
            }
            #expect(parts.last?.part == .unallocated)
        }
        // Each team's caseloads on a day: their spread brackets the median, and they add up to the team's children.
        let teams = services.dashboards.numbers.teams(snapshot, on: period.end)
        #expect(!teams.isEmpty)
        for t in teams {
            #expect(Double(t.caseloadMin) <= t.caseloadMedian && t.caseloadMedian <= Double(t.caseloadMax), "\(t.name)")
            #expect(t.children >= t.caseloadMax && t.children <= t.caseloadMax * t.workers.count, "\(t.name)")
        }
        let workers = services.dashboards.numbers.workers(snapshot, on: period.end)
        #expect(workers.reduce(0) { $0 + $1.caseload } == teams.reduce(0) { $0 + $1.children })
        // A rate has no population by team.
        #expect(services.dashboards.numbers.teamComparison("cla_rate_per_10k", period: period, snapshot: snapshot).isEmpty)

        let page = try await h.send(.GET, "/measures/rereferrals_12m_pct/teams?period=2025", as: .manager).body.string
        #expect(page.contains("<h1 class=\"ov-heading-xl\">By team</h1>"))
        #expect(page.contains("Whole authority"))
        let link = try #require(page.firstMatch(of: /href="(\/measures\/rereferrals_12m_pct\?period=2024-04-01..2025-03-31&amp;team=[^"#]+)#children"/))
        let team = try await h.send(.GET, String(link.output.1).replacingOccurrences(of: "&amp;", with: "&"), as: .manager).body.string
        #expect(team.contains("match the filter."))
        // A board member sees the figures, never a way to the children.
        let board = try await h.send(.GET, "/measures/rereferrals_12m_pct/teams?period=2025", as: .boardMember).body.string
        #expect(board.contains("Whole authority") && !board.contains("team="))
        // The measure page for a team or a service gives its figure, counted as the By team page counts it.
        let part = try #require(services.dashboards.numbers.measure("rereferrals_12m_pct", period: period, snapshot: snapshot, part: .service("Children in need and protection")))
        let forService = try await h.send(.GET, "/measures/rereferrals_12m_pct?period=2025&service=Children%20in%20need%20and%20protection", as: .boardMember).body.string
        #expect(forService.contains("Children in need and protection: \(String(format: "%.1f", part.value ?? 0))% (\(Int(part.numerator ?? 0)) of \(Int(part.denominator ?? 0)))"))
        // The measure page offers the comparison, except for a rate.
        #expect(try await h.send(.GET, "/measures/rereferrals_12m_pct?period=2025", as: .manager).body.string.contains("Compare the teams"))
        #expect(!(try await h.send(.GET, "/measures/cla_rate_per_10k?period=2025", as: .manager).body.string.contains("Compare the teams")))
        await h.shutdown()
    }

    @Test func aRecordCountsInTheTeamThatHeldItsChildOnItsDay() {
        var data = CaseData()
        data.workers = [
            WorkerRecord(id: "W1", team: "Assessment team 1", service: "Front door", start: .value(Day(year: 2020, month: 1, day: 1)!)),
            WorkerRecord(id: "W2", team: "Child in need team 1", service: "CIN", start: .value(Day(year: 2020, month: 1, day: 1)!)),
        ]
        data.allocations = [
            Allocation(child: ChildID("C1"), worker: "W1", from: .value(Day(year: 2024, month: 4, day: 1)!), to: .value(Day(year: 2024, month: 6, day: 30)!)),
            Allocation(child: ChildID("C1"), worker: "W2", from: .value(Day(year: 2024, month: 7, day: 1)!)),
        ]
        let org = Organisation(data)
        let p = Period.reportingYear(2025)
        let records = [
            DrillRecord(child: "C1", kind: "referral", key: "a", start: Day(year: 2024, month: 5, day: 1)), // held by W1 then
            DrillRecord(child: "C1", kind: "referral", key: "b", start: Day(year: 2024, month: 9, day: 1)), // by W2
            DrillRecord(child: "C2", kind: "referral", key: "c", start: Day(year: 2024, month: 9, day: 1)), // by no one
        ]
        let r = MeasureResult(id: "referrals", unit: .count, period: p, numerator: 3, denominator: nil, value: 3, numeratorRecords: records)
        #expect(AuthorityNumbers.restrict(r, to: .team("Assessment team 1"), organisation: org)?.value == 1)
        #expect(AuthorityNumbers.restrict(r, to: .team("Child in need team 1"), organisation: org)?.numeratorRecords.map(\.key) == ["b"])
        #expect(AuthorityNumbers.restrict(r, to: .service("CIN"), organisation: org)?.value == 1)
        #expect(AuthorityNumbers.restrict(r, to: .unallocated, organisation: org)?.numeratorRecords.map(\.child) == ["C2"])
        // A count of distinct children counts children, not records.
        let children = MeasureResult(id: "x", unit: .count, period: p, numerator: 2, denominator: nil, value: 2, numeratorRecords: records)
        #expect(AuthorityNumbers.restrict(children, to: .unallocated, organisation: org)?.value == 1)
        // Records that do not account for the figure: not split.
        let odd = MeasureResult(id: "y", unit: .count, period: p, numerator: 7, denominator: nil, value: 7, numeratorRecords: records)
        #expect(AuthorityNumbers.restrict(odd, to: .unallocated, organisation: org) == nil)
    }

    /// The overview and an ambition's KPIs for a service or a team: the application layer's KPIs
    /// for the part (the same figures the part's measure page gives), the choice carried by the
    /// period chooser, an unknown part refused naming the parts there are.
    @Test func theOverviewAndAnAmbitionShowAServiceOrATeam() async throws {
        let h = try await WebHarness.start()
        let services: WebServices = h.app.services
        let snapshot = try await services.dashboards.snapshot(authority: WebFixtures.authority)
        let period = Period.reportingYear(2025)
        let part = AuthorityNumbers.Part.service("Children in need and protection")
        let report = await services.dashboards.numbers.kpis(period: period, snapshot: snapshot, part: part)
        let e = try #require(report.evaluations.first { $0.kpi.measure == "rereferrals_12m_pct" })
        let direct = services.dashboards.numbers.measure("rereferrals_12m_pct", period: period, snapshot: snapshot, part: part)
        #expect(e.value == direct?.value && e.value != nil)
        let whole = try #require(await services.dashboards.numbers.kpis(period: period, snapshot: snapshot).evaluations.first { $0.kpi.measure == "rereferrals_12m_pct" })
        #expect(whole.value != e.value)
        // A rate per 10,000 has no value for a part; nor do comparators.
        #expect(report.evaluations.filter { $0.kpi.measure.hasSuffix("_per_10k") }.allSatisfy { $0.value == nil })
        #expect(report.evaluations.allSatisfy { $0.comparator == nil })

        let overview = try await h.send(.GET, "/?period=2025&for=service:Children%20in%20need%20and%20protection", as: .manager)
        let page = overview.body.string
        #expect(overview.status == .ok && page.contains("<title>Overview: Children in need and protection"))
        #expect(page.contains("Show the plan for") && page.contains("Figures for Children in need and protection:"))
        #expect(page.contains("name=\"for\" value=\"service:Children in need and protection\""))
        #expect(page.contains(String(format: "%.1f%%", e.value ?? 0)))
        // The whole authority's page offers the choice and shows no part.
        let plain = try await h.send(.GET, "/?period=2025", as: .manager).body.string
        #expect(plain.contains("Show the plan for") && !plain.contains("Figures for Children in need"))
        let ambition = try await h.send(.GET, "/ambitions/\(e.ambition)?period=2025&for=service:Children%20in%20need%20and%20protection", as: .boardMember)
        #expect(ambition.status == .ok && ambition.body.string.contains("Figures for Children in need and protection:"))
        let unknown = try await h.send(.GET, "/?period=2025&for=team:No%20such%20team", as: .manager)
        #expect(unknown.status == .badRequest)
        await h.shutdown()
    }
}
