import ArgumentParser
import Foundation
import OversightFormats

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check SSDA903, CIN census, Annex A and local files against the DfE's validation rules.",
        discussion: "Exit status: 0 no errors, 1 errors found, 2 unusable input."
    )

    @Argument(help: "Files or folders to check.") var paths: [String]
    @Option(help: "Collection year (2025 = 2024-25) for files whose path and content name none.") var year: Int?
    @Option(help: "text, json or csv.") var format: String = "text"

    func run() throws {
        throw ExitCode(2)
    }
}
