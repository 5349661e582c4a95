import Foundation
import OversightCore

/// A deterministic mutation fuzzer for the readers: it takes sample files, damages them in the
/// ways files in the wild are damaged (flipped and inserted bytes, cut ends, stray quotes,
/// delimiters, line ends and angle brackets, repeated chunks) and feeds each to the reader for its
/// kind. A reader passes when it returns or throws `UnusableFileError`; a crash or hang fails.
public struct ReaderFuzzer {
    /// What a run did.
    public struct Report: Sendable {
        public var inputs = 0
        public var refused = 0
        public var issues = 0
        public var seconds = 0.0
    }

    /// A seed input and which reader takes it. The raw value is the corpus folder's name.
    public enum Kind: String, Sendable, CaseIterable {
        /// SSDA903 CSV tables and the local records (missing episodes, supervision).
        case csv
        case ssda903XML = "ssda903-xml"
        case cinXML = "cin-xml"
        /// The children's social work workforce census return (XML).
        case workforceXML = "csww-xml"
        /// Ofsted Annex A workbooks (XLSX: a ZIP of XML parts).
        case annexA = "annex-a"
        /// Improvement plan files (YAML).
        case plan
        /// Audit templates (YAML).
        case auditTemplate = "audit-template"
        /// Feedback forms (YAML).
        case feedbackForm = "feedback-form"
    }

    var rng: SeededRandom
    let seeds: [(Kind, [UInt8])]

    public init(seeds: [(Kind, [UInt8])], seed: UInt64) {
        self.seeds = seeds
        self.rng = SeededRandom(seed: seed)
    }

    /// Runs until `iterations` inputs are done or `seconds` have passed.
    public mutating func run(iterations: Int, seconds: Double = .infinity) -> Report {
        var report = Report()
        let start = Date()
        while report.inputs < iterations && Date().timeIntervalSince(start) < seconds {
            let (kind, base) = seeds[Int(rng.next() % UInt64(seeds.count))]
            let input = mutate(base)
            report.inputs += 1
            do {
                report.issues += try Self.read(kind, Data(input))
            } catch {
                report.refused += 1
            }
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// Reads one input with its reader; returns the number of findings.
    static func read(_ kind: Kind, _ data: Data) throws -> Int {
        switch kind {
        case .csv:
            let csv = CSVFile.parse(data: data, path: "fuzz.csv")
            if let (table, issues) = SSDA903CSVReader.table(from: csv, collectionYear: 2025) {
                var b = CaseDataBuilder()
                let f = b.addFile(SourceFile(path: "fuzz.csv", format: "ssda903", table: table.table.rawValue, collectionYear: 2025))
                RecordMapper.add(table, file: f, to: &b)
                _ = MeasureEngine(data: b.build()).computeAll(period: .reportingYear(2025))
                return issues.count
            }
            if let local = LocalCSVReader.read(csv) { return local.issues.count }
            return csv.problems.count
        case .ssda903XML:
            return try SSDA903XMLReader.read(data: data, file: "fuzz.xml", collectionYear: 2025).issues.count
        case .cinXML:
            let (ret, issues) = try CINXMLReader.read(data: data, file: "fuzz.xml", pathYear: 2025)
            var b = CaseDataBuilder()
            let f = b.addFile(SourceFile(path: "fuzz.xml", format: "cin", table: "CINdetails", collectionYear: ret.collectionYear))
            RecordMapper.add(ret, file: f, to: &b)
            _ = MeasureEngine(data: b.build()).computeAll(period: .reportingYear(2025))
            return issues.count
        case .workforceXML:
            let r = try WorkforceCensusReader.read(data: data, file: "fuzz.xml", fileIndex: 0)
            var b = CaseDataBuilder()
            let f = b.addFile(SourceFile(path: "fuzz.xml", format: "csww", table: "CSWWWorker", collectionYear: nil))
            b.add(services: r.workers, file: f)
            b.add(services: r.vacancies, file: f)
            let engine = MeasureEngine(data: b.build())
            for y in 2024...2026 {
                _ = engine.computeAll(period: .reportingYear(y), ids: ["sw_vacancy_rate_pct", "sw_agency_rate_pct", "sw_turnover_rate_pct", "sw_average_caseload"])
            }
            return r.issues.count
        case .annexA:
            let workbook = try AnnexAWorkbook.read(data: data, file: "fuzz.xlsx")
            return workbook.issues.count
        case .plan:
            _ = try PlanFileReader().parse(yaml: String(decoding: data, as: UTF8.self), file: "fuzz.yaml")
            return 0
        case .auditTemplate:
            _ = try AuditTemplateReader().parse(yaml: String(decoding: data, as: UTF8.self), file: "fuzz.yaml")
            return 0
        case .feedbackForm:
            _ = try FeedbackFormReader().parse(data: data, file: "fuzz.yaml")
            return 0
        }
    }

    static let tokens: [[UInt8]] =
        [",", "\"", "\n", "\r\n", "<", ">", "</", "/>", ";", "\t", "\u{FEFF}", "&amp;", "&#0;", ".0", " ", "31/02/2024", "2024-13-45", "\u{00E9}"]
        .map { Array($0.utf8) } + [[0xE9], [0xFF, 0xFE], [0x00], [0xC3]]

    mutating func mutate(_ base: [UInt8]) -> [UInt8] {
        var b = base
        let rounds = 1 + Int(rng.next() % 6)
        for _ in 0..<rounds {
            guard !b.isEmpty else { b = Self.tokens[Int(rng.next() % UInt64(Self.tokens.count))]; continue }
            let at = Int(rng.next() % UInt64(b.count))
            switch rng.next() % 6 {
            case 0: b[at] = UInt8(truncatingIfNeeded: rng.next())
            case 1: b.insert(contentsOf: Self.tokens[Int(rng.next() % UInt64(Self.tokens.count))], at: at)
            case 2: b.removeSubrange(at..<b.count)
            case 3:
                let len = min(b.count - at, 1 + Int(rng.next() % 200))
                b.insert(contentsOf: b[at..<(at + len)], at: at)
            case 4:
                let len = min(b.count - at, 1 + Int(rng.next() % 50))
                b.removeSubrange(at..<(at + len))
            default: b.insert(UInt8(truncatingIfNeeded: rng.next()), at: at)
            }
        }
        return b
    }
}

/// SplitMix64: a small, fast, seeded generator with the same sequence on every platform.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
