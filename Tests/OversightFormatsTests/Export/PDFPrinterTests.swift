import Foundation
@testable import OversightFormats
import Testing

@Suite struct PDFPrinterTests {
    @Test func missingChromiumNamesTheDebianPackage() {
        #expect(PDFPrinter.locate(environment: ["PATH": "/nonexistent"]) == nil)
        #expect(throws: PDFPrinter.Failure.chromiumMissing) { try PDFPrinter(executable: "/nonexistent/chromium") }
        #expect(PDFPrinter.Failure.chromiumMissing.description.contains("Debian package chromium"))
    }

    /// A stand-in for Chromium: a shell script in a fresh folder; returns the script and an HTML file.
    static func fakeChromium(_ script: String) throws -> (executable: String, html: URL, folder: URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oversight-fake-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let exe = dir.appendingPathComponent("chromium")
        try Data(("#!/bin/sh\n" + script + "\n").utf8).write(to: exe)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: exe.path)
        let html = dir.appendingPathComponent("a.html")
        try Data("<p>pack</p>".utf8).write(to: html)
        return (exe.path, html, dir)
    }

    /// Issue 16, finding 7: what Chromium says when it fails (paths, versions, internals) is for
    /// the log, not for the person who asked for the pack.
    @Test func aFailureSaysSoPlainlyWithoutChromiumsOwnWords() throws {
        let fake = try Self.fakeChromium("echo '[1234:ERROR:gpu_init.cc(523)] secret /home/oversight/profile' >&2; exit 3")
        defer { try? FileManager.default.removeItem(at: fake.folder) }
        do {
            try PDFPrinter(executable: fake.executable).print(html: fake.html, to: fake.folder.appendingPathComponent("a.pdf"))
            Issue.record("a failing Chromium made no error")
        } catch {
            #expect(!String(describing: error).contains("secret") && !String(describing: error).contains("gpu_init"), "\(error)")
            #expect(String(describing: error).contains("could not print the PDF"))
        }
    }

    /// The web's printing waits for Chromium without holding a thread: eight slow prints started
    /// at once all run at once (a print that held one of Swift's few shared threads while it
    /// waited would let no more run than there are threads); Chromium's words go to the log.
    /// Measured by the overlap of the stand-in's runs, not by the clock, so a loaded machine
    /// does not change the answer.
    @Test func printingFromTheWebHoldsNoThreadAndLogsChromiumsWords() async throws {
        let runs = FileManager.default.temporaryDirectory.appendingPathComponent("oversight-fake-runs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: runs) }
        let fake = try Self.fakeChromium("echo start >> '\(runs.path)'; sleep 3; echo end >> '\(runs.path)'; echo 'ERROR: no display' >&2; exit 4")
        defer { try? FileManager.default.removeItem(at: fake.folder) }
        let printer = try PDFPrinter(executable: fake.executable)
        let logged = OutputCollector()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<8 {
                group.addTask {
                    await #expect(throws: PDFPrinter.Failure.self) {
                        try await printer.print(html: fake.html, to: fake.folder.appendingPathComponent("\(i).pdf"), log: { logged.append(Data(($0 + "\n").utf8)) })
                    }
                }
            }
            try await group.waitForAll()
        }
        var running = 0, most = 0
        for line in try String(contentsOf: runs, encoding: .utf8).split(separator: "\n") {
            running += line == "start" ? 1 : -1
            most = max(most, running)
        }
        #expect(most > min(ProcessInfo.processInfo.activeProcessorCount, 7), "at most \(most) prints ran at once")
        let log = String(decoding: logged.data, as: UTF8.self)
        #expect(log.components(separatedBy: "ERROR: no display").count == 9, "\(log)")
    }

    /// A Chromium that never finishes is stopped at the time limit (well before it would end).
    @Test func aChromiumThatHangsIsStopped() async throws {
        let fake = try Self.fakeChromium("exec sleep 600")
        defer { try? FileManager.default.removeItem(at: fake.folder) }
        let start = Date()
        await #expect(throws: PDFPrinter.Failure.timedOut(seconds: 1)) {
            try await PDFPrinter(executable: fake.executable).print(html: fake.html, to: fake.folder.appendingPathComponent("a.pdf"), timeoutSeconds: 1)
        }
        #expect(Date().timeIntervalSince(start) < 300)
    }

    /// Chromium prints an A4 page whose text pdftotext reads back.
    @Test(
        .enabled(
            if: PDFPrinter.locate() != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"),
            "needs chromium and poppler-utils"))
    func printsHTMLToA4() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oversight-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("a.html"), pdf = dir.appendingPathComponent("a.pdf")
        try Data(
            "<!DOCTYPE html><html><head><style>@page { size: A4; margin: 20mm; @bottom-right { content: \"Page \" counter(page); } }</style></head><body><h1>Ambition one</h1><p style=\"break-before: page\">Second</p></body></html>"
                .utf8
        ).write(to: html)
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
