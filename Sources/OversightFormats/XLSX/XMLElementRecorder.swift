import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses a small XML part (workbook, relationships, styles) into the list of its elements with
/// their attributes and ancestors, names stripped of any namespace prefix. Text is ignored.
final class XMLElementRecorder: NSObject, XMLParserDelegate {
    struct Element {
        /// Local names of the ancestors, outermost first.
        var path: [String]
        var name: String
        var attributes: [String: String]

        /// The attribute whose local name is `name` (`r:id` answers to `id`).
        func attribute(_ name: String) -> String? {
            if let v = attributes[name] { return v }
            return attributes.first { localName($0.key) == name }?.value
        }
    }

    private(set) var elements: [Element] = []
    private var stack: [String] = []

    /// The elements of `data`, or nil when it is not well-formed XML or is cut short.
    static func parse(_ data: Data) -> [Element]? {
        let recorder = XMLElementRecorder()
        let parser = XMLParser(data: data)
        parser.delegate = recorder
        return parser.parse() && !recorder.elements.isEmpty && recorder.stack.isEmpty ? recorder.elements : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        let name = localName(elementName)
        elements.append(Element(path: stack, name: name, attributes: attributeDict))
        stack.append(name)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        _ = stack.popLast()
    }
}

/// `x:row` -> `row`.
func localName(_ qualified: String) -> String {
    if let i = qualified.lastIndex(of: ":") { return String(qualified[qualified.index(after: i)...]) }
    return qualified
}
