import Foundation
import Vapor

/// Writes every refusal (403) to the activity log: who (the signed-in user, or nobody) and the
/// method and path refused, never the query or the body. Refusals of signed-in users go to their
/// authority's log; others to the log of no authority ("").
struct RefusalLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            let response = try await next.respond(to: request)
            if response.status == .forbidden { await record(request) }
            return response
        } catch let abort as any AbortError where abort.status == .forbidden {
            await record(request)
            throw abort
        }
    }

    func record(_ request: Request) async {
        let user = request.user
        let target = "\(request.method.rawValue) \(String(request.url.path.prefix(300)))"
        try? await request.services.accounts.record(
            authority: user?.authority ?? "", user: user?.username ?? "", action: "refused (403)",
            target: target, isChildLevel: false)
    }
}
