import ArgumentParser
import Foundation
import OversightCore
import OversightFormats
import OversightStore

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Audit templates: list them, and change one by importing a template file as its next version.",
        discussion: """
            Start from a shipped template (Sources/OversightFormats/Resources/audit-templates/), reword it,
            and import it: it becomes the template's next version. Audits already started keep the
            version they were started on; questions marked `feeds:` keep feeding the QA measures.
            Example: oversight templates import case-file.yaml --la 358
            """,
        subcommands: [List.self, Import.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the latest version of each audit template.")
        @Option(help: "Local authority code.") var la: String
        func run() throws {
            let la = self.la
            let templates = try StoreSession.run { store in
                let repo = store.audits()
                var t = try await repo.latestTemplates(authority: la)
                if t.isEmpty { t = try await repo.installShippedTemplates(authority: la, by: "oversight") }
                return t
            }
            for t in templates { print([t.id, "version \(t.version)", t.type.title, t.title].joined(separator: "\t")) }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import a template file as the next version of its template (bad fields are named).")
        @Argument var file: String
        @Option(help: "Local authority code.") var la: String
        func run() throws {
            let template: AuditTemplate
            do { template = try AuditTemplateReader().read(url: URL(fileURLWithPath: file)) } catch let e as AuditTemplateError {
                throw CLIError.usage(e.description)
            }
            let la = self.la
            let who = ProcessInfo.processInfo.environment["USER"] ?? "unknown"
            let saved = try StoreSession.run { store in
                let repo = store.audits()
                if try await repo.latestTemplates(authority: la).isEmpty { _ = try await repo.installShippedTemplates(authority: la, by: "oversight") }
                return try await repo.saveNewVersion(template, authority: la, by: who)
            }
            print("Saved \(saved.title) as \(saved.id) version \(saved.version). Audits already started keep their version.")
        }
    }
}
