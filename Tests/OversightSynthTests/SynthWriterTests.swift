import Foundation
import OversightCore
import OversightFormats
import Testing

@Suite("Writers")
struct SynthWriterTests {
    @Test func csvQuotesOnlyWhenNeeded() {
        #expect(LocalCSVWriter.escape("M33 4DB") == "M33 4DB")
        #expect(LocalCSVWriter.escape("a,b") == "\"a,b\"")
        #expect(LocalCSVWriter.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }

    @Test func cinWriterFollowsSchemaOrder() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cin-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: url) }
        let w = try CINXMLWriter(url: url, header: CINXMLHeader(collectionYear: 2025, lea: "358"))
        let details = CINRawBlock(
            line: 0,
            fields: [
                "ReferralNFA": "0", "CINreferralDate": "2024-05-01", "ReferralSource": "6",
                "PrimaryNeedCode": "N1",
            ])
        let plan = CINRawBlock(
            line: 0,
            fields: [
                "NumberOfPreviousCPP": "0", "CPPstartDate": "2024-06-01", "InitialCategoryOfAbuse": "NEG",
                "LatestCategoryOfAbuse": "NEG",
            ], lists: ["CPPreviewDate": ["2024-08-20"]])
        let child = CINRawChild(
            position: 0, identifiers: CINRawBlock(line: 0, fields: ["Sex": "F", "LAchildID": "C1", "PersonBirthDate": "2015-01-02"]),
            characteristics: CINRawBlock(line: 0, fields: ["Ethnicity": "WBRI"]),
            episodes: [CINRawEpisode(details: details, protectionPlans: [plan])])
        #expect(w.write(child) == 1)
        try w.close()
        let text = try String(contentsOf: url, encoding: .utf8)
        let order = [
            "<LAchildID>", "<PersonBirthDate>", "<Sex>", "<CINreferralDate>", "<ReferralSource>", "<ReferralNFA>",
            "<CPPstartDate>", "<InitialCategoryOfAbuse>", "<NumberOfPreviousCPP>", "<CPPreviewDate>",
        ]
        let positions = order.map { text.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(zip(positions, positions.dropFirst()).allSatisfy { $0! < $1! })
        #expect(text.contains("<ReferenceDate>2025-03-31</ReferenceDate>"))
    }

    @Test func ssda903XMLRenamesFields() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("903-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: url) }
        let w = try SSDA903XMLWriter(url: url)
        w.write(child: [
            .header: [["C1", "F", "02/01/2015", "WBRI", "A123456789012", "0", ""]],
            .episodes: [["C1", "01/05/2024", "S", "C1", "N1", "U6", "PR1", "", "", "", "M33 4DB", "M41 9LY", "SC358001"]],
        ])
        try w.close()
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("<CHILDID>C1</CHILDID>"))
        #expect(text.contains("<PL>U6</PL>") && !text.contains("<PLACE>"))
        #expect(text.hasSuffix("</EXPSSDA903>\n"))
    }
}
