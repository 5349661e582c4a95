import Foundation
import OversightCore
import OversightFormats
import OversightViews

/// How the web application runs: where it listens, which plan it shows, and its limits.
public struct WebOptions: Sendable {
    public var host: String
    public var port: Int
    /// The plan shown on the dashboards.
    public var plan: Plan
    /// The DfE's published statistics, for comparators and populations; nil when none was given.
    public var statistics: PublishedStatistics?
    /// Whether the data is synthetic (the demo): every page says so.
    public var isSyntheticData: Bool
    /// Largest upload accepted, in bytes; larger ones are refused before they are read.
    public var maxUploadBytes: Int
    /// Where uploads are written while they are imported: a private folder (see `UploadsFolder`).
    public var uploadsFolder: String
    /// The default uploads folder: `uploads` in the working directory, beside the default
    /// database, never a shared temporary folder another user could make first.
    public static let defaultUploadsFolder = "uploads"
    /// bcrypt's cost for new password hashes.
    public var bcryptCost: Int
    /// Whether session cookies carry `Secure` (sent over HTTPS and to loopback only).
    public var secureCookies: Bool
    /// Sessions end after this long without a request.
    public var idleTimeout: TimeInterval
    /// Where reports are written and listed.
    public var reportsFolder: String
    /// How often `serve` writes the board pack into the reports folder by itself; nil: never.
    public var boardPackCadence: BoardPackCadence?
    /// The token `/metrics` asks for (`Authorization: Bearer`); nil: no metrics are served.
    public var metricsToken: String?
    /// Whether a proxy on this machine (nginx) sets `X-Forwarded-For`: the client's address is
    /// then its last entry, else the connection's peer.
    public var trustProxy = false
    /// Failed sign-ins from one client address in five minutes before its sign-ins are refused
    /// for the rest of the five minutes (the per-name lockout is separate).
    public var signInFailuresPerAddress = 30
    /// Requests with an unknown, expired or revoked API token from one address in five minutes
    /// before its API requests are refused for the rest of the five minutes.
    public var tokenFailuresPerAddress = 30
    /// The address people reach Oversight at (`https://oversight.example.gov.uk`), from which the
    /// single sign-on callback registered with the provider is made; nil: `http://host:port`.
    public var publicURL: String?
    /// The mail server audit alerts are sent through at once; `serve` takes it from the
    /// environment (`SMTPMailer.fromEnvironment`) when none is given. nil: no e-mail.
    public var mailer: SMTPMailer?

    /// The single sign-on callback address to register with the provider.
    public var singleSignOnCallback: String {
        var base = publicURL ?? "http://\(host):\(port)"
        while base.hasSuffix("/") { base.removeLast() }
        return base + SitePath.singleSignOnCallback.link()
    }

    public init(
        host: String = "127.0.0.1", port: Int = 8080, plan: Plan, statistics: PublishedStatistics? = nil,
        isSyntheticData: Bool = false, maxUploadBytes: Int = 200 * 1024 * 1024,
        uploadsFolder: String = WebOptions.defaultUploadsFolder,
        bcryptCost: Int = 12, secureCookies: Bool = true, idleTimeout: TimeInterval = 30 * 60,
        reportsFolder: String = "reports", boardPackCadence: BoardPackCadence? = nil, metricsToken: String? = nil
    ) {
        self.metricsToken = metricsToken
        self.reportsFolder = reportsFolder; self.boardPackCadence = boardPackCadence
        self.host = host; self.port = port; self.plan = plan; self.statistics = statistics; self.isSyntheticData = isSyntheticData
        self.maxUploadBytes = maxUploadBytes; self.uploadsFolder = uploadsFolder; self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies; self.idleTimeout = idleTimeout
    }
}

/// How often the board pack is made by itself: each month for the 12 months to the last
/// month-end, or each quarter for the 12 months to the last quarter-end (March, June, September,
/// December).
public enum BoardPackCadence: String, Sendable, CaseIterable {
    case monthly, quarterly

    /// The period of the board pack due on `today`: the rolling 12 months to the last month-end
    /// (monthly) or to the last quarter-end (quarterly).
    public func period(today: Day) -> Period {
        var end = today.startOfMonth.adding(days: -1)
        if self == .quarterly { while end.month % 3 != 0 { end = end.startOfMonth.adding(days: -1) } }
        return .rolling12Months(endingOn: end)
    }
}
