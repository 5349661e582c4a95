import Foundation
import OversightCore
@testable import OversightStore
import Testing

extension StoreTests {
    /// Organisation files are imported whole or not at all (issue 14): a worker in two teams at
    /// once, a child allocated twice at once, or an allocation to an unknown worker rejects the
    /// import with every finding located, and nothing already stored is lost.
    @Suite struct OrganisationImportTests {
        static let workers = """
            worker_id,name,role,fte,employment,team,service,start_date,leave_date
            W1,Sam Jones,Social worker,1,employed,Assessment team 1,Front door,2022-04-01,
            W2,Ali Khan,Social worker,1,employed,Child protection team 1,Children in need,2023-01-01,

            """

        @Test(arguments: TestBackend.all)
        func anOrganisationFileWithAnErrorIsRejectedWholeAndNothingIsLost(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let years = SyntheticFiles.twoYears(in: folder, under: "la")
            _ = try await store.imports().importFiles(paths: [years.y2024], authority: "358", user: "u")
            let before = try await store.imports().list(authority: "358")

            // W2 in two teams at once (row 3 overlaps row 2), and an allocation to W9, whom no file names.
            folder.write("bad/workers.csv", Self.workers + "W2,Ali Khan,Social worker,1,employed,Assessment team 1,Front door,2024-01-01,\n")
            folder.write("bad/allocations.csv", "child_id,worker_id,from_date,to_date\nA1,W1,2024-05-01,\nA2,W9,2024-05-01,\n")
            do {
                _ = try await store.imports().importFiles(paths: [folder.path("bad"), years.y2025], authority: "358", user: "u")
                Issue.record("an organisation file with errors was imported")
            } catch let StoreError.badInput(message) {
                #expect(message.contains("nothing was imported"))
                #expect(message.contains("workers.csv, row 3, team: [OV-ORG-TEAMS]"), "\(message)")
                #expect(message.contains("allocations.csv, row 2, worker_id: [OV-ORG-WORKER]"), "\(message)")
            }
            // Nothing of the rejected import is stored, the 2025 return with it; the earlier import stands.
            #expect(try await store.imports().list(authority: "358") == before)

            // Corrected, it goes in; an allocations file alone is then checked against the stored workers.
            folder.write("good/workers.csv", Self.workers)
            folder.write("good/allocations.csv", "child_id,worker_id,from_date,to_date\nA1,W1,2024-05-01,\n")
            _ = try await store.imports().importFiles(paths: [folder.path("good")], authority: "358", user: "u")
            #expect(try await store.cases.caseData(authority: "358").workers.count == 2)
            folder.write("later/allocations.csv", "child_id,worker_id,from_date,to_date\nA2,W7,2024-06-01,\n")
            await #expect(throws: StoreError.self) { _ = try await store.imports().importFiles(paths: [folder.path("later")], authority: "358", user: "u") }
            await store.close()
        }

        /// The SSD's professionals and involvements extracts are organisation files too: stored
        /// whole (the workers with no spell dates read back as such), or refused whole.
        @Test(arguments: TestBackend.all)
        func theSSDExtractsAreStoredWholeOrNotAtAll(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let header = "prof_professional_id,prof_professional_name,prof_professional_job_title,prof_professional_department,prof_full_time_equivalency,prof_agency_worker_flag\n"
            let involvements = "invo_professional_id,invo_professional_role_id,invo_professional_team,invo_involvement_start_date,invo_involvement_end_date,invo_person_id\n"
            folder.write("bad/ssd_professionals.csv", header + "P1,Sam Jones,Social Worker,CP team 1,1,N\n")
            folder.write("bad/ssd_involvements.csv", involvements + "P1,Allocated Case Worker,CP team 1,not a date,,C1\n")
            do {
                _ = try await store.imports().importFiles(paths: [folder.path("bad")], authority: "358", user: "u")
                Issue.record("an SSD extract with an error was imported")
            } catch let StoreError.badInput(message) {
                #expect(message.contains("ssd_involvements.csv, row 1, invo_involvement_start_date: [OV-LOCAL-DATE]"), "\(message)")
            }
            #expect(try await store.imports().list(authority: "358").isEmpty)
            folder.write("good/ssd_professionals.csv", header + "P1,Sam Jones,Social Worker,CP team 1,1,N\n")
            folder.write("good/ssd_involvements.csv", involvements + "P1,Allocated Case Worker,CP team 1,2024-05-01 00:00:00.000,,C1\n")
            _ = try await store.imports().importFiles(paths: [folder.path("good")], authority: "358", user: "u")
            let d = try await store.cases.caseData(authority: "358")
            #expect(d.workers.map(\.id) == ["P1"] && d.workers[0].start == .missing && d.workers[0].employment == "employed")
            #expect(Organisation(d).holder(of: ChildID("C1"), on: Day(year: 2024, month: 6, day: 1)!).team == "CP team 1")
            await store.close()
        }
    }
}
