import Foundation
import NIOCore
import OversightCore
import OversightFormats
import OversightStore
@testable import OversightWeb
import Testing
import Vapor
import VaporTesting

@Suite(.serialized) struct PageTests {
    @Test func boardMembersSeeAggregatesButNoChildAnywhere() async throws {
        let h = try await WebHarness.start()
        let analyst = try await h.send(.GET, "/measures/rereferrals_12m_pct", as: .analyst)
        #expect(analyst.status == .ok)
        let board = try await h.send(.GET, "/measures/rereferrals_12m_pct", as: .boardMember)
        #expect(board.status == .ok)
        // Child ids of the synthetic fixture are links to /children/ on the analyst's page only.
        #expect(analyst.body.string.contains("/children/"))
        #expect(!board.body.string.contains("/children/"))
        #expect(!board.body.string.contains("numerator.csv"))
        let snapshot = try await h.app.services.dashboards.snapshot(authority: WebFixtures.authority)
        let someChildren = snapshot.engine.data.cinChildren.keys.prefix(50).map(\.rawValue)
        for page in ["/", "/ambitions/2", "/measures", "/measures/cla_at_end", "/measures/rereferrals_12m_pct?q=x"] {
            let res = try await h.send(.GET, page, as: .boardMember)
            #expect(res.status == .ok, "\(page)")
            for child in someChildren { #expect(!res.body.string.contains(">\(child)<"), "\(page) shows child \(child)") }
        }
        await h.shutdown()
    }

    @Test func everyViewOfChildLevelDataIsInTheActivityLog() async throws {
        let h = try await WebHarness.start()
        let snapshot = try await h.app.services.dashboards.snapshot(authority: WebFixtures.authority)
        let child = try #require(snapshot.engine.data.cinChildren.keys.first).rawValue
        #expect(try await h.send(.GET, "/children/\(child)", as: .manager).status == .ok)
        #expect(try await h.send(.GET, "/measures/cla_at_end/numerator.csv", as: .manager).status == .ok)
        #expect(try await h.send(.GET, "/children/NO-SUCH-CHILD", as: .manager).status == .notFound)
        let log = try await h.store.accounts(hasher: TestHasher()).activity(authority: WebFixtures.authority)
        #expect(log.contains { $0.action == "viewed child" && $0.target == child && $0.user == "user-manager" && $0.isChildLevel })
        #expect(log.contains { $0.action == "downloaded numerator records" && $0.target.hasPrefix("cla_at_end") })
        let page = try await h.send(.GET, "/activity", as: .administrator)
        #expect(page.body.string.contains("viewed child"))
        await h.shutdown()
    }

    @Test func unknownPagesGetAPlain404AndNeverAStackTrace() async throws {
        let h = try await WebHarness.start(importData: false)
        let res = try await h.send(.GET, "/no/such/page", as: .analyst)
        #expect(res.status == .notFound)
        #expect(res.body.string.contains("Page not found"))
        let bad = try await h.send(.GET, "/measures?period=2024-99", as: .analyst)
        #expect(bad.status == .badRequest)
        #expect(bad.body.string.contains("is not understood"))
        #expect(!bad.body.string.contains("Abort"))
        let api = try await h.send(.GET, "/api/v1/nothing", as: .analyst)
        #expect(api.status == .notFound)
        #expect(api.headers.contentType == .json)
        await h.shutdown()
    }

    @Test func responsesCarrySecurityHeaders() async throws {
        let h = try await WebHarness.start(importData: false)
        let res = try await h.send(.GET, "/sign-in", as: nil)
        #expect(res.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true)
        #expect(res.headers.first(name: "X-Frame-Options") == "DENY")
        #expect(res.headers.first(name: .cacheControl) == "no-store")
        let css = try await h.send(.GET, "/assets/oversight.css", as: nil)
        #expect(css.status == .ok && css.headers.contentType?.subType == "css")
        await h.shutdown()
    }

    @Test func theAPIGivesTheSameNumbersAsTheEngineOverTheSameFiles() async throws {
        let h = try await WebHarness.start()
        let res = try await h.send(.GET, "/api/v1/measures?period=2025", as: .analyst)
        #expect(res.status == .ok)
        // No audits or feedback in this store: the QA measures come out with zero denominators, the feedback measures with none. Results built
        // from rows with errors are flagged, as the files' validation flags them.
        let loaded = FileLoader.load(paths: [WebFixtures.dataFolder], keepRaw: false, flagRowsWithErrors: true)
        let fromFiles =
            RowErrorFlags.computeAll(
                MeasureEngine(data: loaded.caseData), period: .reportingYear(2025), ids: nil,
                parameters: MeasureParameters(), rowsWithErrors: loaded.caseData.rowsWithErrors)
            + QAMeasures.computeAll(audits: [], period: .reportingYear(2025), reportDate: Day(Date()))
            + FeedbackMeasures.computeAll(responses: [], period: .reportingYear(2025))
        let expected = MeasureOutput.json(period: .reportingYear(2025), results: fromFiles)
        let a = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: Data(expected.utf8)) as? NSDictionary
        #expect(a == b)
        let records = try await h.send(.GET, "/api/v1/measures/cla_at_end/records?period=2025", as: .boardMember)
        #expect(records.status == .forbidden)
        let openapi = try await h.send(.GET, "/api/v1/openapi.json", as: nil)
        let doc = try JSONSerialization.jsonObject(with: Data(openapi.body.string.utf8)) as? [String: Any]
        #expect(doc?["openapi"] as? String == "3.1.0")
        #expect((doc?["paths"] as? [String: Any])?.keys.sorted() == ["/imports", "/kpis", "/measures", "/measures/{id}", "/measures/{id}/records"])
        let anonymous = try await h.send(.GET, "/api/v1/kpis", as: nil)
        #expect(anonymous.status == .unauthorized)
        await h.shutdown()
    }

    @Test func wrongFormValuesComeBackWithTheInputKept() async throws {
        let h = try await WebHarness.start(importData: false)
        let res = try await h.send(.POST, "/users", as: .administrator, form: ["displayName": "Ruth <Example>", "username": "ruth", "role": "", "password": "short"])
        #expect(res.status == .unprocessableEntity)
        let html = res.body.string
        #expect(html.contains("Choose a role"))
        #expect(html.contains("Password must be at least 12 characters"))
        #expect(html.contains("value=\"Ruth &lt;Example&gt;\""))
        #expect(html.contains("value=\"ruth\""))
        let ok = try await h.send(
            .POST, "/users", as: .administrator, form: ["displayName": "Ruth Example", "username": "ruth", "role": "auditor", "password": "pebble orchard falcon"])
        #expect(ok.status == .ok)
        #expect(try await h.store.accounts(hasher: TestHasher()).user(named: "ruth")?.role == .auditor)
        await h.shutdown()
    }
}
