import Foundation
import Testing
@testable import OversightCore
@testable import OversightFormats
import OversightSynth

/// A temporary folder removed when the value goes.
final class TempFolder {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("oversight-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let u = url.appendingPathComponent(name)
        try! FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: u)
        return u.path
    }
    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }
    var path: String { url.path }
}

let episodesHeader = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"

@Suite struct ReaderTests {
    @Test func recognisesTablesByTheirColumnsNotTheirNames() {
        let t = TempFolder()
        t.write("2025/whatever.csv", "\(episodesHeader)\n1,01/04/2024,S,C2,N1,U1,PR1,,,,,,SC1\n")
        let loaded = FileLoader.load(paths: [t.path])
        #expect(loaded.files.map(\.table) == ["Episodes"])
        #expect(loaded.files[0].collectionYear == 2025)
        #expect(loaded.caseData.claEpisodes.count == 1)
    }

    @Test(
        arguments: [
            ("903/2024/episodes.csv", 2024), ("903/2023_24/e.csv", 2024), ("903/2023-24/e.csv", 2024),
            ("903/2023-2024/e.csv", 2024), ("903/episodes_2025.csv", 2025), ("x/2022/episodes_2023-24.csv", 2024),
            ("903/episodes.csv", nil), ("SSDA903/fake_903.xml", nil),
        ] as [(String, Int?)])
    func readsTheCollectionYearFromThePath(path: String, year: Int?) {
        #expect(CollectionYearDetector.year(fromPath: path) == year)
    }

    @Test func toleratesBOMCRLFQuotesAndWindows1252() {
        let t = TempFolder()
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n\" 12.0 \",1,01/02/2010,WBRI,\"A,B\",,\r\n".utf8)
        t.write("header.csv", bytes)
        var cp: [UInt8] = Array("CHILD,DOB,REVIEW,REVIEW_CODE\n".utf8)
        cp += Array("7,01/01/2010,02/05/2024,\"PN1\n\"\n8,01/01/2010,03/05/2024,PN".utf8) + [0xE9] + Array("\n".utf8)
        t.write("reviews.csv", cp)
        let loaded = FileLoader.load(paths: [t.path])
        #expect(loaded.unusable.isEmpty)
        let header = loaded.ssda903Tables.first { $0.table == .header }!
        #expect(header.value(header.rows[0], "CHILD") == "12.0")
        #expect(header.value(header.rows[0], "UPN") == "A,B")
        #expect(loaded.caseData.claHeaders[ChildID("12")] != nil) // ".0" dropped, spaces trimmed
        let reviews = loaded.ssda903Tables.first { $0.table == .reviews }!
        #expect(reviews.value(reviews.rows[0], "REVIEW_CODE") == "PN1") // quoted line break trimmed away
        #expect(reviews.value(reviews.rows[1], "REVIEW_CODE") == "PNé")
    }

    @Test func refusesEmptyFilesAndWrongDelimitersNamingTheFile() {
        let t = TempFolder()
        t.write("empty.csv", "")
        t.write("semi.csv", episodesHeader.replacingOccurrences(of: ",", with: ";") + "\n1;01/04/2024\n")
        let loaded = FileLoader.load(paths: [t.path])
        #expect(loaded.unusable.count == 2)
        #expect(loaded.unusable.contains { $0.file.hasSuffix("empty.csv") && $0.reason.contains("empty") })
        #expect(loaded.unusable.contains { $0.file.hasSuffix("semi.csv") && $0.reason.contains("semicolons") })
    }

    @Test func headerOnlyFileIsATableWithNoRows() {
        let t = TempFolder()
        t.write("e.csv", episodesHeader + "\n")
        let loaded = FileLoader.load(paths: [t.path])
        #expect(loaded.files.first?.rows == 0)
        #expect(loaded.unusable.isEmpty)
    }

    @Test func invalidDatesAreKeptAsInvalidNotDropped() {
        let t = TempFolder()
        t.write("2025/e.csv", "\(episodesHeader)\n1,2024-04-01,S,C2,N1,U1,PR1,,,,,,SC1\n2,31/02/2024,S,C2,N1,U1,PR1,,,,,,SC1\n")
        let loaded = FileLoader.load(paths: [t.path])
        #expect(loaded.caseData.claEpisodes.map(\.start) == [.invalid("2024-04-01"), .invalid("31/02/2024")])
        let r = MeasureEngine(data: loaded.caseData).compute("cla_at_end", period: .reportingYear(2025))!
        #expect(r.value == 0)
        #expect(r.warnings.contains { $0.hasPrefix("2 episodes with an invalid") })
    }

    @Test func raggedRowsAreLocated() {
        let t = TempFolder()
        t.write("e.csv", "\(episodesHeader)\n1,01/04/2024,S\n")
        let loaded = FileLoader.load(paths: [t.path])
        let issue = loaded.issues.first { $0.rule == "OV-CSV-WIDTH" }
        #expect(issue?.row == 1)
        #expect(issue?.child == "1")
    }

    @Test func unterminatedQuoteIsReportedNotHung() {
        let csv = CSVFile.parse(data: Data("CHILD,DOB\n\"1,01/01/2010\n2,01/01/2011\n".utf8), path: "x.csv")
        #expect(csv.problems.map(\.rule) == ["OV-CSV-QUOTE"])
    }

    /// Three children in the DfE's upload XML: header groups (reviews, missing, OC2, permanence,
    /// adoption placement, social worker episodes) and the leaves of UASC, OC3 and AD1.
    static let ssda903XML = """
        <?xml version="1.0" encoding="utf-8"?>
        <EXPSSDA903>
          <CHILD>
            <HEADER>
              <CHILDID>730015</CHILDID><UPN>A358000000011</UPN><SEX>1</SEX><DOB>14/02/2011</DOB><ETHNIC>WBRI</ETHNIC><UASC />
              <AREVIEW><REVIEW>02/06/2017</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
              <AREVIEW><REVIEW>28/11/2017</REVIEW><REVIEW_CODE>PN3</REVIEW_CODE></AREVIEW>
              <MOTHER /><MC_DOB />
              <PERMANENCE><PREV_PERM>Z1</PREV_PERM></PERMANENCE>
              <OC2><SDQ_SCORE>14</SDQ_SCORE><CONVICTED>0</CONVICTED><HEALTH_CHECK>1</HEALTH_CHECK><IMMUNISATIONS>1</IMMUNISATIONS>\
        <TEETH_CHECK>1</TEETH_CHECK><HEALTH_ASSESSMENT>1</HEALTH_ASSESSMENT><SUBSTANCE_MISUSE>0</SUBSTANCE_MISUSE>\
        <INTERVENTION_RECEIVED>0</INTERVENTION_RECEIVED><INTERVENTION_OFFERED>0</INTERVENTION_OFFERED></OC2>
            </HEADER>
            <EPISODE><DECOM>03/03/2017</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U4</PL><PL_POST>ZZ99 3WZ</PL_POST><HOME_POST>ZZ99 3VZ</HOME_POST>\
        <URN>SC400123</URN><PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC>19/09/2017</DEC><REC>X1</REC><REASON_PLACE_CHANGE>CARPL</REASON_PLACE_CHANGE></EPISODE>
            <EPISODE><DECOM>19/09/2017</DECOM><RNE>P</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL><PL_POST>ZZ99 3WZ</PL_POST><HOME_POST>ZZ99 3VZ</HOME_POST>\
        <URN>SC400456</URN><PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC /><REC /><REASON_PLACE_CHANGE /></EPISODE>
          </CHILD>
          <CHILD>
            <HEADER>
              <CHILDID>730016</CHILDID><UPN>UN2</UPN><SEX>2</SEX><DOB>30/08/2000</DOB><ETHNIC>AOTH</ETHNIC>
              <UASC>1</UASC><DUC>30/08/2018</DUC>
              <AREVIEW><REVIEW>11/10/2017</REVIEW><REVIEW_CODE>PN7</REVIEW_CODE></AREVIEW>
              <AMISSING><MISSING>M</MISSING><MIS_START>05/07/2017</MIS_START><MIS_END>06/07/2017</MIS_END></AMISSING>
              <AMISSING><MISSING>A</MISSING><MIS_START>21/12/2017</MIS_START><MIS_END /></AMISSING>
              <MOTHER /><MC_DOB />
              <IN_TOUCH>YES</IN_TOUCH><ACTIV>F2</ACTIV><ACCOM>S</ACCOM>
              <SWEPISODE><SW_ID>SW0042</SW_ID><SW_DECOM>14/06/2016</SW_DECOM><SW_DEC /><SW_REASON /></SWEPISODE>
            </HEADER>
            <EPISODE><DECOM>14/06/2016</DECOM><RNE>S</RNE><LS>V2</LS><CIN>N7</CIN><PL>H5</PL><PL_POST /><HOME_POST /><URN>XXXXXXX</URN>\
        <PLACE_PROVIDER>PR5</PLACE_PROVIDER><DEC>30/08/2018</DEC><REC>E17</REC><REASON_PLACE_CHANGE /></EPISODE>
          </CHILD>
          <CHILD>
            <HEADER>
              <CHILDID>730017</CHILDID><UPN>B358000000022</UPN><SEX>1</SEX><DOB>09/05/2015</DOB><ETHNIC>MWBC</ETHNIC><UASC />
              <MOTHER /><MC_DOB />
              <DATE_INT>12/01/2017</DATE_INT><DATE_MATCH>20/02/2017</DATE_MATCH><FOSTER_CARE>0</FOSTER_CARE><NB_ADOPTR>2</NB_ADOPTR>\
        <SEX_ADOPTR>MF</SEX_ADOPTR><LS_ADOPTR>L0</LS_ADOPTR>
              <AD_PLACED><DATE_PLACED>23/09/2016</DATE_PLACED><DATE_PLACED_CEASED /><REASON_PLACED_CEASED /></AD_PLACED>
            </HEADER>
            <EPISODE><DECOM>01/10/2015</DECOM><RNE>S</RNE><LS>V2</LS><CIN>N1</CIN><PL>U3</PL><PL_POST /><HOME_POST /><URN>SC400789</URN>\
        <PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC>02/02/2016</DEC><REC>X1</REC><REASON_PLACE_CHANGE>LEGAL</REASON_PLACE_CHANGE></EPISODE>
            <EPISODE><DECOM>02/02/2016</DECOM><RNE>L</RNE><LS>E1</LS><CIN>N1</CIN><PL>U3</PL><PL_POST /><HOME_POST /><URN>SC400789</URN>\
        <PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC>23/09/2016</DEC><REC>X1</REC><REASON_PLACE_CHANGE>CARPL</REASON_PLACE_CHANGE></EPISODE>
            <EPISODE><DECOM>23/09/2016</DECOM><RNE>T</RNE><LS>E1</LS><CIN>N1</CIN><PL>A5</PL><PL_POST /><HOME_POST /><URN>XXXXXXX</URN>\
        <PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC>14/06/2017</DEC><REC>E11</REC><REASON_PLACE_CHANGE /></EPISODE>
          </CHILD>
        </EXPSSDA903>

        """

    @Test func readsSSDA903XML() throws {
        let (tables, issues) = try SSDA903XMLReader.read(data: Data(Self.ssda903XML.utf8), file: "ssda903.xml", collectionYear: 2018)
        #expect(issues.isEmpty)
        let byName = Dictionary(uniqueKeysWithValues: tables.map { ($0.table, $0) })
        #expect(byName[.header]?.rows.count == 3)
        #expect(byName[.episodes]?.rows.count == 2 + 1 + 3)
        #expect(byName[.reviews]?.rows.count == 2 + 1)
        #expect(byName[.missing]?.rows.count == 2)
        for table in [SSDA903Table.uasc, .oc2, .oc3, .ad1, .placedAdoption, .prevPerm, .swEpisodes] {
            #expect(byName[table]?.rows.count == 1, "\(table)")
        }
        #expect(byName[.dolo] == nil)
        #expect(tables.allSatisfy { $0.collectionYear == 2018 && $0.file == "ssda903.xml" })
        let header = try #require(byName[.header])
        #expect(header.rows.map { header.value($0, "CHILD") } == ["730015", "730016", "730017"]) // <CHILDID> becomes CHILD
        #expect(header.value(header.rows[1], "DOB") == "30/08/2000")
        let ep = try #require(byName[.episodes])
        #expect(ep.value(ep.rows[0], "PLACE") == "U4") // <PL> becomes PLACE
        #expect(ep.value(ep.rows[0], "REASON_PLACE_CHANGE") == "CARPL")
        #expect(ep.value(ep.rows[1], "DEC") == "")
        #expect(ep.rows.map { ep.value($0, "CHILD") } == ["730015", "730015", "730016", "730017", "730017", "730017"])
        #expect(ep.rows.map(\.row) == Array(1...6))
        let reviews = try #require(byName[.reviews])
        #expect(reviews.value(reviews.rows[2], "CHILD") == "730016")
        #expect(reviews.value(reviews.rows[2], "DOB") == "30/08/2000") // the child's DOB, from HEADER
        #expect(reviews.value(reviews.rows[2], "REVIEW_CODE") == "PN7")
        let uasc = try #require(byName[.uasc])
        #expect(uasc.value(uasc.rows[0], "DUC") == "30/08/2018")
        #expect(uasc.value(uasc.rows[0], "SEX") == "2")
        let missing = try #require(byName[.missing])
        #expect(missing.rows.map { missing.value($0, "MISSING") } == ["M", "A"])
        #expect(byName[.oc3].map { $0.value($0.rows[0], "ACTIV") } == "F2")
        #expect(byName[.ad1].map { $0.value($0.rows[0], "SEX_ADOPTR") } == "MF")
        #expect(byName[.placedAdoption].map { $0.value($0.rows[0], "DATE_PLACED") } == "23/09/2016")
        #expect(byName[.swEpisodes].map { $0.value($0.rows[0], "SW_ID") } == "SW0042")
        #expect(byName[.oc2].map { $0.value($0.rows[0], "SDQ_SCORE") } == "14")
    }

    @Test func readsCINCensusXMLWithBothGenderElements() throws {
        // Before 2024-25 the child's gender is GenderCurrent; a reference date other than
        // 31 March still names the collection year whose April to March holds it.
        func child(_ id: String, _ gender: String) -> String {
            "<Child><ChildIdentifiers><LAchildID>\(id)</LAchildID><PersonBirthDate>2014-02-03</PersonBirthDate>"
                + "<GenderCurrent>\(gender)</GenderCurrent></ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity>"
                + "</ChildCharacteristics><CINdetails><CINreferralDate>2022-05-09</CINreferralDate></CINdetails></Child>"
        }
        let older =
            "<Message><Header><CollectionDetails><Collection>CIN</Collection><ReferenceDate>2022-11-30</ReferenceDate>"
            + "</CollectionDetails></Header><Children>" + child("G1", "2") + child("G2", "1") + child("G3", "9") + "</Children></Message>"
        let (gendered, _) = try CINXMLReader.read(data: Data(older.utf8), file: "g.xml", pathYear: nil)
        #expect(gendered.children.count == 3)
        #expect(gendered.children[0].identifiers["GenderCurrent"] == "2")
        #expect(gendered.children[0].identifiers["Sex"] == nil)
        #expect(gendered.collectionYear == 2023) // ReferenceDate 2022-11-30 lies in 2022-23
        let (small, _) = try CINXMLReader.read(data: Data(CINFixtureFiles.smallReturn2024.utf8), file: "s.xml", pathYear: nil)
        #expect(small.collectionYear == 2024)
        #expect(small.children[0].identifiers["Sex"] == "2")
        #expect(small.children[1].identifiers["Sex"] == "F")
        #expect(small.children[0].identifiers["GenderCurrent"] == nil)
        #expect(small.children[0].episodes[0].assessments[0].lists["AssessmentFactors"] == ["4A", "QX", "9A"])
        #expect(small.children[0].characteristics.lists["Disability"] == ["VIS", "LD"])
    }

    @Test(arguments: ["<Message><Header></Header><Children><Child><ChildIdentifiers>", "<Message><Child></Message>", "not xml at all <"])
    func malformedXMLIsRefusedWithALine(text: String) {
        let t = TempFolder()
        t.write("bad.xml", text)
        let loaded = FileLoader.load(paths: [t.path])
        #expect(loaded.unusable.count == 1)
        #expect(loaded.unusable[0].reason.contains("line"))
    }

    @Test func localMissingAndSupervisionFiles() {
        let t = TempFolder()
        t.write(
            "local/missing.csv",
            "child_id,missing_or_away,start,returned,rhi_offered,rhi_accepted,rhi_completed\nC1,M,2024-05-01 10:00,2024-05-02 10:00,2024-05-03 09:00,Y,\nC2,X,yesterday,,,maybe,\n")
        t.write("local/supervision.csv", "worker_id,date,kind,reflective,child_id\nW1,2024-05-01,formal,Y,\nW1,01/06/2024,formal,N,C1\n")
        let loaded = FileLoader.load(paths: [t.path])
        #expect(loaded.caseData.missingEpisodes.count == 2)
        #expect(loaded.caseData.supervisions.count == 2)
        let rules = Set(loaded.issues.filter { $0.row == 2 }.map(\.rule))
        #expect(rules == ["OV-LOCAL-CODE", "OV-LOCAL-DATE", "OV-LOCAL-FLAG"])
    }

    @Test func refusesATwoGigabyteFileWithoutReadingIt() throws {
        let t = TempFolder()
        let path = t.write("huge/episodes.csv", episodesHeader + "\n")
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try h.truncate(atOffset: 2 << 30) // sparse: no disk used
        try h.close()
        let loaded = FileLoader.load(paths: [t.path])
        #expect(loaded.unusable.count == 1)
        #expect(loaded.unusable[0].reason.contains("1 GiB"))
    }

    /// A small synthetic authority (a twentieth of Trafford, 2023-24 and 2024-25) written by the
    /// generator into `folder`.
    static func writeSyntheticAuthority(to folder: TempFolder) throws {
        let options = SynthOptions(localAuthority: 358, firstYear: 2024, lastYear: 2025, seed: 17, scale: .factor(0.05), errorRate: 0)
        try SynthGenerator(options: options).run(to: folder.url)
    }

    @Test func streamingWithoutRawRecordsGivesTheSameMeasures() throws {
        let t = TempFolder()
        try Self.writeSyntheticAuthority(to: t)
        let paths = [t.url.appendingPathComponent("cin").path, t.url.appendingPathComponent("903/2025/episodes.csv").path]
        let kept = FileLoader.load(paths: paths)
        let streamed = FileLoader.load(paths: paths, keepRaw: false)
        #expect(!kept.cinChecks.isEmpty && !kept.ssda903Tables.isEmpty)
        #expect(streamed.cinChecks.isEmpty && streamed.ssda903Tables.isEmpty)
        #expect(streamed.files == kept.files)
        #expect(kept.files.count == 3) // two CIN census files and one episodes table
        for period in [Period.reportingYear(2024), Period.reportingYear(2025)] {
            let measures = MeasureEngine(data: kept.caseData).computeAll(period: period)
            #expect(measures.contains { ($0.value ?? 0) > 0 }) // the comparison is not between empty results
            #expect(MeasureEngine(data: streamed.caseData).computeAll(period: period) == measures)
        }
    }

    @Test func readingOnlyTheFilesNamedMeasuresNeedGivesTheSameNumbers() throws {
        let t = TempFolder()
        try Self.writeSyntheticAuthority(to: t)
        let paths = [t.url.appendingPathComponent("cin").path, t.url.appendingPathComponent("903").path]
        let ids = ["rereferrals_12m_pct", "cla_at_end", "care_leavers_eet_pct", "cla_review_participation_pct", "missing_children_pct"]
        let all = FileLoader.load(paths: paths, keepRaw: false)
        let some = FileLoader.load(paths: paths, keepRaw: false, sources: MeasureEngine.sourcesNeeded(for: ids))
        #expect(some.files.count < all.files.count)
        let period = Period.reportingYear(2025)
        let measures = MeasureEngine(data: all.caseData).computeAll(period: period, ids: ids)
        #expect(measures.count == ids.count)
        #expect(measures.first { $0.id == "cla_at_end" }.map { ($0.value ?? 0) > 0 } == true)
        #expect(MeasureEngine(data: some.caseData).computeAll(period: period, ids: ids) == measures)
    }
}
