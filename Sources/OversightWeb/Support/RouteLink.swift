import Synchronization
import OversightCore
import OversightViews

/// A link to a GET route without parameters, named by the route: it is offered to a role exactly
/// when the route's access allows the role, so a menu never decides by role on its own and never
/// links to a page its reader would be refused.
struct RouteLink: Sendable, Hashable {
    /// The words of the link.
    let label: String
    /// The route it follows.
    let route: SiteRoute

    /// The link to the route named `routeName` (a programming error when there is none, or when its
    /// path has parameters).
    init(_ label: String, route routeName: String) {
        let route = SiteRoute.named(routeName)
        precondition(route.path.parameters.isEmpty, "route \(routeName) needs values for its path")
        self.label = label; self.route = route
    }

    /// The link's target.
    var href: String { route.path.link() }

    /// Whether a user of `role` may follow the link: the route's access allows the role.
    func isOffered(to role: Role) -> Bool { route.access.allows(role) }

    /// The links of `links` that a user of `role` may follow, in order.
    static func offered(_ links: [RouteLink], to role: Role) -> [RouteLink] { links.filter { $0.isOffered(to: role) } }
}

/// The main navigation: the service's sections in order, each naming its route.
enum Navigation {
    /// Overview, Region, Measures, Lists, Clinics, Data, Audits, Feedback, Plan, Reports, Activity log, Users. The overview's route
    /// admits everyone signed in (partner auditors land on their audits from it).
    static let sections: [RouteLink] = [
        RouteLink("Overview", route: "home"),
        RouteLink("Region", route: "region"),
        RouteLink("Measures", route: "measures"),
        RouteLink("Lists", route: "lists"),
        RouteLink("Clinics", route: "clinics"),
        RouteLink("Data", route: "data"),
        RouteLink("Audits", route: "audits"),
        RouteLink("Feedback", route: "feedback"),
        RouteLink("Plan", route: "plan"),
        RouteLink("Reports", route: "reports"),
        RouteLink("Activity log", route: "activity"),
        RouteLink("Users", route: "users"),
    ]

    /// The sections a user of `role` may use, the one labelled `current` marked; none for nobody
    /// signed in.
    static func items(for role: Role?, current: String?) -> [NavItem] {
        guard let role else { return [] }
        let key = "\(role.rawValue)|\(current ?? "")"
        if let made = madeItems.withLock({ $0[key] }) { return made }
        let made = RouteLink.offered(sections, to: role).map { NavItem(label: $0.label, href: $0.href, isCurrent: $0.label == current) }
        madeItems.withLock { $0[key] = made }
        return made
    }

    /// The items made for each role and current section (a route's access never changes while serving).
    private static let madeItems = Mutex<[String: [NavItem]]>([:])
}
