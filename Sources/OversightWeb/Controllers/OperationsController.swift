import Foundation
import OversightStore
import Vapor

/// The operator's routes: liveness, readiness and metrics. None needs a session; none shows data.
enum OperationsController {
    /// GET /healthz: 200 "ok" while the process serves; touches nothing else.
    static func healthz(_ req: Request) async throws -> Response {
        plain(.ok, "ok\n")
    }

    /// GET /readyz: 200 "ready" when the store answers and every migration is applied; 503 with
    /// what is wrong otherwise (a load balancer stops sending requests until it is ready again).
    static func readyz(_ req: Request) async throws -> Response {
        if let problem = await req.services.store.readinessProblem() { return plain(.serviceUnavailable, "not ready: \(problem)\n") }
        return plain(.ok, "ready\n")
    }

    /// GET /metrics: the Prometheus exposition, only with `Authorization: Bearer` the metrics
    /// token (`--metrics-token` or `OVERSIGHT_METRICS_TOKEN`); 404 when no token is set, so a
    /// server started without one shows no metrics at all.
    static func metrics(_ req: Request) async throws -> Response {
        guard let token = req.services.options.metricsToken, !token.isEmpty else { throw Abort(.notFound) }
        guard let sent = req.headers.bearerAuthorization?.token, Gate.constantTimeEqual(sent, token) else {
            let response = plain(.unauthorized, "Give the metrics token: Authorization: Bearer TOKEN\n")
            response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"metrics\"")
            return response
        }
        let response = plain(.ok, req.services.metrics.emit())
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return response
    }

    private static func plain(_ status: HTTPResponseStatus, _ text: String) -> Response {
        let response = Response(status: status, body: .init(string: text))
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; charset=utf-8")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
