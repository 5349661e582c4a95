import Foundation

extension Store {
    /// Plan actions of one authority, with their updates, evidence and history.
    public func actions(authority: String, clock: @escaping @Sendable () -> Date = { Date() }) -> ActionRepository {
        ActionRepository(store: self, authority: authority, clock: clock)
    }

    /// Hand-entered measure values of one authority, with the history of corrections.
    public func handEntries(authority: String, clock: @escaping @Sendable () -> Date = { Date() }) -> HandEntryRepository {
        HandEntryRepository(store: self, authority: authority, clock: clock)
    }

    /// Improvement plans of one authority (several, one current), their target changes and the
    /// leads' commentary.
    public func plans(authority: String, clock: @escaping @Sendable () -> Date = { Date() }) -> PlanRepository {
        PlanRepository(store: self, authority: authority, clock: clock)
    }
}
