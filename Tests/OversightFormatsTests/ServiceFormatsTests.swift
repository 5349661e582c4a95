import Foundation
import Testing
@testable import OversightCore
@testable import OversightFormats

/// The service formats: each recognised by its header, each bad value a finding located at its
/// row and field, good rows read whatever the bad ones hold; the workforce census by its elements.
@Suite struct ServiceFormatsTests {
    func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("services-\(UUID().uuidString)")
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }

    @Test func eachFormatIsRecognisedByItsHeaderInAnyOrderWithExtraColumns() {
        for format in [LocalFormat.earlyHelp, .training, .fostering, .specialGuardianship, .careProceedings, .pathways] {
            #expect(LocalFormat.recognise(header: format.columns.reversed().map { " \($0.uppercased()) " } + ["notes"]) == format, "\(format)")
            #expect(LocalFormat.recognise(header: Array(format.columns.dropLast())) != format, "\(format)")
        }
    }

    @Test func badValuesAreLocatedAndGoodRowsRead() throws {
        let dir = try folder([
            "early-help.csv": """
            child_id,assessment_start,assessment_completed,organisation,lead_agency,closed,closure_reason,factors,taf_meetings,gcp2_completed
            EH1,2024-05-01,2024-05-20,Primary school,,2024-11-30,needs met,domestic abuse;neglect,2024-06-10;2024-08-01,
            EH2,2024-06-01,2024-05-01,Council Early Help,,,,3A,not a date,
            ,2024-06-01,,,,,,,,
            """,
            "fostering.csv": """
            household_id,approved,deregistered,places,type
            FH1,2019-04-01,,2,mainstream
            FH2,2024-06-01,2024-05-01,x,kin
            """,
            "pathways.csv": "child_id,pathway,start,end,outcome\nC1,MARAC,2024-06-01,2024-13-01,\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let loaded = FileLoader.load(paths: [dir.path])
        let d = loaded.caseData
        #expect(d.services.earlyHelp.map(\.child.rawValue) == ["EH1", "EH2"])
        #expect(d.services.earlyHelp[0].factors == ["domestic abuse", "neglect"] && d.services.earlyHelp[0].tafMeetings.count == 2)
        #expect(d.services.fosteringHouseholds.map(\.id) == ["FH1", "FH2"])
        #expect(d.services.pathways.count == 1 && d.services.pathways[0].end.isInvalid)
        #expect(d.blankChildIDs["EarlyHelp"] == 1)
        func finding(_ table: String, _ row: Int, _ field: String) -> ValidationIssue? {
            loaded.issues.first { $0.table == table && $0.row == row && $0.fields == [field] }
        }
        #expect(finding("EarlyHelp", 2, "assessment_completed")?.rule == "OV-LOCAL-ORDER")
        #expect(finding("EarlyHelp", 2, "taf_meetings")?.rule == "OV-LOCAL-DATE")
        #expect(finding("EarlyHelp", 3, "child_id")?.rule == "OV-LOCAL-REQUIRED")
        #expect(finding("FosteringHouseholds", 2, "places")?.message == "places must be a whole number from 0 to 20, not 'x'")
        #expect(finding("FosteringHouseholds", 2, "type")?.rule == "OV-LOCAL-CODE")
        #expect(finding("FosteringHouseholds", 2, "deregistered")?.rule == "OV-LOCAL-ORDER")
        #expect(finding("Pathways", 1, "end")?.rule == "OV-LOCAL-DATE")
        #expect(loaded.issues.allSatisfy { $0.file.hasSuffix(".csv") })
    }

    static let census = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Message>
          <Header><CollectionDetails><Collection>CSWW</Collection><Year>2024</Year><ReferenceDate>2024-09-30</ReferenceDate></CollectionDetails></Header>
          <LALevelVacancies><NumberOfVacancies>2.5</NumberOfVacancies><NoAgencyFTE>1</NoAgencyFTE><NoAgencyHeadcount>1</NoAgencyHeadcount></LALevelVacancies>
          <CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>SW1</SWENo><FTE>1</FTE><OrgRole>5</OrgRole><RoleStartDate>2020-01-01</RoleStartDate><Cases30>15</Cases30></CSWWWorker>
          <CSWWWorker><AgencyWorker>2</AgencyWorker><SWENo>SW2</SWENo><FTE>7</FTE><OrgRole>9</OrgRole><RoleStartDate>2020-01-01</RoleStartDate><RoleEndDate>2019-01-01</RoleEndDate></CSWWWorker>
          <CSWWWorker><SWENo></SWENo><FTE>1</FTE></CSWWWorker>
        </Message>
        """

    @Test func theWorkforceCensusIsReadWithLocatedFindings() throws {
        let r = try WorkforceCensusReader.read(data: Data(Self.census.utf8), file: "csww.xml", fileIndex: 0)
        #expect(r.censusDate == Day.parseISO("2024-09-30"))
        #expect(r.workers.map(\.id) == ["SW1", "SW2"])
        #expect(r.workers[0].cases == 15 && r.workers[0].agency == false && r.vacancies.first?.vacancies == 2.5)
        let sw2 = r.issues.filter { $0.row == 6 }.map { "\($0.rule) \($0.fields[0])" }.sorted()
        #expect(sw2 == ["OV-CSWW-CODE AgencyWorker", "OV-CSWW-CODE OrgRole", "OV-CSWW-NUMBER FTE", "OV-CSWW-ORDER RoleEndDate"])
        #expect(r.issues.contains { $0.row == 7 && $0.rule == "OV-CSWW-REQUIRED" && $0.fields == ["SWENo"] })
        #expect(WorkforceCensusReader.recognise(Self.census))
    }

    @Test func aCensusWithoutItsDateIsRefusedWhole() throws {
        let undated = Self.census.replacingOccurrences(of: "<ReferenceDate>2024-09-30</ReferenceDate>", with: "")
        #expect(throws: UnusableFileError.self) { try WorkforceCensusReader.read(data: Data(undated.utf8), file: "csww.xml", fileIndex: 0) }
        let dir = try folder(["csww.xml": undated])
        defer { try? FileManager.default.removeItem(at: dir) }
        let loaded = FileLoader.load(paths: [dir.path])
        #expect(loaded.unusable.count == 1 && loaded.caseData.services.count == 0)
        #expect(loaded.unusable[0].reason.contains("ReferenceDate"))
    }

    @Test func annexAListsOneAndTwoGiveContactsAndEarlyHelp() throws {
        var rows: [AnnexAList: [[String: String]]] = [:]
        rows[.list1] = [["child_id": "A1", "contact_date": "2024-05-02", "contact_source": "1A"], ["child_id": "", "contact_date": "2024-05-02"]]
        rows[.list2] = [["child_id": "A2", "assessment_start_date": "2024-06-01", "assessment_organisation": "Police"]]
        let dir = try folder([:])
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try AnnexAWriter(rows: rows).write(to: dir.appendingPathComponent("annex_a.xlsx"))
        let d = FileLoader.load(paths: [dir.path]).caseData
        #expect(d.services.contacts.map(\.child.rawValue) == ["A1"] && d.hasContacts && d.hasEarlyHelp)
        #expect(d.services.earlyHelp.first?.organisation == "Police")
        #expect(MeasureEngine(data: d).compute("contacts", period: .reportingYear(2025))?.value == 1)
    }
}
