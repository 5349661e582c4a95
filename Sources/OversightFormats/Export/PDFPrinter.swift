import Foundation

/// Prints an HTML file to PDF with headless Chromium, which lays out the same HTML the browser
/// shows. Page size, margins and page numbers come from the document's print CSS (`@page`).
public struct PDFPrinter: Sendable {
    /// Why a PDF could not be made. The descriptions are plain words for the person who asked
    /// for the PDF; what Chromium itself said is in `details`, for the log only.
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
            case .printFailed(let status, _):
                return "Chromium could not print the PDF (exit status \(status)); the server's log says why"
            case .timedOut(let s):
                return "Chromium did not finish printing the PDF within \(s) seconds"
            case .noInput(let path):
                return "there is no HTML file \(path) to print"
            }
        }

        /// What Chromium said (the end of its messages), for the log; never shown to users.
        public var details: String? {
            if case .printFailed(_, let message) = self { return message }
            return nil
        }
    }

    /// Writes a line to standard error (the server's or the command's log).
    public static let logToStandardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data(("oversight: " + line + "\n").utf8))
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

    /// Prints `html` to `pdf` (replacing it), waiting on the calling thread: for the command line.
    /// Chromium runs with a fresh, temporary profile, no sandbox (it usually runs as a service user
    /// without one) and no header or footer of its own. Chromium's own messages go to `log` when it
    /// fails. Throws `Failure`.
    public func print(
        html: URL, to pdf: URL, timeoutSeconds: Int = 120,
        log: @escaping @Sendable (String) -> Void = PDFPrinter.logToStandardError
    ) throws {
        let run = try start(html: html, pdf: pdf)
        defer { run.cleanUp() }
        let deadline = Date().addingTimeInterval(TimeInterval(timeoutSeconds))
        while run.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if run.process.isRunning {
            run.stop()
            let grace = Date().addingTimeInterval(2)
            while run.process.isRunning && Date() < grace { Thread.sleep(forTimeInterval: 0.05) }
            if run.process.isRunning { kill(run.process.processIdentifier, SIGKILL) }
            run.process.waitUntilExit()
            throw Failure.timedOut(seconds: timeoutSeconds)
        }
        run.process.waitUntilExit()
        try run.check(pdf: pdf, log: log)
    }

    /// Prints `html` to `pdf` without holding a thread while Chromium works: for the web, where a
    /// blocked thread is one of the few that serve every request. Chromium is stopped after
    /// `timeoutSeconds`. Its own messages go to `log` when it fails. Throws `Failure`.
    public func print(
        html: URL, to pdf: URL, timeoutSeconds: Int = 120,
        log: @escaping @Sendable (String) -> Void = PDFPrinter.logToStandardError
    ) async throws {
        let run = try start(html: html, pdf: pdf)
        defer { run.cleanUp() }
        let finished = await withTaskGroup(of: Bool.self) { group -> Bool in
            group.addTask {
                await run.exit.wait(); return true
            }
            group.addTask {
                do { try await Task.sleep(nanoseconds: UInt64(timeoutSeconds) * 1_000_000_000) } catch { return true }
                return false
            }
            let first = await group.next() ?? true
            if !first {
                run.stop()
                group.addTask {
                    // A Chromium that ignores the polite signal (a server ignores SIGTERM, and
                    // its children inherit that) is killed after two seconds.
                    do { try await Task.sleep(nanoseconds: 2_000_000_000) } catch { return true }
                    if run.process.isRunning { kill(run.process.processIdentifier, SIGKILL) }
                    return true
                }
            }
            // The other waits end: the process exits (stopped or not); the sleeps are cancelled.
            await run.exit.wait()
            group.cancelAll()
            return first
        }
        guard finished else { throw Failure.timedOut(seconds: timeoutSeconds) }
        try run.check(pdf: pdf, log: log)
    }

    /// Starts Chromium on `html`.
    func start(html: URL, pdf: URL) throws -> ChromiumRun {
        guard FileManager.default.fileExists(atPath: html.path) else { throw Failure.noInput(html.path) }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("oversight-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try? FileManager.default.removeItem(at: pdf)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--user-data-dir=\(profile.path)", "--no-pdf-header-footer",
            "--print-to-pdf=\(pdf.path)", html.absoluteURL.absoluteString,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = profile.path
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let run = ChromiumRun(process: process, errors: errors, profile: profile)
        errors.fileHandleForReading.readabilityHandler = { [collected = run.collected] h in collected.append(h.availableData) }
        process.terminationHandler = { [exit = run.exit] _ in exit.finish() }
        do {
            try process.run()
        } catch {
            run.cleanUp()
            throw Failure.printFailed(status: -1, message: "Chromium could not be started: \(error)")
        }
        return run
    }
}

/// One run of Chromium: the process, its messages and its temporary profile.
final class ChromiumRun: @unchecked Sendable {
    let process: Process
    let errors: Pipe
    let profile: URL
    let collected = OutputCollector()
    let exit = ExitSignal()

    init(process: Process, errors: Pipe, profile: URL) {
        self.process = process; self.errors = errors; self.profile = profile
    }

    /// Asks Chromium to stop.
    func stop() { if process.isRunning { process.terminate() } }

    /// Stops reading its messages and removes its profile.
    func cleanUp() {
        errors.fileHandleForReading.readabilityHandler = nil
        try? FileManager.default.removeItem(at: profile)
    }

    /// Throws when Chromium failed or wrote no PDF, logging what it said.
    func check(pdf: URL, log: @Sendable (String) -> Void) throws {
        errors.fileHandleForReading.readabilityHandler = nil
        let size = (try? FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? Int) ?? 0
        guard process.terminationStatus == 0, size > 0 else {
            let text = String(decoding: collected.data, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " | ")
            let message = text.isEmpty ? "no PDF was written" : text
            log("Chromium could not print \(pdf.lastPathComponent) (exit status \(process.terminationStatus)): \(message)")
            throw PDFPrinter.Failure.printFailed(status: process.terminationStatus, message: message)
        }
    }
}

/// Resumes those waiting once the process has exited (at once when it already has).
final class ExitSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func finish() {
        let toResume: [CheckedContinuation<Void, Never>] = lock.withLock {
            done = true
            defer { waiting = [] }
            return waiting
        }
        for c in toResume { c.resume() }
    }

    func wait() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let now: Bool = lock.withLock {
                if done { return true }
                waiting.append(c)
                return false
            }
            if now { c.resume() }
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
