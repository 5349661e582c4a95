import Foundation
import NIOCore
import OversightCore
@testable import OversightWeb
import Testing
import Vapor
import VaporTesting

@Suite(.serialized) struct UploadTests {
    static let boundary = "----oversight-test-boundary"

    /// A multipart body: the CSRF field (when given) then each file.
    static func multipart(csrf: String?, files: [(name: String, content: String)]) -> (HTTPHeaders, ByteBuffer) {
        var body = ""
        if let csrf { body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n" }
        for f in files {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(f.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n\(f.content)\r\n"
        }
        body += "--\(boundary)--\r\n"
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return (headers, ByteBuffer(string: body))
    }

    func post(_ h: WebHarness, csrf: Bool = true, files: [(name: String, content: String)]) async throws -> TestingHTTPResponse {
        let (headers, body) = Self.multipart(csrf: csrf ? h.sessions[.analyst]!.csrf : "forged", files: files)
        return try await h.send(.POST, "/data/upload", as: .analyst, headers: headers, body: body)
    }

    /// Follows the upload's job page until the import has finished; returns the final page.
    func finish(_ h: WebHarness, _ res: TestingHTTPResponse) async throws -> TestingHTTPResponse {
        var location = try #require(res.headers.first(name: .location))
        for _ in 0..<200 {
            let page = try await h.send(.GET, location, as: .analyst)
            if page.status == .seeOther, let next = page.headers.first(name: .location) { location = next; continue }
            if !page.body.string.contains("http-equiv=\"refresh\"") { return page }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the import did not finish")
        return res
    }

    static let episodes = """
        CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
        U1,10/06/2024,S,C2,N1,U1,PR1,,,,,,SC1
        U2,31/02/2024,S,C2,N1,U1,PR1,,,,,,SC1

        """

    @Test func aFileWithAnErrorIsImportedAndItsFindingsShown() async throws {
        let h = try await WebHarness.start(importData: false)
        let res = try await post(h, files: [("episodes_2025.csv", Self.episodes)])
        #expect(res.status == .seeOther)
        let page = try await finish(h, res)
        #expect(page.status == .ok)
        #expect(page.body.string.contains("episodes_2025.csv"))
        #expect(page.body.string.contains("Error"))
        let imports = try await h.store.imports().list(authority: WebFixtures.authority)
        #expect(imports.count == 1 && (imports[0].findings[.error] ?? 0) > 0)
        let log = try await h.store.accounts(hasher: TestHasher()).activity(authority: WebFixtures.authority)
        #expect(log.contains { $0.action == "imported" })
        await h.shutdown()
    }

    @Test func aFileOfTheWrongFormatIsNamedAndNothingIsStored() async throws {
        let h = try await WebHarness.start(importData: false)
        let wrongExtension = try await post(h, files: [("minutes.docx", "not data")])
        #expect(wrongExtension.status == .unprocessableEntity)
        #expect(wrongExtension.body.string.contains("minutes.docx is not a file Oversight can read"))
        let unrecognised = try await finish(h, try await post(h, files: [("notes.csv", "colour,shape\nred,round\n")]))
        #expect(unrecognised.body.string.contains("notes.csv"))
        #expect(try await h.store.imports().list(authority: WebFixtures.authority).isEmpty)
        await h.shutdown()
    }

    /// Found by scripts/security-check: a file no reader could use named its place on the server
    /// (the uploads folder's full path) on the job page.
    @Test func aFailedImportNamesTheFileAsUploadedNotWhereTheServerKeptIt() async throws {
        let h = try await WebHarness.start(importData: false)
        let page = try await finish(h, try await post(h, files: [("cin_census.xml", "<?xml version=\"1.0\"?><Message><Header>")]))
        #expect(page.body.string.contains("cin_census.xml"))
        #expect(!page.body.string.contains(h.folder.path), "the page shows the server's folder")
        #expect(!page.body.string.contains("/uploads/"))
        #expect(!page.body.string.contains("001-cin_census.xml"))
        await h.shutdown()
    }

    @Test func anOversizedUploadIsRefusedBeforeItIsStored() async throws {
        let h = try await WebHarness.start(importData: false, maxUploadBytes: 1024)
        let big = String(repeating: Self.episodes, count: 40)
        let res = try await post(h, files: [("episodes.csv", big)])
        #expect(res.status == .payloadTooLarge)
        #expect(res.body.string.contains("must be smaller than"))
        #expect(try await h.store.imports().list(authority: WebFixtures.authority).isEmpty)
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: h.folder.appendingPathComponent("uploads").path)) ?? []
        #expect(leftovers.isEmpty)
        await h.shutdown()
    }

    @Test func anUploadWithoutTheFormsTokenIsRefused() async throws {
        let h = try await WebHarness.start(importData: false)
        let res = try await post(h, csrf: false, files: [("episodes_2025.csv", Self.episodes)])
        #expect(res.status == .forbidden)
        #expect(try await h.store.imports().list(authority: WebFixtures.authority).isEmpty)
        await h.shutdown()
    }
}
