/// An audit template file that cannot be used: the file, the line where known, the field and
/// what is wrong.
public struct AuditTemplateError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file's name as shown to the user.
    public var file: String
    /// 1-based line of the YAML text; nil when the problem concerns the whole file.
    public var line: Int?
    /// The field at fault (`kind`, `feeds`, `sections[2].questions[1].id`, ...); nil for YAML syntax.
    public var field: String?
    /// Plain words: what is wrong and what is expected.
    public var message: String

    public init(file: String, line: Int?, field: String?, message: String) {
        self.file = file; self.line = line; self.field = field; self.message = message
    }

    public var description: String {
        let at = line.map { ", line \($0)" } ?? ""
        let f = field.map { ", field \($0)" } ?? ""
        return "\(file)\(at)\(f): \(message)"
    }
}
