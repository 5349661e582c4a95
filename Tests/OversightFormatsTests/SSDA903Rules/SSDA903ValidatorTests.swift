import Foundation
import OversightCore
import OversightFormats
import OversightSynth
import Testing

@Suite("SSDA903 validator")
struct SSDA903ValidatorTests {
    static let allCases: [SSDA903RuleCase] =
        HeaderRuleTests.cases + EpisodeRuleTests.codes + EpisodeRuleTests.dates
        + EpisodeRuleTests.placements + EpisodeRuleTests.ages + EpisodeRuleTests.durations + EpisodeSequenceRuleTests.cases
        + ReviewAndMissingRuleTests.reviews + ReviewAndMissingRuleTests.missingCases + CareLeaverAndHealthRuleTests.careLeavers
        + CareLeaverAndHealthRuleTests.health + AdoptionRuleTests.cases + OtherRuleTests.cases
        + IntegrityAndPreviousYearRuleTests.integrity + IntegrityAndPreviousYearRuleTests.previousYear + CohortRuleTests.cases + ConsistencyRuleTests.cases + HistoryRuleTests.cases

    @Test func everyRuleHasAPassingAndAFailingCase() {
        var codes = Set<String>()
        for year in 2024...2027 { codes.formUnion(SSDA903Validator.rules(forYear: year).map(\.code)) }
        let passing = Set(Self.allCases.filter { !$0.flagged }.map(\.code))
        let failing = Set(Self.allCases.filter(\.flagged).map(\.code))
        #expect(codes.subtracting(passing).sorted() == [])
        #expect(codes.subtracting(failing).sorted() == [])
        #expect(codes.count >= 150)
    }

    @Test func rulesFollowTheCollectionYear() {
        let y2024 = Set(SSDA903Validator.rules(forYear: 2024).map(\.code))
        let y2025 = Set(SSDA903Validator.rules(forYear: 2025).map(\.code))
        let y2027 = Set(SSDA903Validator.rules(forYear: 2027).map(\.code))
        #expect(y2024.contains("217t") && !y2025.contains("217t"))
        #expect(!y2024.contains("232") && y2025.contains("232"))
        #expect(!y2024.contains("700") && y2027.contains("700"))
        #expect(SSDA903Validator.rules(forYear: 2024).filter { $0.code == "101" }.count == 1)
    }

    @Test func findingsCarryFileTableRowAndChild() throws {
        let r = SSDA903RuleCase.makeReturn([.header: [hdr(" 7.0 ", ethnic: "XX")]], year: 2024)
        let issue = try #require(SSDA903Validator.validate(r, previous: nil).first { $0.rule == "103" })
        #expect(issue.file == "test-Header.csv")
        #expect(issue.table == "Header")
        #expect(issue.row == 1)
        #expect(issue.child == "7")
        #expect(issue.fields == ["ETHNIC"])
        #expect(issue.severity == .error)
    }

    @Test func findingsAreInRuleTableAndRowOrder() {
        let r = SSDA903RuleCase.makeReturn(
            [
                .header: (1...50).map { hdr(String($0), ethnic: "XX") },
                .episodes: (1...50).map { ep(String($0), rne: "X") },
            ], year: 2024)
        let found = SSDA903Validator.validate(r, previous: nil).filter { $0.rule == "103" || $0.rule == "143" }
        #expect(found.map(\.rule) == Array(repeating: "103", count: 50) + Array(repeating: "143", count: 50))
        #expect(found.prefix(50).map { $0.row ?? 0 } == Array(1...50))
    }

    @Test func absentTablesSkipTheirRules() {
        let r = SSDA903RuleCase.makeReturn([.header: [hdr()]], year: 2024)
        #expect(SSDA903Validator.validate(r, previous: nil).filter { $0.rule != "EPI" }.isEmpty)
    }

    /// A synthetic authority's 903 tables for one year, read as the readers will. A quarter of its
    /// children were given one injected error each, in their 903 rows or their CIN census record;
    /// `errors-manifest.json` says which rule must catch each and where.
    @Test func validatesGeneratedFilesWithInjectedErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("validate-903-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = SynthOptions(localAuthority: 358, firstYear: 2024, lastYear: 2024, seed: 9, scale: .factor(0.2), errorRate: 0.25)
        try SynthGenerator(options: options).run(to: folder)
        let injected = try JSONDecoder().decode([InjectedError].self, from: Data(contentsOf: folder.appendingPathComponent("errors-manifest.json")))
            .filter { $0.file.hasPrefix("903/") }
        let dir = folder.appendingPathComponent("903/2024")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".csv") }
        var tables: [SSDA903Table: RawTable] = [:]
        for name in names {
            let csv = try CSVFile.read(url: dir.appendingPathComponent(name), displayPath: name)
            let header = csv.header.map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }
            guard let (table, _) = SSDA903Table.recognise(header: header) else { continue }
            let position = Dictionary(header.enumerated().map { ($1.trimmingCharacters(in: .whitespaces).uppercased(), $0) }) { a, _ in a }
            let rows = csv.rows.enumerated().map { n, values in
                RawRow(
                    row: n + 1,
                    values: table.columns.map { c in
                        position[c].flatMap { $0 < values.count ? values[$0].trimmingCharacters(in: .whitespaces) : nil } ?? ""
                    })
            }
            tables[table] = RawTable(file: name, table: table, collectionYear: 2024, rows: rows)
        }
        #expect(tables.count == SynthGenerator.tables.count) // all eleven, header-only ones included
        let issues = SSDA903Validator.validate(SSDA903Return(collectionYear: 2024, tables: tables), previous: nil)
        #expect(injected.count > 10)
        #expect(issues.count >= injected.count)
        // Each injected error is found by its rule, at its file, row and child.
        for e in injected {
            let file = URL(fileURLWithPath: e.file).lastPathComponent
            #expect(issues.contains { $0.rule == e.rule && $0.file == file && $0.row == e.row && $0.child == e.child }, "\(e)")
        }
        #expect(Set(issues.map(\.rule)).isSuperset(of: injected.map(\.rule)))
        // The generator's clean rows break no rule, so every error found is about a child given one.
        let damaged = Set(injected.map(\.child))
        let strays = issues.filter { $0.severity == .error && !damaged.contains($0.child ?? "") }
        #expect(strays.isEmpty, "\(strays.prefix(5))")
        #expect(issues.allSatisfy { $0.row != nil && !$0.file.isEmpty })
    }
}
