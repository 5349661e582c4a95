import Foundation
import MultipartKit
import Vapor

/// A multipart form body read whole (for forms whose body is collected, such as an action
/// update with its evidence files): its text fields and its files, as a browser sends them. A
/// file box left empty arrives as a part with an empty file name and no bytes; it is no file.
struct MultipartForm {
    /// A file of the form.
    struct FilePart {
        var name: String
        var fileName: String
        var mediaType: String
        var bytes: Data
    }

    /// The text fields by name (the last part of a name wins).
    private(set) var fields: [String: String] = [:]
    /// The files, in the order sent, empty file boxes left out.
    private(set) var files: [FilePart] = []

    /// The form of `req`, or nil when its body is not multipart.
    init?(_ req: Request) throws {
        guard let type = req.headers.contentType, type.type == "multipart", let boundary = type.parameters["boundary"] else { return nil }
        guard let body = req.body.data else { throw Abort(.badRequest, reason: "The form's body could not be read.") }
        let parser = MultipartParser(boundary: boundary)
        var headers: [String: String] = [:]
        var bytes = Data()
        var parts: [(headers: [String: String], bytes: Data)] = []
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in bytes.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            parts.append((headers, bytes))
            headers = [:]
            bytes = Data()
        }
        do { try parser.execute(body) } catch { throw Abort(.badRequest, reason: "The form's body is not a well-formed multipart form.") }
        for p in parts {
            let (name, fileName) = Self.disposition(p.headers["content-disposition"] ?? "")
            guard let name else { continue }
            if let fileName {
                guard !fileName.isEmpty, !p.bytes.isEmpty else { continue }
                files.append(FilePart(name: name, fileName: fileName, mediaType: p.headers["content-type"] ?? "application/octet-stream", bytes: p.bytes))
            } else {
                fields[name] = String(decoding: p.bytes, as: UTF8.self)
            }
        }
    }

    /// The `name` and `filename` of a part's Content-Disposition header.
    static func disposition(_ header: String) -> (name: String?, filename: String?) {
        var name: String?, filename: String?
        for part in header.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if part.hasPrefix("name=") { name = String(part.dropFirst(5)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            if part.hasPrefix("filename=") { filename = String(part.dropFirst(9)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return (name, filename)
    }
}
