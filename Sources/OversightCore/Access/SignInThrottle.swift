import Foundation

/// When repeated failed sign-ins lock an account for a while.
///
/// After `maximumFailures` failures in a row the account is locked for `lockout`; a success resets
/// the count. The lock applies whatever password is then given, so guessing gains nothing.
public struct SignInThrottle: Sendable {
    /// Failures in a row that lock the account.
    public var maximumFailures: Int
    /// How long a lock lasts.
    public var lockout: TimeInterval
    public init(maximumFailures: Int = 5, lockout: TimeInterval = 15 * 60) {
        self.maximumFailures = maximumFailures; self.lockout = lockout
    }

    /// Whether an account locked until `lockedUntil` is still locked at `now`.
    public func isLocked(lockedUntil: Date?, now: Date) -> Bool {
        guard let lockedUntil else { return false }
        return now < lockedUntil
    }

    /// The state after one more failure: the new failure count, and the lock's end when this
    /// failure reaches the limit.
    public func afterFailure(failures: Int, now: Date) -> (failures: Int, lockedUntil: Date?) {
        let n = failures + 1
        return n >= maximumFailures ? (0, now.addingTimeInterval(lockout)) : (n, nil)
    }
}
