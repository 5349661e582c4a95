import Testing
import OversightCore
@testable import OversightFormats

@Suite("CIN validator on malformed returns")
struct CINMalformedReturnTests {
    /// A small deterministic generator, so the test is the same every run.
    struct Lcg {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static let values = [
        "", " ", "0", "1", "true", "x", "2024-02-30", "9999-12-31", "0001-01-01", "2024-06-03", "2025-03-31",
        "2024-03-31", "21", "18A", "NONE", "RC8", "UN7", "N1", "-1", "P201123456789", "A1234", "ÄÖ", "2024-6-3",
    ]
    static let names = [
        "LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate", "Sex", "GenderCurrent",
        "PersonDeathDate", "Ethnicity", "CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate",
        "ReasonForClosure", "DateOfInitialCPC", "ReferralNFA", "AssessmentActualStartDate", "AssessmentAuthorisationDate",
        "CINPlanStartDate", "CINPlanEndDate", "S47ActualStartDate", "InitialCPCtarget", "ICPCnotRequired",
        "CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP",
    ]

    func randomBlock(_ g: inout Lcg) -> CINRawBlock {
        var fields: [String: String] = [:]
        for _ in 0..<g.next(12) { fields[Self.names[g.next(Self.names.count)]] = Self.values[g.next(Self.values.count)] }
        var lists: [String: [String]] = [:]
        for name in ["AssessmentFactors", "Disability", "CPPreviewDate"] where g.next(3) == 0 {
            lists[name] = (0..<g.next(4)).map { _ in Self.values[g.next(Self.values.count)] }
        }
        return CINBuilder.block(fields, lists: lists)
    }

    @Test(arguments: [-5, 0, 2023, 2025, 99_999])
    func randomReturnsNeverTrap(year: Int) {
        var g = Lcg(state: UInt64(bitPattern: Int64(year)))
        var children: [CINRawChild] = []
        for i in 0..<300 {
            let episodes = (0..<g.next(4)).map { _ in
                CINRawEpisode(
                    details: randomBlock(&g), assessments: (0..<g.next(3)).map { _ in randomBlock(&g) },
                    cinPlans: (0..<g.next(3)).map { _ in randomBlock(&g) }, section47s: (0..<g.next(3)).map { _ in randomBlock(&g) },
                    protectionPlans: (0..<g.next(3)).map { _ in randomBlock(&g) })
            }
            children.append(CINRawChild(position: i + 1, identifiers: randomBlock(&g), characteristics: randomBlock(&g), episodes: episodes))
        }
        let r = CINRawReturn(file: "fuzz.xml", header: randomBlock(&g), children: children, collectionYear: year)
        let issues = CINValidator.validate(r, previous: r, collectionYear: year)
        #expect(!issues.isEmpty)
        #expect(issues.allSatisfy { $0.row == nil || (1...300).contains($0.row!) })
    }
}
