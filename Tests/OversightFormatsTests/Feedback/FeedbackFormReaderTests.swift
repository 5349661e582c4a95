import Foundation
import OversightCore
import OversightFormats
import Testing

/// Feedback form files: a good file, the shipped forms written and read back, and each error
/// located (file, line, field, what is wrong).
@Suite struct FeedbackFormReaderTests {
    let good = """
        # A form of our own
        id: after-help
        title: After your help
        respondent: child-young-person
        introduction: "Tell us: how are things?"
        questions:
          - id: safe
            wording: I feel safer
            kind: agreement
          - id: listened
            wording: My worker listened to me
            kind: yes-no
          - id: else
            wording: Anything else
            kind: text
            optional: true
        """

    @Test func aGoodFileReads() throws {
        let form = try FeedbackFormReader().parse(yaml: good, file: "after.yaml")
        #expect(form.id == "after-help")
        #expect(form.title == "After your help")
        #expect(form.version == 1)
        #expect(form.respondent == .childYoungPerson)
        #expect(form.introduction == "Tell us: how are things?")
        #expect(form.questions.map(\.id) == ["safe", "listened", "else"])
        #expect(form.questions.map(\.kind) == [.agreement, .yesNo, .freeText])
        #expect(form.questions.map(\.isOptional) == [false, false, true])
        #expect(form.questions[1].wording == "My worker listened to me")
    }

    @Test func theShippedFormsAreWrittenAndReadBack() throws {
        for shipped in ShippedFeedbackForms.all {
            let yaml = FeedbackFormWriter.yaml(shipped)
            let read = try FeedbackFormReader().parse(yaml: yaml, file: "\(shipped.id).yaml")
            #expect(read == shipped, "\(shipped.id)")
        }
        // Any wording survives the round trip.
        var odd = ShippedFeedbackForms.familyHelp
        odd.title = "Quotes \" and \\ backslashes: # not a comment\n and a new line, 'single', ü, 😀"
        odd.questions[0].wording = "- looks like a list: [1, 2] {a: b} &anchor *alias !tag %"
        #expect(try FeedbackFormReader().parse(yaml: FeedbackFormWriter.yaml(odd)) == odd)
    }

    @Test func aRewordedShippedFormReadsWithItsIDs() throws {
        let yaml = """
            id: family-help
            title: How was our help?
            respondent: parent-carer
            questions:
              - id: right-help
                wording: We had the help we needed when we needed it
                kind: agreement
              - id: better
                wording: Life is better for us now
                kind: agreement
              - id: lasted
                wording: Things have stayed better
                kind: agreement
              - id: new-question
                wording: We would recommend the service
                kind: yes-no
            """
        let form = try FeedbackFormReader().parse(yaml: yaml)
        #expect(FeedbackMeasures.problems(keeping: form).isEmpty)
    }

    /// The error a file gives: line, field and the start of the message.
    func error(_ yaml: String) -> FeedbackFormError? {
        do {
            _ = try FeedbackFormReader().parse(yaml: yaml, file: "f.yaml")
            return nil
        } catch let e as FeedbackFormError {
            return e
        } catch {
            return nil
        }
    }

    @Test(arguments: [
        // (find, replace, line, field, message fragment)
        ("title: After your help\n", "", 2, "title", "is missing"),
        ("respondent: child-young-person", "respondent: grandparent", 4, "respondent", "unknown respondent 'grandparent'"),
        ("kind: yes-no", "kind: scale", 12, "questions[2].kind", "unknown kind 'scale'"),
        ("optional: true", "optional: perhaps", 16, "questions[3].optional", "must be true or false"),
        ("    kind: agreement\n", "    kind: agreement\n    hint: look\n", 10, "questions[1].hint", "unknown field 'hint'"),
        ("    wording: My worker listened to me\n", "", 10, "questions[2].wording", "is missing"),
        ("wording: My worker listened to me", "text: My worker listened to me", 11, "questions[2].text", "unknown field 'text'"),
        ("id: listened", "id: safe", 10, "questions[2].id", "the id 'safe' is used twice"),
        ("id: listened", "id: \"listened now\"", 10, "questions[2].id", "its id 'listened now' must be"),
        ("wording: I feel safer", "wording: \"  \"", 7, "questions[1].wording", "it needs wording"),
        ("id: after-help", "id: after help!", 2, "id", "the form's id 'after help!'"),
        ("title: After your help", "title: [After]", 3, "title", "must be a single value"),
        // A repeated field: YAML reports the first of the two.
        ("introduction: \"Tell us: how are things?\"\n", "introduction: \"Tell us: how are things?\"\ntitle: Again\n", 3, "title", "a field is given twice"),
    ])
    func eachErrorIsLocated(_ c: (String, String, Int, String, String)) throws {
        #expect(good.contains(c.0))
        let e = try #require(error(good.replacingOccurrences(of: c.0, with: c.1)))
        #expect(e.file == "f.yaml")
        #expect(e.line == c.2, "\(e)")
        #expect(e.field == c.3, "\(e)")
        #expect(e.message.contains(c.4), "\(e)")
        #expect(e.description.hasPrefix("f.yaml, line \(c.2), field \(c.3): "))
    }

    @Test func badYAMLAndEmptyFilesAreLocated() throws {
        let broken = try #require(error("id: x\ntitle: [unclosed\nrespondent: parent-carer\n"))
        #expect(broken.line != nil)
        #expect(broken.message.hasPrefix("the YAML is not well formed"))
        #expect(error("")?.message == "the file is empty")
        #expect(error("- a\n- b\n")?.message == "must be a set of fields (key: value)")
        let none = try #require(error("id: a\ntitle: T\nrespondent: parent-carer\nquestions: []\n"))
        #expect((none.line, none.field, none.message) == (4, "questions", "the form needs at least one question"))
        let notList = try #require(error("id: a\ntitle: T\nrespondent: parent-carer\nquestions: none\n"))
        #expect((notList.line, notList.field) == (4, "questions"))
        #expect(notList.message.hasPrefix("must be a list"))
        let big = Data(repeating: 0x20, count: FeedbackFormReader.maxBytes + 1)
        #expect(throws: FeedbackFormError.self) { try FeedbackFormReader().parse(data: big, file: "big.yaml") }
        #expect(throws: FeedbackFormError.self) { try FeedbackFormReader().parse(data: Data([0xFF, 0xFE, 0x00]), file: "bin.yaml") }
    }

    /// A version of a shipped form that drops a question a measure reads, or answers it another
    /// way, is refused: the measure would stop counting it.
    @Test func aFormDroppingAMeasuresQuestionIsRefused() throws {
        var dropped = ShippedFeedbackForms.tdas
        dropped.questions.removeAll { $0.id == "resilience" }
        let e = try #require(error(FeedbackFormWriter.yaml(dropped)))
        #expect(e.field == "questions")
        #expect(e.line == 8)
        #expect(e.message.contains("'resilience' cannot be dropped"))
        #expect(e.message.contains("feedback_tdas_resilience_pct"))

        var changed = ShippedFeedbackForms.familyHelp
        changed.questions[1].kind = .yesNo
        let k = try #require(error(FeedbackFormWriter.yaml(changed)))
        #expect(k.field == "questions[2].kind")
        #expect(k.line == 13)
        #expect(k.message.contains("'better' of the form 'family-help' must stay agreement, not yes-no"))

        // The same questions under a new id are a new form, which no measure reads.
        dropped.id = "tdas-short"
        #expect(error(FeedbackFormWriter.yaml(dropped)) == nil)
    }
}
