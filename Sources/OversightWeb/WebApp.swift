import Vapor

/// Placeholder replaced by the web application's configuration.
public enum WebApp {
    /// The Vapor version this module links, to prove the dependency builds.
    public static let framework = "Vapor 4"
}
