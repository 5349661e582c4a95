import Foundation
import OversightCore
@testable import OversightFormats
import Testing

/// The organisation's local files (docs/formats.md): workers' spells in teams and children's
/// allocations to workers, recognised by their header, read into the case data, and checked
/// with findings located at file, row and field.
@Suite struct OrganisationFileTests {
    static let workers = """
        worker_id,name,role,fte,employment,team,service,start_date,leave_date
        W1,Sam Jones,Social worker,1,employed,Assessment team 1,Front door,2022-04-01,2024-06-30
        W1,Sam Jones,Social worker,1,employed,Child in need team 1,Children in need,2024-07-01,
        W2,Ali Khan,Social worker,0.8,agency,Child protection team 1,Children in need,2023-01-01,
        W3,Jo Bell,Social worker,2.5,locum,Child protection team 1,Children in need,2023-01-01,
        W2,Ali Khan,Social worker,0.8,agency,Assessment team 1,Front door,2024-01-01,

        """

    static let allocations = """
        child_id,worker_id,from_date,to_date
        C1,W1,2024-05-01,2024-07-31
        C1,W2,2024-08-01,
        C2,W9,2024-05-01,
        C3,W2,2024-05-01,2024-09-30
        C3,W1,2024-09-01,

        """

    @Test func theFilesAreRecognisedReadAndWhoHoldsAChildIsKnownOnAnyDay() throws {
        let t = TempFolder()
        t.write("local/workers.csv", Self.workers)
        t.write("local/allocations.csv", Self.allocations)
        let loaded = FileLoader.load(paths: [t.path])
        #expect(loaded.files.map(\.format).sorted() == ["allocations-local", "workers-local"])
        let d = loaded.caseData
        #expect(d.workers.count == 5 && d.allocations.count == 5)
        let org = Organisation(d)
        let june = Day(year: 2024, month: 6, day: 15)!, october = Day(year: 2024, month: 10, day: 1)!
        #expect(org.holder(of: ChildID("C1"), on: june) == .init(worker: "W1", team: "Assessment team 1", service: "Front door"))
        #expect(org.holder(of: ChildID("C1"), on: october).worker == "W2")
        #expect(org.holder(of: ChildID("C9"), on: june) == .init(worker: nil, team: nil, service: nil))
        #expect(org.teams(on: october).map(\.name) == ["Child in need team 1", "Child protection team 1", "Assessment team 1"])
    }

    @Test func badValuesOverlapsAndUnknownWorkersAreFoundWhereTheyAre() throws {
        let t = TempFolder()
        let workersPath = t.write("local/workers.csv", Self.workers)
        let allocationsPath = t.write("local/allocations.csv", Self.allocations)
        let loaded = FileLoader.load(paths: [t.path])
        func found(_ rule: String) -> [(String, Int?, [String])] {
            loaded.issues.filter { $0.rule == rule }.map { ($0.file, $0.row, $0.fields) }
        }
        // W3's FTE and employment; W2 in two teams at once (row 5 overlaps row 3).
        #expect(found("OV-LOCAL-NUMBER").map(\.1) == [4] && found("OV-LOCAL-NUMBER").first?.0 == workersPath)
        #expect(found("OV-LOCAL-CODE").map(\.2) == [["employment"]])
        #expect(found("OV-ORG-TEAMS").map { [$0.0, String($0.1 ?? 0)] + $0.2 } == [[workersPath, "5", "team"]])
        // C3 held by two workers in September; C2's worker is in no workers file.
        #expect(found("OV-ORG-OVERLAP").map { [$0.0, String($0.1 ?? 0)] + $0.2 } == [[allocationsPath, "5", "from_date"]])
        #expect(found("OV-ORG-WORKER").map { [$0.0, String($0.1 ?? 0)] + $0.2 } == [[allocationsPath, "3", "worker_id"]])
        let message = try #require(loaded.issues.first { $0.rule == "OV-ORG-TEAMS" }?.message)
        #expect(message.contains("worker W2 is in Assessment team 1") && message.contains("a worker is in one team at a time"))
    }

    @Test func aChildNoReturnHoldsIsFoundWhenReturnsAreLoadedWithTheAllocations() throws {
        let t = TempFolder()
        t.write("2025/header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/01/2015,WBRI,,,\n")
        let allocationsPath = t.write("local/allocations.csv", "child_id,worker_id,from_date,to_date\nC1,W1,2024-05-01,\nC7,W1,2024-05-01,\n")
        let loaded = FileLoader.load(paths: [t.path])
        let unknown = loaded.issues.filter { $0.rule == "OV-ORG-CHILD" }
        #expect(unknown.map(\.row) == [2] && unknown.first?.file == allocationsPath && unknown.first?.fields == ["child_id"])
    }

    @Test func visitsAreRecognisedReadAndBadDatesFoundWhereTheyAre() throws {
        let t = TempFolder()
        let path = t.write(
            "local/visits.csv",
            """
            child_id,visit_date,worker_id
            C1,2025-06-02,W1
            C1,03/06/2025,
            C2,2025-13-01,W2
            ,2025-06-01,W1
            C1,2025-06-02,W1

            """)
        let loaded = FileLoader.load(paths: [t.path])
        #expect(loaded.files.map(\.format) == ["visits-local"])
        let d = loaded.caseData
        #expect(d.hasVisits)
        // The repeated row is one visit; the blank child id is left out and counted.
        #expect(d.visits.map(\.date.day?.iso) == ["2025-06-03", nil, "2025-06-02"])
        #expect(d.blankChildIDs["Visits"] == 1)
        let bad = loaded.issues.filter { $0.rule == "OV-LOCAL-DATE" }
        #expect(bad.map { [$0.file, String($0.row ?? 0)] + $0.fields } == [[path, "3", "visit_date"]])
    }
}
