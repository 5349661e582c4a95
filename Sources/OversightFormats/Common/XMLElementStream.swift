import Foundation

/// A small XML element tree: a name, its text (trimmed), its children and the line of its
/// start tag.
public final class XMLNode: @unchecked Sendable {
    // Built and read on one thread only, inside one reader call.
    public let name: String
    public let line: Int
    public var text: String = ""
    public var children: [XMLNode] = []
    init(name: String, line: Int) { self.name = name; self.line = line }

    /// The first child named `name`.
    public func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }
    /// All children named `name`.
    public func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    /// Whether the element has no element children.
    public var isLeaf: Bool { children.isEmpty }
}

/// Streams an XML file and hands over, one at a time, each complete subtree whose element name is
/// in `unitNames` (e.g. every `Child`, and the `Header`), so that a file of any size is read with
/// memory bounded by its largest unit.
final class XMLElementStream {
    private let unitNames: Set<String>
    private let onUnit: (XMLNode) -> Void
    private(set) var rootName: String?
    /// How many bytes pass between hand-backs of a mapped file's pages (smaller in tests).
    var releaseStep = FastXMLScanner.passedStep

    init(unitNames: Set<String>, onUnit: @escaping (XMLNode) -> Void) {
        self.unitNames = unitNames
        self.onUnit = onUnit
    }

    /// Parses `data`. Throws `UnusableFileError` when the XML is not well formed, naming the line.
    func parse(data: Data, file: String) throws {
        try data.withUnsafeBytes { raw in
            try parse(raw.bindMemory(to: UInt8.self), file: file, mapped: nil)
        }
    }

    /// Parses a mapped file, handing its pages back as the scanner passes them (whole units at a
    /// time), so a file of any size adds little to the process's resident memory.
    func parse(mapped: MappedFile, file: String) throws {
        try parse(mapped.bytes, file: file, mapped: mapped)
    }

    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, mapped: MappedFile?) throws {
        var scanner = FastXMLScanner(unitNames: unitNames)
        do {
            if UTF8Check.isValid(bytes, step: releaseStep, passed: mapped.map { m in { m.release(upTo: $0) } }) {
                mapped?.rewind() // the check handed back the pages it read; the scan reads them again
                rootName = try scanner.scan(bytes, onUnit: onUnit, step: releaseStep, passed: mapped.map { m in { m.release(upTo: $0) } })
            } else {
                let utf8 = Self.utf8(Data(buffer: bytes))
                rootName = try utf8.withUnsafeBytes { raw in
                    try scanner.scan(raw.bindMemory(to: UInt8.self), onUnit: onUnit)
                }
            }
        } catch let f as FastXMLScanner.Failure {
            throw UnusableFileError(file: file, reason: "the XML is malformed or truncated at line \(f.line): \(f.reason); nothing was read from this file")
        }
        if rootName == nil {
            throw UnusableFileError(file: file, reason: "the file holds no XML element; nothing was read from this file")
        }
    }

    /// The XML as UTF-8. FoundationXML can crash on element names that are not valid UTF-8, so
    /// text that is not UTF-8 is read as Windows-1252 (as CSV files are) and its encoding
    /// declaration rewritten to say UTF-8.
    static func utf8(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        if String(validating: bytes, as: UTF8.self) != nil { return data }
        var text = String(decoding: CSVFile.windows1252ToUTF8(bytes), as: UTF8.self)
        if text.hasPrefix("<?xml"), let close = text.range(of: "?>") {
            let decl = String(text[text.startIndex..<close.lowerBound])
            if let r = decl.range(of: "encoding") {
                let cleaned = String(decl[decl.startIndex..<r.lowerBound])
                text.replaceSubrange(text.startIndex..<close.lowerBound, with: cleaned + "encoding=\"UTF-8\"")
            }
        }
        return Data(text.utf8)
    }
}
