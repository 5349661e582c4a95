import Foundation
import Logging
import OversightFormats
import Prometheus
import Synchronization
import Vapor

/// What an operator can see of the running service: Prometheus metrics (`/metrics`, behind a
/// token) and one log line per request, each carrying the request's id.
///
/// Nothing personal reaches either: requests are named by their route (`child`, never the
/// child's id in the address), statuses and timings are numbers, and no username, query string,
/// form field or child's identifier is logged or labelled.
final class WebMetrics: Sendable {
    /// The collector registry `/metrics` emits (one per application, so tests do not share one).
    let registry = PrometheusCollectorRegistry()

    /// A metric's name under the `oversight` namespace: `oversight_<name>_<unit>`.
    static func descriptor(_ name: String, unit: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "oversight", metricName: name, unitName: unit, helpText: help)
    }

    /// Bucket bounds of the request latency histogram, in seconds.
    static let latencyBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    /// One request answered: counted by route, method and status; its time by route.
    func request(route: String, method: String, status: UInt, duration: Duration) {
        let key = "\(route) \(method) \(status)"
        let known = requestCollectors.withLock { $0[key] }
        let (counter, histogram) =
            known
            ?? (
                registry.makeCounter(
                    descriptor: Self.descriptor("http_requests", unit: "total", help: "Requests answered, by route name, method and status"),
                    labels: [("route", route), ("method", method), ("status", String(status))]),
                registry.makeDurationHistogram(
                    descriptor: Self.descriptor("http_request_duration", unit: "seconds", help: "Time from a request's arrival to its response, by route name"),
                    labels: [("route", route)], buckets: Self.latencyBuckets)
            )
        if known == nil { requestCollectors.withLock { $0[key] = (counter, histogram) } }
        counter.increment()
        histogram.record(duration)
    }

    /// The collectors of each route, method and status seen, so a request finds its own with one look-up.
    private let requestCollectors = Mutex<[String: (Counter, DurationHistogram)]>([:])

    /// A sign-in refused: `reason` is one of "wrong-credentials", "locked", "disabled".
    func signInFailure(reason: String) {
        registry.makeCounter(descriptor: Self.descriptor("sign_in_failures", unit: "total", help: "Sign-ins refused, by reason"), labels: [("reason", reason)]).increment()
    }

    /// An import through the web finished: `outcome` is "imported", "unchanged" or "failed".
    func importFinished(outcome: String) {
        registry.makeCounter(descriptor: Self.descriptor("imports", unit: "total", help: "Imports through the web, by outcome"), labels: [("outcome", outcome)]).increment()
    }

    /// A job finished: `kind` "import" or "board-pack"; `outcome` "done", "done-without-pdf" or "failed".
    func job(kind: String, outcome: String) {
        registry.makeCounter(
            descriptor: Self.descriptor("jobs", unit: "total", help: "Background jobs finished, by kind and outcome"), labels: [("kind", kind), ("outcome", outcome)]
        )
        .increment()
    }

    /// A look-up in the rendered-HTML caches: `cache` is "page" (whole pages) or "content" (a page's main part).
    func cache(_ cache: String, hit: Bool) {
        registry.makeCounter(
            descriptor: Self.descriptor("cache_lookups", unit: "total", help: "Look-ups in the rendered page caches, by cache and result"),
            labels: [("cache", cache), ("result", hit ? "hit" : "miss")]
        ).increment()
    }

    /// The exposition text, with the gauges read at scrape time set first.
    func emit() -> String {
        registry.makeGauge(descriptor: Self.descriptor("up", unit: "", help: "1 while the server answers")).set(to: 1.0)
        return registry.emitToString()
    }
}

/// The id of a request, in logs and the `X-Request-Id` response header: the one the proxy in
/// front sent when it is a plain token (letters, digits, '-', 8 to 64 of them), else a new one.
enum RequestID {
    static let header = "X-Request-Id"

    static func of(_ request: Request) -> String {
        if let sent = request.headers.first(name: header), (8...64).contains(sent.utf8.count),
            sent.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) })
        {
            return sent
        }
        return (0..<8).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }
}

struct RouteNameKey: StorageKey { typealias Value = String }

extension Request {
    /// The name of the route answering the request (`SiteRoute.name`), once routing has found it.
    var routeName: String? {
        get { storage[RouteNameKey.self] }
        set { storage[RouteNameKey.self] = newValue }
    }
}

/// The outermost middleware: gives the request its id (in its logger's metadata and the
/// response's `X-Request-Id`), then logs one line when it is answered, with the route's name,
/// method, status and milliseconds, and counts it in the metrics. Written with futures, not
/// async: an async middleware starts a task of its own for every request.
struct RequestLogMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let started = ContinuousClock.now
        let id = RequestID.of(request)
        request.logger[metadataKey: "request_id"] = .string(id)
        return next.respond(to: request).map { response in
            response.headers.replaceOrAdd(name: RequestID.header, value: id)
            log(request, status: response.status.code, started: started)
            return response
        }.flatMapErrorThrowing { error in
            log(request, status: HTTPResponseStatus.internalServerError.code, started: started)
            throw error
        }
    }

    private func log(_ request: Request, status: UInt, started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let route = request.routeName ?? "unrouted"
        request.services.metrics.request(route: route, method: request.method.rawValue, status: status, duration: elapsed)
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        request.services.requestLogger.info(
            "request",
            metadata: [
                "request_id": request.logger[metadataKey: "request_id"] ?? "",
                "route": .string(route), "method": .string(request.method.rawValue), "status": .stringConvertible(status),
                "ms": .string(String(format: "%.1f", ms)),
            ])
    }
}

/// Log lines as JSON objects, one a line, on standard error: `time` (ISO 8601, UTC, milliseconds),
/// `level`, `logger` (the label), `message`, and the metadata's keys. For `serve`, so a log
/// collector reads fields rather than parsing text.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    let write: @Sendable (String) -> Void

    init(label: String, write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) {
        self.label = label; self.write = write
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields: [String: String] = [:]
        let all = metadata.merging(metadataProvider?.get() ?? [:]) { a, _ in a }.merging(event.metadata ?? [:]) { _, b in b }
        for (k, v) in all { fields[k] = "\(v)" }
        fields["time"] = Self.time(Date())
        fields["level"] = event.level.rawValue
        fields["logger"] = label
        fields["message"] = "\(event.message)"
        write(Self.object(fields))
    }

    /// A JSON object of string fields, keys in order, on one line (the project's own JSON
    /// writer: JSONSerialization took a sixth of the server's time at a line per request).
    static func object(_ fields: [String: String]) -> String {
        JSONValue.object(fields.keys.sorted().map { ($0, .string(fields[$0]!)) }).text(pretty: false)
    }

    static func time(_ date: Date) -> String {
        Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(date)
    }
}
