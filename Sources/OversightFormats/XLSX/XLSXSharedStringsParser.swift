import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams `xl/sharedStrings.xml`: each `si` item's text, rich-text runs joined, phonetic
/// guides (`rPh`) left out.
final class XLSXSharedStringsParser: NSObject, XMLParserDelegate {
    private(set) var strings: [String] = []
    private var current = ""
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0
    private var depth = 0
    private var sawRoot = false

    /// The shared strings, or nil when the part is not well-formed XML or is cut short.
    static func parse(_ data: Data) -> [String]? {
        let delegate = XLSXSharedStringsParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        return parser.parse() && delegate.sawRoot && delegate.depth == 0 ? delegate.strings : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        depth += 1
        sawRoot = true
        switch localName(elementName) {
        case "si": inItem = true; current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = inItem && phoneticDepth == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        depth -= 1
        switch localName(elementName) {
        case "si": strings.append(XLSXSharedStringsParser.decodeEscapes(current)); inItem = false
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }

    /// Excel writes characters XML cannot carry as `_xHHHH_` (`_x000D_` for a carriage return).
    static func decodeEscapes(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = ""
        var rest = Substring(text)
        while let r = rest.range(of: "_x") {
            out += rest[rest.startIndex..<r.lowerBound]
            let after = rest[r.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) {
                out.unicodeScalars.append(s)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }
}
