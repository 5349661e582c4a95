import OversightCore

/// Links the pages write most, as thin builders over `SitePath` (where every path of the site is
/// written once, and from which the web app registers its routes), so a link and its route cannot
/// drift apart. Any other link: `SitePath.<path>.link(values...)`.
public enum SiteURL {
    /// The overview (`/`).
    public static var overview: String { SitePath.overview.link() }
    /// The sign-in page.
    public static var signIn: String { SitePath.signIn.link() }
    /// Signing out (POST).
    public static var signOut: String { SitePath.signOut.link() }
    /// The regional page.
    public static var region: String { SitePath.region.link() }
    /// The regional page's table as CSV.
    public static var regionCSV: String { SitePath.regionCSV.link() }
    /// The measure catalogue.
    public static var measures: String { SitePath.measures.link() }
    /// The imports.
    public static var data: String { SitePath.data.link() }
    /// The upload form.
    public static var upload: String { SitePath.upload.link() }
    /// The user's audits.
    public static var audits: String { SitePath.audits.link() }
    /// The plan.
    public static var plan: String { SitePath.plan.link() }
    /// The reports.
    public static var reports: String { SitePath.reports.link() }
    /// The activity log.
    public static var activity: String { SitePath.activity.link() }
    /// The users.
    public static var users: String { SitePath.users.link() }
    /// The stylesheet, with the assets' version for cache-busting.
    public static var stylesheet: String { asset("oversight.css") }
    /// A bundled file (`Assets.served`), with the assets' version for cache-busting.
    public static func asset(_ name: String) -> String { SitePath.asset.link(name) + "?v=\(Assets.version)" }

    /// An ambition of the plan (`/ambitions/3`).
    public static func ambition(_ number: Int) -> String { SitePath.ambition.link(String(number)) }
    /// A measure's page (`/measures/rereferrals_12m_pct`).
    public static func measure(_ id: String) -> String { SitePath.measure.link(id) }
    /// A child's timeline (`/children/C1234`).
    public static func child(_ id: String) -> String { SitePath.child.link(id) }
    /// One import (`/data/imports/12`).
    public static func importDetail(_ id: String) -> String { SitePath.importDetail.link(id) }
    /// Undo an import (POST).
    public static func importUndo(_ id: String) -> String { SitePath.importUndo.link(id) }
    /// Disable a user (POST).
    public static func userDisable(_ name: String) -> String { SitePath.userDisable.link(name) }
    /// Reset a user's password (POST).
    public static func userResetPassword(_ name: String) -> String { SitePath.userResetPassword.link(name) }
    public static func userResetAuthenticator(_ name: String) -> String { SitePath.userResetAuthenticator.link(name) }
}
