import Foundation

/// Which statistical neighbour model groups the local authorities.
public enum NeighbourModel: String, Sendable, Hashable, CaseIterable {
    /// The DfE's April 2021 groupings (`New_Statistical_Neighbour_Groupings_April_2021.csv`).
    case y2021 = "2021"
    /// The 2025 model (`sn_model_2025_wide.csv`).
    case y2025 = "2025"
}

/// Each local authority's ten statistical neighbours, closest first.
public struct StatisticalNeighbours: Sendable {
    public var model: NeighbourModel
    /// Neighbour codes by local authority code.
    public var neighbours: [String: [String]]

    public init(model: NeighbourModel, neighbours: [String: [String]]) {
        self.model = model; self.neighbours = neighbours
    }

    /// The file the DfE publishes the model in.
    public static func fileName(_ model: NeighbourModel) -> String {
        model == .y2021 ? PublishedMeasures.neighbours2021File : PublishedMeasures.neighbours2025File
    }

    /// The column holding the authority's 3-digit code: `LA num` (2021) or `old_la_code` (2025).
    public static func codeColumn(_ model: NeighbourModel) -> String { model == .y2021 ? "LA num" : "old_la_code" }

    /// The column of the `i`-th closest neighbour: `SN1` (2021) or `SN_1` (2025).
    public static func neighbourColumn(_ i: Int, model: NeighbourModel) -> String { model == .y2021 ? "SN\(i)" : "SN_\(i)" }

    /// Reads either model's wide CSV: one row an authority, its code in `codeColumn(model)`, its
    /// neighbours in `neighbourColumn(1...10)`. Throws `UnusableFileError` when the columns are not there.
    public static func read(url: URL, model: NeighbourModel) throws -> StatisticalNeighbours {
        try StatisticalNeighbours(csv: try CSVFile.read(url: url, displayPath: url.lastPathComponent), file: url.lastPathComponent, model: model)
    }

    /// The model from a read CSV file named `file`.
    public init(csv: CSVFile, file: String, model: NeighbourModel) throws {
        let header = csv.header.map { $0.replacingOccurrences(of: "\u{FEFF}", with: "").trimmingCharacters(in: .whitespaces) }
        let codeName = Self.codeColumn(model)
        guard let codeColumn = header.firstIndex(of: codeName) else {
            throw UnusableFileError(file: file, reason: "no '\(codeName)' column: not the \(model.rawValue) statistical neighbour table")
        }
        let neighbourColumns = (1...10).compactMap { i in header.firstIndex(of: Self.neighbourColumn(i, model: model)) }
        guard neighbourColumns.count == 10 else {
            throw UnusableFileError(file: file, reason: "the ten neighbour columns are not all there")
        }
        var map: [String: [String]] = [:]
        for row in csv.rows where codeColumn < row.count {
            let code = row[codeColumn].trimmingCharacters(in: .whitespaces)
            guard !code.isEmpty else { continue }
            map[code] = neighbourColumns.compactMap { c in
                guard c < row.count else { return nil }
                let n = row[c].trimmingCharacters(in: .whitespaces)
                return n.isEmpty ? nil : n
            }
        }
        self.init(model: model, neighbours: map)
    }
}
