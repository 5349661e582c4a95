import ArgumentParser
import Foundation
import OversightCore
import OversightFormats

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check SSDA903, CIN census, Annex A and local files against the DfE's validation rules.",
        discussion: """
            Every finding names the file, table, row (1-based, header excluded; the element's position in XML),
            child, fields and rule.
            Exit status: 0 no errors, 1 errors found, 2 unusable input.
            """
    )

    @Argument(help: "Files or folders to check.") var paths: [String]
    @Option(help: "Collection year (2025 = 2024-25) for files whose path and content name none.") var year: Int?
    @Option(help: "text, json or csv.") var format: String = "text"

    func run() throws {
        guard ["text", "json", "csv"].contains(format) else { throw CLIError.usage("--format must be text, json or csv") }
        let loaded = FileLoader.load(paths: paths, defaultYear: year, buildCaseData: false)
        let issues = ValidationRunner.validate(loaded, defaultYear: year)
        let errors = issues.filter { $0.severity == .error }
        let summary: [(String, JSONValue)] = [
            ("errors", .number(Double(errors.count))),
            ("warnings", .number(Double(issues.filter { $0.severity == .warning }.count))),
            ("queries", .number(Double(issues.filter { $0.severity == .query }.count))),
            ("children_with_errors", .number(Double(Set(errors.compactMap(\.child)).count))),
        ]
        switch format {
        case "json":
            print(
                JSONValue.object([
                    (
                        "files",
                        .array(
                            loaded.files.map { f in
                                .object([("path", .string(f.path)), ("format", .string(f.format)), ("table", .string(f.table)), ("rows", .number(Double(f.rows)))])
                            })
                    ),
                    (
                        "issues",
                        .array(
                            issues.map { i in
                                .object([
                                    ("rule", .string(i.rule)), ("severity", .string(i.severity.rawValue)), ("file", .string(i.file)), ("table", .string(i.table)),
                                    ("row", i.row.map { .number(Double($0)) } ?? .null), ("child", .string(i.child)),
                                    ("fields", .array(i.fields.map { .string($0) })), ("message", .string(i.message)),
                                ])
                            })
                    ),
                    ("summary", .object(summary)),
                ]).text())
        case "csv":
            print(
                MeasureOutput.csv(
                    issues.map {
                        [
                            $0.rule, $0.severity.rawValue, $0.file, $0.table, $0.row.map(String.init) ?? "", $0.child ?? "",
                            $0.fields.joined(separator: " "), $0.message,
                        ]
                    },
                    header: ["rule", "severity", "file", "table", "row", "child", "fields", "message"]), terminator: "")
        default:
            for f in loaded.files { print("read \(f.path): \(f.format) \(f.table), \(f.rows) rows" + (f.collectionYear.map { ", collection year \($0)" } ?? "")) }
            for i in issues {
                let place = [i.table, i.row.map { "row \($0)" }, i.child.map { "child \($0)" }].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
                let fields = i.fields.isEmpty ? "" : " [\(i.fields.joined(separator: ", "))]"
                print("\(i.file): \(place)\(fields): \(i.severity.rawValue) \(i.rule): \(i.message)")
            }
            print("\(errors.count) errors, \(issues.count - errors.count) warnings and queries; \(Set(errors.compactMap(\.child)).count) children with errors")
        }
        if !loaded.unusable.isEmpty || loaded.files.isEmpty {
            if loaded.files.isEmpty { FileHandle.standardError.write(Data("error: no data files found in \(paths.joined(separator: ", "))\n".utf8)) }
            throw ExitCode(2)
        }
        if !errors.isEmpty { throw ExitCode(1) }
    }
}
