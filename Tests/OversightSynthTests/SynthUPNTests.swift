import Foundation
import OversightCore
@testable import OversightFormats
@testable import OversightSynth
import Testing

/// Synthetic children's UPNs carry a real authority's code (issue 15): the authority's own when
/// it is one, a real one otherwise (code 999) and for a national-scale year, whose children come
/// from every authority; and an absurd scale is refused.
@Suite struct SynthUPNTests {
    func code(_ upn: String) -> String { String(Array(upn)[1...3]) }

    @Test func upnsCarryARealAuthoritysCodeAndAValidCheckLetter() {
        #expect(code(SynthCodes.upn(la: 358, serial: 7)) == "358")
        let madeUp = (0..<500).map { SynthCodes.upn(la: 999, serial: $0) }
        #expect(madeUp.allSatisfy { CINCodeLists.upnAuthorityCodes.contains(code($0)) })
        let national = (0..<500).map { SynthCodes.upn(la: 358, serial: $0, spread: true) }
        #expect(national.allSatisfy { CINCodeLists.upnAuthorityCodes.contains(code($0)) })
        #expect(Set(national.map(code)).count > 100)
        // The check letter is the one rule 1510 expects, and every UPN is different.
        #expect((madeUp + national).allSatisfy { CINUPN.expectedCheckLetter($0) == $0.first })
        #expect(Set(madeUp).count == 500)
    }

    @Test func anAbsurdScaleIsRefused() {
        #expect(SynthScale(parsing: "400") == .factor(400))
        #expect(SynthScale(parsing: "20000") == nil && SynthScale(parsing: "0") == nil && SynthScale(parsing: "national") == .national)
    }
}
