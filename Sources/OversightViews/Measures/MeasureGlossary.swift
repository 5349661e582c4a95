import Foundation
import OversightCore

/// Each measure's definition as docs/measures.md words it, for the measure page.
///
/// The bundle holds `Assets/measure-definitions.md`: the part of docs/measures.md from
/// "## From the CIN census" up to (not including) "## Decisions where the specification leaves a
/// choice". A test fails when it drifts from the docs. Ids written with `{group}`
/// (`assessment_factor_pct_{group}`) cover every group's measure. Measures the docs do not
/// describe (quality assurance and hand-entered ones) fall back to the catalogue's title.
public enum MeasureGlossary {
    /// One measure's definition.
    public struct Entry: Sendable, Hashable {
        /// The measure's id (a group's own id, not the `{group}` template).
        public var id: String
        /// The catalogue's title; the id itself for a measure no catalogue knows.
        public var title: String
        /// The section of docs/measures.md ("From the CIN census"); nil for a fallback.
        public var section: String?
        /// The section's words before its table (what "looked after" means, which episodes are left out).
        public var sectionNotes: String?
        /// "What it counts", as the docs word it (inline Markdown: `code`, *emphasis*); nil when the docs have no row.
        public var definition: String?
        /// The fields it reads; nil when the docs give none.
        public var fields: String?
        /// The source, unit and polarity from the catalogue; nil for an unknown id.
        public var measure: MeasureDefinition?
    }

    /// The definition of `id`: the docs' row when there is one, else the catalogue's title alone;
    /// nil when neither the docs nor `MeasureCatalogue`/`HandEnteredMeasures` know the id.
    public static func entry(_ id: String) -> Entry? {
        let def = Plan.measureDefinition(id)
        if let row = rows.first(where: { matches(template: $0.id, id: id) }) {
            return Entry(
                id: id, title: def?.title ?? id, section: row.section, sectionNotes: row.sectionNotes,
                definition: row.definition, fields: row.fields, measure: def)
        }
        guard let def else { return nil }
        return Entry(id: id, title: def.title, section: nil, sectionNotes: nil, definition: nil, fields: nil, measure: def)
    }

    /// One row of a definitions table.
    public struct Row: Sendable, Hashable {
        public var id: String
        public var section: String
        public var sectionNotes: String?
        public var definition: String
        public var fields: String?
    }

    /// The rows of every table headed `| id | what it counts |` in `markdown`, with the `## `
    /// section each is under and that section's prose before the table.
    public static func parse(markdown: String) -> [Row] {
        var rows: [Row] = []
        var section = ""
        var paragraphs: [String] = []
        var paragraph = ""
        var inTable = false
        func endParagraph() {
            if !paragraph.isEmpty { paragraphs.append(paragraph); paragraph = "" }
        }
        for raw in markdown.components(separatedBy: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("## ") {
                section = String(line.dropFirst(3)); paragraphs = []; paragraph = ""; inTable = false; continue
            }
            if line.hasPrefix("| id | what it counts") { endParagraph(); inTable = true; continue }
            if line.hasPrefix("|") {
                guard inTable else { continue }
                let cells = splitRow(line)
                guard cells.count >= 2, cells[0].hasPrefix("`"), cells[0].hasSuffix("`") else { continue }
                let fields = cells.count > 2 && !cells[2].isEmpty ? cells[2] : nil
                rows.append(
                    Row(
                        id: String(cells[0].dropFirst().dropLast()), section: section,
                        sectionNotes: paragraphs.isEmpty ? nil : paragraphs.joined(separator: "\n\n"),
                        definition: cells[1], fields: fields))
                continue
            }
            inTable = false
            if line.isEmpty { endParagraph() } else { paragraph += paragraph.isEmpty ? line : " " + line }
        }
        return rows
    }

    /// The bundled definitions text.
    public static let bundledText: String = {
        guard let data = Assets.file(named: "measure-definitions.md") else { return "" }
        return String(decoding: data, as: UTF8.self)
    }()

    /// The rows parsed from the bundled text.
    public static let rows: [Row] = parse(markdown: bundledText)

    /// The part of docs/measures.md the bundle holds (see the type's comment).
    public static func excerpt(ofDocs docs: String) -> String {
        var out: [String] = []
        var taking = false
        for line in docs.components(separatedBy: "\n") {
            if line.hasPrefix("## From the CIN census") { taking = true }
            if line.hasPrefix("## Decisions where") { break }
            if taking { out.append(line) }
        }
        return out.joined(separator: "\n") + (out.isEmpty ? "" : "\n")
    }

    /// Whether `id` is `template` or an instance of it (`{group}` standing for one snake_case word or more).
    static func matches(template: String, id: String) -> Bool {
        guard let r = template.range(of: "{group}") else { return template == id }
        let prefix = template[..<r.lowerBound], suffix = template[r.upperBound...]
        guard id.hasPrefix(prefix), id.hasSuffix(suffix), id.count > prefix.count + suffix.count else { return false }
        return true
    }

    /// The cells of a Markdown table row, trimmed; a `|` inside backticks stays in its cell.
    static func splitRow(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var inCode = false
        for ch in line.dropFirst() {
            if ch == "`" { inCode.toggle() }
            if ch == "|" && !inCode { cells.append(current.trimmingCharacters(in: .whitespaces)); current = ""; continue }
            current.append(ch)
        }
        let tail = current.trimmingCharacters(in: .whitespaces)
        if !tail.isEmpty { cells.append(tail) }
        return cells
    }

    /// Inline Markdown as markup: `code` in `<code>`, *emphasis* in `<em>`; everything escaped.
    public static func inline(_ text: String) -> HTML {
        var out = HTML.empty
        for (i, part) in text.components(separatedBy: "`").enumerated() {
            if i % 2 == 1 {
                out += HTML.el("code", text: part)
            } else {
                for (j, bit) in part.components(separatedBy: "*").enumerated() {
                    out += j % 2 == 1 && !bit.isEmpty ? HTML.el("em", text: bit) : .text(bit)
                }
            }
        }
        return out
    }
}
