import Foundation
import OversightCore
import OversightFormats
@testable import OversightStore
@testable import OversightWeb
import Testing
import Vapor
import VaporTesting

/// Two authorities in one store, through the web as each role: each sees its own plan, numbers
/// and reports, and nothing of the other's. On SQLite, and on PostgreSQL when
/// `OVERSIGHT_TEST_POSTGRES_URL` is set (in a second database, `…_web`, beside the store tests').
@Suite(.serialized) struct AuthorityIsolationWebTests {
    static let other = "359"

    /// The stores to run on: SQLite always; PostgreSQL's web database when configured.
    static var backends: [String] { WebHarness.backends }

    static func configuration(_ backend: String) async throws -> StoreConfiguration? {
        try await WebHarness.configuration(backend, database: "web")
    }

    /// The second authority: part of the fixture's data (2025 only), its own plan, one user per role.
    static func addOtherAuthority(_ h: WebHarness) async throws -> (sessions: [Role: (token: String, csrf: String)], tokens: [Role: String]) {
        _ = try await h.store.imports().importFiles(
            paths: [WebFixtures.dataFolder + "/903/2025", WebFixtures.dataFolder + "/cin/2025"],
            authority: other, user: "fixture")
        let yaml = try PlanFileWriter().yaml(try PlanLoader.defaultPlan())
            .replacingOccurrences(of: try PlanLoader.defaultPlan().title, with: "Otherton children's services plan")
        _ = try await h.store.plans(authority: other).importPlan(yaml: yaml, by: "fixture")
        let accounts = h.store.accounts(hasher: TestHasher())
        var sessions: [Role: (token: String, csrf: String)] = [:], tokens: [Role: String] = [:]
        for role in Role.allCases {
            let u = try await accounts.addUser(
                authority: other, username: "other-\(role.rawValue)", displayName: role.title, role: role,
                password: WebFixtures.password, agency: role == .partnerAuditor ? "police" : nil)
            sessions[role] = try await accounts.startSession(for: u)
            tokens[role] = try await accounts.createAPIToken(username: u.username, authority: u.authority, name: "test")
        }
        return (sessions, tokens)
    }

    @Test(arguments: backends)
    func eachAuthoritySeesOnlyItsOwnPlanNumbersAndReports(_ backend: String) async throws {
        let h = try await WebHarness.start(withStatistics: true, configuration: try await Self.configuration(backend))
        let other = try await Self.addOtherAuthority(h)
        let mine = (sessions: h.sessions, tokens: h.apiTokens)

        /// Sends as `role` of the first authority (`theirs` false) or of the other.
        func send(_ method: HTTPMethod, _ path: String, as role: Role, theirs: Bool, form: [String: String] = [:]) async throws -> TestingHTTPResponse {
            h.sessions = theirs ? other.sessions : mine.sessions
            h.apiTokens = theirs ? other.tokens : mine.tokens
            defer { h.sessions = mine.sessions; h.apiTokens = mine.tokens }
            return try await h.send(method, path, as: role, form: form)
        }

        // Each authority's own plan and numbers, for every role that sees dashboards.
        let planTitle = try PlanLoader.defaultPlan().title
        var referrals: [Bool: Double] = [:]
        for theirs in [false, true] {
            for role in Role.allCases {
                let kpis = try await send(.GET, "/api/v1/kpis?period=2024", as: role, theirs: theirs)
                guard role.seesDashboards else {
                    #expect(kpis.status == .forbidden, "\(role) of \(theirs ? "359" : "358")")
                    continue
                }
                #expect(kpis.status == .ok, "\(role)")
                let json = try JSONSerialization.jsonObject(with: Data(kpis.body.string.utf8)) as? [String: Any]
                #expect(json?["plan"] as? String == (theirs ? "Otherton children's services plan" : planTitle), "\(role)")
                let overview = try await send(.GET, "/?period=2024", as: role, theirs: theirs)
                #expect(overview.status == .ok)
                let measures = try await send(.GET, "/api/v1/measures?period=2024", as: role, theirs: theirs)
                let list = (try JSONSerialization.jsonObject(with: Data(measures.body.string.utf8)) as? [String: Any])?["measures"] as? [[String: Any]]
                let value = list?.first { $0["id"] as? String == "referrals" }?["value"] as? Double
                if let known = referrals[theirs] { #expect(value == known) } else { referrals[theirs] = value }
            }
        }
        // The other authority loaded only 2025's returns, so its 2023-24 referrals are its own (none).
        #expect(referrals[false] != referrals[true])
        #expect((referrals[false] ?? 0) > 0)

        // A board pack made by one authority is listed and served to it alone.
        try await h.explainRedKPIs(authority: "358")
        let made = try await send(.POST, "/reports", as: .analyst, theirs: false, form: ["period": "2025", "suppress": "no"])
        #expect(made.status == .ok)
        let name = "board-pack-358-2024-04-01-2025-03-31.html"
        for role in Role.allCases where Access.reportMakers.allows(role) || role.seesDashboards {
            let mineList = try await send(.GET, "/reports", as: role, theirs: false)
            let theirList = try await send(.GET, "/reports", as: role, theirs: true)
            if mineList.status == .ok { #expect(mineList.body.string.contains(name), "\(role)") }
            #expect(!theirList.body.string.contains(name), "\(role)")
            let theirFile = try await send(.GET, "/reports/" + name, as: role, theirs: true)
            #expect(theirFile.status == .notFound || theirFile.status == .forbidden, "\(role)")
        }
        let myFile = try await send(.GET, "/reports/" + name, as: .boardMember, theirs: false)
        #expect(myFile.status == .ok)

        // A child of one authority is not found by the other's child-level roles.
        let child = try #require(try await h.store.cases.caseData(authority: WebFixtures.authority).cinChildren.keys.sorted { $0.rawValue < $1.rawValue }.first)
        let otherChildren = try await h.store.cases.caseData(authority: Self.other).cinChildren
        if otherChildren[child] == nil {
            let seen = try await send(.GET, "/children/\(child.rawValue)", as: .analyst, theirs: true)
            #expect(seen.status == .notFound)
        }
        await h.shutdown()
    }
}
