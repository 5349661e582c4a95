import Foundation

/// Writes an SSDA903 return as the DfE upload XML (`EXPSSDA903`), one `CHILD` at a time.
///
/// Each child's rows are given per table in `SSDA903Table.columns` order, as for the CSV writer.
/// `HEADER` holds the Header row's fields (`CHILD` as `CHILDID`), UASC (`UASC` 1 and `DUC`),
/// reviews (`AREVIEW`), missing episodes (`AMISSING`), `OC2`, `PERMANENCE`, the OC3 and AD1
/// fields and `AD_PLACED`; then come the `EPISODE`s (`PLACE` as `PL`) and `SWEPISODE`s.
public final class SSDA903XMLWriter {
    private let file: BufferedTextFile
    /// `CHILD` elements written so far: the 1-based position of the last one.
    public private(set) var childCount = 0

    /// Episode fields in the order of the DfE's XML.
    static let episodeOrder = [
        "DECOM", "RNE", "LS", "CIN", "PLACE", "PL_POST", "HOME_POST", "URN", "PLACE_PROVIDER", "DEC", "REC",
        "REASON_PLACE_CHANGE",
    ]

    /// Creates the file and opens the root element.
    public init(url: URL) throws {
        file = try BufferedTextFile(url: url)
        file.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<EXPSSDA903>\n")
    }

    /// Writes one child from their rows by table; returns the child's 1-based position.
    @discardableResult
    public func write(child rows: [SSDA903Table: [[String]]]) -> Int {
        func fields(_ t: SSDA903Table, _ row: [String], skipping: Set<String> = ["CHILD", "DOB"]) -> String {
            var s = ""
            for (c, v) in zip(t.columns, row) where !skipping.contains(c) { s += xmlLeaf(c, v) }
            return s
        }
        var s = "<CHILD><HEADER>"
        if let h = rows[.header]?.first {
            let cols = SSDA903Table.header.columns
            let value = { (name: String) in h[cols.firstIndex(of: name)!] }
            s += xmlLeaf("CHILDID", value("CHILD")) + xmlLeaf("UPN", value("UPN")) + xmlLeaf("SEX", value("SEX"))
            s += xmlLeaf("DOB", value("DOB")) + xmlLeaf("ETHNIC", value("ETHNIC"))
            if let u = rows[.uasc]?.first {
                s += xmlLeaf("UASC", "1") + xmlLeaf("DUC", u[3])
            } else {
                s += xmlLeaf("UASC", "")
            }
            for r in rows[.reviews] ?? [] { s += "<AREVIEW>" + fields(.reviews, r) + "</AREVIEW>" }
            for r in rows[.missing] ?? [] { s += "<AMISSING>" + fields(.missing, r) + "</AMISSING>" }
            s += xmlLeaf("MOTHER", value("MOTHER")) + xmlLeaf("MC_DOB", value("MC_DOB"))
            for r in rows[.prevPerm] ?? [] { s += "<PERMANENCE>" + fields(.prevPerm, r) + "</PERMANENCE>" }
            for r in rows[.oc2] ?? [] { s += "<OC2>" + fields(.oc2, r) + "</OC2>" }
            for r in rows[.oc3] ?? [] { s += fields(.oc3, r) }
            for r in rows[.ad1] ?? [] { s += fields(.ad1, r) }
            for r in rows[.placedAdoption] ?? [] { s += "<AD_PLACED>" + fields(.placedAdoption, r) + "</AD_PLACED>" }
        }
        s += "</HEADER>"
        let cols = SSDA903Table.episodes.columns
        for r in rows[.episodes] ?? [] {
            s += "<EPISODE>"
            for name in SSDA903XMLWriter.episodeOrder {
                s += xmlLeaf(name == "PLACE" ? "PL" : name, r[cols.firstIndex(of: name)!])
            }
            s += "</EPISODE>"
        }
        for r in rows[.swEpisodes] ?? [] { s += "<SWEPISODE>" + fields(.swEpisodes, r) + "</SWEPISODE>" }
        s += "</CHILD>\n"
        file.write(s)
        childCount += 1
        return childCount
    }

    /// Closes the root element and the file.
    public func close() throws {
        file.write("</EXPSSDA903>\n")
        try file.close()
    }
}
