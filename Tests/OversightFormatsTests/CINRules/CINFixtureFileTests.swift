import Testing
import Foundation
import OversightCore
@testable import OversightFormats

/// CIN census files of the tests' own (`CINFixtureFiles`), read by the XML reader and checked.
@Suite("CIN rules on hand-written census files")
struct CINFixtureFileTests {
    func read(_ xml: String, name: String) throws -> CINRawReturn {
        try CINXMLReader.read(data: Data(xml.utf8), file: name, pathYear: nil).0
    }

    @Test func smallReturnGivesTheHandCheckedFindings() throws {
        let census = try read(CINFixtureFiles.smallReturn2024, name: "cin-small.xml")
        #expect(census.collectionYear == 2024)
        let issues = CINValidator.validate(census, previous: nil, collectionYear: 2024)
        let found = issues.map { "\($0.rule)@\($0.row.map(String.init) ?? "-")" }
        // Child 1: a 2022 episode, closed before the year (8620), with a UPN whose LA code (1530)
        // and check letter (1510) are wrong, Sex in place of 2023-24's GenderCurrent (4180), an
        // assessment started in 2029, after the closure (8565), and authorised in 2021 (8608,
        // 8696) with factor "QX" (OV-CIN-FACTOR), a CIN plan that ended before the year (4013)
        // and started while the protection plan was open (4016), and a section 47 enquiry (2889),
        // its conference (1104, 8715) and a protection plan (1105) all dated before the referral,
        // the plan ending before the year (8930). Child 2: referred after the reference date
        // (8600) and closed after it (8620), with Sex (4180) and an assessment before the referral
        // (1103), completed in the year with no factors (8897Q). The return: no child has a
        // gender (2886Q) and only 2 disability codes are used (2887Q).
        let expected: Set<String> = [
            "1510@1", "1530@1", "4180@1", "8620@1", "8565@1", "8608@1", "8696@1", "OV-CIN-FACTOR@1", "4013@1", "4016@1",
            "2889@1", "1104@1", "8715@1", "1105@1", "8930@1",
            "8600@2", "8620@2", "1103@2", "4180@2", "8897Q@2",
            "2886Q@-", "2887Q@-",
        ]
        #expect(Set(found) == expected)
        #expect(found.count == expected.count) // each once
        #expect(issues.filter { $0.row == 1 }.allSatisfy { $0.child == "OVX4417" })
        #expect(issues.filter { $0.row == 2 }.allSatisfy { $0.child == "OVX5902" })
        #expect(issues.first { $0.rule == "1510" }?.message.contains("should be Q") == true)
        #expect(issues.first { $0.rule == "1104" }?.table == "Section47")
    }

    @Test func largerReturnGivesTheHandCountedChildrenPerRule() throws {
        // 150 children: see `CINFixtureFiles.largerReturn2024` for who breaks what.
        let census = try read(CINFixtureFiles.largerReturn2024(count: 150), name: "cin-larger.xml")
        #expect(census.children.count == 150)
        let issues = CINValidator.validate(census, previous: nil, collectionYear: 2024)
        func children(_ rule: String) -> Int { Set(issues.filter { $0.rule == rule }.compactMap(\.child)).count }
        #expect(children("1510") == 50) // i % 3 == 0
        #expect(children("8569Q") == 30) // i % 10 in 0, 1
        #expect(children("8831") == 15) // i % 10 == 0
        #expect(children("8620") == 15) // i % 10 == 2
        #expect(children("8585Q") == 15) // i % 10 == 3
        #expect(children("2990") == 15) // i % 10 == 4
        #expect(children("8820") == 0) // i % 10 == 5: two episodes, one after the other
        // Nobody else is flagged: 50 + 75 - 25 children (those with i % 3 == 0 and i % 10 < 5).
        let flagged = Set(issues.compactMap(\.child))
        #expect(flagged.count == 100)
        #expect(flagged == Set((0..<150).filter { $0 % 3 == 0 || $0 % 10 < 5 }.map(CINFixtureFiles.childID)))
        #expect(issues.filter { $0.child == nil }.map(\.rule) == ["2887Q"]) // no disability code but NONE
    }
}
