import Foundation
import Testing
import OversightCore
@testable import OversightViews

@Suite struct MeasureGlossaryTests {
    /// The repository's own docs/measures.md, found from this file's place (two folders up).
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/measures.md")

    @Test func bundledDefinitionsMatchTheDocs() throws {
        let text = try String(contentsOf: Self.docs, encoding: .utf8)
        let expected = MeasureGlossary.excerpt(ofDocs: text)
        #expect(!expected.isEmpty)
        // To refresh the bundle after editing the docs:
        // sed -n '/^## From the CIN census/,/^## Decisions/p' docs/measures.md | sed '$d' > Sources/OversightViews/Assets/measure-definitions.md
        #expect(MeasureGlossary.bundledText == expected, "Sources/OversightViews/Assets/measure-definitions.md differs from docs/measures.md")
    }

    @Test func everyCatalogueMeasureHasAnEntryAndEveryComputedOneADefinition() {
        for m in MeasureCatalogue.all {
            #expect(MeasureGlossary.entry(m.id)?.definition != nil, "no definition in docs/measures.md for \(m.id)")
        }
        for m in MeasureCatalogue.qualityAssurance + HandEnteredMeasures.all {
            #expect(MeasureGlossary.entry(m.id)?.title == m.title)
        }
        #expect(MeasureGlossary.entry("no_such_measure") == nil)
    }

    @Test func groupTemplatesCoverEachGroup() throws {
        let e = try #require(MeasureGlossary.entry("assessment_factor_pct_da"))
        #expect(e.title == "Assessments where domestic abuse is a factor")
        #expect(e.definition?.contains("`da` 3A/3B/3C") == true)
        #expect(e.section == "From the CIN census")
        #expect(MeasureGlossary.entry("referral_source_pct_police")?.fields == "`ReferralSource`")
    }

    @Test func sectionNotesCarryTheSectionsPreamble() throws {
        let e = try #require(MeasureGlossary.entry("cla_at_end"))
        #expect(e.sectionNotes?.contains("Short-break episodes (legal status V3 or V4) are left out") == true)
    }

    @Test func inlineMarkdownIsEscaped() {
        #expect(MeasureGlossary.inline("Of *due* `a<b` & c").markup == "Of <em>due</em> <code>a&lt;b</code> &amp; c")
    }

    @Test func rowsSplitOnPipesOutsideCode() {
        #expect(MeasureGlossary.splitRow("| `a|b` | two | three |") == ["`a|b`", "two", "three"])
    }
}
