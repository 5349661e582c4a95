import Foundation
import OversightCore
@testable import OversightFormats
import Testing

/// The Standard Safeguarding Dataset's professionals and involvements extracts (issue 14), as
/// an authority's SSD exports them to CSV: recognised by their header, read into the
/// organisation (workers in their departments, the allocated worker's involvements as
/// allocations), with bad values found at file, row and field. Synthetic ids only.
@Suite struct SSDExtractTests {
    static let professionals = """
        prof_professional_id,prof_staff_id,prof_professional_name,prof_social_worker_registration_no,prof_professional_job_title,prof_professional_caseload,prof_professional_department,prof_full_time_equivalency,prof_agency_worker_flag
        P1,S1,Sam Jones,SW000001,Social Worker,14,Child protection team 1,1,N
        P2,S2,Ali Khan,SW000002,Social Worker,12,Child in need team 2,0.8,Y
        P3,,Jo Bell,,Independent Reviewing Officer,40,Reviewing service,1,PLACEHOLDER_DATA
        P4,S4,Max Reed,SW000004,Social Worker,9,Assessment team 1,4,N

        """

    static let involvements = """
        invo_involvements_id,invo_professional_id,invo_professional_role_id,invo_professional_team,invo_involvement_start_date,invo_involvement_end_date,invo_worker_change_reason,invo_person_id,invo_referral_id
        1,P1,Allocated Case Worker,Child protection team 1,2024-05-01 00:00:00.000,2024-08-31 00:00:00.000,,C1,R1
        2,P2,Allocated Case Worker,Child in need team 2,2024-09-01T00:00:00,,MANAGE,C1,R1
        3,P3,Independent Reviewing Officer,Reviewing service,2024-05-01,,,C1,R1
        4,P2,,Child in need team 2,2024-06-01,,,C2,R2
        5,P1,Allocated Case Worker,Child protection team 1,1 June,,,C3,R3

        """

    @Test func theExtractsGiveWorkersInTheirTeamsAndTheAllocatedWorkersInvolvements() throws {
        let t = TempFolder()
        t.write("ssd/ssd_professionals.csv", Self.professionals)
        t.write("ssd/ssd_involvements.csv", Self.involvements)
        let loaded = FileLoader.load(paths: [t.path])
        #expect(loaded.files.map(\.format).sorted() == ["ssd-involvements", "ssd-professionals"])
        let d = loaded.caseData
        #expect(d.workers.map(\.id).sorted() == ["P1", "P2", "P3", "P4"])
        let p2 = try #require(d.workers.first { $0.id == "P2" })
        #expect(p2.team == "Child in need team 2" && p2.fte == 0.8 && p2.employment == "agency" && p2.role == "Social Worker")
        #expect(d.workers.first { $0.id == "P3" }?.employment == nil)
        // The IRO's involvement is not an allocation; a blank role is.
        #expect(d.allocations.map { "\($0.child.rawValue):\($0.worker)" }.sorted() == ["C1:P1", "C1:P2", "C2:P2", "C3:P1"])
        let org = Organisation(d)
        // The extract gives no spell dates: each worker is in their department throughout.
        #expect(org.holder(of: ChildID("C1"), on: Day(year: 2024, month: 6, day: 15)!) == .init(worker: "P1", team: "Child protection team 1", service: nil))
        #expect(org.holder(of: ChildID("C1"), on: Day(year: 2025, month: 1, day: 15)!).team == "Child in need team 2")
        #expect(org.teams(on: Day(year: 2020, month: 1, day: 1)!).count == 4)
    }

    @Test func badValuesAreFoundWhereTheyAre() throws {
        let t = TempFolder()
        let professionalsPath = t.write("ssd/ssd_professionals.csv", Self.professionals)
        let involvementsPath = t.write("ssd/ssd_involvements.csv", Self.involvements)
        let loaded = FileLoader.load(paths: [t.path])
        func found(_ rule: String) -> [[String]] {
            loaded.issues.filter { $0.rule == rule }.map { [$0.file, String($0.row ?? 0), $0.child ?? "-"] + $0.fields }
        }
        #expect(found("OV-LOCAL-NUMBER") == [[professionalsPath, "4", "-", "prof_full_time_equivalency"]])
        #expect(found("OV-LOCAL-DATE") == [[involvementsPath, "5", "C3", "invo_involvement_start_date"]])
        // Every allocated worker is in the professionals extract.
        #expect(found("OV-ORG-WORKER").isEmpty)
    }

    @Test func datesAsSQLServerWritesThemReadAsTheirDay() {
        #expect(LocalCSVReader.ssdDate("2024-01-30 00:00:00.000").day == Day(year: 2024, month: 1, day: 30))
        #expect(LocalCSVReader.ssdDate("2024-01-30T09:15:00").day == Day(year: 2024, month: 1, day: 30))
        #expect(LocalCSVReader.ssdDate("30/01/2024").day == Day(year: 2024, month: 1, day: 30))
        #expect(LocalCSVReader.ssdDate("2024-13-30 00:00").isInvalid)
        #expect(LocalCSVReader.ssdDate("").day == nil && !LocalCSVReader.ssdDate("").isInvalid)
    }
}
