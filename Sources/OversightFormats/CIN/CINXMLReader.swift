import Foundation
import OversightCore

/// Reads a CIN census XML file (collections 2023-24 to 2025-26; `Sex` or the older
/// `GenderCurrent`), one `Child` at a time.
public enum CINXMLReader {
    static let repeatedLeaves: Set<String> = ["AssessmentFactors", "Disability", "CPPreviewDate"]

    /// Reads a CIN census file. The collection year comes from `Header/CollectionDetails/ReferenceDate`
    /// (the collection year whose 1 April - 31 March holds it), else `pathYear`.
    /// Throws `UnusableFileError` for malformed XML or a file that is not a CIN census.
    public static func read(data: Data, file: String, pathYear: Int?) throws -> (CINRawReturn, [ValidationIssue]) {
        var children: [CINRawChild] = []
        let (ret, issues) = try stream(data: data, file: file, pathYear: pathYear) { child, _ in children.append(child) }
        var out = ret
        out.children = children
        return (out, issues)
    }

    /// Reads a CIN census file one `Child` at a time, handing each to `onChild` with the file's
    /// collection year as known so far (the `Header` comes first in a valid file), without keeping
    /// them. The returned `CINRawReturn` has the header and no children.
    public static func stream(
        data: Data, file: String, pathYear: Int?,
        onChild: (CINRawChild, Int?) -> Void
    ) throws -> (CINRawReturn, [ValidationIssue]) {
        try stream(file: file, pathYear: pathYear, onChild: onChild) { try $0.parse(data: data, file: file) }
    }

    /// As `stream(data:...)`, over a mapped file whose pages are handed back as they are read.
    static func stream(
        mapped: MappedFile, file: String, pathYear: Int?, releaseStep: Int = FastXMLScanner.passedStep,
        onChild: (CINRawChild, Int?) -> Void
    ) throws -> (CINRawReturn, [ValidationIssue]) {
        try stream(file: file, pathYear: pathYear, onChild: onChild) { s in
            s.releaseStep = releaseStep
            try s.parse(mapped: mapped, file: file)
        }
    }

    private static func stream(
        file: String, pathYear: Int?, onChild: (CINRawChild, Int?) -> Void,
        parse: (XMLElementStream) throws -> Void
    ) throws -> (CINRawReturn, [ValidationIssue]) {
        var header = CINRawBlock(line: 0)
        var year = pathYear
        var count = 0
        var issues: [ValidationIssue] = []
        try withoutActuallyEscaping(onChild) { onChild in
            let stream = XMLElementStream(unitNames: ["Header", "Child"]) { node in
                if node.name == "Header" {
                    header = flatten(node)
                    if let ref = header["ReferenceDate"], let d = Day.parseISO(ref) { year = d.collectionYear }
                    return
                }
                count += 1
                let position = count
                let ids = node.child("ChildIdentifiers").map(block) ?? CINRawBlock(line: node.line)
                let chars = node.child("ChildCharacteristics").map(flatten) ?? CINRawBlock(line: node.line)
                var episodes: [CINRawEpisode] = []
                for d in node.all("CINdetails") {
                    var ep = CINRawEpisode(details: block(d))
                    for sub in d.children where !sub.isLeaf {
                        switch sub.name {
                        case "Assessments": ep.assessments.append(flatten(sub))
                        case "CINPlanDates": ep.cinPlans.append(flatten(sub))
                        case "Section47": ep.section47s.append(flatten(sub))
                        case "ChildProtectionPlans": ep.protectionPlans.append(flatten(sub))
                        default:
                            issues.append(
                                ValidationIssue(
                                    rule: "OV-XML-UNKNOWN", severity: .warning, file: file, table: "CINdetails", row: position,
                                    child: ChildID(normalising: ids["LAchildID"] ?? "")?.rawValue, fields: [sub.name],
                                    message: "The element \(sub.name) on line \(sub.line) is not part of the CIN census and was ignored"))
                        }
                    }
                    episodes.append(ep)
                }
                onChild(CINRawChild(position: position, identifiers: ids, characteristics: chars, episodes: episodes), year)
            }
            try parse(stream)
            guard stream.rootName == "Message" || stream.rootName == "CIN" else {
                throw UnusableFileError(file: file, reason: "this XML is not a CIN census file (its root element is \(stream.rootName ?? "missing"), expected Message)")
            }
        }
        return (CINRawReturn(file: file, header: header, children: [], collectionYear: year), issues)
    }

    /// The node's direct leaves as fields.
    static func block(_ node: XMLNode) -> CINRawBlock {
        var b = CINRawBlock(line: node.line)
        for c in node.children where c.isLeaf { put(c, into: &b) }
        return b
    }

    /// Every leaf under the node (any depth) as fields, repeated leaves as lists.
    static func flatten(_ node: XMLNode) -> CINRawBlock {
        var b = CINRawBlock(line: node.line)
        func walk(_ n: XMLNode) {
            for c in n.children { if c.isLeaf { put(c, into: &b) } else { walk(c) } }
        }
        walk(node)
        return b
    }

    static func put(_ leaf: XMLNode, into b: inout CINRawBlock) {
        if repeatedLeaves.contains(leaf.name) { b.lists[leaf.name, default: []].append(leaf.text) } else { b.fields[leaf.name] = leaf.text }
    }
}
