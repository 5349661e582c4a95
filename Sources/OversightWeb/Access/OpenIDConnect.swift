import Crypto
import Foundation
import JWTKit
import Vapor

/// What an OpenID provider publishes at `ISSUER/.well-known/openid-configuration` (the parts used).
struct ProviderMetadata: Codable, Sendable {
    var issuer: String
    var authorizationEndpoint: String
    var tokenEndpoint: String
    var jwksURI: String

    enum CodingKeys: String, CodingKey {
        case issuer
        case authorizationEndpoint = "authorization_endpoint"
        case tokenEndpoint = "token_endpoint"
        case jwksURI = "jwks_uri"
    }
}

/// The claims of an ID token that are checked (OpenID Connect Core 1.0, section 3.1.3.7).
struct IDTokenClaims: JWTPayload {
    var iss: IssuerClaim
    var aud: AudienceClaim
    var exp: ExpirationClaim
    var iat: IssuedAtClaim
    var sub: SubjectClaim
    var nonce: String?
    var azp: String?

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}

/// Why a single sign-on did not complete: `message` is for the person signing in, `logged` for the
/// activity log.
struct SingleSignOnFailure: Error {
    var message: String
    var logged: String
}

/// Providers' published settings and signing keys, cached for an hour; keys are fetched again at
/// once when a token names a key not yet seen (providers rotate keys).
actor OpenIDProviders {
    private var metadata: [String: (ProviderMetadata, Date)] = [:]
    private var keys: [String: (JWTKeyCollection, Date)] = [:]
    static let lifetime: TimeInterval = 3600

    /// The provider's settings; its `issuer` must be the one configured.
    func metadata(issuer: String, client: any Client) async throws -> ProviderMetadata {
        if let (m, at) = metadata[issuer], Date().timeIntervalSince(at) < Self.lifetime { return m }
        let address = issuer.hasSuffix("/") ? issuer + ".well-known/openid-configuration" : issuer + "/.well-known/openid-configuration"
        let response: ClientResponse
        do { response = try await client.get(URI(string: address)) } catch {
            throw SingleSignOnFailure(
                message: "Your council's sign-in service could not be reached. Try again later, or sign in with your password if your administrator allows it",
                logged: "provider settings could not be fetched")
        }
        guard response.status == .ok, let m = try? response.content.decode(ProviderMetadata.self, using: JSONDecoder()), m.issuer == issuer else {
            throw SingleSignOnFailure(
                message: "Your council's sign-in service answered in a way Oversight does not accept. Tell your Oversight administrator",
                logged: "provider settings unusable (status \(response.status.code), or issuer not \(issuer))")
        }
        metadata[issuer] = (m, Date())
        return m
    }

    /// The provider's signing keys (its JWKS), fetched again when `refresh` or older than an hour.
    func keys(issuer: String, jwksURI: String, client: any Client, refresh: Bool) async throws -> JWTKeyCollection {
        if !refresh, let (k, at) = keys[issuer], Date().timeIntervalSince(at) < Self.lifetime { return k }
        guard let response = try? await client.get(URI(string: jwksURI)), response.status == .ok,
            let body = response.body, let json = body.getString(at: body.readerIndex, length: body.readableBytes)
        else {
            throw SingleSignOnFailure(message: "Your council's sign-in service could not be reached. Try again later", logged: "provider keys could not be fetched")
        }
        let collection = JWTKeyCollection()
        do { try await collection.add(jwksJSON: json) } catch {
            throw SingleSignOnFailure(
                message: "Your council's sign-in service published keys Oversight cannot use. Tell your Oversight administrator", logged: "provider keys unusable")
        }
        keys[issuer] = (collection, Date())
        return collection
    }
}

/// The parts of OpenID Connect Oversight does itself: PKCE, the token request, and checking the
/// ID token (signature by the provider's published keys, issuer, audience, expiry, nonce).
enum OpenIDConnect {
    /// The S256 challenge of a PKCE verifier (RFC 7636 section 4.2).
    static func challenge(_ verifier: String) -> String {
        base64URL(Data(SHA256.hash(data: Data(verifier.utf8))))
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The address the browser is sent to at the provider.
    static func authorizationURL(_ m: ProviderMetadata, clientID: String, redirectURI: String, state: String, nonce: String, verifier: String) -> String {
        var c = URLComponents(string: m.authorizationEndpoint) ?? URLComponents()
        c.queryItems =
            (c.queryItems ?? []) + [
                URLQueryItem(name: "response_type", value: "code"), URLQueryItem(name: "client_id", value: clientID),
                URLQueryItem(name: "redirect_uri", value: redirectURI), URLQueryItem(name: "scope", value: "openid email profile"),
                URLQueryItem(name: "state", value: state), URLQueryItem(name: "nonce", value: nonce),
                URLQueryItem(name: "code_challenge", value: challenge(verifier)), URLQueryItem(name: "code_challenge_method", value: "S256"),
            ]
        // `+` means a space in a query: encode it (URLComponents leaves it as is).
        c.percentEncodedQuery = c.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return c.string ?? m.authorizationEndpoint
    }

    /// Exchanges the authorisation code for the ID token (client_secret_post, with the PKCE verifier).
    static func idToken(
        code: String, verifier: String, redirectURI: String, clientID: String, clientSecret: String, metadata m: ProviderMetadata, client: any Client
    ) async throws -> String {
        struct TokenRequest: Content {
            var grant_type = "authorization_code"
            var code: String
            var redirect_uri: String
            var client_id: String
            var client_secret: String
            var code_verifier: String
        }
        struct TokenResponse: Content { var id_token: String? }
        let response: ClientResponse
        do {
            response = try await client.post(URI(string: m.tokenEndpoint)) { r in
                try r.content.encode(
                    TokenRequest(code: code, redirect_uri: redirectURI, client_id: clientID, client_secret: clientSecret, code_verifier: verifier),
                    as: .urlEncodedForm)
            }
        } catch {
            throw SingleSignOnFailure(message: "Your council's sign-in service could not be reached. Try again", logged: "token request failed")
        }
        guard response.status == .ok, let token = (try? response.content.decode(TokenResponse.self, using: JSONDecoder()))?.id_token else {
            throw SingleSignOnFailure(
                message: "Your council's sign-in service did not confirm the sign-in. Start again", logged: "token request refused (status \(response.status.code))")
        }
        return token
    }

    /// Checks an ID token and returns the value of `claim` (a string claim) from it.
    static func verify(idToken: String, keys: JWTKeyCollection, issuer: String, clientID: String, nonce: String, claim: String, now: Date = Date()) async throws -> String {
        let claims: IDTokenClaims
        do { claims = try await keys.verify(idToken, as: IDTokenClaims.self) } catch {
            throw SingleSignOnFailure(message: "The sign-in could not be confirmed. Start again", logged: "ID token refused: signature, algorithm or expiry")
        }
        func refuse(_ why: String) -> SingleSignOnFailure { SingleSignOnFailure(message: "The sign-in could not be confirmed. Start again", logged: "ID token refused: \(why)") }
        guard claims.iss.value == issuer else { throw refuse("issuer") }
        guard claims.aud.value.contains(clientID) else { throw refuse("audience") }
        if claims.aud.value.count > 1, claims.azp != clientID { throw refuse("authorised party") }
        guard let n = claims.nonce, Gate.constantTimeEqual(n, nonce) else { throw refuse("nonce") }
        guard claims.iat.value.timeIntervalSince(now) < 300 else { throw refuse("issued in the future") }
        // The configured claim, read from the verified token's payload.
        let parts = idToken.split(separator: ".")
        guard parts.count == 3, let payload = Data(base64URL: String(parts[1])),
            let object = (try? JSONSerialization.jsonObject(with: payload)) as? [String: Any],
            let value = object[claim] as? String, !value.isEmpty
        else { throw refuse("no \(claim) claim") }
        return value
    }
}

extension Data {
    /// Bytes from base64url text without padding (RFC 4648 section 5).
    init?(base64URL text: String) {
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.count % 4 != 0 { s += "=" }
        self.init(base64Encoded: s)
    }
}
