import Foundation
import OversightCore

/// One child's timeline, reached from any drill-down. Never shown to roles that see aggregates
/// only: the web app refuses the route before this page is built.
public enum ChildPage {
    /// What the page shows.
    public struct Model: Sendable {
        public var timeline: ChildTimeline
        /// Facts about the child from the returns (date of birth, sex, ethnicity), as summary rows.
        public var facts: [SummaryList.Row]
        /// Where the user came from (a measure's drill-down), for the back link.
        public var backHref: String?

        public init(timeline: ChildTimeline, facts: [SummaryList.Row] = [], backHref: String? = nil) {
            self.timeline = timeline; self.facts = facts; self.backHref = backHref
        }

        /// The model for `child` from the case data: the timeline, and date of birth, sex and
        /// ethnicity from the CIN census or the SSDA903 header (the CIN census first).
        public static func make(child: ChildID, data: CaseData, audits: [ChildTimeline.Audit] = [], backHref: String? = nil) -> Model {
            var facts: [SummaryList.Row] = []
            let cin = data.cinChildren[child], cla = data.claHeaders[child]
            if let dob = cin?.birthDate.day ?? cla?.birthDate.day { facts.append(.init("Date of birth", text: Format.date(dob))) }
            if let sex = cin?.sex ?? cla?.sex, !sex.isEmpty { facts.append(.init("Sex", text: sexWords(sex))) }
            if let e = cin?.ethnicity ?? cla?.ethnicity, !e.isEmpty { facts.append(.init("Ethnicity code", text: e)) }
            var known: [String] = []
            if cin != nil || data.cinEpisodes.contains(where: { $0.child == child }) { known.append("CIN census") }
            if cla != nil || data.claEpisodes.contains(where: { $0.child == child }) { known.append("SSDA903 return") }
            if data.missingEpisodes.contains(where: { $0.child == child }) { known.append("missing episodes") }
            facts.append(.init("Found in", text: known.isEmpty ? "No loaded return" : known.joined(separator: ", ")))
            return Model(timeline: ChildTimeline.make(child: child, data: data, audits: audits), facts: facts, backHref: backHref)
        }

        static func sexWords(_ s: String) -> String {
            switch s.uppercased() {
            case "1", "M": return "Male"
            case "2", "F": return "Female"
            case "0", "U", "9": return "Not known"
            default: return s
            }
        }
    }

    /// The page title.
    public static func title(_ model: Model) -> String { "Child \(model.timeline.child.rawValue)" }

    /// The main content.
    public static func render(_ model: Model) -> HTML {
        let t = model.timeline
        var out = HTML.empty
        if let back = model.backHref, back.hasPrefix("/"), !back.hasPrefix("//") {
            out += HTML.el("a", [("href", back), ("class", "ov-back-link")], text: "Back")
        }
        out += HTML.el("span", [("class", "ov-caption-l")], text: "Child's timeline")
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: "Child \(t.child.rawValue)")
        out += Notice.warning("This page shows one child's records. Your viewing of it is recorded.")
        out += SummaryList.render(model.facts)
        out += HTML.el("h2", [("class", "ov-heading-l")], text: "Timeline")
        out += HTML.el(
            "p", [("class", "ov-body")],
            text: t.eventCount == 0
                ? "No dated records for this child."
                : "\(t.eventCount) events, newest first.")
        if t.undatedCount > 0 {
            out += Notice.inset(
                text: t.undatedCount == 1
                    ? "1 record has a date that is not a real date and is not shown. See the import's findings."
                    : "\(t.undatedCount) records have dates that are not real dates and are not shown. See the import's findings.")
        }
        for y in t.years {
            var items = HTML.empty
            for e in y.events {
                var body = HTML.el("p", [("class", "ov-timeline__date")], HTML.el("time", [("datetime", e.date.iso)], text: e.dates))
                body += HTML.el("p", [("class", "ov-timeline__title")], text: e.title)
                for d in e.details { body += HTML.el("p", [("class", "ov-timeline__detail")], text: d) }
                items += HTML.el("li", [("class", "ov-timeline__item ov-timeline__item--\(e.category.rawValue)")], body)
            }
            out += HTML.el("h3", [("class", "ov-heading-m ov-timeline__year"), ("id", "year-\(y.year)")], text: String(y.year))
            out += HTML.el("ol", [("class", "ov-timeline"), ("aria-labelledby", "year-\(y.year)")], items)
        }
        return out
    }
}
