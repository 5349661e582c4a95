import Foundation
import OversightCore
import OversightViews
@testable import OversightWeb
import Testing
import Vapor

/// The one route table: names and paths are unique, links and routes come from `SitePath`, no path
/// is typed anywhere else, and the navigation shows exactly what each role's routes admit.
@Suite(.serialized) struct SiteRouteTableTests {
    @Test func everyRouteHasItsOwnNameAndItsOwnMethodAndPath() {
        let names = SiteRoute.all.map(\.name)
        #expect(Set(names).count == names.count, "duplicate route names")
        let keys = SiteRoute.all.map { "\($0.method) \($0.path)" }
        #expect(Set(keys).count == keys.count, "two routes with one method and path")
        for route in SiteRoute.all {
            #expect(route.path.matches(route.sample), "\(route.name): sample \(route.sample) is not a link to \(route.path)")
        }
    }

    @Test func everyAPIPathOfTheOpenAPIDocumentIsARoute() {
        let apiRoutes = SiteRoute.all.filter { $0.isAPI && $0.path != .apiOpenAPI }
        let documented = apiRoutes.map { OpenAPIDocument.path($0.path) }
        #expect(documented.contains("/measures/{id}/records"))
        #expect(apiRoutes.allSatisfy { $0.protection == .bearerToken })
        #expect(!SiteRoute.named("measures").isAPI)
    }

    // MARK: Navigation

    /// Each role's sections, by hand: a change of a route's access shows here as a change of menu.
    static let expectedSections: [Role: [String]] = [
        .administrator: ["Overview", "Measures", "Lists", "Clinics", "Data", "Audits", "Feedback", "Plan", "Reports", "Activity log", "Users"],
        .analyst: ["Overview", "Measures", "Lists", "Clinics", "Data", "Audits", "Feedback", "Plan", "Reports"],
        .manager: ["Overview", "Measures", "Lists", "Clinics", "Audits", "Feedback", "Plan", "Reports"],
        .auditor: ["Overview", "Measures", "Lists", "Clinics", "Audits", "Feedback", "Plan", "Reports"],
        .moderator: ["Overview", "Measures", "Lists", "Clinics", "Audits", "Feedback", "Plan", "Reports"],
        .strategicLead: ["Overview", "Measures", "Lists", "Clinics", "Audits", "Feedback", "Plan", "Reports"],
        .boardMember: ["Overview", "Measures", "Plan", "Reports"],
        .partnerAuditor: ["Overview", "Audits"],
        .regional: ["Overview", "Region"],
    ]

    @Test(arguments: Role.allCases) func navigationShowsASectionExactlyWhenItsRouteAdmitsTheRole(_ role: Role) {
        let items = Navigation.items(for: role, current: "Audits")
        let admitted = Navigation.sections.filter { $0.route.access.allows(role) }
        #expect(items.map(\.label) == admitted.map(\.label))
        #expect(items.map(\.href) == admitted.map { $0.route.path.link() })
        #expect(items.map(\.label) == Self.expectedSections[role])
        #expect(items.filter(\.isCurrent).map(\.label) == (admitted.contains { $0.label == "Audits" } ? ["Audits"] : []))
        for section in Navigation.sections { #expect(section.route.method == .GET, "\(section.label) does not name a page") }
    }

    @Test func nobodySignedInHasNoNavigation() {
        #expect(Navigation.items(for: nil, current: nil).isEmpty)
    }

    @Test func everyRoleSeesItsSectionsOnItsPages() async throws {
        let h = try await WebHarness.start(importData: false)
        for role in [nil] + Role.allCases.map(Optional.some) {
            // A page every role reaches: the not-found page wears the role's navigation.
            let page = try await h.send(.GET, "/no-such-page", as: role).body.string
            for section in Navigation.sections {
                let shown = page.contains("<a href=\"\(section.href)\" class=\"ov-nav__link\"")
                #expect(
                    shown == (role.map { section.route.access.allows($0) } ?? false),
                    "\(section.label) as \(role?.rawValue ?? "nobody"): shown \(shown)")
            }
        }
        await h.shutdown()
    }

    @Test(arguments: Role.allCases) func myAuditsLinksAreTheRoutesTheRoleMayUse(_ role: Role) {
        let shown = RouteLink.offered(QAController.hubLinks, to: role).map(\.route.name)
        let admitted = QAController.hubLinks.map(\.route).filter { $0.access.allows(role) }.map(\.name)
        #expect(shown == admitted)
        #expect(shown.contains("moderation") == Access.moderators.allows(role))
        #expect(shown.contains("learning") == role.seesDashboards)
    }

    // MARK: No path written twice

    /// The package's folder, found from this file's path.
    static let packageFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func noPathIsTypedOutsideSitePath() throws {
        var found: [String] = []
        for module in ["Sources/OversightWeb", "Sources/OversightViews"] {
            let folder = Self.packageFolder.appendingPathComponent(module)
            let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
            for case let url as URL in files where url.pathExtension == "swift" && url.lastPathComponent != "SitePath.swift" {
                let source = try String(contentsOf: url, encoding: .utf8)
                for literal in PathLiteralScanner.pathLiterals(in: source) {
                    found.append("\(module)/\(url.path.dropFirst(folder.path.count + 1)):\(literal.line): \"\(literal.text)\"")
                }
            }
        }
        #expect(found.isEmpty, "Paths typed by hand (use SitePath.<path>.link(...)):\n\(found.sorted().joined(separator: "\n"))")
    }

    @Test func theScannerFindsPathLiteralsAndNothingElse() {
        let source = #"""
            let a = "/measures/\(id)" // "/in-a-comment"
            /* "/in-a-block" /* nested */ "/still-in-it" */
            let b = "x\("/inside-interpolation")y" + "a/b" + "/" + "/\(x)" + "\"/not-a-start"
            let c = """
                /a-multi-line-string
                """
            """#
        let found = PathLiteralScanner.pathLiterals(in: source)
        #expect(found.map(\.text) == ["/measures/\u{FFFC}", "/inside-interpolation"])
        #expect(found.map(\.line) == [1, 3])
    }
}

/// Finds string literals in Swift source that start with `/` and a letter: paths typed by hand.
/// Skips comments; looks inside interpolations; multi-line and raw strings are read but their
/// text starts after the opening delimiter's line, so never counts as a path.
enum PathLiteralScanner {
    /// One literal: the line it starts on and its text (interpolations as U+FFFC).
    struct Literal: Equatable { var line: Int; var text: String }

    static func pathLiterals(in source: String) -> [Literal] {
        var scanner = Scanner(chars: Array(source))
        scanner.code(untilClosingParenthesis: false)
        return scanner.literals.filter { literal in
            guard literal.text.first == "/", let second = literal.text.dropFirst().first else { return false }
            return second.isLetter
        }
    }

    private struct Scanner {
        let chars: [Character]
        var i = 0
        var line = 1
        var literals: [Literal] = []

        func at(_ offset: Int) -> Character? { i + offset < chars.count ? chars[i + offset] : nil }

        mutating func code(untilClosingParenthesis: Bool) {
            var depth = 0
            while i < chars.count {
                let c = chars[i]
                if c == "\n" {
                    line += 1; i += 1
                } else if c == "/", at(1) == "/" {
                    while i < chars.count, chars[i] != "\n" { i += 1 }
                } else if c == "/", at(1) == "*" {
                    blockComment()
                } else if c == "\"" || (c == "#" && rawStringStarts()) {
                    string()
                } else {
                    if untilClosingParenthesis {
                        if c == "(" {
                            depth += 1
                        } else if c == ")" {
                            if depth == 0 { i += 1; return }
                            depth -= 1
                        }
                    }
                    i += 1
                }
            }
        }

        func rawStringStarts() -> Bool {
            var j = i
            while j < chars.count, chars[j] == "#" { j += 1 }
            return j < chars.count && chars[j] == "\""
        }

        mutating func blockComment() {
            var depth = 0
            while i < chars.count {
                if chars[i] == "/", at(1) == "*" {
                    depth += 1; i += 2
                } else if chars[i] == "*", at(1) == "/" {
                    depth -= 1; i += 2; if depth == 0 { return }
                } else {
                    if chars[i] == "\n" { line += 1 }; i += 1
                }
            }
        }

        mutating func string() {
            var hashes = 0
            while chars[i] == "#" { hashes += 1; i += 1 }
            let isMultiLine = at(1) == "\"" && at(2) == "\""
            i += isMultiLine ? 3 : 1
            let startLine = line
            var text = ""
            func closes(_ s: Scanner) -> Bool {
                let quotes = isMultiLine ? 3 : 1
                for k in 0..<quotes where s.at(k) != "\"" { return false }
                for k in 0..<hashes where s.at(quotes + k) != "#" { return false }
                return true
            }
            while i < chars.count {
                let c = chars[i]
                if c == "\\", (0..<hashes).allSatisfy({ at(1 + $0) == "#" }) {
                    i += 1 + hashes
                    if at(0) == "(" {
                        i += 1
                        text.append("\u{FFFC}")
                        code(untilClosingParenthesis: true)
                    } else if let escaped = at(0) {
                        text.append(escaped)
                        i += 1
                    }
                } else if closes(self) {
                    i += (isMultiLine ? 3 : 1) + hashes
                    break
                } else {
                    if c == "\n" { line += 1 }
                    text.append(c)
                    i += 1
                }
            }
            literals.append(Literal(line: startLine, text: text))
        }
    }
}
