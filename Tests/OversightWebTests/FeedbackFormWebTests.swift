import Foundation
import NIOCore
import OversightCore
import OversightFormats
import OversightStore
@testable import OversightWeb
import Testing
import Vapor
import VaporTesting

/// An authority's own feedback forms through the web: an administrator downloads a form as YAML,
/// uploads a form file (a new form, or a reworded one as its next version) and sees it offered
/// when recording feedback; a bad file is refused with its error located; a form dropping a
/// question a measure reads is refused; nobody else may upload or download.
@Suite(.serialized) struct FeedbackFormWebTests {
    static let boundary = "----oversight-feedback-form-boundary"

    /// The upload as a browser posts it: multipart, the CSRF field then the file.
    static func upload(_ h: WebHarness, as role: Role = .administrator, name: String = "form.yaml", yaml: String) async throws -> TestingHTTPResponse {
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(h.sessions[role]!.csrf)\r\n"
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"form-file\"; filename=\"\(name)\"\r\nContent-Type: application/yaml\r\n\r\n\(yaml)\r\n"
        body += "--\(boundary)--\r\n"
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await h.send(.POST, "/feedback/forms", as: role, headers: headers, body: ByteBuffer(string: body))
    }

    static let ownForm = """
        id: after-help
        title: After your help
        respondent: child-young-person
        introduction: Tell us how things are now.
        questions:
          - id: safe
            wording: I feel safer at home
            kind: agreement
          - id: listened
            wording: My worker listened to me
            kind: yes-no
          - id: else
            wording: Anything else you want to say
            kind: text
            optional: true
        """

    @Test func anAdministratorUploadsAFormAndItIsOfferedWhenRecording() async throws {
        let h = try await WebHarness.start(importData: false)
        let page = try await h.send(.GET, "/feedback", as: .administrator)
        #expect(page.body.string.contains("Add or change a form"))
        #expect(page.body.string.contains("enctype=\"multipart/form-data\""))
        #expect(page.body.string.contains("href=\"/feedback/forms/family-help/yaml\""))

        let saved = try await Self.upload(h, name: "after-help.yaml", yaml: Self.ownForm)
        #expect(saved.status == .ok)
        #expect(saved.body.string.contains("After your help is saved as version 1 of after-help"))
        // Offered on the Feedback page, and recorded with a family.
        let index = try await h.send(.GET, "/feedback", as: .manager)
        #expect(index.body.string.contains("href=\"/feedback/forms/after-help\""))
        #expect(index.body.string.contains("<option value=\"after-help\""))
        let form = try await h.send(.GET, "/feedback/forms/after-help", as: .manager)
        #expect(form.status == .ok)
        #expect(form.body.string.contains("I feel safer at home"))
        let recorded = try await h.send(
            .POST, "/feedback/forms/after-help", as: .manager, form: ["q-safe": "agree", "q-listened": "yes", "respondent": "child-young-person"])
        #expect(recorded.status == .ok)
        let responses = try await h.store.feedback(authority: WebFixtures.authority).responses()
        #expect(responses.map(\.formID) == ["after-help"])
        #expect(responses.first?.answers == ["safe": "agree", "listened": "yes"])

        // Downloaded, reworded and uploaded: the next version, offered from then on.
        let file = try await h.send(.GET, "/feedback/forms/after-help/yaml", as: .administrator)
        #expect(file.status == .ok)
        #expect(file.headers.first(name: .contentDisposition) == "attachment; filename=\"after-help.yaml\"")
        let reworded = file.body.string.replacingOccurrences(of: "I feel safer at home", with: "I feel safe at home now")
        let v2 = try await Self.upload(h, name: "after-help.yaml", yaml: reworded)
        #expect(v2.body.string.contains("saved as version 2 of after-help"))
        #expect(try await h.send(.GET, "/feedback/forms/after-help", as: .manager).body.string.contains("I feel safe at home now"))
        // The same file again changes nothing.
        let same = try await Self.upload(h, name: "after-help.yaml", yaml: reworded)
        #expect(same.body.string.contains("is the same as its version 2: nothing changed"))

        let log = try await h.store.accounts(hasher: TestHasher()).activity(authority: WebFixtures.authority)
        #expect(log.filter { $0.action == "saved a feedback form" }.map(\.target).sorted() == ["after-help version 1", "after-help version 2"])
        await h.shutdown()
    }

    @Test func aBadFileIsRefusedWithItsErrorLocated() async throws {
        let h = try await WebHarness.start(importData: false)
        let bad = Self.ownForm.replacingOccurrences(of: "kind: yes-no", with: "kind: scale")
        let res = try await Self.upload(h, name: "after-help.yaml", yaml: bad)
        #expect(res.status == .unprocessableEntity)
        let body = res.body.string
        #expect(body.contains("href=\"#form-file\""))
        #expect(
            body.contains("after-help.yaml, line 11, field questions[2].kind: unknown kind &#39;scale&#39;")
                || body.contains("after-help.yaml, line 11, field questions[2].kind: unknown kind 'scale'"))
        #expect(try await h.store.feedback(authority: WebFixtures.authority).forms().map(\.id) == ["family-help", "tdas"])

        // A shipped form without a question a measure reads: refused, nothing stored.
        var dropped = ShippedFeedbackForms.tdas
        dropped.questions.removeAll { $0.id == "confidence" }
        let refused = try await Self.upload(h, name: "tdas.yaml", yaml: FeedbackFormWriter.yaml(dropped))
        #expect(refused.status == .unprocessableEntity)
        #expect(
            refused.body.string.contains("field questions: the question &#39;confidence&#39; cannot be dropped")
                || refused.body.string.contains("field questions: the question 'confidence' cannot be dropped"))
        #expect(try await h.store.feedback(authority: WebFixtures.authority).latestForm(id: "tdas")?.version == 1)

        // No file chosen.
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(Self.boundary)")
        let empty = "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(h.sessions[.administrator]!.csrf)\r\n--\(Self.boundary)--\r\n"
        let none = try await h.send(.POST, "/feedback/forms", as: .administrator, headers: headers, body: ByteBuffer(string: empty))
        #expect(none.status == .unprocessableEntity)
        #expect(none.body.string.contains("Choose a form file (YAML) to upload"))
        await h.shutdown()
    }

    @Test func onlyAdministratorsManageForms() async throws {
        let h = try await WebHarness.start(importData: false)
        for role in Role.allCases where role != .administrator {
            let res = try await Self.upload(h, as: role, yaml: Self.ownForm)
            #expect(res.status == .forbidden, "\(role)")
            #expect(try await h.send(.GET, "/feedback/forms/family-help/yaml", as: role).status == .forbidden, "\(role)")
        }
        #expect(!(try await h.send(.GET, "/feedback", as: .manager).body.string.contains("Add or change a form")))
        // Without the form's token: refused.
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(Self.boundary)")
        let forged =
            "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nforged\r\n--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"form-file\"; filename=\"f.yaml\"\r\n\r\n\(Self.ownForm)\r\n--\(Self.boundary)--\r\n"
        let res = try await h.send(.POST, "/feedback/forms", as: .administrator, headers: headers, body: ByteBuffer(string: forged))
        #expect(res.status == .forbidden)
        #expect(try await h.store.feedback(authority: WebFixtures.authority).forms().map(\.id) == ["family-help", "tdas"])
        await h.shutdown()
    }
}
