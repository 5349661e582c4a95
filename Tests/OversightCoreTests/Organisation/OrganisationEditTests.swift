import Foundation
import Testing

@testable import OversightCore

/// An administrator's entry of a worker's spell or a child's allocation (issue 14): checked
/// against what is stored, and written as a one-row file of the documented format.
@Suite struct OrganisationEditTests {
    let stored = [
        WorkerRecord(id: "W1", team: "Assessment team 1", service: "Front door", start: df("2024-01-01"), leave: df("2024-12-31")),
        WorkerRecord(id: "W1", team: "CP team 1", start: df("2025-01-01")),
    ]

    @Test func aSpellMayNotOverlapAnotherOfTheWorkersButMayReplaceItsOwn() {
        // Ending the open spell: the same worker, team and first day replaces it.
        let end = WorkerRecord(id: "W1", team: "CP team 1", start: df("2025-01-01"), leave: df("2025-06-30"))
        #expect(OrganisationEdit.problems(end, stored: stored).isEmpty)
        // A new team while the open spell runs: refused, saying which spell to end.
        let move = WorkerRecord(id: "W1", team: "CIN team 2", start: df("2025-06-01"))
        #expect(OrganisationEdit.problems(move, stored: stored)["start_date"]?.hasPrefix("W1 is in CP team 1 from 2025-01-01 with no leave date") == true)
        // After the spell has ended, it fits.
        #expect(OrganisationEdit.problems(move, stored: [stored[0], end]).isEmpty == false) // 1 June is still in CP team 1
        #expect(OrganisationEdit.problems(WorkerRecord(id: "W1", team: "CIN team 2", start: df("2025-07-01")), stored: [stored[0], end]).isEmpty)
        let backwards = WorkerRecord(id: "W2", team: "T", start: df("2025-07-01"), leave: df("2025-06-01"))
        #expect(OrganisationEdit.problems(backwards, stored: stored) == ["leave_date": "The leave date must be on or after the start date"])
    }

    @Test func anAllocationNeedsAKnownWorkerAndMayNotOverlapTheChildsOthers() {
        let allocations = [Allocation(child: cid("C1"), worker: "W1", from: df("2025-01-10"))]
        let next = Allocation(child: cid("C1"), worker: "W1", from: df("2025-03-01"))
        #expect(OrganisationEdit.problems(next, stored: allocations, workers: stored)["from_date"]?.contains("end that allocation first") == true)
        let ended = Allocation(child: cid("C1"), worker: "W1", from: df("2025-01-10"), to: df("2025-02-28"))
        #expect(OrganisationEdit.problems(ended, stored: allocations, workers: stored).isEmpty)
        #expect(OrganisationEdit.problems(next, stored: [ended], workers: stored).isEmpty)
        let unknown = Allocation(child: cid("C2"), worker: "W9", from: df("2025-01-01"))
        #expect(OrganisationEdit.problems(unknown, stored: [], workers: stored) == ["worker_id": "No worker W9 is in any team: add the worker first"])
    }

    @Test func entriesAreWrittenInTheDocumentedFormats() {
        let spell = WorkerRecord(
            id: "W3", name: "Sam \"Sammy\" Jones, ASYE", role: "Social worker", fte: 0.8, employment: "agency", team: "CIN team 2",
            service: "Children in need", start: df("2025-04-01"))
        #expect(
            OrganisationEdit.csv(spell)
                == "worker_id,name,role,fte,employment,team,service,start_date,leave_date\nW3,\"Sam \"\"Sammy\"\" Jones, ASYE\",Social worker,0.8,agency,CIN team 2,Children in need,2025-04-01,\n"
        )
        #expect(OrganisationEdit.csv(WorkerRecord(id: "W4", fte: 1, team: "T", start: df("2025-04-01"))).hasSuffix("W4,,,1,,T,,2025-04-01,\n"))
        #expect(
            OrganisationEdit.csv(Allocation(child: cid("C1"), worker: "W3", from: df("2025-04-01"), to: df("2025-05-01")))
                == "child_id,worker_id,from_date,to_date\nC1,W3,2025-04-01,2025-05-01\n")
    }
}
