import Foundation
import OversightApp
import OversightCore
import OversightFormats
@testable import OversightStore
@testable import OversightWeb
import OversightViews
import Testing
import Vapor
import VaporTesting

/// A regional deployment: Greater Manchester's ten authorities in one store (small synthetic
/// data: the web fixture's authority, and parts of its files loaded as each of the other nine),
/// a regional analyst of the region, and each authority's own users. On SQLite, and on
/// PostgreSQL when `OVERSIGHT_TEST_POSTGRES_URL` is set (in a third database, `…_region`, that
/// `scripts/ci-postgres` makes beside the store tests' and the web tests').
@Suite(.serialized) struct RegionalWebTests {
    static let region = Region.greaterManchester
    static let period = Period.reportingYear(2025)
    /// The published names of Greater Manchester's authorities, in the region's order.
    static let names = ["Bolton", "Bury", "Manchester", "Oldham", "Rochdale", "Salford", "Stockport", "Tameside", "Trafford", "Wigan"]

    static var backends: [String] { WebHarness.backends }

    static func configuration(_ backend: String) async throws -> StoreConfiguration? {
        try await WebHarness.configuration(backend, database: "region")
    }

    /// What a regional test works with: the harness (its sessions for the fixture authority's
    /// roles), the regional analyst's session and API token, and every member's children.
    struct Regional {
        var h: WebHarness
        var session: (token: String, csrf: String)
        var token: String
        /// The authority's own sessions and tokens (the fixture authority's, one per role).
        var own: (sessions: [Role: (token: String, csrf: String)], tokens: [Role: String])
        /// Every child identifier of every member authority.
        var children: Set<String>

        /// Sends as the regional analyst.
        func asRegional(_ method: HTTPMethod, _ path: String) async throws -> TestingHTTPResponse {
            h.sessions[.regional] = session; h.apiTokens[.regional] = token
            defer { h.sessions = own.sessions; h.apiTokens = own.tokens }
            return try await h.send(method, path, as: .regional)
        }

        /// The child identifiers of `children` found in `text`.
        func childrenIn(_ text: String) -> [String] { children.filter { text.contains($0) }.sorted() }
    }

    /// The ten authorities: 358 from the harness; the others load the fixture's 2025 returns, or
    /// both years' (every other one), so their figures differ; the region and its analyst.
    static func start(_ backend: String) async throws -> Regional {
        let h = try await WebHarness.start(withStatistics: true, configuration: try await configuration(backend))
        for (i, code) in region.members.enumerated() where code != WebFixtures.authority {
            let paths =
                i % 2 == 0
                ? [WebFixtures.dataFolder]
                : [WebFixtures.dataFolder + "/903/2025", WebFixtures.dataFolder + "/cin/2025"]
            _ = try await h.store.imports().importFiles(paths: paths, authority: code, user: "fixture")
        }
        try await h.store.regions().set(region)
        let accounts = h.store.accounts(hasher: TestHasher())
        let u = try await accounts.addUser(
            authority: region.code, username: "gm.analyst", displayName: "Regional analyst", role: .regional, password: WebFixtures.password)
        let session = try await accounts.startSession(for: u)
        let token = try await accounts.createAPIToken(username: u.username, authority: u.authority, name: "test")
        var children = Set<String>()
        for code in region.members {
            let data = try await h.store.cases.caseData(authority: code)
            children.formUnion(data.cinChildren.keys.map(\.rawValue))
            children.formUnion(data.claHeaders.keys.map(\.rawValue))
        }
        return Regional(h: h, session: session, token: token, own: (h.sessions, h.apiTokens), children: children)
    }

    /// The routes a regional analyst may use, decided one by one: signing in and out, their own
    /// password and second factor, the stylesheet and the operators' probes, the overview (which
    /// sends them to their region), a family's one-time link (no sign-in at all), the API's
    /// description, and the regional pages. Nothing of any one authority.
    static let regionalRoutes: Set<String> = [
        "sign-in", "sign-in-submit", "sign-out", "single-sign-on", "single-sign-on-callback", "second-factor", "second-factor-submit",
        "authenticator-set-up", "authenticator-set-up-submit", "password", "password-change", "asset", "healthz", "readyz", "metrics",
        "home", "feedback-family", "feedback-family-submit", "api-openapi", "region", "region-csv",
    ]

    @Test func theRouteTableDecidesEveryRouteForTheRegionalRole() {
        let allowed = Set(SiteRoute.all.filter { $0.access.allows(.regional) }.map(\.name))
        #expect(allowed == Self.regionalRoutes)
        #expect(!Role.regional.seesChildLevelData && !Role.regional.seesDashboards && Role.regional.seesRegion)
        #expect(!Role.regional.needsSecondFactor && !Role.regional.recordsFeedback && !Role.regional.readsFeedbackResponses)
        // Only regional analysts see the regional pages.
        for role in Role.allCases where role != .regional {
            #expect(!SiteRoute.named("region").access.allows(role) && !SiteRoute.named("region-csv").access.allows(role), "\(role)")
        }
        #expect(Role.parse("Regional analyst") == .regional && Role.parse("regional-analyst") == .regional)
    }

    @Test(arguments: backends)
    func theRegionalAnalystSeesTheTenAuthoritiesAndNoChild(_ backend: String) async throws {
        let r = try await Self.start(backend)
        let page = try await r.asRegional(.GET, "/region")
        #expect(page.status == .ok)
        let body = page.body.string
        #expect(body.contains("Greater Manchester"))
        for name in Self.names { #expect(body.contains("scope=\"col\" class=\"ov-table__header ov-table__header--numeric\">\(name)<"), "\(name)") }
        #expect(body.contains("Reporting year 2024-25"))
        #expect(r.childrenIn(body).isEmpty, "the regional page names children: \(r.childrenIn(body).prefix(3))")
        #expect(!body.contains("/children/") && !body.contains("/measures/"))
        // Every measure of the catalogue is a row; the KPIs alone on request.
        for d in MeasureCatalogue.all { #expect(body.contains(HTML.escape(d.title)), "\(d.id)") }
        let kpis = try await r.asRegional(.GET, "/region?period=2025&rows=kpis")
        #expect(kpis.status == .ok && kpis.body.string.count < body.count)
        // The overview sends them to their region.
        let home = try await r.asRegional(.GET, "/")
        #expect(home.status == .seeOther && home.headers.first(name: .location) == "/region")
        // The CSV: one line per measure and authority and one for the region, no child.
        let csv = try await r.asRegional(.GET, "/region.csv?period=2025")
        #expect(csv.status == .ok)
        #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
        let lines = csv.body.string.split(whereSeparator: \.isNewline)
        let catalogue = MeasureCatalogue.all.count + MeasureCatalogue.qualityAssurance.count + MeasureCatalogue.feedback.count
        #expect((lines.count - 1) % 11 == 0 && lines.count - 1 >= catalogue * 11, "\(lines.count) lines")
        #expect(lines.contains { $0.contains(",GM,Greater Manchester,") })
        #expect(r.childrenIn(csv.body.string).isEmpty)
        await r.h.shutdown()
    }

    @Test(arguments: backends)
    func everyOtherRouteIsRefusedToTheRegionalAnalystForEveryAuthority(_ backend: String) async throws {
        let r = try await Self.start(backend)
        for route in SiteRoute.all where !Self.regionalRoutes.contains(route.name) {
            let res = try await r.asRegional(route.method, route.sample)
            #expect(res.status == .forbidden, "\(route.method) \(route.sample): \(res.status.code)")
            #expect(r.childrenIn(res.body.string).isEmpty)
        }
        // Each member's own children, by every child-level path: refused before anything is read.
        for code in Self.region.members {
            let data = try await r.h.store.cases.caseData(authority: code)
            let child = try #require(data.cinChildren.keys.map(\.rawValue).sorted().first)
            for path in [
                "/children/\(child)", "/measures/rereferrals_12m_pct?period=2025", "/measures/rereferrals_12m_pct/numerator.csv?period=2025",
                "/measures/rereferrals_12m_pct/denominator.xlsx?period=2025", "/api/v1/measures/rereferrals_12m_pct/records?period=2025",
                "/api/v1/measures?period=2025", "/api/v1/kpis?period=2025", "/lists", "/teams", "/clinics", "/data", "/measures.csv?period=2025",
            ] {
                let res = try await r.asRegional(.GET, path + (path.contains("?") ? "&" : "?") + "la=\(code)")
                #expect(res.status == .forbidden, "\(path) of \(code): \(res.status.code)")
                #expect(!res.body.string.contains(child))
            }
        }
        await r.h.shutdown()
    }

    @Test(arguments: backends)
    func eachAuthoritysUsersStillSeeNothingOfAnotherNorTheRegion(_ backend: String) async throws {
        let r = try await Self.start(backend)
        let h = r.h
        // No role of an authority opens the regional pages.
        for role in Role.allCases where role != .regional {
            for path in ["/region", "/region.csv"] {
                let res = try await h.send(.GET, path, as: role)
                #expect(res.status == .forbidden, "\(role) \(path): \(res.status.code)")
            }
        }
        // Bolton's analyst sees Bolton's numbers and none of Trafford's children.
        let accounts = h.store.accounts(hasher: TestHasher())
        let bolton = try await accounts.addUser(
            authority: "350", username: "bolton.analyst", displayName: "Analyst", role: .analyst, password: WebFixtures.password)
        h.sessions[.analyst] = try await accounts.startSession(for: bolton)
        h.apiTokens[.analyst] = try await accounts.createAPIToken(username: bolton.username, authority: "350", name: "test")
        defer { h.sessions = r.own.sessions; h.apiTokens = r.own.tokens }
        let boltonChildren = Set(try await h.store.cases.caseData(authority: "350").cinChildren.keys.map(\.rawValue))
        let traffordOnly = try await h.store.cases.caseData(authority: "358").cinChildren.keys.map(\.rawValue).filter { !boltonChildren.contains($0) }
        for child in traffordOnly.prefix(5) {
            let res = try await h.send(.GET, "/children/\(child)", as: .analyst)
            #expect(res.status == .notFound, "\(child): \(res.status.code)")
        }
        let api = try await h.send(.GET, "/api/v1/measures?period=2024", as: .analyst)
        #expect(api.status == .ok)
        let list = (try JSONSerialization.jsonObject(with: Data(api.body.string.utf8)) as? [String: Any])?["measures"] as? [[String: Any]]
        let numbers = h.app.services.dashboards.numbers
        let own = numbers.allMeasures(period: .reportingYear(2024), snapshot: try await numbers.snapshot(authority: "350"))
        let referrals = own.first { $0.id == "referrals" }?.value
        #expect(list?.first { $0["id"] as? String == "referrals" }?["value"] as? Double == referrals)
        await h.shutdown()
    }

    @Test(arguments: backends)
    func theRegionalFigureIsTheMembersNumeratorsOverTheirDenominators(_ backend: String) async throws {
        let r = try await Self.start(backend)
        let numbers = r.h.app.services.dashboards.numbers
        let table = try await numbers.regionalTable(region: Self.region, period: Self.period)
        #expect(table.members.map(\.name) == Self.names)
        #expect(table.members.allSatisfy { $0.hasData })
        // Each member's own numbers, from its snapshot (not the store's cache the table reads).
        var own: [[String: MeasureResult]] = []
        var kpis: [[String: KPIStatus]] = []
        for code in Self.region.members {
            let snapshot = try await numbers.snapshot(authority: code)
            own.append(Dictionary(numbers.allMeasures(period: Self.period, snapshot: snapshot).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
            let report = await numbers.kpis(period: Self.period, snapshot: snapshot, withSeries: false)
            var statuses: [String: KPIStatus] = [:]
            for e in report.evaluations where statuses[e.kpi.measure] == nil { statuses[e.kpi.measure] = e.status }
            kpis.append(statuses)
        }
        var checked = 0
        for row in table.rows {
            let id = row.definition.id
            let results = own.compactMap { $0[id] }
            switch row.definition.unit {
            case .percent, .rate:
                let parts = results.compactMap { r in r.numerator.flatMap { n in r.denominator.map { (n, $0) } } }
                let n = parts.map(\.0).reduce(0, +), d = parts.map(\.1).reduce(0, +)
                let expected = parts.isEmpty || d == 0 ? nil : (row.definition.unit == .percent ? 100 : 10_000) * n / d
                if row.regionalSuppressed {
                    #expect(Suppression.isSmall(n) || (row.definition.unit == .percent && Suppression.isSmall(d)), "\(id)")
                } else {
                    #expect(row.regional == expected, "\(id): \(String(describing: row.regional)) against \(String(describing: expected))")
                    if expected != nil { #expect(row.regionalNumerator == n && row.regionalDenominator == d, "\(id)"); checked += 1 }
                }
                #expect(row.contributing == parts.count, "\(id)")
            case .count:
                let counts = results.compactMap { $0.value ?? $0.numerator }
                if !row.regionalSuppressed { #expect(row.regional == (counts.isEmpty ? nil : counts.reduce(0, +)), "\(id)") }
            case .ratio:
                #expect(row.regional == nil)
            }
            // Each member's figure is its own, withheld only when small; its status its overview's.
            for (i, cell) in row.cells.enumerated() {
                let mine = own[i][id]
                if cell.suppressed {
                    #expect(mine.map { Suppression.on.hides($0) } == true, "\(id) of \(cell.authority)")
                    #expect(cell.value == nil && cell.numerator == nil)
                } else {
                    #expect(cell.value == mine?.value, "\(id) of \(cell.authority)")
                }
                #expect(cell.status == kpis[i][id], "\(id) of \(cell.authority): \(String(describing: cell.status)) against \(String(describing: kpis[i][id]))")
            }
            // The median of the figures shown; ranks 1 (best) to the number shown.
            let shown = row.cells.compactMap(\.value).sorted()
            #expect(row.median == AuthorityNumbers.median(shown), "\(id)")
            if row.definition.polarity != .none {
                for cell in row.cells where cell.value != nil {
                    let rank = try #require(cell.rank)
                    #expect((1...shown.count).contains(rank) && (1...4).contains(cell.quartile ?? 0), "\(id)")
                }
            }
        }
        #expect(checked > 20, "only \(checked) percentages and rates had a regional figure")
        await r.h.shutdown()
    }

    @Test func aRegionalFigureIsNotAnAverageOfRates() {
        let p = Self.period
        let a = MeasureResult(id: "x", unit: .percent, period: p, numerator: 1, denominator: 10, value: 10)
        let b = MeasureResult(id: "x", unit: .percent, period: p, numerator: 90, denominator: 100, value: 90)
        let figure = AuthorityNumbers.regionalFigure(.percent, results: [a, b])
        #expect(figure.value == 100 * 91 / 110 && figure.numerator == 91 && figure.denominator == 110 && figure.contributing == 2)
        let rate = AuthorityNumbers.regionalFigure(
            .rate,
            results: [
                MeasureResult(id: "r", unit: .rate, period: p, numerator: 50, denominator: 50_000, value: 10),
                MeasureResult(id: "r", unit: .rate, period: p, numerator: 300, denominator: 100_000, value: 30),
            ])
        #expect(rate.value == 10_000.0 * 350 / 150_000)
        #expect(AuthorityNumbers.regionalFigure(.ratio, results: [a]).value == nil)
        #expect(AuthorityNumbers.median([3, 1, 2]) == 2 && AuthorityNumbers.median([4, 1, 2, 3]) == 2.5 && AuthorityNumbers.median([]) == nil)
    }

    @Test func aRegionsDefinitionIsChecked() {
        #expect(Region.problems(code: "GM", name: "Greater Manchester", members: ["350", "351"]).isEmpty)
        #expect(!Region.problems(code: "358", name: "x", members: ["350", "351"]).isEmpty)
        #expect(!Region.problems(code: "GM", name: "x", members: ["350"]).isEmpty)
        #expect(!Region.problems(code: "GM", name: "x", members: ["350", "35"]).isEmpty)
        #expect(!Region.problems(code: "GM", name: "x", members: ["350", "350"]).isEmpty)
        #expect(!Region.problems(code: "G M", name: "x", members: ["350", "351"]).isEmpty)
    }
}
