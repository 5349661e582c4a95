import Testing
import Foundation
import OversightCore
@testable import OversightFormats

/// The CIN census samples published with csc-validator-be-cin (synthetic), read by the XML reader.
@Suite("CIN rules on the published sample files")
struct CINSampleFileTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/reference/samples/cin-validator-fake").standardized

    func read(_ name: String) throws -> CINRawReturn {
        let url = Self.samples.appendingPathComponent(name)
        return try CINXMLReader.read(data: try Data(contentsOf: url), file: name, pathYear: nil).0
    }

    @Test func smallSampleGivesTheHandCheckedFindings() throws {
        let issues = CINValidator.validate(try read("CIN_Census_2024.xml"), previous: nil, collectionYear: 2024)
        let found = Set(issues.map { "\($0.rule)@\($0.row.map(String.init) ?? "-")" })
        // Child 1: a 2022 episode, closed before the year, with a UPN whose LA code and check
        // letter are wrong, Sex in place of 2023-24's GenderCurrent, an assessment started in 2028
        // and authorised in 2020 (with factor "RB"), and section 47, conference and protection
        // plan all dated before the referral. Child 2: referred after the reference date, with an
        // assessment before the referral, completed in the year with no factors.
        let expected: Set<String> = [
            "1510@1", "1530@1", "4180@1", "8620@1", "8565@1", "8608@1", "8696@1", "OV-CIN-FACTOR@1", "4013@1", "4016@1",
            "2889@1", "1104@1", "8715@1", "1105@1", "8930@1",
            "8600@2", "8620@2", "1103@2", "4180@2", "8897Q@2",
            "2886Q@-", "2887Q@-",
        ]
        #expect(found == expected)
    }

    @Test func largeSampleAgreesWithTheReferenceValidatorWhereBothAreRight() throws {
        // Compared with csc-validator-be-cin 0.1.13 (scripts/compare_cin.py), 2022-23 rules.
        let issues = CINValidator.validate(try read("fake_CIN_data.xml"), previous: nil, collectionYear: 2023)
        func children(_ rule: String) -> Int { Set(issues.filter { $0.rule == rule }.compactMap(\.child)).count }
        #expect(children("1510") == 320)
        #expect(children("8569Q") == 305)
        #expect(children("8831") == 301)
        #expect(children("8620") == 208)
        #expect(children("8585Q") == 35)
        #expect(children("2990") == 27)
        #expect(children("8820") == 0)
    }
}
