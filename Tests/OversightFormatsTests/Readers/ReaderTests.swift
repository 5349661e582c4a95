import Foundation
import Testing
@testable import OversightCore
@testable import OversightFormats

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

    @Test(arguments: [("903/2024/episodes.csv", 2024), ("903/2023_24/e.csv", 2024), ("903/2023-24/e.csv", 2024),
                      ("903/2023-2024/e.csv", 2024), ("903/episodes_2025.csv", 2025), ("x/2022/episodes_2023-24.csv", 2024),
                      ("903/episodes.csv", nil), ("SSDA903/fake_903.xml", nil)] as [(String, Int?)])
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

    @Test func readsSSDA903XML() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../shared/reference/samples/903-validator-fake/fake_903.xml").standardized
        let (tables, _) = try SSDA903XMLReader.read(data: Data(contentsOf: url), file: "fake_903.xml", collectionYear: 2018)
        let byName = Dictionary(uniqueKeysWithValues: tables.map { ($0.table, $0) })
        #expect(byName[.header]?.rows.count == 253)
        #expect(byName[.episodes]?.rows.count == 459)
        #expect(byName[.reviews]?.rows.count == 1206)
        #expect(byName[.missing]?.rows.count == 6)
        let ep = byName[.episodes]!
        #expect(ep.value(ep.rows[0], "PLACE") == "R5") // <PL> becomes PLACE
    }

    @Test func readsCINCensusXMLWithBothGenderElements() throws {
        let base = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../shared/reference/samples/cin-validator-fake").standardized
        let (fake, _) = try CINXMLReader.read(data: Data(contentsOf: base.appendingPathComponent("fake_CIN_data.xml")), file: "f.xml", pathYear: nil)
        #expect(fake.children.count == 332)
        #expect(fake.children[0].identifiers["GenderCurrent"] == "1")
        #expect(fake.collectionYear == 2023) // ReferenceDate 2022-07-21 lies in 2022-23
        let (small, _) = try CINXMLReader.read(data: Data(contentsOf: base.appendingPathComponent("CIN_Census_2024.xml")), file: "s.xml", pathYear: nil)
        #expect(small.collectionYear == 2024)
        #expect(small.children[0].identifiers["Sex"] == "1")
        #expect(small.children[0].episodes[0].assessments[0].lists["AssessmentFactors"] == ["1C", "RB", "6B"])
        #expect(small.children[0].characteristics.lists["Disability"] == ["HAND", "HEAR"])
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
        t.write("local/missing.csv", "child_id,missing_or_away,start,returned,rhi_offered,rhi_accepted,rhi_completed\nC1,M,2024-05-01 10:00,2024-05-02 10:00,2024-05-03 09:00,Y,\nC2,X,yesterday,,,maybe,\n")
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

    @Test func streamingWithoutRawRecordsGivesTheSameMeasures() {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../shared/reference/samples").standardized
        let paths = [samples.appendingPathComponent("cin-validator-fake").path, samples.appendingPathComponent("903-validator-fake/episodes.csv").path]
        let kept = FileLoader.load(paths: paths)
        let streamed = FileLoader.load(paths: paths, keepRaw: false)
        #expect(streamed.cinChecks.isEmpty && streamed.ssda903Tables.isEmpty)
        #expect(streamed.files == kept.files)
        for period in [Period.reportingYear(2022), Period.reportingYear(2018)] {
            #expect(MeasureEngine(data: streamed.caseData).computeAll(period: period) == MeasureEngine(data: kept.caseData).computeAll(period: period))
        }
    }

    @Test func readingOnlyTheFilesNamedMeasuresNeedGivesTheSameNumbers() {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../shared/reference/samples").standardized
        let paths = [samples.appendingPathComponent("cin-validator-fake").path, samples.appendingPathComponent("903-validator-fake").path]
        let ids = ["rereferrals_12m_pct", "cla_at_end", "care_leavers_eet_pct", "cla_review_participation_pct", "missing_children_pct"]
        let all = FileLoader.load(paths: paths, keepRaw: false)
        let some = FileLoader.load(paths: paths, keepRaw: false, sources: MeasureEngine.sourcesNeeded(for: ids))
        #expect(some.files.count < all.files.count)
        let period = Period.reportingYear(2018)
        #expect(MeasureEngine(data: some.caseData).computeAll(period: period, ids: ids) == MeasureEngine(data: all.caseData).computeAll(period: period, ids: ids))
    }
}
