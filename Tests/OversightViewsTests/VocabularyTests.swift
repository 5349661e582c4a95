import OversightCore
@testable import OversightViews
import Testing

/// Issue 18: "The screen says 'Worse than last year' where the board pack says 'AMBER,
/// Worsening'; 'No target' on screen is 'MONITOR' in the pack." One vocabulary now: a status
/// and a trend read the same on the pages, in the board pack and in the report downloads.
@Suite struct VocabularyTests {
    @Test func aStatusReadsTheSameOnScreenAndInThePack() {
        for status in KPIStatus.allCases {
            #expect(StatusTag.render(status).markup.contains(">\(status.words)<"), "screen: \(status)")
            #expect(ReportDocument.tag(status).markup.contains(">\(status.words)<"), "pack: \(status)")
        }
        #expect(KPIStatus.monitor.words == "No target" && KPIStatus.amber.words == "Close to target")
        #expect(!ReportDocument.stylesheet.contains("uppercase"), "the pack shouts its tags")
    }

    @Test func aTrendReadsTheSameOnScreenAndInThePack() {
        for trend in Trend.allCases where trend != .unknown {
            let screen = KPITile.trendWords(trend, from: 10, to: trend == .same ? 10 : 12, unit: .count).words
            #expect(screen.hasPrefix(trend.words), "screen: \(screen)")
            #expect(ReportDocument.trend(trend).hasSuffix(" " + trend.words), "pack: \(ReportDocument.trend(trend))")
        }
        #expect(Trend.worsening.words(than: "last year") == "Worse than last year")
        #expect(Trend.same.words(than: "last year") == "Same as last year")
    }
}
