import ArgumentParser
import Foundation
import OversightCore
import OversightFormats
import OversightStore

struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract: "Families' feedback: the forms an authority uses.",
        subcommands: [Forms.self]
    )

    struct Forms: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "forms",
            abstract: "Feedback forms: list them, and add a form (or change one) from a form file.",
            discussion: """
                A form file is YAML (docs/feedback.md, "Your own forms"). A form with a new id is added as
                version 1; a form with an id already used becomes its next version. Keep each question's id:
                the feedback measures read the ids, never the wording, and a form that drops a question a
                measure reads is refused. Example: oversight feedback forms add family-help.yaml --la 358
                """,
            subcommands: [List.self, Add.self]
        )

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the latest version of each feedback form.")
            @Option(help: "Local authority code. Default: the only authority in the store.") var la: String?
            func run() throws {
                let la = self.la
                let forms = try StoreSession.run { store in
                    try await store.feedback(authority: try await StoreSession.authority(la, in: store)).forms()
                }
                for f in forms {
                    print([f.id, "version \(f.version)", f.respondent.words, "\(f.questions.count) questions", f.title].joined(separator: "\t"))
                }
            }
        }

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add a form file (YAML) as a new form, or as the next version of the form with its id (bad fields are named).")
            @Argument(help: "The form file (YAML).") var file: String
            @Option(help: "Local authority code. Default: the only authority in the store.") var la: String?
            func run() throws {
                let form: FeedbackForm
                do { form = try FeedbackFormReader().read(url: URL(fileURLWithPath: file)) } catch let e as FeedbackFormError {
                    throw CLIError.usage(e.description)
                }
                let la = self.la
                let who = ProcessInfo.processInfo.environment["USER"] ?? "unknown"
                let (before, saved) = try StoreSession.run { store in
                    let repo = store.feedback(authority: try await StoreSession.authority(la, in: store))
                    let before = try await repo.latestForm(id: form.id)
                    return (before, try await repo.saveForm(form, by: who))
                }
                if let before, before == saved {
                    print("\(saved.title) is the same as \(saved.id) version \(saved.version): nothing saved.")
                } else {
                    print("Saved \(saved.title) as \(saved.id) version \(saved.version). Responses already given keep their version.")
                }
            }
        }
    }
}
