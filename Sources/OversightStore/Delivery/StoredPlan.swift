import Foundation
import OversightCore

/// One stored version of an improvement plan.
public struct StoredPlan: Sendable, Hashable {
    /// The plan's own id (`trafford-2020`).
    public var key: String
    /// 1 for the first import of this plan id, then 2, 3, ...
    public var version: Int
    public var title: String
    /// Whether this is the authority's current plan.
    public var isCurrent: Bool
    /// Who imported it and when.
    public var by: String
    public var at: Date
    /// The plan file's text as imported.
    public var yaml: String
    public var plan: Plan
}
