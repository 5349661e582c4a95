import Foundation
import NIOPosix

/// Where password hashing (bcrypt, a quarter of a second of one core at cost 12) runs: on two
/// threads of its own, never on the event loops that serve requests nor on Swift's shared
/// cooperative threads. A burst of unauthenticated sign-in attempts therefore queues here and
/// cannot take the server's threads; past `maximumQueued` waiting, attempts are refused with
/// `Busy` at once rather than queued.
public enum PasswordHashingPool {
    /// Hashes that may run at once.
    public static let threadCount = 2
    /// Attempts that may wait for a thread; more are refused.
    public static let maximumQueued = 128

    /// Too many password checks are waiting: try again shortly.
    public struct Busy: Error, CustomStringConvertible, Sendable {
        public var description: String { "too many sign-ins are being checked at once; try again in a minute" }
    }

    private static let pool: NIOThreadPool = {
        let p = NIOThreadPool(numberOfThreads: threadCount)
        p.start()
        return p
    }()
    private static let waiting = WaitingCount()
    private static let marker = "oversight.password-hashing"

    /// Runs `body` on one of the pool's threads and returns its result.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        guard waiting.enter(limit: threadCount + maximumQueued) else { throw Busy() }
        defer { waiting.leave() }
        return try await pool.runIfActive {
            Thread.current.threadDictionary[marker] = true
            defer { Thread.current.threadDictionary.removeObject(forKey: marker) }
            return try body()
        }
    }

    /// Whether the calling thread is one of the pool's, inside `run` (for tests).
    public static var isCurrentThreadInPool: Bool { Thread.current.threadDictionary[marker] != nil }
}

/// A count of work handed to the pool and not finished.
private final class WaitingCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func enter(limit: Int) -> Bool {
        lock.withLock {
            guard count < limit else { return false }
            count += 1
            return true
        }
    }
    func leave() { lock.withLock { count -= 1 } }
}
