import Foundation
import OversightCore
import OversightFormats
import Testing
@testable import OversightSynth

@Suite("Synthetic data files")
struct SynthOutputTests {
    static func generate(seed: UInt64 = 7, errorRate: Double = 0, xml: Bool = false) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("synth-test-\(UUID().uuidString)")
        let options = SynthOptions(
            localAuthority: 358, firstYear: 2024, lastYear: 2025, seed: seed, scale: .factor(0.25),
            errorRate: errorRate, writesXML: xml)
        try SynthGenerator(options: options).run(to: dir)
        return dir
    }

    static func files(_ dir: URL) -> [String] {
        let e = FileManager.default.enumerator(atPath: dir.path)!
        return (e.allObjects as! [String]).filter { !$0.hasSuffix("/") && $0.contains(".") }.sorted()
    }

    static func table(_ dir: URL, _ year: Int, _ t: SSDA903Table) throws -> CSVFile {
        try CSVFile.read(url: dir.appendingPathComponent("903/\(year)/" + SSDA903CSVWriter.fileName(for: t)))
    }

    static func cinChildIDs(_ dir: URL, _ year: Int) throws -> [String] {
        let text = try String(contentsOf: dir.appendingPathComponent("cin/\(year)/cin_census.xml"), encoding: .utf8)
        return text.components(separatedBy: "<LAchildID>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    @Test func sameSeedGivesSameBytes() throws {
        let a = try Self.generate(seed: 3, xml: true), b = try Self.generate(seed: 3, xml: true), c = try Self.generate(seed: 4)
        defer { for d in [a, b, c] { try? FileManager.default.removeItem(at: d) } }
        let names = Self.files(a)
        #expect(names == Self.files(b))
        #expect(names.contains("903-xml/2025/ssda903.xml"))
        for n in names {
            let x = try Data(contentsOf: a.appendingPathComponent(n)), y = try Data(contentsOf: b.appendingPathComponent(n))
            #expect(x == y, "\(n) differs between two runs with the same seed")
        }
        let e1 = try Data(contentsOf: a.appendingPathComponent("903/2025/episodes.csv"))
        let e2 = try Data(contentsOf: c.appendingPathComponent("903/2025/episodes.csv"))
        #expect(e1 != e2, "another seed gives other data")
    }

    @Test func writesTheContractedLayout() throws {
        let dir = try Self.generate()
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = Set(Self.files(dir))
        for y in 2024...2025 {
            for t in SynthGenerator.tables {
                let name = "903/\(y)/" + SSDA903CSVWriter.fileName(for: t)
                #expect(names.contains(name))
                #expect(try Self.table(dir, y, t).header == t.columns, "\(name) columns")
            }
            #expect(names.contains("cin/\(y)/cin_census.xml"))
        }
        #expect(names.contains("local/missing-episodes.csv"))
        #expect(names.contains("local/supervision.csv"))
        #expect(!names.contains("errors-manifest.json"))
        let manifest = try JSONDecoder().decode(SynthManifest.self, from: Data(contentsOf: dir.appendingPathComponent("manifest.json")))
        #expect(manifest.years == [2024, 2025])
        #expect(manifest.counts["903/2025/episodes.csv"] == (try Self.table(dir, 2025, .episodes)).rows.count)
        let missing = try CSVFile.read(url: dir.appendingPathComponent("local/missing-episodes.csv"))
        #expect(missing.header == LocalCSVWriter.missingEpisodesHeader)
        #expect(!missing.rows.isEmpty)
        let cin = try String(contentsOf: dir.appendingPathComponent("cin/2024/cin_census.xml"), encoding: .utf8)
        #expect(cin.contains("<ReferenceDate>2024-03-31</ReferenceDate>") && cin.contains("<LEA>358</LEA>"))
        #expect(cin.contains("<GenderCurrent>") && !cin.contains("<Sex>"))
        let cin25 = try String(contentsOf: dir.appendingPathComponent("cin/2025/cin_census.xml"), encoding: .utf8)
        #expect(cin25.contains("<Sex>") && !cin25.contains("<GenderCurrent>"))
    }

    @Test func episodesAreCoherent() throws {
        let dir = try Self.generate()
        defer { try? FileManager.default.removeItem(at: dir) }
        for y in 2024...2025 {
            let period = Period.reportingYear(y)
            let eps = try Self.table(dir, y, .episodes)
            var byChild: [String: [(Day, Day?)]] = [:]
            for r in eps.rows {
                let start = try #require(Day.parseUK(r[1]))
                let end = r[7].isEmpty ? nil : Day.parseUK(r[7])
                #expect(start <= period.end && (end.map { $0 >= period.start } ?? true), "episode of \(r[0]) outside \(y)")
                #expect(end.map { $0 >= start } ?? true)
                #expect(r[7].isEmpty == r[8].isEmpty, "DEC and REC both or neither")
                byChild[r[0], default: []].append((start, end))
            }
            for (child, list) in byChild {
                let sorted = list.sorted { $0.0 < $1.0 }
                for (a, b) in zip(sorted, sorted.dropFirst()) {
                    #expect(a.1.map { $0 <= b.0 } == true, "overlapping episodes for \(child) in \(y)")
                }
            }
            let headerIDs = Set(try Self.table(dir, y, .header).rows.map { $0[0] })
            #expect(Set(byChild.keys).isSubset(of: headerIDs))
            let cinIDs = Set(try Self.cinChildIDs(dir, 2024) + Self.cinChildIDs(dir, 2025))
            #expect(Set(byChild.keys).isSubset(of: cinIDs), "every looked-after child is in the CIN census")
        }
    }

    @Test func errorManifestPointsAtRealRows() throws {
        let dir = try Self.generate(errorRate: 0.05)
        defer { try? FileManager.default.removeItem(at: dir) }
        let errors = try JSONDecoder().decode([InjectedError].self, from: Data(contentsOf: dir.appendingPathComponent("errors-manifest.json")))
        #expect(errors.count > 10)
        let bad: [String: (String) -> Bool] = [
            "103": { $0 == "XXXX" }, "146": { $0 == "Q9" }, "167": { $0 == "PN9" }, "101": { $0 == "7" },
            "141": { Day.parseUK($0) == nil }, "356": { Day.parseUK($0) != nil },
        ]
        for e in errors {
            if e.file.hasSuffix(".csv") {
                let csv = try CSVFile.read(url: dir.appendingPathComponent(e.file))
                let row = try #require(csv.rows.indices.contains(e.row - 1) ? csv.rows[e.row - 1] : nil, "\(e)")
                #expect(row[0] == e.child, "\(e)")
                let col = try #require(csv.header.firstIndex(of: e.field))
                #expect(bad[e.rule]?(row[col]) ?? false, "\(e): value \(row[col])")
            } else {
                let ids = try Self.cinChildIDs(dir, Int(e.file.split(separator: "/")[1])!)
                #expect(ids.indices.contains(e.row - 1) && ids[e.row - 1] == e.child, "\(e)")
                #expect(["8866", "8630", "8525Q"].contains(e.rule))
            }
        }
    }
}
