/// Everything around a page's main content: who is signed in, where they are, what the service
/// says about itself. The web app fills it for each request.
public struct PageChrome: Sendable {
    /// The page's own title; the document title is "title – Oversight".
    public var title: String
    /// The local authority's name, shown beside the service name.
    public var authorityName: String
    /// The main navigation, in order; an empty list shows none (the sign-in page).
    public var navigation: [NavItem]
    /// The signed-in user; nil on the sign-in and error pages when nobody is signed in.
    public var user: SignedInUser?
    /// The CSRF token the sign-out form posts.
    public var csrfToken: String
    /// Whether to show the "Synthetic data" phase banner.
    public var isSyntheticData: Bool
    /// Breadcrumbs, outermost first; the current page is not included.
    public var breadcrumbs: [Breadcrumb]

    public init(
        title: String, authorityName: String, navigation: [NavItem] = [], user: SignedInUser? = nil,
        csrfToken: String = "", isSyntheticData: Bool = false, breadcrumbs: [Breadcrumb] = []
    ) {
        self.title = title; self.authorityName = authorityName; self.navigation = navigation; self.user = user
        self.csrfToken = csrfToken; self.isSyntheticData = isSyntheticData; self.breadcrumbs = breadcrumbs
    }
}

/// One item of the main navigation. The web app makes the list from its route table, showing a
/// section exactly when the section's route admits the user's role.
public struct NavItem: Sendable, Hashable {
    /// The section's name.
    public var label: String
    /// The section's link.
    public var href: String
    /// Whether the current page is in this section (marked with `aria-current="page"`).
    public var isCurrent: Bool
    /// An item; `isCurrent` marks the section of the page being shown.
    public init(label: String, href: String, isCurrent: Bool = false) {
        self.label = label; self.href = href; self.isCurrent = isCurrent
    }
}

/// The signed-in user as the header shows them.
public struct SignedInUser: Sendable, Hashable {
    public var name: String
    /// The role in words ("Performance analyst", "Board member").
    public var role: String
    public init(name: String, role: String) { self.name = name; self.role = role }
}

/// One step of the breadcrumbs.
public struct Breadcrumb: Sendable, Hashable {
    public var label: String
    public var href: String
    public init(_ label: String, href: String) { self.label = label; self.href = href }
}
