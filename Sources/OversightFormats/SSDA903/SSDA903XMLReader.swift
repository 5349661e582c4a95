import Foundation
import OversightCore

/// Reads the SSDA903 return in the DfE's upload XML (`EXPSSDA903` > `CHILD` > `HEADER`,
/// `EPISODE`), turning it into the same raw tables as the CSV upload. A row's number is the
/// element's position among the rows of its table in the file.
public enum SSDA903XMLReader {
    /// Reads an XML return. Throws `UnusableFileError` when the file is not well formed or is not
    /// an SSDA903 return.
    public static func read(data: Data, file: String, collectionYear: Int?) throws -> (tables: [RawTable], issues: [ValidationIssue]) {
        var rows: [SSDA903Table: [RawRow]] = [:]
        var issues: [ValidationIssue] = []
        func add(_ t: SSDA903Table, _ fields: [String: String]) {
            let values = t.columns.map { fields[$0] ?? "" }
            let n = (rows[t]?.count ?? 0) + 1
            rows[t, default: []].append(RawRow(row: n, values: values))
        }
        let known: Set<String> = ["HEADER", "EPISODE"]
        let stream = XMLElementStream(unitNames: ["CHILD"]) { child in
            guard let header = child.child("HEADER") else {
                issues.append(
                    ValidationIssue(
                        rule: "OV-XML-HEADER", severity: .error, file: file, table: "Header", row: nil, child: nil,
                        fields: ["HEADER"], message: "A CHILD element on line \(child.line) has no HEADER; its episodes cannot be attributed"))
                return
            }
            var h: [String: String] = [:]
            for leaf in header.children where leaf.isLeaf { h[leaf.name] = leaf.text }
            let id = h["CHILDID"] ?? h["CHILD"] ?? ""
            let dob = h["DOB"] ?? ""
            var headerRow = h; headerRow["CHILD"] = id
            add(.header, headerRow)
            if let duc = h["DUC"], !duc.isEmpty { add(.uasc, ["CHILD": id, "SEX": h["SEX"] ?? "", "DOB": dob, "DUC": duc]) }
            if ["IN_TOUCH", "ACTIV", "ACCOM"].contains(where: { h[$0] != nil }) { add(.oc3, headerRow) }
            if ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"].contains(where: { h[$0] != nil }) { add(.ad1, headerRow) }
            for group in header.children where !group.isLeaf {
                var g: [String: String] = ["CHILD": id, "DOB": dob]
                for leaf in group.children where leaf.isLeaf { g[leaf.name] = leaf.text }
                switch group.name {
                case "AREVIEW": add(.reviews, g)
                case "AMISSING": add(.missing, g)
                case "OC2": add(.oc2, g)
                case "PERMANENCE": add(.prevPerm, g)
                case "AD_PLACED": add(.placedAdoption, g)
                case "SW_EPISODE", "ASWEPISODE", "SWEPISODE": add(.swEpisodes, g)
                case "DOLO", "ADOLO": add(.dolo, g)
                default:
                    issues.append(
                        ValidationIssue(
                            rule: "OV-XML-UNKNOWN", severity: .warning, file: file, table: "Header", row: nil,
                            child: ChildID(normalising: id)?.rawValue, fields: [group.name],
                            message: "The element \(group.name) on line \(group.line) is not part of the SSDA903 return and was ignored"))
                }
            }
            for el in child.children where !known.contains(el.name) {
                issues.append(
                    ValidationIssue(
                        rule: "OV-XML-UNKNOWN", severity: .warning, file: file, table: "Header", row: nil,
                        child: ChildID(normalising: id)?.rawValue, fields: [el.name],
                        message: "The element \(el.name) on line \(el.line) is not part of the SSDA903 return and was ignored"))
            }
            for ep in child.all("EPISODE") {
                var e: [String: String] = ["CHILD": id]
                for leaf in ep.children where leaf.isLeaf { e[leaf.name == "PL" ? "PLACE" : leaf.name] = leaf.text }
                add(.episodes, e)
            }
        }
        try stream.parse(data: data, file: file)
        guard stream.rootName == "EXPSSDA903" else {
            throw UnusableFileError(file: file, reason: "this XML is not an SSDA903 return (its root element is \(stream.rootName ?? "missing"), expected EXPSSDA903)")
        }
        let tables = SSDA903Table.allCases.compactMap { t in
            rows[t].map { RawTable(file: file, table: t, collectionYear: collectionYear, rows: $0) }
        }
        return (tables, issues)
    }
}
