import Foundation
import NIOCore
import OversightCore
import OversightStore
@testable import OversightWeb
import Testing
import Vapor
import VaporTesting

/// Feedback from families through the web: a practitioner records a form with a family; a link
/// is made, a family answers it without an account, once; a used, expired, withdrawn or unknown
/// link gets the same page; the family's page shows nothing about the child or the worker; the
/// measures reach the API.
@Suite(.serialized) struct FeedbackWebTests {
    static let answers = ["q-right-help": "agree", "q-better": "strongly-agree", "q-lasted": "agree", "respondent": "parent-carer"]

    /// Makes a link as the manager on the Feedback page; returns its token.
    static func makeLink(_ h: WebHarness, form: String = "family-help", team: String = "Team Kestrel") async throws -> String {
        let res = try await h.send(.POST, "/feedback/links/new", as: .manager, form: ["form": form, "team": team])
        #expect(res.status == .ok)
        let body = res.body.string
        let match = try #require(body.firstMatch(of: /\/feedback\/([0-9a-f]{64})/))
        return String(match.1)
    }

    /// The family's page and its form cookie (no session).
    static func open(_ h: WebHarness, _ token: String) async throws -> (TestingHTTPResponse, String?) {
        let res = try await h.send(.GET, "/feedback/\(token)", as: nil, headers: ["Sec-Fetch-Site": ""])
        let cookie = res.headers[.setCookie].first { $0.hasPrefix("oversight_feedback=") }
            .map { String($0.dropFirst("oversight_feedback=".count).prefix { $0 != ";" }) }
        return (res, cookie)
    }

    static func submit(_ h: WebHarness, _ token: String, cookie: String?, form: [String: String] = answers) async throws -> TestingHTTPResponse {
        var fields = form
        var headers: HTTPHeaders = ["Sec-Fetch-Site": ""]
        if let cookie {
            fields["csrf"] = cookie
            headers.replaceOrAdd(name: .cookie, value: "oversight_feedback=\(cookie)")
        }
        return try await h.send(.POST, "/feedback/\(token)", as: nil, form: fields, headers: headers)
    }

    @Test func aPractitionerRecordsFeedbackWithAFamily() async throws {
        let h = try await WebHarness.start(importData: false)
        let page = try await h.send(.GET, "/feedback", as: .auditor)
        #expect(page.status == .ok)
        #expect(page.body.string.contains("Your family&#39;s help") || page.body.string.contains("Your family's help"))
        let form = try await h.send(.GET, "/feedback/forms/family-help", as: .auditor)
        #expect(form.status == .ok)
        #expect(form.body.string.contains("<legend class=\"ov-fieldset__legend\">We got the right help at the right time</legend>"))
        // A missing answer: refused, named, nothing stored.
        let refused = try await h.send(.POST, "/feedback/forms/family-help", as: .auditor, form: ["q-right-help": "agree"])
        #expect(refused.status == .unprocessableEntity)
        #expect(refused.body.string.contains("href=\"#q-better\""))
        var fields = Self.answers
        fields["child"] = "C000123"
        fields["team"] = "Team Kestrel"
        let saved = try await h.send(.POST, "/feedback/forms/family-help", as: .auditor, form: fields)
        #expect(saved.status == .ok)
        #expect(saved.body.string.contains("The feedback is saved"))
        let stored = try await h.store.feedback(authority: WebFixtures.authority).responses()
        #expect(stored.count == 1)
        #expect(stored.first?.child == "C000123" && stored.first?.channel == .practitioner && stored.first?.recordedBy == "user-auditor")
        // Board members and partner auditors record nothing; analysts cannot read responses.
        #expect(try await h.send(.GET, "/feedback", as: .boardMember).status == .forbidden)
        #expect(try await h.send(.GET, "/feedback/responses/all", as: .analyst).status == .forbidden)
        let read = try await h.send(.GET, "/feedback/responses/all?period=2026-27", as: .manager)
        #expect(read.status == .ok)
        await h.shutdown()
    }

    @Test func aFamilyAnswersALinkOnceWithoutAnAccount() async throws {
        let h = try await WebHarness.start(importData: false)
        let token = try await Self.makeLink(h)
        let (page, cookie) = try await Self.open(h, token)
        #expect(page.status == .ok)
        let body = page.body.string
        #expect(body.contains("Your family"))
        #expect(body.contains("We got the right help at the right time"))
        // Nothing about the worker, the team or anyone signed in.
        for leak in ["Team Kestrel", "user-manager", "Manager", "Sign out", "C0"] { #expect(!body.contains(leak), "\(leak)") }
        #expect(cookie != nil)
        // Without its form cookie: refused, nothing stored, the link still open.
        #expect(try await Self.submit(h, token, cookie: nil).status == .forbidden)
        let missing = try await Self.submit(h, token, cookie: cookie, form: ["q-right-help": "agree"])
        #expect(missing.status == .unprocessableEntity)
        let thanks = try await Self.submit(h, token, cookie: cookie)
        #expect(thanks.status == .ok)
        #expect(thanks.body.string.contains("Thank you"))
        let stored = try await h.store.feedback(authority: WebFixtures.authority).responses()
        #expect(stored.count == 1)
        #expect(stored.first?.channel == .familyLink && stored.first?.child == nil && stored.first?.team == "Team Kestrel")

        // Used: the same page and status as a link that never existed.
        let again = try await Self.submit(h, token, cookie: cookie)
        let reopened = try await Self.open(h, token).0
        let unknown = try await Self.open(h, String(repeating: "a", count: 64)).0
        let junk = try await Self.open(h, "no-such-link").0
        #expect(again.status == .notFound && reopened.status == .notFound && unknown.status == .notFound && junk.status == .notFound)
        #expect(again.body.string == unknown.body.string)
        #expect(reopened.body.string == unknown.body.string)
        #expect(junk.body.string == unknown.body.string)
        #expect(unknown.body.string.contains("This link has expired or has already been used"))
        #expect(try await h.store.feedback(authority: WebFixtures.authority).responses().count == 1)
        await h.shutdown()
    }

    @Test func expiredAndWithdrawnLinksGiveTheSamePage() async throws {
        let h = try await WebHarness.start(importData: false)
        let past = store(h, daysAgo: 3)
        let expired = try await past.createLink(formID: "tdas", team: nil, days: 1, by: "user-manager")
        let withdrawn = try await Self.makeLink(h)
        let link = try #require(try await h.store.feedback(authority: WebFixtures.authority).openLinks().first)
        let res = try await h.send(.POST, "/feedback/links/\(link.id)/withdraw", as: .manager)
        #expect(res.status == .ok && res.body.string.contains("The link is withdrawn"))
        let unknown = try await Self.open(h, String(repeating: "b", count: 64)).0
        for token in [expired.token, withdrawn] {
            let (page, _) = try await Self.open(h, token)
            #expect(page.status == .notFound)
            #expect(page.body.string == unknown.body.string)
            let post = try await Self.submit(h, token, cookie: "x")
            #expect(post.status == .notFound && post.body.string == unknown.body.string)
        }
        #expect(try await h.store.feedback(authority: WebFixtures.authority).responses().isEmpty)
        await h.shutdown()
    }

    func store(_ h: WebHarness, daysAgo: Double) -> FeedbackRepository {
        h.store.feedback(authority: WebFixtures.authority, clock: { Date().addingTimeInterval(-daysAgo * 86_400) })
    }

    @Test func theMeasuresReachTheAPI() async throws {
        let h = try await WebHarness.start(importData: false)
        let day = Day(year: 2024, month: 6, day: 3)!
        let responses = (0..<6).map { i in
            FeedbackResponse(
                formID: "family-help", formVersion: 1, authority: WebFixtures.authority, channel: i < 3 ? .practitioner : .familyLink,
                respondent: .parentCarer, submittedOn: day,
                answers: ["right-help": i < 4 ? "agree" : "disagree", "better": "agree", "lasted": i < 2 ? "agree" : "neither"])
        }
        try await h.store.feedback(authority: WebFixtures.authority).insert(responses)
        let res = try await h.send(.GET, "/api/v1/measures?period=2025", as: .analyst)
        #expect(res.status == .ok)
        struct Body: Decodable {
            struct M: Decodable {
                var id: String
                var value: Double?
            }
            var measures: [M]
        }
        let body = try JSONDecoder().decode(Body.self, from: Data(res.body.string.utf8))
        let values = Dictionary(body.measures.map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(values["feedback_right_help_families"] == .some(4))
        #expect(values["feedback_helped_sustained_families"] == .some(2))
        #expect(values["feedback_responses"] == .some(6))
        #expect(values["feedback_tdas_confidence_pct"] == .some(nil))
        let one = try await h.send(.GET, "/api/v1/measures/feedback_right_help_pct?period=2025", as: .boardMember)
        #expect(one.status == .ok)
        #expect(one.body.string.contains("66.6"))
        // The Feedback page's summary and the measure page.
        let page = try await h.send(.GET, "/feedback?period=2025", as: .manager)
        #expect(page.body.string.contains("Your family&#39;s help: 6 responses") || page.body.string.contains("Your family's help: 6 responses"))
        #expect(try await h.send(.GET, "/measures/feedback_right_help_families?period=2025", as: .manager).status == .ok)
        await h.shutdown()
    }
}
