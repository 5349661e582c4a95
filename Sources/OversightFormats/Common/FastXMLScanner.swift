import Foundation

/// A small, strict XML scanner for the data files Oversight reads (CIN census, SSDA903 upload):
/// elements, text, the five predefined entities and character references, comments, processing
/// instructions and CDATA. Attributes are read past and ignored; a DOCTYPE is refused (no entity
/// expansion, so no "billion laughs").
///
/// It hands each complete subtree whose element name is in `unitNames` (and every top-level
/// child of those units) to a callback, so memory is bounded by the largest unit, and it is many
/// times faster than FoundationXML's `XMLParser`, whose per-callback cost dominated reading a
/// national-scale census.
struct FastXMLScanner {
    struct Failure: Error {
        var line: Int
        var reason: String
    }

    let unitNames: Set<String>
    private var names: [UInt64: [(bytes: [UInt8], name: String)]] = [:]

    init(unitNames: Set<String>) { self.unitNames = unitNames }

    /// How often (in bytes scanned) `passed` is told how far the scanner has got.
    static let passedStep = 16 << 20

    /// Scans `bytes` (UTF-8). Returns the root element's name. `passed`, when given, is called
    /// between units, about every `passedStep` bytes, with an offset the scanner will not read
    /// before again.
    mutating func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, onUnit: (XMLNode) -> Void,
        step: Int = passedStep, passed: ((Int) -> Void)? = nil
    ) throws -> String? {
        var nextPassed = step
        let n = bytes.count
        var i = n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var line = 1
        var stack: [String] = []
        var nodes: [XMLNode] = []
        var root: String?
        var text: [UInt8] = []

        func fail(_ reason: String) -> Failure { Failure(line: line, reason: reason) }

        while i < n {
            let b = bytes[i]
            if b != UInt8(ascii: "<") {
                if b == 0x0A { line += 1 }
                if !nodes.isEmpty {
                    if b == UInt8(ascii: "&") {
                        try decodeEntity(bytes, &i, into: &text, line: line)
                        continue
                    }
                    text.append(b)
                } else if b == UInt8(ascii: "&") || (stack.isEmpty && root != nil && !isSpace(b)) || (root == nil && !isSpace(b)) {
                    if stack.isEmpty { throw fail("text outside the root element") }
                }
                i += 1
                continue
            }
            // Markup.
            guard i + 1 < n else { throw fail("the file ends inside a tag") }
            let c = bytes[i + 1]
            if c == UInt8(ascii: "?") {
                i = try skip(bytes, from: i + 2, until: [UInt8(ascii: "?"), UInt8(ascii: ">")], line: &line, what: "processing instruction")
                continue
            }
            if c == UInt8(ascii: "!") {
                if hasPrefix(bytes, i, "<!--") {
                    i = try skip(bytes, from: i + 4, until: Array("-->".utf8), line: &line, what: "comment")
                } else if hasPrefix(bytes, i, "<![CDATA[") {
                    let start = i + 9
                    let end = try skip(bytes, from: start, until: Array("]]>".utf8), line: &line, what: "CDATA section")
                    if !nodes.isEmpty { text.append(contentsOf: bytes[start..<(end - 3)]) }
                    i = end
                } else {
                    throw fail("DOCTYPE declarations are not accepted in data files")
                }
                continue
            }
            if c == UInt8(ascii: "/") {
                // End tag.
                var j = i + 2
                let nameStart = j
                while j < n, isNameByte(bytes[j]) { j += 1 }
                let name = intern(bytes, nameStart, j)
                while j < n, isSpace(bytes[j]) { if bytes[j] == 0x0A { line += 1 }; j += 1 }
                guard j < n, bytes[j] == UInt8(ascii: ">") else { throw fail("a malformed end tag </\(name)") }
                guard let open = stack.popLast() else { throw fail("an end tag </\(name)> with no element open") }
                guard open == name else { throw fail("the end tag </\(name)> does not close <\(open)>") }
                if let node = nodes.last {
                    if node.children.isEmpty { node.text = trimmedString(text) }
                    text.removeAll(keepingCapacity: true)
                    nodes.removeLast()
                    if nodes.isEmpty {
                        onUnit(node)
                        if let passed, j >= nextPassed { passed(j); nextPassed = j + step }
                    }
                }
                i = j + 1
                continue
            }
            // Start tag.
            var j = i + 1
            let nameStart = j
            while j < n, isNameByte(bytes[j]) { j += 1 }
            guard j > nameStart else { throw fail("a '<' that starts no element") }
            let name = intern(bytes, nameStart, j)
            // Attributes are skipped, honouring quotes.
            var quote: UInt8 = 0
            while j < n {
                let d = bytes[j]
                if d == 0x0A { line += 1 }
                if quote != 0 { if d == quote { quote = 0 } } else if d == 0x22 || d == 0x27 { quote = d } else if d == UInt8(ascii: ">") { break }
                j += 1
            }
            guard j < n else { throw fail("the file ends inside the tag <\(name)") }
            let selfClosing = bytes[j - 1] == UInt8(ascii: "/")
            if root == nil { root = name } else if stack.isEmpty { throw fail("a second root element <\(name)>") }
            let startsUnit = nodes.isEmpty && unitNames.contains(name)
            if !nodes.isEmpty || startsUnit {
                let node = XMLNode(name: name, line: line)
                if let parent = nodes.last {
                    parent.children.append(node)
                    text.removeAll(keepingCapacity: true)
                }
                if selfClosing {
                    if nodes.isEmpty { onUnit(node) }
                } else {
                    nodes.append(node)
                }
            }
            if !selfClosing { stack.append(name) }
            i = j + 1
        }
        if let open = stack.last { throw fail("the file ends with <\(open)> (and \(stack.count - 1) more) still open: it is truncated") }
        return root
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    private func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D || b == 0x2E || b == 0x3A || b >= 0x80
    }

    private func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ p: String) -> Bool {
        let u = Array(p.utf8)
        guard i + u.count <= bytes.count else { return false }
        for k in 0..<u.count where bytes[i + k] != u[k] { return false }
        return true
    }

    /// Index just past `until`, counting lines; throws when the file ends first.
    private func skip(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, until: [UInt8], line: inout Int, what: String) throws -> Int {
        var j = from
        while j + until.count <= bytes.count {
            if bytes[j] == 0x0A { line += 1 }
            if bytes[j] == until[0] {
                var ok = true
                for k in 1..<until.count where bytes[j + k] != until[k] { ok = false; break }
                if ok { return j + until.count }
            }
            j += 1
        }
        throw Failure(line: line, reason: "the file ends inside a \(what)")
    }

    private func decodeEntity(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, into out: inout [UInt8], line: Int) throws {
        var j = i + 1
        while j < bytes.count, j - i < 12, bytes[j] != UInt8(ascii: ";") { j += 1 }
        guard j < bytes.count, bytes[j] == UInt8(ascii: ";") else { throw Failure(line: line, reason: "a '&' that starts no entity (write &amp;)") }
        let body = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
        switch body {
        case "amp": out.append(UInt8(ascii: "&"))
        case "lt": out.append(UInt8(ascii: "<"))
        case "gt": out.append(UInt8(ascii: ">"))
        case "quot": out.append(0x22)
        case "apos": out.append(0x27)
        default:
            var value: UInt32?
            if body.hasPrefix("#x") || body.hasPrefix("#X") { value = UInt32(body.dropFirst(2), radix: 16) } else if body.hasPrefix("#") { value = UInt32(body.dropFirst(1)) }
            guard let v = value, v != 0, let scalar = Unicode.Scalar(v) else {
                throw Failure(line: line, reason: "the entity &\(body); is not one XML defines")
            }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
        i = j + 1
    }

    private func trimmedString(_ t: [UInt8]) -> String {
        var a = 0, b = t.count
        while a < b, isSpace(t[a]) { a += 1 }
        while b > a, isSpace(t[b - 1]) { b -= 1 }
        return a == b ? "" : String(decoding: t[a..<b], as: UTF8.self)
    }

    private func localName(_ n: String) -> String {
        if let k = n.lastIndex(of: ":") { return String(n[n.index(after: k)...]) }
        return n
    }

    /// The element's local name (any namespace prefix dropped) as a String, created once per
    /// distinct name.
    private mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for k in a..<b { h = (h ^ UInt64(bytes[k])) &* 0x100000001b3 }
        if let bucket = names[h] {
            for e in bucket where e.bytes.count == b - a && e.bytes.elementsEqual(bytes[a..<b]) { return e.name }
        }
        let s = localName(String(decoding: bytes[a..<b], as: UTF8.self))
        names[h, default: []].append((Array(bytes[a..<b]), s))
        return s
    }
}
