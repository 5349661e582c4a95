import Foundation

/// Prints an HTML file to PDF with headless Chromium, which lays out the same HTML the browser
/// shows. Page size, margins and page numbers come from the document's print CSS (`@page`).
public struct PDFPrinter: Sendable {
    /// Why a PDF could not be made.
    public enum Failure: Error, CustomStringConvertible, Sendable, Equatable {
        /// No Chromium on the machine.
        case chromiumMissing
        /// Chromium ran but failed or made no PDF: its exit status and the end of its messages.
        case printFailed(status: Int32, message: String)
        /// Chromium did not finish within the time allowed.
        case timedOut(seconds: Int)
        /// The HTML file does not exist.
        case noInput(String)

        public var description: String {
            switch self {
            case .chromiumMissing:
                return "PDF output needs Chromium, which is not installed: install the Debian package chromium (sudo apt-get install chromium), or write .html instead"
            case .printFailed(let status, let message):
                return "Chromium could not print the PDF (exit status \(status)): \(message)"
            case .timedOut(let s):
                return "Chromium did not finish printing the PDF within \(s) seconds"
            case .noInput(let path):
                return "there is no HTML file \(path) to print"
            }
        }
    }

    /// The Chromium executable used.
    public let executable: String

    /// Uses `executable`, or the first of `chromium`, `chromium-browser`, `google-chrome` on the
    /// `PATH` (or `OVERSIGHT_CHROMIUM` when set). Throws `Failure.chromiumMissing` when none is found.
    public init(executable: String? = nil) throws {
        if let executable {
            guard FileManager.default.isExecutableFile(atPath: executable) else { throw Failure.chromiumMissing }
            self.executable = executable
            return
        }
        guard let found = Self.locate() else { throw Failure.chromiumMissing }
        self.executable = found
    }

    /// The Chromium to use, or nil when there is none.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let chosen = environment["OVERSIGHT_CHROMIUM"], !chosen.isEmpty {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        let dirs = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for d in dirs {
                let p = (d as NSString).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: p) { return p }
            }
        }
        return nil
    }

    /// Prints `html` to `pdf` (replacing it). Chromium runs with a fresh, temporary profile, no
    /// sandbox (it usually runs as a service user without one) and no header or footer of its
    /// own. Throws `Failure`.
    public func print(html: URL, to pdf: URL, timeoutSeconds: Int = 120) throws {
        guard FileManager.default.fileExists(atPath: html.path) else { throw Failure.noInput(html.path) }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("oversight-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: profile) }
        try? FileManager.default.removeItem(at: pdf)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--no-default-browser-check", "--user-data-dir=\(profile.path)", "--no-pdf-header-footer",
                             "--print-to-pdf=\(pdf.path)", html.absoluteURL.absoluteString]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = profile.path
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let collected = OutputCollector()
        errors.fileHandleForReading.readabilityHandler = { h in collected.append(h.availableData) }
        try process.run()
        let deadline = Date().addingTimeInterval(TimeInterval(timeoutSeconds))
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            errors.fileHandleForReading.readabilityHandler = nil
            throw Failure.timedOut(seconds: timeoutSeconds)
        }
        process.waitUntilExit()
        errors.fileHandleForReading.readabilityHandler = nil
        let size = (try? FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? Int) ?? 0
        guard process.terminationStatus == 0, size > 0 else {
            let text = String(decoding: collected.data, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " | ")
            throw Failure.printFailed(status: process.terminationStatus, message: text.isEmpty ? "no PDF was written" : text)
        }
    }
}

/// Collects a child process's messages from the pipe's reading thread.
final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = Data()
    func append(_ d: Data) { lock.lock(); buffer.append(d); lock.unlock() }
    var data: Data { lock.lock(); defer { lock.unlock() }; return buffer }
}
