import Foundation
import OversightCore
@testable import OversightStore
import Testing

extension StoreTests {
    /// Two authorities in one database: every repository call scoped to one never returns the
    /// other's child-level data.
    @Suite struct AuthorityIsolationTests {
        @Test(arguments: TestBackend.all)
        func repositoriesNeverCrossAuthorities(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            // The store is closed whatever happens, so a failure here does not leave it open.
            func check() async throws {
                let a = SyntheticFiles.twoYears(in: folder, under: "a", prefix: "A")
                let b = SyntheticFiles.twoYears(in: folder, under: "b", prefix: "B")
                let imports = store.imports()
                _ = try await imports.importFiles(paths: [a.y2024, a.y2025], authority: "358", user: "u")
                guard case .imported(let bImport) = try await imports.importFiles(paths: [b.y2024, b.y2025], authority: "352", user: "u") else {
                    Issue.record("not stored"); return
                }
                let dataA = try await store.cases.caseData(authority: "358")
                let children = Set(dataA.claEpisodes.map(\.child.rawValue) + dataA.claHeaders.keys.map(\.rawValue) + dataA.claReviews.map(\.child.rawValue))
                #expect(!children.isEmpty && children.allSatisfy { $0.hasPrefix("A") })
                #expect(dataA.files.allSatisfy { $0.path.contains("/a/") })
                #expect(try await store.cases.childIDs(authority: "358").allSatisfy { $0.hasPrefix("A") })
                #expect(try await store.cases.childIDs(authority: "352").allSatisfy { $0.hasPrefix("B") })
                #expect(try await imports.list(authority: "358").allSatisfy { $0.authority == "358" && $0.files.allSatisfy { $0.path.contains("/a/") } })
                #expect(try await imports.findings(of: bImport.id, authority: "358").isEmpty)
                await #expect(throws: StoreError.self) { try await imports.undo(bImport.id, authority: "358") }
                #expect(try await imports.list(authority: "352").map(\.status) == [.active])
                #expect(try await store.cases.caseData(authority: "999").claEpisodes.isEmpty)
                #expect(try await imports.authorities() == ["352", "358"])
            }
            do { try await check() } catch { await store.close(); throw error }
            await store.close()
        }
    }
}
