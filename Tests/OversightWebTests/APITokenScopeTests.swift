import Foundation
import OversightCore
import OversightStore
@testable import OversightWeb
import Testing
import Vapor
import VaporTesting

/// Issue 16, finding 7: a read-only API token reads and can change nothing, whatever route might
/// one day accept a change; an expired or revoked token is refused.
@Suite(.serialized) struct APITokenScopeTests {
    @Test func aReadOnlyTokenMayOnlyRead() async throws {
        let h = try await WebHarness.start(importData: false)
        let accounts = h.store.accounts(hasher: TestHasher())
        let readOnly = try await accounts.createAPIToken(username: "user-administrator", authority: WebFixtures.authority, name: "reader", readOnly: true)
        // A route that changes something, as an API route might: POST to the imports.
        let probe = SiteRoute("probe", .POST, .apiImports, .dataTeam) { _ in Response(status: .created) }
        h.app.on(.POST, "api", "v1", "imports") { req async throws -> Response in
            try await Gate.check(req, probe)
            return try await probe.handler(req)
        }
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: readOnly)
        #expect(try await h.app.testing().sendRequest(.GET, "/api/v1/imports", headers: headers).status == .ok)
        #expect(try await h.app.testing().sendRequest(.POST, "/api/v1/imports", headers: headers).status == .forbidden)
        headers.bearerAuthorization = BearerAuthorization(token: h.apiTokens[.administrator]!)
        #expect(try await h.app.testing().sendRequest(.POST, "/api/v1/imports", headers: headers).status == .created)

        let tokens = try await accounts.apiTokens(authority: WebFixtures.authority, username: "user-administrator")
        try await accounts.revokeAPIToken(id: try #require(tokens.first { $0.name == "reader" }).id, authority: WebFixtures.authority)
        headers.bearerAuthorization = BearerAuthorization(token: readOnly)
        #expect(try await h.app.testing().sendRequest(.GET, "/api/v1/imports", headers: headers).status == .unauthorized)
        await h.shutdown()
    }
}
