import Foundation
import OversightCore
import OversightFormats
import Testing

/// The shipped audit templates, and the reader's errors for bad template files.
@Suite struct AuditTemplateReaderTests {
    @Test func theShippedTemplatesReadAndFeedEveryMeasure() throws {
        let templates = try AuditTemplateReader.shipped()
        #expect(templates.map(\.id) == AuditTemplateReader.shippedNames)
        #expect(templates.map(\.type) == [.caseFile, .caseFile, .caseFile, .caseFile, .caseFile, .caseFile, .supervision, .multiAgency])
        #expect(templates.allSatisfy { $0.version == 1 && $0.problems().isEmpty })
        let caseFile = templates[0]
        #expect(caseFile.isForEveryCaseKind)
        // One template for each kind of case, each feeding the three case file measures and
        // asking about a safeguarding concern, whose "yes" alerts the team manager.
        #expect(templates[1...4].map { $0.caseKinds ?? [] } == [[.cin], [.cp], [.cla], [.careLeaver]])
        for t in templates[1...5] {
            #expect(MeasureFeed.allCases.filter { $0 != .reflectiveSupervision }.allSatisfy { t.question(feeding: $0) != nil }, "\(t.id)")
            #expect(t.question("safeguarding-concern")?.alertAnswers == ["yes"], "\(t.id)")
            #expect(t.question("safeguarding-concern")?.raisesAlert(AuditAnswer(value: "yes")) == true)
            #expect(t.question("safeguarding-concern")?.raisesAlert(AuditAnswer(value: "no")) == false)
        }
        // The mixed methodology: the record, practice observed, the practitioner and the family.
        #expect(templates[5].methods == [.recordReview, .observation, .practitionerConversation, .familyConversation, .familyFeedback])
        // A family feedback step never blocks submission: the family may decline.
        #expect(templates[1...5].allSatisfy { t in t.sections.filter { $0.method == .familyFeedback }.allSatisfy { $0.questions.allSatisfy { !$0.required } } })
        #expect(caseFile.question(feeding: .livedExperience)?.evidencedAnswers == ["yes"])
        #expect(caseFile.question(feeding: .strengthsBased) != nil && caseFile.question(feeding: .managementOversight) != nil)
        #expect(caseFile.sections.map(\.id) == ["voice", "assessment", "planning", "oversight", "multi-agency", "chronology", "impact"])
        #expect(templates[6].question(feeding: .reflectiveSupervision)?.id == "reflective")
        #expect(templates[7].sections.compactMap(\.agency) == [.police, .health, .education, .earlyHelp])
    }

    let good = """
        id: t
        version: 2
        type: supervision
        title: T
        sections:
          - id: s
            title: S
            questions:
              - id: q1
                text: Reflective?
                kind: yes-partly-no
                required: true
                feeds: reflective-supervision
                evidenced: ["yes", "partly"]
        """

    func error(_ yaml: String) -> AuditTemplateError? {
        do {
            _ = try AuditTemplateReader().parse(yaml: yaml, file: "t.yaml")
            return nil
        } catch let e as AuditTemplateError {
            return e
        } catch {
            return AuditTemplateError(file: "?", line: nil, field: nil, message: "\(error)")
        }
    }

    @Test func readsAGoodFile() throws {
        let t = try AuditTemplateReader().parse(yaml: good)
        #expect(t.version == 2 && t.questions.first?.evidencedAnswers == ["yes", "partly"] && t.questions.first?.required == true)
    }

    @Test func errorsNameFileLineAndField() {
        let badKind = error(good.replacingOccurrences(of: "kind: yes-partly-no", with: "kind: scale"))
        #expect(
            badKind
                == AuditTemplateError(
                    file: "t.yaml", line: 11, field: "sections[1].questions[1].kind",
                    message: "unknown kind 'scale'; expected judgement, yes-partly-no, yes-no or free-text"))
        let badFeed = error(good.replacingOccurrences(of: "feeds: reflective-supervision", with: "feeds: reflection"))
        #expect(badFeed?.line == 13 && badFeed?.field == "sections[1].questions[1].feeds")
        let badAnswer = error(good.replacingOccurrences(of: "[\"yes\", \"partly\"]", with: "[\"always\"]"))
        #expect(badAnswer?.line == 14 && badAnswer?.message.contains("'always'") == true)
        let unknown = error(good.replacingOccurrences(of: "title: T", with: "title: T\nowner: me"))
        #expect(unknown?.line == 5 && unknown?.field == "owner")
        let missing = error(good.replacingOccurrences(of: "        text: Reflective?\n", with: ""))
        #expect(missing?.field == "sections[1].questions[1].text" && missing?.message == "is missing")
        let syntax = error("id: [unclosed")
        #expect(syntax?.line != nil && syntax?.message.hasPrefix("the YAML is not well formed") == true)
        #expect(error("")?.message == "the file is empty")
    }

    @Test func templateProblemsPointAtTheQuestion() {
        let twice = good.replacingOccurrences(
            of: "        evidenced: [\"yes\", \"partly\"]",
            with: """
                        evidenced: ["yes", "partly"]
                      - id: q1
                        text: Again
                        kind: free-text
                """)
        let e = error(twice)
        #expect(e?.message == "section s, question q1: id is used by an earlier question")
        #expect(e?.line == 15 && e?.field == "sections[1].questions[2].id")
        let agency = error(good.replacingOccurrences(of: "title: S", with: "title: S\n    agency: police"))
        #expect(agency?.message == "section s: agency police is only allowed in multi-agency templates" && agency?.line == 6)
    }
}
