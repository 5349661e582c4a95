/// Escapes text for an XML element's content (`&`, `<`, `>`, quotes).
func xmlEscaped(_ text: String) -> String {
    // & < > " '
    guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return text }
    var out = ""
    for c in text {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        default: out.append(c)
        }
    }
    return out
}

/// `<name>text</name>`, or `<name />` when the text is empty.
func xmlLeaf(_ name: String, _ text: String) -> String {
    text.isEmpty ? "<\(name) />" : "<\(name)>\(xmlEscaped(text))</\(name)>"
}
