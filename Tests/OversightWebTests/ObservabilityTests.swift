import Foundation
import Logging
import NIOCore
import OversightCore
@testable import OversightStore
@testable import OversightWeb
import SQLKit
import Synchronization
import Testing
import Vapor
import VaporTesting

/// Issue 17, part 2: liveness and readiness, metrics behind a token, and one JSON log line per
/// request carrying its id and nothing personal.
@Suite(.serialized) struct ObservabilityTests {
    /// Log lines written through `JSONLogHandler`, kept for the test to read.
    final class CapturedLog: Sendable {
        private let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        var logger: Logger {
            Logger(label: "oversight.requests") { label in JSONLogHandler(label: label) { line in self.lines.withLock { $0.append(line) } } }
        }
    }

    /// The log's JSON is written by hand: any text round-trips through a JSON parser.
    @Test func logLinesAreJSONWhateverTheyHold() throws {
        let awkward = "quote \" backslash \\ newline \n tab \t bell \u{7} nul \u{0} line-sep \u{2028} £ é 😀 </script>"
        let line = JSONLogHandler.object(["b": awkward, "a": "", "message": "m"])
        #expect(!line.contains("\n") && line.hasPrefix(#"{"a":"","b":"#))
        let back = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(back == ["b": awkward, "a": "", "message": "m"])
    }

    @Test func healthAndReadinessTellTheTruth() async throws {
        let h = try await WebHarness.start(importData: false)
        let alive = try await h.app.testing().sendRequest(.GET, "/healthz")
        #expect(alive.status == .ok && alive.body.string == "ok\n")
        var ready = try await h.app.testing().sendRequest(.GET, "/readyz")
        #expect(ready.status == .ok && ready.body.string == "ready\n")

        // A migration this version needs is missing from the store: not ready, and says why.
        try await h.store.sql.raw("DELETE FROM _fluent_migrations WHERE name = \(bind: Store.migrationNames.last!)").run()
        ready = try await h.app.testing().sendRequest(.GET, "/readyz")
        #expect(ready.status == .serviceUnavailable && ready.body.string.contains("1 of the store's migrations are not applied"), "\(ready.body.string)")
        #expect(try await h.app.testing().sendRequest(.GET, "/healthz").status == .ok)

        // The store no longer answers.
        await h.store.close()
        ready = try await h.app.testing().sendRequest(.GET, "/readyz")
        #expect(ready.status == .serviceUnavailable && ready.body.string.contains("closed"), "\(ready.body.string)")
        try? await h.app.asyncShutdown()
    }

    @Test func metricsNeedTheTokenAndCountRequestsByRouteSignInFailuresAndCacheUse() async throws {
        let none = try await WebHarness.start(importData: false)
        #expect(try await none.app.testing().sendRequest(.GET, "/metrics").status == .notFound)
        await none.shutdown()

        let token = "metrics-token-for-the-test-0123456789"
        let h = try await WebHarness.start(metricsToken: token)
        #expect(try await h.app.testing().sendRequest(.GET, "/metrics").status == .unauthorized)
        var wrong = HTTPHeaders()
        wrong.bearerAuthorization = BearerAuthorization(token: "not-the-token")
        #expect(try await h.app.testing().sendRequest(.GET, "/metrics", headers: wrong).status == .unauthorized)

        #expect(try await h.send(.GET, "/", as: .analyst).status == .ok)
        #expect(try await h.send(.GET, "/", as: .analyst).status == .ok)
        #expect(try await h.send(.GET, "/activity", as: .boardMember).status == .forbidden)
        _ = try await SignInTests.signIn(h, username: "user-manager", password: "not the password at all")

        var right = HTTPHeaders()
        right.bearerAuthorization = BearerAuthorization(token: token)
        let scrape = try await h.app.testing().sendRequest(.GET, "/metrics", headers: right)
        #expect(scrape.status == .ok)
        let text = scrape.body.string
        #expect(text.contains(#"oversight_http_requests_total{route="home",method="GET",status="200"} 2"#), "\(text)")
        #expect(text.contains(#"oversight_http_requests_total{route="activity",method="GET",status="403"} 1"#))
        #expect(text.contains(#"oversight_http_request_duration_seconds_count{route="home"} 2"#))
        #expect(text.contains(#"oversight_sign_in_failures_total{reason="wrong-credentials"} 1"#))
        #expect(text.contains(#"oversight_cache_lookups_total{cache="content",result="hit"} 1"#))
        #expect(text.contains(#"oversight_cache_lookups_total{cache="content",result="miss"} 1"#))
        await h.shutdown()
    }

    @Test func everyRequestHasAnIdInItsLogLineAndResponse() async throws {
        let log = CapturedLog()
        let h = try await WebHarness.start(importData: false, requestLogger: log.logger)
        var given = HTTPHeaders()
        given.replaceOrAdd(name: RequestID.header, value: "from-the-proxy-1234")
        let echoed = try await h.app.testing().sendRequest(.GET, "/healthz", headers: given)
        #expect(echoed.headers.first(name: RequestID.header) == "from-the-proxy-1234")
        var odd = HTTPHeaders()
        odd.replaceOrAdd(name: RequestID.header, value: "no spaces or \"quotes\" allowed")
        let replaced = try await h.app.testing().sendRequest(.GET, "/healthz", headers: odd)
        let id = try #require(replaced.headers.first(name: RequestID.header))
        #expect(id.count == 16 && id != "no spaces or \"quotes\" allowed")

        let lines = log.all.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] }
        #expect(lines.count == 2)
        #expect(lines.map { $0["request_id"] } == ["from-the-proxy-1234", id])
        #expect(lines.allSatisfy { $0["route"] == "healthz" && $0["status"] == "200" && $0["method"] == "GET" && $0["message"] == "request" })
        await h.shutdown()
    }

    /// Child-level pages, downloads, searches, failed sign-ins and errors: no log line holds a
    /// child's identifier, a username, a person's name or anything typed into a form.
    @Test func noLogLineHoldsAChildOrAPerson() async throws {
        let log = CapturedLog()
        let h = try await WebHarness.start(requestLogger: log.logger)
        let snapshot = try await h.app.services.dashboards.snapshot(authority: WebFixtures.authority)
        let children = snapshot.engine.data.cinChildren.keys.sorted().prefix(3).map(\.rawValue)
        #expect(children.count == 3)
        for child in children {
            #expect(try await h.send(.GET, "/children/\(child)", as: .analyst).status == .ok)
            _ = try await h.send(.GET, "/children/\(child)?from=\(child)", as: .boardMember)
        }
        #expect(try await h.send(.GET, "/measures/rereferrals_12m_pct?q=\(children[0])", as: .analyst).status == .ok)
        _ = try await h.send(.GET, "/measures/rereferrals_12m_pct/numerator.csv", as: .analyst)
        _ = try await h.send(.GET, "/children/\(children[1])/nothing-here", as: .analyst)
        _ = try await SignInTests.signIn(h, username: "someone-typed-this", password: "a secret phrase")
        _ = try await SignInTests.signIn(h, username: "user-manager", password: "another secret phrase")
        _ = try await h.send(.POST, "/audits/supervision", as: .manager, form: ["worker": children[2], "notes": "Mx Private Person"])

        let lines = log.all
        #expect(lines.count >= 12, "\(lines.count) lines")
        let forbidden =
            children + ["someone-typed-this", "user-manager", "user-performance-analyst", "secret", "Private Person"]
            + Role.allCases.map(\.title)
        for line in lines {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: String], "not a JSON object: \(line)")
            for word in forbidden { #expect(!line.contains(word), "\(word) in the log: \(line)") }
        }
        await h.shutdown()
    }
}
