import Foundation
import Testing
@testable import OversightCore
@testable import OversightFormats
@testable import OversightSynth

/// The CIN census reader for measures without validation makes exactly the records the general
/// reader and `RecordMapper` make, or declines the file (and the general reader reads it).
@Suite struct CINFastReaderTests {
    struct Records: Equatable {
        var children: [CINChild]
        var episodes: [CINEpisode]
        var blank: Int
        var count: Int
        var year: Int?
    }

    /// The general reader's records, as `FileLoader` made them before the fast reader.
    static func general(_ path: String, pathYear: Int?) throws -> Records {
        let mapped = try MappedFile(path: path)
        var r = Records(children: [], episodes: [], blank: 0, count: 0, year: nil)
        let (ret, _) = try CINXMLReader.stream(mapped: mapped, file: path, pathYear: pathYear) { child, year in
            r.count += 1
            RecordMapper.map(child, year: year, file: 3, children: &r.children, episodes: &r.episodes, blank: &r.blank)
        }
        r.year = ret.collectionYear
        return r
    }

    static func fast(_ path: String, pathYear: Int?, splitAbove: Int) throws -> Records? {
        let mapped = try MappedFile(path: path)
        guard let f = CINFastReader.read(mapped, pathYear: pathYear, file: 3, splitAbove: splitAbove) else { return nil }
        return Records(children: f.children, episodes: f.episodes, blank: f.blank, count: f.count, year: f.collectionYear)
    }

    @Test func syntheticCensusFilesWithInjectedErrorsGiveTheSameRecords() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cin-fast-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let options = SynthOptions(localAuthority: 358, firstYear: 2022, lastYear: 2025, seed: 11, scale: .factor(0.25), errorRate: 0.08)
        _ = try SynthGenerator(options: options).run(to: dir)
        let paths = FileLoader.files(under: [dir.path]).files.filter { $0.hasSuffix(".xml") && $0.contains("/cin/") }
        #expect(paths.count == 4)
        for path in paths {
            let expected = try Self.general(path, pathYear: 2020)
            #expect(expected.episodes.count > 500)
            #expect(expected.episodes.contains { !$0.protectionPlans.isEmpty && !$0.assessments.isEmpty })
            // Whole, split in two at the middle, and split wherever a Child starts past a few places.
            for split in [Int.max, 0] {
                let got = try #require(try Self.fast(path, pathYear: 2020, splitAbove: split), "declined \(path)")
                #expect(got == expected, "\(path) split above \(split)")
            }
        }
        // Loading for measures (fast) and loading for validation (general) merge the same history.
        let fast = FileLoader.load(paths: [dir.path], keepRaw: false, fastCIN: true)
        let slow = FileLoader.load(paths: [dir.path], keepRaw: false, fastCIN: false)
        #expect(fast.caseData.cinChildren == slow.caseData.cinChildren)
        #expect(fast.caseData.cinEpisodes == slow.caseData.cinEpisodes)
        #expect(fast.files == slow.files && fast.issues == slow.issues && fast.caseData.blankChildIDs == slow.caseData.blankChildIDs)
    }

    static let header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Message xmlns="http://www.dfe.gov.uk/CIN">
          <Header><CollectionDetails><Collection>CIN</Collection><Year>2024</Year><ReferenceDate>2024-03-31</ReferenceDate></CollectionDetails></Header>
          <Children>

        """
    static let footer = "\n  </Children>\n</Message>\n"

    /// Children of the unusual but plain shapes the fast reader takes in.
    static let oddChildren = """
        <Child>
          <ChildIdentifiers><LAchildID>a1</LAchildID><LAchildID> B2 </LAchildID><UPN></UPN><PersonBirthDate>2015-02-29</PersonBirthDate>
            <Sex></Sex><GenderCurrent>1</GenderCurrent><Extra><LAchildID>X9</LAchildID></Extra></ChildIdentifiers>
          <ChildIdentifiers><LAchildID>C3</LAchildID></ChildIdentifiers>
          <ChildCharacteristics><Ethnicity>wbri</Ethnicity><Disabilities><Disability>MOB</Disability><Disability> hand </Disability></Disabilities><Ethnicity>ABAN</Ethnicity></ChildCharacteristics>
          <CINdetails/>
          <CINdetails>
            <CINreferralDate>
              2023-05-01
            </CINreferralDate><ReferralSource>1a</ReferralSource><ReferralNFA>true</ReferralNFA><DateOfInitialCPC>2023-06-01</DateOfInitialCPC>
            <Assessments/>
            <CINPlanDates>not a block</CINPlanDates>
            <Assessments><AssessmentActualStartDate>2023-05-02</AssessmentActualStartDate><AssessmentAuthorisationDate>31/05/2023</AssessmentAuthorisationDate>
              <FactorsIdentifiedAtAssessment><AssessmentFactors> 3a </AssessmentFactors><AssessmentFactors>21</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>
            <Section47><S47ActualStartDate>2023-05-03</S47ActualStartDate><ICPCnotRequired>N</ICPCnotRequired><DateOfInitialCPC>2023-05-20</DateOfInitialCPC></Section47>
            <ChildProtectionPlans><CPPstartDate>2023-06-01</CPPstartDate><InitialCategoryOfAbuse>neg</InitialCategoryOfAbuse><NumberOfPreviousCPP>two</NumberOfPreviousCPP>
              <Reviews><CPPreviewDate>2023-08-01</CPPreviewDate><CPPreviewDate>bad</CPPreviewDate></Reviews></ChildProtectionPlans>
            <ChildProtectionPlans><CPPstartDate>2023-09-01</CPPstartDate><NumberOfPreviousCPP> 1 </NumberOfPreviousCPP></ChildProtectionPlans>
            <CINreferralDate>2023-05-02</CINreferralDate>
          </CINdetails>
          <SomethingElse><Deep><Deeper>1</Deeper></Deep></SomethingElse>
        </Child>
        <Child>
          <ChildIdentifiers><LAchildID>  </LAchildID></ChildIdentifiers>
          <CINdetails><CINreferralDate>2023-01-01</CINreferralDate></CINdetails>
          <CINdetails><CINreferralDate>2023-02-01</CINreferralDate></CINdetails>
        </Child>
        <Child></Child>
        <Child>
          <CINdetails><CINreferralDate>2022-12-01</CINreferralDate></CINdetails>
          <ChildIdentifiers><LAchildID>D4.0</LAchildID><Sex>F</Sex><GenderCurrent>2</GenderCurrent></ChildIdentifiers>
        </Child>\r\n<Child><ChildIdentifiers><LAchildID>E5</LAchildID></ChildIdentifiers></Child>
        """

    func write(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cin-fast-\(UUID().uuidString).xml")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func plainButUnusualChildrenAreReadAsTheGeneralReaderReadsThem() throws {
        let path = try write(Self.header + Self.oddChildren + Self.footer)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let expected = try Self.general(path, pathYear: 2019)
        #expect(expected.children.map(\.id.rawValue) == ["B2", "D4", "E5"])
        #expect(expected.blank == 2 && expected.count == 5 && expected.year == 2024)
        for split in [Int.max, 0] {
            let got = try #require(try Self.fast(path, pathYear: 2019, splitAbove: split))
            #expect(got == expected)
        }
        // With no header, the path's year.
        let bare = try write("<CIN><Children>" + Self.oddChildren + "</Children></CIN>")
        defer { try? FileManager.default.removeItem(atPath: bare) }
        let fromPath = try Self.general(bare, pathYear: 2019)
        #expect(fromPath.year == 2019)
        #expect(try Self.fast(bare, pathYear: 2019, splitAbove: 0) == fromPath)
    }

    @Test func filesOfAnyOtherShapeAreDeclinedAndReadByTheGeneralReader() throws {
        let child = "<Child><ChildIdentifiers><LAchildID>A1</LAchildID></ChildIdentifiers><CINdetails><CINreferralDate>2023-05-01</CINreferralDate>"
        let cases: [String: String] = [
            "entity": Self.header + child + "<ReferralSource>1&amp;2</ReferralSource></CINdetails></Child>" + Self.footer,
            "comment": Self.header + child + "<!-- note --></CINdetails></Child>" + Self.footer,
            "CDATA": Self.header + child + "<ReferralSource><![CDATA[1A]]></ReferralSource></CINdetails></Child>" + Self.footer,
            "non-ASCII": Self.header + child + "<ReferralSource>1Á</ReferralSource></CINdetails></Child>" + Self.footer,
            "unknown block": Self.header + child + "<Visits><Visit>2023-01-01</Visit></Visits></CINdetails></Child>" + Self.footer,
            "attribute": Self.header + "<Child id=\"1\"><ChildIdentifiers><LAchildID>A1</LAchildID></ChildIdentifiers></Child>" + Self.footer,
            "prefix": Self.header + "<Child><cin:ChildIdentifiers><LAchildID>A1</LAchildID></cin:ChildIdentifiers></Child>" + Self.footer,
            "late header": Self.header + child + "</CINdetails></Child><Header><ReferenceDate>2025-03-31</ReferenceDate></Header>" + Self.footer,
            "mismatched": Self.header + child + "</CINdetail></Child>" + Self.footer,
            "truncated": Self.header + child,
            "wrong root": "<Returns><Children>" + child + "</CINdetails></Child></Children></Returns>",
            "second root": Self.header + child + "</CINdetails></Child>" + Self.footer + "<Message></Message>",
            "nested child": Self.header + "<Child><Extra>" + String(repeating: "<Child><X>1</X></Child>", count: 40) + "</Extra></Child>"
                + String(repeating: child + "</CINdetails></Child>", count: 3) + Self.footer,
        ]
        for (name, text) in cases.sorted(by: { $0.key < $1.key }) {
            let path = try write(text)
            defer { try? FileManager.default.removeItem(atPath: path) }
            if name != "nested child" {
                #expect(try Self.fast(path, pathYear: 2024, splitAbove: Int.max) == nil, "\(name)")
            }
            #expect(try Self.fast(path, pathYear: 2024, splitAbove: 0) == nil, "\(name)")
            // Loading for measures falls back to the general reader: the same records, issues and errors.
            let fast = FileLoader.load(paths: [path], keepRaw: false, fastCIN: true)
            let slow = FileLoader.load(paths: [path], keepRaw: false, fastCIN: false)
            #expect(fast.caseData.cinEpisodes == slow.caseData.cinEpisodes && fast.caseData.cinChildren == slow.caseData.cinChildren, "\(name)")
            #expect(fast.issues == slow.issues && fast.unusable.map(\.reason) == slow.unusable.map(\.reason), "\(name)")
        }
    }
}
