import Foundation
import OversightCore
@testable import OversightWeb
import Testing
import Vapor

/// Walks every route of the site with every role and with nobody signed in, and checks the
/// answer: allowed (anything but 401, 403 or a redirect to sign-in), 403, or sign-in.
@Suite(.serialized) struct RoutePermissionTests {
    enum Expected: Equatable { case allowed, forbidden, signIn }

    static func expected(_ route: SiteRoute, _ role: Role?) -> Expected {
        guard let role else { return route.access == .everyone ? .allowed : .signIn }
        return route.access.allows(role) ? .allowed : .forbidden
    }

    static func observed(_ status: HTTPResponseStatus, location: String?) -> Expected {
        if status == .forbidden { return .forbidden }
        if status == .unauthorized { return .signIn }
        if status == .seeOther || status == .found, let location, location.hasPrefix("/sign-in") { return .signIn }
        return .allowed
    }

    @Test func everyRouteAnswersEveryRoleAsTheTableSays() async throws {
        let h = try await WebHarness.start()
        var mismatches: [String] = []
        for route in SiteRoute.all {
            for role in [nil] + Role.allCases.map(Optional.some) {
                // Signing out ends the session; it is checked for every role in its own test.
                if route.name == "sign-out", role != nil { continue }
                let res = try await h.send(route.method, route.sample, as: role)
                let got = Self.observed(res.status, location: res.headers.first(name: .location))
                var want = Self.expected(route, role)
                // Partner auditors have no dashboards: their home page refuses them until audits exist.
                if route.name == "home", role == .partnerAuditor, !WebFeatures.hasAudits { want = .forbidden }
                // The sign-in form needs its own form token (login forgery), which this walk does not send.
                if route.name == "sign-in-submit" { want = .forbidden }
                if got != want { mismatches.append("\(route.method) \(route.sample) as \(role?.rawValue ?? "nobody"): \(res.status.code), wanted \(want)") }
                #expect(res.status != .internalServerError, "\(route.method) \(route.sample) as \(role?.rawValue ?? "nobody") failed")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        await h.shutdown()
    }

    @Test func formsWithoutTheSessionsTokenAreRefused() async throws {
        let h = try await WebHarness.start(importData: false)
        for route in SiteRoute.all where route.protection == .csrfForm && route.access != .everyone {
            let res = try await h.send(route.method, route.sample, as: .administrator, csrf: false)
            #expect(res.status == .forbidden, "\(route.path) accepted a form without its CSRF token")
        }
        await h.shutdown()
    }
}
