import Foundation
import Testing

extension StoreTests {
    /// The store commands as a user runs them: `import`, `imports list/undo`, `measures` without `--from`.
    @Suite struct CommandLineTests {
        struct Run { var status: Int32; var out: String; var err: String }

        static func oversight(_ arguments: [String], database: String) throws -> Run {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: ImportFaultTests.binary)
            p.arguments = arguments
            var env = ProcessInfo.processInfo.environment
            env.removeValue(forKey: "DATABASE_URL")
            env["OVERSIGHT_DATABASE"] = database
            p.environment = env
            let out = Pipe(), err = Pipe()
            p.standardOutput = out; p.standardError = err
            try p.run()
            let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return Run(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
        }

        @Test func importTwiceMeasuresAndUndo() throws {
            try #require(FileManager.default.isExecutableFile(atPath: ImportFaultTests.binary), "build the oversight executable first (swift build)")
            let folder = TempFolder()
            let db = folder.path("o.sqlite")
            _ = SyntheticFiles.twoYears(in: folder, under: "la")
            let first = try Self.oversight(["import", folder.path("la"), "--la", "358", "--user", "analyst"], database: db)
            #expect(first.status == 0 && first.out.hasPrefix("import 1 for 358"), "\(first.err)")
            let again = try Self.oversight(["import", folder.path("la"), "--la", "358"], database: db)
            #expect(again.status == 0 && again.out == "nothing changed: these files were already imported as import 1\n")

            let fromStore = try Self.oversight(["measures", "--period", "2025", "--format", "csv"], database: db)
            // The store knows its authority, so its rates use the published population: give --from the same.
            let fromFiles = try Self.oversight(["measures", "--from", folder.path("la"), "--period", "2025", "--format", "csv", "--la", "358"], database: db)
            #expect(fromStore.status == 0 && fromStore.out == fromFiles.out && !fromStore.out.isEmpty)

            let list = try Self.oversight(["imports", "list"], database: db)
            #expect(list.status == 0 && list.out.contains("analyst") && list.out.contains("active"))
            #expect(try Self.oversight(["imports", "undo", "1"], database: db).status == 0)
            #expect(try Self.oversight(["imports", "list", "--la", "358"], database: db).out.contains("undone"))

            let bad = try Self.oversight(["imports", "undo", "9"], database: db)
            #expect(bad.status == 2 && bad.err.hasPrefix("error: authority 358 has no import 9"))
            let nowhere = try Self.oversight(["migrate"], database: folder.path("missing/o.sqlite"))
            #expect(nowhere.status == 2 && nowhere.err.contains("does not exist"))
            let twoLAs = try Self.oversight(["import", folder.path("la/local"), "--la", "352"], database: db)
            #expect(twoLAs.status == 0)
            let ambiguous = try Self.oversight(["measures", "--period", "2025"], database: db)
            #expect(ambiguous.status == 2 && ambiguous.err.contains("352, 358"))
        }

        /// `teams list` and `workers list` from an import of the organisation files (issue 14).
        @Test func teamsAndWorkersListFromTheImportedOrganisation() throws {
            try #require(FileManager.default.isExecutableFile(atPath: ImportFaultTests.binary), "build the oversight executable first (swift build)")
            let folder = TempFolder()
            let db = folder.path("o.sqlite")
            folder.write(
                "la/local/workers.csv",
                "worker_id,name,role,fte,employment,team,service,start_date,leave_date\n"
                    + "W1,Sam Jones,Social worker,1,employed,Assessment team 1,Front door,2023-04-01,\n"
                    + "W2,Ali Khan,Social worker,0.8,agency,Child protection team 1,Children in need,2023-04-01,2024-12-31\n")
            folder.write("la/local/allocations.csv", "child_id,worker_id,from_date,to_date\nC1,W1,2024-05-01,\nC2,W1,2024-06-01,\nC3,W2,2024-06-01,\n")
            let imported = try Self.oversight(["import", folder.path("la"), "--la", "358"], database: db)
            #expect(imported.status == 0, "\(imported.err)")
            let teams = try Self.oversight(["teams", "list", "--la", "358", "--on", "2024-09-30", "--format", "json"], database: db)
            #expect(teams.status == 0, "\(teams.err)")
            struct Team: Decodable {
                var name: String; var service: String?; var workers: [String]; var children: Int
                var caseloadMin: Int; var caseloadMedian: Double; var caseloadMax: Int
            }
            let decoded = try JSONDecoder().decode([Team].self, from: Data(teams.out.utf8))
            #expect(decoded.map(\.name) == ["Child protection team 1", "Assessment team 1"])
            #expect(decoded.map(\.children) == [0, 0]) // no return holds these children: nobody is counted
            #expect(decoded.map(\.caseloadMax) == [0, 0] && decoded.map(\.caseloadMedian) == [0, 0])
            let table = try Self.oversight(["teams", "list", "--la", "358", "--on", "2024-09-30"], database: db)
            #expect(table.out.hasPrefix("team") && table.out.contains("caseload min"))
            let workers = try Self.oversight(["workers", "list", "--la", "358", "--on", "2025-01-31", "--format", "csv"], database: db)
            #expect(workers.status == 0 && workers.out.hasPrefix("worker,name,role,fte,employment,team,service,start,leave,caseload\nW1,Sam Jones"))
            #expect(!workers.out.contains("W2")) // left at the end of 2024
            let bad = try Self.oversight(["teams", "list", "--la", "358", "--on", "yesterday"], database: db)
            #expect(bad.status == 2 && bad.err.contains("--on must be a date"))
        }

        /// `actions list` (issue 14): the plan's actions, tracked from the first look, with id,
        /// ambition, title, owner, due date, status and RAG, filtered to the overdue.
        @Test func actionsListGivesEachActionWithItsRAG() throws {
            try #require(FileManager.default.isExecutableFile(atPath: ImportFaultTests.binary), "build the oversight executable first (swift build)")
            let folder = TempFolder()
            let db = folder.path("o.sqlite")
            #expect(try Self.oversight(["migrate"], database: db).status == 0)
            let json = try Self.oversight(["actions", "list", "--la", "358", "--format", "json"], database: db)
            #expect(json.status == 0, "\(json.err)")
            struct Row: Decodable { var id: Int; var ambition: Int; var title: String; var owner: String; var due: String?; var status: String; var rag: String }
            let rows = try JSONDecoder().decode([Row].self, from: Data(json.out.utf8))
            #expect(rows.count > 20 && rows.allSatisfy { $0.status == "not_started" && $0.rag == "grey" && $0.due == nil })
            #expect(json.out.contains("\"due\" : null"))
            let csv = try Self.oversight(["actions", "list", "--la", "358", "--format", "csv"], database: db)
            #expect(csv.out.hasPrefix("id,ambition,title,owner,due,status,rag,latest_update\n1,1,"))
            let overdue = try Self.oversight(["actions", "list", "--la", "358", "--overdue", "--format", "csv"], database: db)
            #expect(overdue.out == "id,ambition,title,owner,due,status,rag,latest_update\n")
            #expect(try Self.oversight(["actions", "list", "--la", "358", "--format", "xml"], database: db).status == 2)
        }

        /// Rows with errors flag the same measures from the store and from `--from`, also when
        /// only some measures are asked for (validation still reads every file).
        @Test func flagsAgreeBetweenTheStoreAndFrom() throws {
            try #require(FileManager.default.isExecutableFile(atPath: ImportFaultTests.binary), "build the oversight executable first (swift build)")
            let folder = TempFolder()
            let db = folder.path("o.sqlite")
            let path = SyntheticFiles.rowsWithErrors(in: folder, under: "la")
            #expect(try Self.oversight(["import", path, "--la", "358"], database: db).status == 0)
            for extra in [[], ["--measure", "cla_at_end"], ["--measure", "placement_stability_short_pct", "--measure", "cla_starts"]] {
                let store = try Self.oversight(["measures", "--period", "2025", "--format", "csv"] + extra, database: db)
                let files = try Self.oversight(["measures", "--from", path, "--period", "2025", "--format", "csv", "--la", "358"] + extra, database: db)
                #expect(store.status == 0 && store.out == files.out, "\(extra)")
                #expect(store.out.contains("from rows with errors (`oversight imports show ID`"), "\(extra)")
            }
            let unflagged = try Self.oversight(["measures", "--from", path, "--period", "2025", "--format", "csv", "--skip-validation"], database: db)
            #expect(unflagged.status == 0 && !unflagged.out.contains("rows with errors"))
            let show = try Self.oversight(["imports", "show", "1", "--severity", "error", "--limit", "1"], database: db)
            #expect(show.status == 0 && show.out.contains("findings 1 to 1 of ") && show.out.contains("error "))
        }
    }
}
