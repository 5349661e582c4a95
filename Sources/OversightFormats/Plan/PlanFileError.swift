/// A plan file that cannot be read: what is wrong and on which line.
public struct PlanFileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file's name as shown to the user.
    public var file: String
    /// 1-based line of the YAML text the problem is on; nil when it concerns the whole file.
    public var line: Int?
    /// Plain words: what is wrong and what is expected.
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file; self.line = line; self.message = message
    }

    public var description: String {
        if let line { return "\(file), line \(line): \(message)" }
        return "\(file): \(message)"
    }
}
