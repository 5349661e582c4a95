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

    /// Reads either model's wide CSV: one row an authority, its code in `LA num` (2021) or
    /// `old_la_code` (2025), neighbours in `SN1`...`SN10` (2021) or `SN_1`...`SN_10` (2025).
    /// Throws `UnusableFileError` when the columns are not there.
    public static func read(url: URL, model: NeighbourModel) throws -> StatisticalNeighbours {
        let csv = try CSVFile.read(url: url, displayPath: url.lastPathComponent)
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces) }
        let codeName = model == .y2021 ? "LA num" : "old_la_code"
        guard let codeColumn = header.firstIndex(of: codeName) else {
            throw UnusableFileError(file: url.lastPathComponent, reason: "no '\(codeName)' column: not the \(model.rawValue) statistical neighbour table")
        }
        let neighbourColumns = (1...10).compactMap { i in header.firstIndex(of: model == .y2021 ? "SN\(i)" : "SN_\(i)") }
        guard neighbourColumns.count == 10 else {
            throw UnusableFileError(file: url.lastPathComponent, reason: "the ten neighbour columns are not all there")
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
        return StatisticalNeighbours(model: model, neighbours: map)
    }
}
