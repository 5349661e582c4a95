import Testing
import OversightCore
@testable import OversightFormats

@Suite("CIN census rules on the whole return")
struct CINReturnRuleTests {
    func codes(_ r: CINRawReturn, previous: CINRawReturn? = nil, year: Int = 2025) -> [String] {
        CINValidator.validate(r, previous: previous, collectionYear: year).map(\.rule)
    }

    func child(_ id: String, _ position: Int, _ edit: (inout CINRawChild) -> Void = { _ in }) -> CINRawChild {
        var c = CINBuilder.child(id, position: position)
        edit(&c)
        return c
    }

    @Test func referenceDateMustBe31MarchOfTheYear() {
        #expect(codes(CINBuilder.census([child("A", 1)], referenceDate: "2025-03-30")).contains("100"))
        #expect(codes(CINBuilder.census([child("A", 1)], referenceDate: "")).contains("100"))
        #expect(!codes(CINBuilder.census([child("A", 1)], referenceDate: "2025-03-31")).contains("100"))
    }

    @Test func authorityNumberIsThreeDigits() {
        var r = CINBuilder.census([child("A", 1)])
        #expect(!codes(r).contains("OV-CIN-LEA"))
        r.header.fields["LEA"] = "20"
        #expect(codes(r).contains("OV-CIN-LEA"))
    }

    @Test func duplicateChildIDsFlagEveryCopy() {
        let dup = CINBuilder.census([child("a1", 1), child("A1 ", 2) { $0.ident("UPN", "M201123456780") }, child("B2", 3) { $0.ident("UPN", "M20112345678A") }])
        let found = CINValidator.validate(dup, previous: nil, collectionYear: 2025).filter { $0.rule == "8510" }
        #expect(found.map(\.row) == [1, 2])
        #expect(found.allSatisfy { $0.child == "A1" })
        let distinct = CINBuilder.census([child("A1", 1), child("A2", 2) { $0.ident("UPN", "M201123456780") }])
        #expect(!codes(distinct).contains("8510"))
    }

    @Test func duplicatesAreListedInFileOrder() {
        let ids = ["B", "A", "B", "C", "A", "C", "D", "D"]
        let children = ids.enumerated().map { i, id in
            child(id, i + 1) {
                $0.ident("UPN", nil); $0.ident("UPNunknown", "UN2")
            }
        }
        let rows = CINValidator.validate(CINBuilder.census(children), previous: nil, collectionYear: 2025).filter { $0.rule == "8510" }.compactMap(\.row)
        #expect(rows == Array(1...8))
    }

    @Test func duplicateUPNsFlagEveryCopy() {
        let dup = CINBuilder.census([child("A1", 1), child("A2", 2)])
        #expect(codes(dup).filter { $0 == "1520" }.count == 2)
        let distinct = CINBuilder.census([child("A1", 1), child("A2", 2) { $0.ident("UPN", "M201123456780") }])
        #expect(!codes(distinct).contains("1520"))
    }

    @Test func moreProtectionPlansThanConferencesIsAnError() {
        let balanced = CINBuilder.census([child("A1", 1)])
        #expect(!codes(balanced).contains("2883"))
        let noConference = CINBuilder.census([child("A1", 1) { $0.s47("DateOfInitialCPC", nil) }])
        let found = CINValidator.validate(noConference, previous: nil, collectionYear: 2025).filter { $0.rule == "2883" }
        #expect(found.count == 1)
        #expect(found.first?.row == nil && found.first?.child == nil)
    }

    @Test func sexMissingForMoreThanTwoPercentIsQueried() {
        let unknown = CINBuilder.census([child("A1", 1) { $0.ident("Sex", "U") }])
        #expect(codes(unknown).contains("2886Q"))
        let unborn = CINBuilder.census([
            child("A1", 1) {
                $0.ident("Sex", "U"); $0.ident("PersonBirthDate", nil); $0.ident("ExpectedPersonBirthDate", "2025-05-01")
            }
        ])
        #expect(!codes(unborn).contains("2886Q"))
    }

    @Test func genderNotRecordedForMoreThanTwoPercentIsQueriedIn2023to24() {
        var c = CINBuilder.shifted(CINBuilder.child("A1", sexField: "GenderCurrent", sex: "0"), years: -1)
        var r = CINBuilder.census([c], referenceDate: "2024-03-31")
        #expect(codes(r, year: 2024).contains("2886Q"))
        c.ident("GenderCurrent", "2")
        r.children = [c]
        #expect(!codes(r, year: 2024).contains("2886Q"))
    }

    @Test func fewerThanEightDisabilityCodesIsQueried() {
        let few = CINBuilder.census([child("A1", 1) { $0.disabilities(["MOB", "LD"]) }])
        #expect(codes(few).contains("2887Q"))
        let all = ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS"]
        let many = CINBuilder.census([child("A1", 1) { $0.disabilities(all) }])
        #expect(!codes(many).contains("2887Q"))
    }

    @Test func onlyOneDisabilityPerChildIsQueried() {
        let single = CINBuilder.census([child("A1", 1) { $0.disabilities(["MOB"]) }])
        #expect(codes(single).contains("2888Q"))
        let multiple = CINBuilder.census([
            child("A1", 1) { $0.disabilities(["MOB"]) },
            child("A2", 2) {
                $0.disabilities(["MOB", "AUT"]); $0.ident("UPN", "M201123456780")
            },
        ])
        #expect(!codes(multiple).contains("2888Q"))
    }

    @Test func episodeOpenLastYearMustReappear() {
        var last = CINBuilder.shifted(CINBuilder.child("A1"), years: -1)
        last.episodes[0].protectionPlans = []
        let previous = CINBuilder.census([last], referenceDate: "2024-03-31")
        let current = CINBuilder.census([child("A1", 1)])
        let found = CINValidator.validate(current, previous: previous, collectionYear: 2025).filter { $0.rule == "OV-CIN-PREV" }
        #expect(found.count == 1 && found[0].row == 1 && found[0].child == "A1")

        var carried = CINBuilder.child("A1", position: 1)
        carried.addEpisode(referral: last.episodes[0].details["CINreferralDate"]!, closure: "2024-04-30")
        carried.episodes.swapAt(0, 1)
        #expect(!codes(CINBuilder.census([carried]), previous: previous).contains("OV-CIN-PREV"))

        let gone = CINValidator.validate(CINBuilder.census([child("B9", 1)]), previous: previous, collectionYear: 2025).filter { $0.rule == "OV-CIN-PREV" }
        #expect(gone.count == 1 && gone[0].row == nil && gone[0].child == "A1")
    }
}
