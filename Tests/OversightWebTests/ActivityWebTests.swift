import Foundation
import NIOCore
import OversightCore
import OversightStore
@testable import OversightWeb
import Testing
import Vapor
import VaporTesting

/// Issue 16, finding 6: failed sign-ins, locks and refusals are in the activity log, and a link
/// on another site cannot make a signed-in user's browser record a view of a child.
@Suite(.serialized) struct ActivityWebTests {
    func log(_ h: WebHarness, _ authority: String = WebFixtures.authority) async throws -> [OversightStore.ActivityEntry] {
        try await h.store.accounts(hasher: TestHasher()).activity(authority: authority)
    }

    @Test func failedSignInsLocksAndRefusalsAreRecorded() async throws {
        let h = try await WebHarness.start(importData: false)
        for _ in 0..<5 { _ = try await SignInTests.signIn(h, username: "user-manager", password: "not the password at all") }
        _ = try await SignInTests.signIn(h, username: "no-such-person", password: "not the password at all")
        let forbidden = try await h.send(.GET, "/activity", as: .boardMember)
        #expect(forbidden.status == .forbidden)
        let forged = try await h.send(.POST, "/users", as: .administrator, form: ["username": "x"], csrf: false)
        #expect(forged.status == .forbidden)
        let api = try await h.send(.GET, "/api/v1/imports", as: .boardMember)
        #expect(api.status == .forbidden)

        let entries = try await log(h)
        #expect(entries.filter { $0.user == "user-manager" && $0.action == "sign-in failed" }.count == 4, "\(entries.map(\.action))")
        #expect(entries.contains { $0.user == "user-manager" && $0.action == "sign-in failed, name locked" })
        #expect(entries.contains { $0.user == "user-board-member" && $0.action == "refused (403)" && $0.target == "GET /activity" })
        #expect(entries.contains { $0.user == "user-administrator" && $0.action == "refused (403)" && $0.target == "POST /users" })
        #expect(entries.contains { $0.user == "user-board-member" && $0.action == "refused (403)" && $0.target == "GET /api/v1/imports" })
        let unknown = try await log(h, "")
        #expect(unknown.contains { $0.action == "sign-in failed" && $0.target == "unknown name no-such-person" })
        await h.shutdown()
    }

    @Test func aLinkFromAnotherSiteRecordsNoViewOfAChild() async throws {
        let h = try await WebHarness.start()
        let snapshot = try await h.app.services.dashboards.snapshot(authority: WebFixtures.authority)
        let child = try #require(snapshot.engine.data.cinChildren.keys.sorted().first).rawValue
        let path = "/children/\(child)"
        let views = { try await self.log(h).filter { $0.action == "viewed child" }.count }

        for (label, headers) in [
            ("a link on another site", ["Sec-Fetch-Site": "cross-site"]),
            ("a sibling subdomain", ["Sec-Fetch-Site": "same-site"]),
            ("an address typed or a bookmark", ["Sec-Fetch-Site": "none"]),
            ("another site, older browser", ["Sec-Fetch-Site": "", "Referer": "https://evil.example/page"]),
            ("no sign of where it came from", ["Sec-Fetch-Site": ""]),
        ] {
            let res = try await h.send(.GET, path, as: .manager, headers: HTTPHeaders(headers.map { ($0.key, $0.value) }))
            #expect(res.status == .ok, "\(label)")
            #expect(!res.body.string.contains("<h1 class=\"ov-heading-xl\">\(child)"), "\(label) showed the child")
            #expect(res.body.string.contains("href=\"\(path)\""), "\(label): no link to go on")
            #expect(try await views() == 0, "\(label) recorded a view")
        }
        // The same page opened from a page of this site.
        let ours = try await h.send(.GET, path, as: .manager, headers: ["Sec-Fetch-Site": "same-origin"])
        #expect(ours.status == .ok && ours.body.string.contains(child))
        #expect(try await views() == 1)
        let olderBrowser = try await h.send(.GET, path, as: .manager, headers: ["Sec-Fetch-Site": "", "Referer": "http://localhost:8080/measures", "Host": "localhost:8080"])
        #expect(olderBrowser.status == .ok)
        #expect(try await views() == 2)
        // A list of children (a drill-down download) follows the same rule.
        let download = try await h.send(.GET, "/measures/cla_at_end/numerator.csv", as: .manager, headers: ["Sec-Fetch-Site": "cross-site"])
        #expect(download.headers.first(name: .contentType)?.hasPrefix("text/html") == true)
        #expect(try await log(h).filter { $0.action.hasPrefix("downloaded") }.isEmpty)
        await h.shutdown()
    }
}
