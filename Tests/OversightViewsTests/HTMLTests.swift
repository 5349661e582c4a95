import Testing
@testable import OversightViews

@Suite struct HTMLTests {
    @Test func escapesMarkupInText() {
        #expect(HTML.text("<a href=\"x\">Tom & 'Jerry'</a>").markup == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
    }
}
