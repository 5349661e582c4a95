import Foundation
import Synchronization
import Vapor

/// Failures counted per client address over a fixed window: once an address has `limit` failures
/// in the current window, its requests of that kind are refused (429) until the window ends,
/// before any password is checked or any token looked up. Failures only are counted, so an office
/// signing in through one address is not stopped by its successful sign-ins.
///
/// One per process: behind several processes each counts its own share, so the limit an address
/// meets is at most the process count times `limit`. The per-name lockout (`SignInThrottle`) is in
/// the store and holds across processes.
final class ClientRateLimit: Sendable {
    let limit: Int
    let window: TimeInterval
    private let counts = Mutex<[String: (start: Date, failures: Int)]>([:])

    init(limit: Int, window: TimeInterval) {
        self.limit = limit; self.window = window
    }

    /// Whether `client` has used up its failures in the current window.
    func isBlocked(_ client: String, now: Date) -> Bool {
        counts.withLock { c in
            guard let entry = c[client], now.timeIntervalSince(entry.start) < window else { return false }
            return entry.failures >= limit
        }
    }

    /// Counts one failure of `client`; returns its failures in the current window.
    @discardableResult
    func recordFailure(_ client: String, now: Date) -> Int {
        counts.withLock { c in
            if c.count > 50_000 { c = c.filter { now.timeIntervalSince($0.value.start) < window } }
            let entry: (start: Date, failures: Int) = c[client].flatMap { now.timeIntervalSince($0.start) < window ? $0 : nil } ?? (now, 0)
            c[client] = (entry.start, entry.failures + 1)
            return entry.failures + 1
        }
    }
}

extension Request {
    /// The client's address: the connection's peer, or, with `--trust-proxy` (Oversight behind
    /// nginx on the same machine), the last address of `X-Forwarded-For`, which the proxy
    /// appends and the client cannot choose. "unknown" when there is none.
    var clientAddress: String {
        if services.options.trustProxy,
            let forwarded = headers.first(name: .xForwardedFor)?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
            !forwarded.isEmpty
        {
            return forwarded
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}
