import Foundation
import OversightCore
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams one worksheet part (`xl/worksheets/sheetN.xml`) into rows of typed cells.
///
/// Cells are placed by their `r` reference; a cell or row without one follows the previous one.
/// Cell types: `s` shared string, `inlineStr`, `str` (formula text), `b` boolean, `e` error,
/// `d` ISO 8601 date, and numbers (no `t`, or `n`), which become dates when their style's number
/// format is a date format. A cell with neither value nor inline text is empty.
final class XLSXWorksheetParser: NSObject, XMLParserDelegate {
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>
    private let date1904: Bool

    private(set) var rows: [XLSXRow] = []
    /// Shared-string indexes that point past the table (read as empty), counted for the caller.
    private(set) var badSharedStringReferences = 0

    private var rowNumber = 0
    private var rowCells: [XLSXCell] = []
    private var inRow = false
    private var column = -1
    private var cellType = ""
    private var cellStyle = 0
    private var value = ""
    private var inlineText = ""
    private var hasValue = false
    private var hasInline = false
    private var capture: Capture = .none
    private var phoneticDepth = 0

    private enum Capture { case none, value, inlineText }

    init(sharedStrings: [String], dateStyles: Set<Int>, date1904: Bool) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    private var depth = 0
    private var sawRoot = false

    /// Parses `data`; false when it is not well-formed XML, including XML cut short (some
    /// `XMLParser` builds accept unclosed elements at the end of the data).
    func parse(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        parser.delegate = self
        return parser.parse() && sawRoot && depth == 0
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes a: [String: String] = [:]
    ) {
        depth += 1
        sawRoot = true
        switch localName(elementName) {
        case "row":
            inRow = true
            rowNumber = a["r"].flatMap { Int($0) } ?? rowNumber + 1
            rowCells = []
            column = -1
        case "c" where inRow:
            if let r = a["r"], let ref = XLSXCellReference.parse(r) { column = ref.column } else { column += 1 }
            cellType = a["t"] ?? "n"
            cellStyle = a["s"].flatMap { Int($0) } ?? 0
            value = ""; inlineText = ""; hasValue = false; hasInline = false
        case "v": capture = .value; hasValue = true
        case "is": hasInline = true
        case "rPh": phoneticDepth += 1
        case "t" where hasInline && phoneticDepth == 0: capture = .inlineText
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch capture {
        case .value: value += string
        case .inlineText: inlineText += string
        case .none: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        depth -= 1
        switch localName(elementName) {
        case "v", "t": capture = .none
        case "rPh": phoneticDepth -= 1
        case "c" where inRow:
            let cell = makeCell()
            if column >= 0, cell != .empty {
                if rowCells.count <= column { rowCells.append(contentsOf: repeatElement(.empty, count: column + 1 - rowCells.count)) }
                rowCells[column] = cell
            }
        case "row":
            inRow = false
            if !rowCells.isEmpty { rows.append(XLSXRow(number: rowNumber, cells: rowCells)) }
        default: break
        }
    }

    private func makeCell() -> XLSXCell {
        switch cellType {
        case "inlineStr":
            if hasInline { return .text(XLSXSharedStringsParser.decodeEscapes(inlineText)) }
            return hasValue ? .text(value) : .empty
        case "s":
            guard hasValue else { return .empty }
            guard let i = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(i) else {
                badSharedStringReferences += 1
                return .empty
            }
            return .text(sharedStrings[i])
        case "str":
            return hasValue ? .text(XLSXSharedStringsParser.decodeEscapes(value)) : .empty
        case "b":
            guard hasValue else { return .empty }
            return .boolean(value.trimmingCharacters(in: .whitespaces) == "1" || value.lowercased() == "true")
        case "e":
            return hasValue ? .error(value) : .empty
        case "d":
            guard hasValue else { return .empty }
            let t = value.trimmingCharacters(in: .whitespaces)
            if let d = Day.parseISO(t.prefix(10)) { return .date(d) }
            return .text(t)
        default:
            // Some writers put inline text in a cell without marking it `inlineStr`.
            if !hasValue && hasInline { return .text(XLSXSharedStringsParser.decodeEscapes(inlineText)) }
            guard hasValue else { return .empty }
            let t = value.trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty else { return .empty }
            guard let n = Double(t) else { return .text(t) }
            if dateStyles.contains(cellStyle), let d = ExcelDate.day(fromSerial: n, date1904: date1904) { return .date(d) }
            return .number(n)
        }
    }
}
