import Foundation
import NIOCore
import OversightCore
import OversightFormats
import OversightStore
@testable import OversightWeb
import Testing
import Vapor
import VaporTesting
import ZIPFoundation

/// Issue 16, finding 3: ZIP uploads are measured as they are unpacked (whatever their directory
/// declares), names that point outside the archive are refused, nothing is left behind on any
/// error, and the uploads folder is private.
@Suite(.serialized) struct UploadSecurityTests {
    /// A ZIP of `entries`, deflated; with `declaring`, every entry's directory records claim that
    /// uncompressed size instead of the real one.
    static func zip(_ entries: [(name: String, data: Data)], declaring lie: UInt32? = nil) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for e in entries {
            try archive.addEntry(with: e.name, type: .file, uncompressedSize: Int64(e.data.count), compressionMethod: .deflate) { position, size in
                e.data.subdata(in: Int(position)..<min(e.data.count, Int(position) + size))
            }
        }
        var data = try #require(archive.data)
        guard let lie else { return data }
        // Local file headers keep the uncompressed size at offset 22, central directory records at 24.
        for (signature, offset) in [([UInt8]([0x50, 0x4B, 0x03, 0x04]), 22), ([0x50, 0x4B, 0x01, 0x02], 24)] {
            var i = 0
            while i + offset + 4 <= data.count {
                if data[i] == signature[0], data[i + 1] == signature[1], data[i + 2] == signature[2], data[i + 3] == signature[3] {
                    withUnsafeBytes(of: lie.littleEndian) { data.replaceSubrange((i + offset)..<(i + offset + 4), with: $0) }
                }
                i += 1
            }
        }
        return data
    }

    /// A CSV of about `bytes` bytes that compresses to almost nothing.
    static func hugeCSV(_ bytes: Int) -> Data {
        Data(("CHILD,DECOM\n" + String(repeating: "0,0\n", count: bytes / 4)).utf8)
    }

    /// The upload form's body with one binary file.
    static func multipart(csrf: String, name: String, data: Data) -> (HTTPHeaders, ByteBuffer) {
        let b = UploadTests.boundary
        var body = ByteBuffer(
            string: "--\(b)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n"
                + "--\(b)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(name)\"\r\nContent-Type: application/zip\r\n\r\n")
        body.writeBytes(data)
        body.writeString("\r\n--\(b)--\r\n")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(b)")
        return (headers, body)
    }

    func post(_ h: WebHarness, name: String, data: Data) async throws -> TestingHTTPResponse {
        let (headers, body) = Self.multipart(csrf: h.sessions[.analyst]!.csrf, name: name, data: data)
        return try await h.send(.POST, "/data/upload", as: .analyst, headers: headers, body: body)
    }

    func leftovers(_ h: WebHarness) -> [String] {
        let uploads = h.folder.appendingPathComponent("uploads")
        return FileManager.default.enumerator(atPath: uploads.path)?.allObjects.compactMap { $0 as? String } ?? []
    }

    @Test func aZipBombIsStoppedByItsRealSizeWhateverItDeclares() async throws {
        // Uploads up to 256 KB: a ZIP may unpack to 10 times that per file and 20 times in all.
        let h = try await WebHarness.start(importData: false, maxUploadBytes: 256 * 1024)
        let oneHugeFile = try Self.zip([("episodes_2025.csv", Self.hugeCSV(30_000_000))], declaring: 1_000)
        #expect(oneHugeFile.count < 256 * 1024)
        let res = try await post(h, name: "bomb.zip", data: oneHugeFile)
        #expect(res.status == .payloadTooLarge)
        #expect(res.body.string.contains("bomb.zip"))
        #expect(leftovers(h).isEmpty, "left behind: \(leftovers(h))")

        // Each file under the per-file limit, together over the total.
        let many = try Self.zip((1...4).map { ("episodes_\($0).csv", Self.hugeCSV(2_000_000)) }, declaring: 1_000)
        let res2 = try await post(h, name: "many.zip", data: many)
        #expect(res2.status == .payloadTooLarge)
        #expect(leftovers(h).isEmpty, "left behind: \(leftovers(h))")
        #expect(try await h.store.imports().list(authority: WebFixtures.authority).isEmpty)
        await h.shutdown()
    }

    @Test func aZipWithANameOutsideTheArchiveIsRefused() async throws {
        let h = try await WebHarness.start(importData: false)
        for name in ["../../escaped.csv", "/tmp/absolute.csv", "folder\\..\\..\\back.csv", "C:/windows.csv"] {
            let zip = try Self.zip([("episodes_2025.csv", Data(UploadTests.episodes.utf8)), (name, Data(UploadTests.episodes.utf8))])
            let res = try await post(h, name: "travel.zip", data: zip)
            #expect(res.status == .unprocessableEntity, "\(name)")
            #expect(res.body.string.contains("travel.zip"), "\(name)")
            #expect(leftovers(h).isEmpty, "\(name) left behind: \(leftovers(h))")
        }
        #expect(try await h.store.imports().list(authority: WebFixtures.authority).isEmpty)
        await h.shutdown()
    }

    @Test func theUploadsFolderIsPrivate() async throws {
        #expect(!WebOptions(plan: try PlanLoader.defaultPlan()).uploadsFolder.hasPrefix(FileManager.default.temporaryDirectory.path))
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("oversight-uploads-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        // Made by Oversight: owner only.
        let fresh = root.appendingPathComponent("fresh").path
        try UploadsFolder.prepare(fresh)
        #expect(try FileManager.default.attributesOfItem(atPath: fresh)[.posixPermissions] as? Int == 0o700)
        // Already there and open to others: refused.
        let open = root.appendingPathComponent("open").path
        try FileManager.default.createDirectory(atPath: open, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        #expect(throws: StoreError.self) { try UploadsFolder.prepare(open) }
        let app = try await Application.make(.testing)
        let store = try await Store.open(.sqlite(path: root.appendingPathComponent("o.sqlite").path))
        #expect(throws: StoreError.self) {
            try WebApp.configure(app, store: store, options: WebOptions(plan: try PlanLoader.defaultPlan(), uploadsFolder: open), hasher: TestHasher())
        }
        // Owned by someone else (only root can hand a folder to another user).
        if geteuid() == 0 {
            let theirs = root.appendingPathComponent("theirs").path
            try FileManager.default.createDirectory(atPath: theirs, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            #expect(chown(theirs, 65534, 65534) == 0)
            #expect(throws: StoreError.self) { try UploadsFolder.prepare(theirs) }
        }
        try? await app.asyncShutdown()
        await store.close()
    }
}
