import Foundation
import OversightCore
import OversightStore
@testable import OversightWeb
import Testing
import Vapor

/// Entering and correcting the organisation in the product (issue 14): administrators only, each
/// entry checked and imported as a one-row local file, bad entries refused field by field with
/// nothing stored.
@Suite(.serialized) struct OrganisationWebTests {
    @Test func anAdministratorEntersAndCorrectsASpellAndAnAllocation() async throws {
        let h = try await WebHarness.start()
        let la = WebFixtures.authority
        #expect(try await h.send(.GET, "/organisation", as: .manager).status == .forbidden)
        let page = try await h.send(.GET, "/organisation", as: .administrator)
        #expect(page.status == .ok && page.body.string.contains("spells in teams"))
        #expect(try await h.send(.GET, "/teams", as: .administrator).body.string.contains("href=\"/organisation\""))
        let importsBefore = try await h.store.imports().list(authority: la).count

        // Blank and bad fields: each named, nothing stored.
        let bad = try await h.send(.POST, "/organisation/workers", as: .administrator, form: ["worker_id": "", "fte": "3", "start_date": "1 April"])
        #expect(bad.status == .unprocessableEntity)
        for message in ["Enter the worker&#39;s id", "Enter the team", "from 0.01 to 1.5", "Enter the date as year-month-day"] {
            #expect(bad.body.string.contains(message), "\(message)")
        }
        #expect(try await h.store.imports().list(authority: la).count == importsBefore)

        // A new worker in a new team.
        let spell = [
            "worker_id": "SWNEW1", "name": "Robin Test", "role": "Social worker", "fte": "0.8", "employment": "agency", "team": "New team", "service": "Front door",
            "start_date": "2024-04-01",
        ]
        #expect(try await h.send(.POST, "/organisation/workers", as: .administrator, form: spell).status == .seeOther)
        var workers = try await h.app.services.dashboards.snapshot(authority: la).engine.data.workers.filter { $0.id == "SWNEW1" }
        #expect(workers.count == 1 && workers[0].team == "New team" && workers[0].fte == 0.8 && workers[0].employment == "agency")
        let imports = try await h.store.imports().list(authority: la)
        #expect(imports.count == importsBefore + 1)
        // Moving team while the spell is open is refused; ending it first works.
        let move = try await h.send(
            .POST, "/organisation/workers", as: .administrator, form: ["worker_id": "SWNEW1", "team": "Other team", "start_date": "2024-10-01"])
        #expect(move.status == .unprocessableEntity && move.body.string.contains("a worker is in one team at a time"))
        var ended = spell
        ended["leave_date"] = "2024-09-30"
        #expect(try await h.send(.POST, "/organisation/workers", as: .administrator, form: ended).status == .seeOther)
        workers = try await h.app.services.dashboards.snapshot(authority: la).engine.data.workers.filter { $0.id == "SWNEW1" }
        #expect(workers.count == 1 && workers[0].leave.day == Day(year: 2024, month: 9, day: 30))
        #expect(
            try await h.send(.POST, "/organisation/workers", as: .administrator, form: ["worker_id": "SWNEW1", "team": "Other team", "start_date": "2024-10-01"])
                .status == .seeOther)

        // An allocation: to an unknown worker refused; to the new worker stored and shown for the child.
        let snapshot = try await h.app.services.dashboards.snapshot(authority: la)
        let child = try #require(snapshot.engine.data.cinChildren.keys.sorted { $0.rawValue < $1.rawValue }.first).rawValue
        let unknown = try await h.send(.POST, "/organisation/allocations", as: .administrator, form: ["child_id": child, "worker_id": "NOBODY", "from_date": "2030-01-01"])
        #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("No worker NOBODY is in any team"))
        let open = snapshot.engine.data.allocations.filter { $0.child.rawValue == child }
        // After every stored allocation of the child has ended (or none), a new one fits.
        let from = (open.compactMap { $0.to.day ?? $0.from.day }.max() ?? Day(year: 2024, month: 10, day: 1)!).adding(days: 1)
        if open.contains(where: { $0.to.day == nil }) {
            let clash = try await h.send(
                .POST, "/organisation/allocations", as: .administrator, form: ["child_id": child, "worker_id": "SWNEW1", "from_date": from.adding(years: 1).iso])
            #expect(clash.status == .unprocessableEntity && clash.body.string.contains("end that allocation first"))
        } else {
            let saved = try await h.send(.POST, "/organisation/allocations", as: .administrator, form: ["child_id": child, "worker_id": "SWNEW1", "from_date": from.iso])
            #expect(saved.status == .seeOther)
            let shown = try await h.send(.GET, "/organisation?child=\(child)", as: .administrator).body.string
            #expect(shown.contains("<td>SWNEW1</td>"))
        }
        await h.shutdown()
    }
}
