import OversightCore

/// Every link the pages write. The web app registers its routes with the same paths, so a link
/// and its route cannot drift apart.
public enum SiteURL {
    public static let overview = "/"
    public static let signIn = "/sign-in"
    public static let signOut = "/sign-out"
    public static let measures = "/measures"
    public static let data = "/data"
    public static let upload = "/data/upload"
    public static let audits = "/audits"
    public static let plan = "/plan"
    public static let reports = "/reports"
    public static let activity = "/activity"
    public static let users = "/users"
    /// The stylesheet, with the assets' version for cache-busting.
    public static var stylesheet: String { "/assets/oversight.css?v=\(Assets.version)" }

    /// An ambition of the plan (`/ambitions/3`).
    public static func ambition(_ number: Int) -> String { "/ambitions/\(number)" }
    /// A measure's page (`/measures/rereferrals_12m_pct`).
    public static func measure(_ id: String) -> String { "/measures/" + Query.segment(id) }
    /// A measure's drill-down as CSV; `list` is `numerator` or `denominator`.
    public static func measureCSV(_ id: String, list: String) -> String { "/measures/" + Query.segment(id) + "/\(list).csv" }
    /// A child's timeline (`/children/C1234`).
    public static func child(_ id: String) -> String { "/children/" + Query.segment(id) }
    /// One import (`/data/imports/12`).
    public static func importDetail(_ id: String) -> String { "/data/imports/" + Query.segment(id) }
    /// One import's findings as CSV.
    public static func importFindingsCSV(_ id: String) -> String { "/data/imports/" + Query.segment(id) + "/findings.csv" }
    /// Undo an import (POST).
    public static func importUndo(_ id: String) -> String { "/data/imports/" + Query.segment(id) + "/undo" }
    /// The activity log as CSV.
    public static let activityCSV = "/activity.csv"
    /// Disable a user (POST).
    public static func userDisable(_ name: String) -> String { "/users/" + Query.segment(name) + "/disable" }
    /// Reset a user's password (POST).
    public static func userResetPassword(_ name: String) -> String { "/users/" + Query.segment(name) + "/reset-password" }
}
