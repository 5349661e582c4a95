import Testing
@testable import OversightViews

@Suite struct SitePathTests {
    @Test func linkPutsEachValueInItsParameterAsOneEncodedSegment() {
        #expect(SitePath.measure.link("rereferrals_12m_pct") == "/measures/rereferrals_12m_pct")
        #expect(SitePath.child.link("A/B C") == "/children/A%2FB%20C")
        #expect(SitePath.auditActionDone.link("a1", "3") == "/audits/a1/actions/3/done")
        #expect(SitePath.auditActionDone.parameters == ["id", "number"])
    }

    @Test func linkWithoutParametersIsThePattern() {
        #expect(SitePath.overview.link() == "/")
        #expect(SitePath.measures.link() == "/measures")
        #expect(SitePath.overview.segments.isEmpty)
    }

    @Test func matchesTakesAnySegmentForAParameterAndNothingElse() {
        #expect(SitePath.measure.matches("/measures/x"))
        #expect(!SitePath.measure.matches("/measures"))
        #expect(!SitePath.measure.matches("/measures/"))
        #expect(!SitePath.measure.matches("/measures/x/series.csv"))
        #expect(SitePath.overview.matches("/"))
        #expect(!SitePath.overview.matches("/measures"))
        #expect(SitePath.measure.matches(SitePath.measure.link("a b")))
    }

    @Test func containsIsThePathOrBelowItSegmentBySegment() {
        #expect(SitePath.api.contains("/api"))
        #expect(SitePath.api.contains("/api/v1/kpis"))
        #expect(!SitePath.api.contains("/apiary"))
        #expect(!SitePath.api.contains("/measures"))
        #expect(SitePath.overview.contains("/anything"))
    }

    @Test func aLinkBuilderMeetsItsPattern() {
        #expect(SiteURL.ambition(3) == "/ambitions/3")
        #expect(SiteURL.userDisable("a.b") == "/users/a.b/disable")
        #expect(SiteURL.stylesheet == "/assets/oversight.css?v=\(Assets.version)")
    }
}
