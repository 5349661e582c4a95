import Foundation
import OversightCore

#if canImport(Glibc)
import Glibc
#endif

/// Sends mail to an SMTP relay (RFC 5321: EHLO, MAIL FROM, RCPT TO, DATA, QUIT), the council's
/// own mail server or a relay on the same machine, which carries it on (with TLS and sign-in
/// where the outside needs them). Configured by `OVERSIGHT_SMTP_HOST`, `OVERSIGHT_SMTP_PORT`
/// (25) and `OVERSIGHT_SMTP_FROM`; off without a host.
public struct SMTPMailer: Sendable {
    public var host: String
    public var port: Int
    public var from: String
    /// Seconds to wait for the server at each step.
    public var timeout: Int = 20

    /// What went wrong, in words.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public init(host: String, port: Int = 25, from: String) {
        self.host = host; self.port = port; self.from = from
    }

    /// The mailer the environment configures; nil when `OVERSIGHT_SMTP_HOST` is not set.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> SMTPMailer? {
        guard let host = env["OVERSIGHT_SMTP_HOST"], !host.isEmpty else { return nil }
        let port = Int(env["OVERSIGHT_SMTP_PORT"] ?? "25") ?? 0
        guard (1...65535).contains(port) else { throw Failure(description: "OVERSIGHT_SMTP_PORT must be a port number (it is \(env["OVERSIGHT_SMTP_PORT"] ?? ""))") }
        let from = env["OVERSIGHT_SMTP_FROM"] ?? "oversight@localhost"
        guard OverdueReminder.isValidAddress(from) || from.hasSuffix("@localhost") else {
            throw Failure(description: "OVERSIGHT_SMTP_FROM must be an e-mail address (it is \(from))")
        }
        return SMTPMailer(host: host, port: port, from: from)
    }

    /// The message as sent: headers (the subject encoded when it is not plain ASCII), a blank
    /// line, and the body with every line ending CRLF and a leading dot doubled.
    func message(to: String, subject: String, body: String, date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let plainSubject = subject.unicodeScalars.allSatisfy { $0.value >= 32 && $0.value < 127 }
        let encodedSubject = plainSubject ? subject : "=?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="
        var lines = [
            "From: Oversight <\(from)>", "To: <\(to)>", "Subject: \(encodedSubject)", "Date: \(formatter.string(from: date))",
            "Message-ID: <\(UUID().uuidString.lowercased())@oversight>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit", "",
        ]
        for line in body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(line.hasPrefix(".") ? "." + line : String(line))
        }
        return lines.joined(separator: "\r\n")
    }

    /// Sends one message to `to`. Throws `Failure` naming the step and the server's answer.
    public func send(to: String, subject: String, body: String, date: Date = Date()) async throws {
        guard OverdueReminder.isValidAddress(to) else { throw Failure(description: "\(to) is not an e-mail address") }
        let text = message(to: to, subject: subject, body: body, date: date)
        let (host, port, from, timeout) = (host, port, from, timeout)
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global().async {
                do {
                    let connection = try Connection(host: host, port: port, timeout: timeout)
                    defer { connection.close() }
                    try connection.expect(220, step: "greeting")
                    try connection.command("EHLO oversight", expect: 250)
                    try connection.command("MAIL FROM:<\(from)>", expect: 250)
                    try connection.command("RCPT TO:<\(to)>", expect: 250, 251)
                    try connection.command("DATA", expect: 354)
                    try connection.command(text + "\r\n.", expect: 250, step: "the message")
                    try? connection.command("QUIT", expect: 221)
                    c.resume()
                } catch {
                    c.resume(throwing: error)
                }
            }
        }
    }

    /// A blocking connection to the server, line by line.
    final class Connection {
        let fd: Int32
        var buffer: [UInt8] = []
        let address: String

        init(host: String, port: Int, timeout: Int) throws {
            address = "\(host):\(port)"
            var hints = addrinfo()
            hints.ai_family = AF_UNSPEC
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var list: UnsafeMutablePointer<addrinfo>?
            guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
                throw Failure(description: "the mail server \(host) could not be found")
            }
            defer { freeaddrinfo(list) }
            var node: UnsafeMutablePointer<addrinfo>? = first
            var connected: Int32 = -1
            while let n = node, connected < 0 {
                let s = socket(n.pointee.ai_family, n.pointee.ai_socktype, n.pointee.ai_protocol)
                if s >= 0 {
                    var tv = timeval(tv_sec: timeout, tv_usec: 0)
                    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
                    setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
                    if connect(s, n.pointee.ai_addr, n.pointee.ai_addrlen) == 0 { connected = s } else { Glibc.close(s) }
                }
                node = n.pointee.ai_next
            }
            guard connected >= 0 else { throw Failure(description: "the mail server \(address) refused the connection") }
            fd = connected
        }

        func close() { Glibc.close(fd) }

        /// One reply: its code and its text (the last line's, for a multi-line reply).
        func reply() throws -> (Int, String) {
            while true {
                let line = try readLine()
                guard line.count >= 3, let code = Int(line.prefix(3)) else { throw Failure(description: "the mail server \(address) answered \(line)") }
                // "250-..." continues; "250 ..." (or a bare code) ends the reply.
                if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " { return (code, line) }
            }
        }

        func readLine() throws -> String {
            while true {
                if let i = buffer.firstIndex(of: 10) {
                    let line = String(decoding: buffer[..<i], as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
                    buffer.removeSubrange(...i)
                    return line
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let n = recv(fd, &chunk, chunk.count, 0)
                guard n > 0 else { throw Failure(description: "the mail server \(address) closed the connection or did not answer in time") }
                buffer += chunk[..<n]
            }
        }

        func expect(_ codes: Int..., step: String) throws {
            let (code, text) = try reply()
            guard codes.contains(code) else { throw Failure(description: "the mail server \(address) refused \(step): \(text)") }
        }

        func command(_ line: String, expect codes: Int..., step: String? = nil) throws {
            let bytes = Array((line + "\r\n").utf8)
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard n > 0 else { throw Failure(description: "the mail server \(address) closed the connection") }
                sent += n
            }
            let (code, text) = try reply()
            guard codes.contains(code) else {
                throw Failure(description: "the mail server \(address) refused \(step ?? line.split(separator: " ").first.map(String.init) ?? line): \(text)")
            }
        }
    }
}
