import Foundation
@testable import OversightFormats
import Testing

@Suite struct PDFPrinterTests {
    @Test func missingChromiumNamesTheDebianPackage() {
        #expect(PDFPrinter.locate(environment: ["PATH": "/nonexistent"]) == nil)
        #expect(throws: PDFPrinter.Failure.chromiumMissing) { try PDFPrinter(executable: "/nonexistent/chromium") }
        #expect(PDFPrinter.Failure.chromiumMissing.description.contains("Debian package chromium"))
    }

    /// Chromium prints an A4 page whose text pdftotext reads back.
    @Test(.enabled(if: PDFPrinter.locate() != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"),
                   "needs chromium and poppler-utils"))
    func printsHTMLToA4() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oversight-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("a.html"), pdf = dir.appendingPathComponent("a.pdf")
        try Data("<!DOCTYPE html><html><head><style>@page { size: A4; margin: 20mm; @bottom-right { content: \"Page \" counter(page); } }</style></head><body><h1>Ambition one</h1><p style=\"break-before: page\">Second</p></body></html>".utf8).write(to: html)
        try PDFPrinter().print(html: html, to: pdf)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdfinfo")
        let out = Pipe()
        p.arguments = [pdf.path]; p.standardOutput = out
        try p.run()
        let info = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let fields = info.split(separator: "\n").map { $0.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) } }
        #expect(fields.first { $0.first == "Pages" }?.last == "2", "\(info)")
        #expect(fields.first { $0.first == "Page size" }?.last?.hasSuffix("(A4)") == true, "\(info)")
        let t = Process()
        t.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        t.arguments = [pdf.path, "-"]
        let text = Pipe()
        t.standardOutput = text
        try t.run()
        let s = String(decoding: text.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        t.waitUntilExit()
        #expect(s.contains("Ambition one") && s.contains("Page 2"))
    }
}
