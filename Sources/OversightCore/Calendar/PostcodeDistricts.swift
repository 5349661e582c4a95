import Foundation

/// The centre of every postcode district of Great Britain, as an Ordnance Survey grid reference
/// (eastings and northings in metres), carried in `Resources/postcode-districts.csv` (its source
/// is in docs/comparators.md). Distances between two postcodes are measured between their
/// districts' centres: a district in a town spans 1 to 5 km, a rural one up to 20 km or more, so a
/// distance is off by up to about the size of the two districts (a few miles in towns). Northern
/// Ireland's and non-geographic districts are not in the table.
public enum PostcodeDistricts {
    /// Grid references by district (`M33`).
    public static let table: [String: (easting: Int, northing: Int)] = {
        guard let url = Bundle.module.url(forResource: "postcode-districts", withExtension: "csv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [:] }
        var out: [String: (easting: Int, northing: Int)] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",")
            guard f.count == 3, let e = Int(f[1]), let n = Int(f[2]) else { continue }
            out[String(f[0])] = (e, n)
        }
        return out
    }()

    /// The district (outward code) of a postcode: the part before the space, else all but the
    /// last three characters; upper case. nil for a blank or too short postcode.
    public static func district(of postcode: String) -> String? {
        let t = postcode.trimmed.uppercased()
        if let space = t.firstIndex(of: " ") { return t[..<space].isEmpty ? nil : String(t[..<space]) }
        guard t.count >= 5 else { return t.count >= 2 && t.count <= 4 ? t : nil }
        return String(t.dropLast(3))
    }

    /// Miles between the centres of two postcodes' districts; nil when either is not in the table.
    public static func miles(_ a: String, _ b: String) -> Double? {
        guard let da = district(of: a), let db = district(of: b), let p = table[da], let q = table[db] else { return nil }
        let dx = Double(p.easting - q.easting), dy = Double(p.northing - q.northing)
        return (dx * dx + dy * dy).squareRoot() / 1609.344
    }
}
