import Foundation
import Testing
@testable import OversightViews

@Suite struct LayoutTests {
    static let chrome = PageChrome(
        title: "Overview", authorityName: "Sampleton \(Samples.hostile)",
        navigation: [NavItem(label: "Overview", href: SiteURL.overview, isCurrent: true), NavItem(label: "Measures", href: SiteURL.measures)],
        user: SignedInUser(name: "Amy \(Samples.hostile)", role: "Performance analyst"),
        csrfToken: "token-123", isSyntheticData: true,
        breadcrumbs: [Breadcrumb("Home", href: "/")])

    @Test func documentHasTitleSkipLinkMainAndFooter() {
        let doc = Layout.page(Self.chrome, content: HTML.el("h1", text: "Overview"))
        #expect(doc.hasPrefix("<!DOCTYPE html>"))
        #expect(doc.contains("<html lang=\"en-GB\">"))
        #expect(doc.contains("<title>Overview \u{2013} Oversight</title>"))
        #expect(doc.contains("<a href=\"#main\" class=\"ov-skip-link\">Skip to main content</a>"))
        #expect(doc.contains("<main id=\"main\""))
        #expect(doc.contains("<footer"))
        #expect(doc.contains("/assets/oversight.css?v=\(Assets.version)"))
    }

    @Test func headerShowsUserRoleAndASignOutFormWithTheToken() {
        let doc = Layout.page(Self.chrome, content: .empty)
        #expect(doc.contains("Performance analyst"))
        #expect(doc.contains("<form method=\"post\" action=\"/sign-out\""))
        #expect(doc.contains("<input type=\"hidden\" name=\"csrf\" value=\"token-123\">"))
        #expect(!doc.contains("<script>"))
        #expect(doc.contains("Amy &lt;script&gt;"))
    }

    @Test func navigationMarksTheCurrentSection() {
        let doc = Layout.page(Self.chrome, content: .empty)
        #expect(doc.contains("<a href=\"/\" class=\"ov-nav__link\" aria-current=\"page\">Overview</a>"))
        #expect(doc.contains("<a href=\"/measures\" class=\"ov-nav__link\">Measures</a>"))
        #expect(Check.count("aria-current=\"page\"", in: doc) == 1)
    }

    @Test func phaseBannerOnlyWhenSynthetic() {
        #expect(Layout.page(Self.chrome, content: .empty).contains("Synthetic data"))
        var real = Self.chrome
        real.isSyntheticData = false
        #expect(!Layout.page(real, content: .empty).contains("Synthetic data"))
    }

    @Test func noNavigationOrSignOutWhenNobodyIsSignedIn() {
        let doc = Layout.page(PageChrome(title: "Sign in", authorityName: "Sampleton"), content: .empty)
        #expect(!doc.contains("ov-nav"))
        #expect(!doc.contains("/sign-out"))
    }

    @Test func stylesheetIsBundledAndVersioned() throws {
        let css = try #require(Assets.file(named: "oversight.css"))
        let text = String(decoding: css, as: UTF8.self)
        #expect(text.contains(".ov-table"))
        #expect(text.contains("@media print"))
        #expect(Assets.version.count == 16)
        #expect(Assets.file(named: "../Package.swift") == nil)
        #expect(Assets.file(named: "missing.css") == nil)
    }
}
