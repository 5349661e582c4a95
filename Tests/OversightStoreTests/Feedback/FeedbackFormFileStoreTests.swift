import Foundation
import OversightCore
import OversightFormats
@testable import OversightStore
import Testing

extension StoreTests {
    /// Form files through the store (SQLite, and PostgreSQL when configured): a file read by
    /// `FeedbackFormReader` and saved by `saveForm` comes back as written, a reworded shipped form
    /// is its next version with the responses of the old version kept, and a version dropping a
    /// question a measure reads is refused, storing nothing.
    @Suite struct FeedbackFormFileStoreTests {
        @Test(arguments: TestBackend.all)
        func aFormFileRoundTripsThroughTheStore(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let repo = store.feedback(authority: "358")
            let yaml = """
                id: after-help
                title: "After your help: \\"how was it?\\""
                respondent: child-young-person
                introduction: A few questions, ünïcödé and all.
                questions:
                  - id: safe
                    wording: I feel safer
                    kind: agreement
                  - id: listened
                    wording: My worker listened to me
                    kind: yes-no
                  - id: else
                    wording: Anything else
                    kind: text
                    optional: true
                """
            let read = try FeedbackFormReader().parse(yaml: yaml, file: "after-help.yaml")
            let saved = try await repo.saveForm(read, by: "admin")
            #expect(saved.version == 1)
            let stored = try #require(try await repo.latestForm(id: "after-help"))
            #expect(stored == saved)
            #expect(stored.title == "After your help: \"how was it?\"")
            // Written out and read back, it is the same form: saving it again stores nothing.
            let again = try FeedbackFormReader().parse(yaml: FeedbackFormWriter.yaml(stored))
            let revision = try await store.revision(authority: "358")
            #expect(try await repo.saveForm(again, by: "admin") == stored)
            #expect(try await store.revision(authority: "358") == revision)

            // A response on version 1, then the shipped form reworded: version 2, offered next;
            // the old response keeps its version, and the measures still count it.
            _ = try await repo.record(
                formID: "family-help", answers: ["right-help": "agree", "better": "agree", "lasted": "agree"], respondent: .parentCarer, team: nil,
                child: nil, by: "worker")
            var text = FeedbackFormWriter.yaml(try #require(try await repo.latestForm(id: "family-help")))
            text = text.replacingOccurrences(of: "We got the right help at the right time", with: "We had the help we needed, when we needed it")
            let v2 = try await repo.saveForm(try FeedbackFormReader().parse(yaml: text), by: "admin")
            #expect(v2.version == 2)
            #expect(try await repo.latestForm(id: "family-help")?.question("right-help")?.wording == "We had the help we needed, when we needed it")
            #expect(try await repo.responses().map(\.formVersion) == [1])

            // Dropping a question a measure reads: refused by the store too, nothing stored.
            var dropped = v2
            dropped.questions.removeAll { $0.id == "lasted" }
            let before = try await store.revision(authority: "358")
            await #expect {
                try await repo.saveForm(dropped, by: "admin")
            } throws: { error in
                guard case StoreError.badInput(let reason) = error else { return false }
                return reason.contains("'lasted' cannot be dropped") && reason.contains("feedback_helped_sustained_families")
            }
            #expect(try await repo.latestForm(id: "family-help")?.version == 2)
            #expect(try await store.revision(authority: "358") == before)
            #expect(try await repo.forms().map(\.id) == ["after-help", "family-help", "tdas"])
            await store.close()
        }
    }
}
