/// `manifest.json`: what was generated, with how many data rows (or CIN `Child` elements) per file.
public struct SynthManifest: Codable, Sendable, Hashable {
    public var la: Int
    public var seed: UInt64
    public var years: [Int]
    public var scale: String
    public var errorRate: Double
    /// Children written in at least one file.
    public var children: Int
    /// Relative path -> data rows (CSV, header excluded) or `Child` elements (XML).
    public var counts: [String: Int]
}

/// One injected error, as listed in `errors-manifest.json`.
public struct InjectedError: Codable, Sendable, Hashable {
    /// Path relative to the output folder.
    public var file: String
    /// SSDA903 table name, or `Child` for CIN XML.
    public var table: String
    /// 1-based data row (CSV, header excluded) or the `Child` element's position (CIN XML).
    public var row: Int
    public var child: String
    public var field: String
    /// The DfE validation rule that must catch it.
    public var rule: String
    public var description: String
}
