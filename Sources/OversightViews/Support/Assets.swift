import Foundation

/// The static files bundled with the pages (the stylesheet, the measure definitions), for the web
/// app to serve under `/assets/`.
public enum Assets {
    /// The bytes of a bundled file (`oversight.css`); nil for any name that is not a plain file
    /// name of the bundle (no folders, no `..`).
    public static func file(named name: String) -> Data? {
        guard !name.isEmpty, !name.contains("/"), !name.contains("\\"), !name.hasPrefix(".") else { return nil }
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Assets") else { return nil }
        return try? Data(contentsOf: url)
    }

    /// The names of the files served under `/assets/`.
    public static let served = ["oversight.css", "autosave.js"]

    /// A short hash of the served files' bytes (16 hex digits, FNV-1a 64), for `?v=` on asset
    /// links so a browser fetches a changed stylesheet at once.
    public static let version: String = {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for name in served {
            for b in file(named: name) ?? Data() {
                h ^= UInt64(b)
                h = h &* 0x0000_0100_0000_01b3
            }
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }()

    /// The MIME type for a served file name.
    public static func contentType(for name: String) -> String {
        if name.hasSuffix(".css") { return "text/css; charset=utf-8" }
        if name.hasSuffix(".json") { return "application/json" }
        if name.hasSuffix(".js") { return "text/javascript; charset=utf-8" }
        if name.hasSuffix(".svg") { return "image/svg+xml" }
        return "application/octet-stream"
    }
}
