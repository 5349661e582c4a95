/// The rules a new password must meet, in words a user can act on.
///
/// At least 12 characters; not only letters or only digits; not containing the username; not one
/// of the passwords most often guessed. Length beats complexity rules (NCSC guidance), so there is
/// no demand for symbols.
public struct PasswordPolicy: Sendable {
    /// Fewest characters a password may have.
    public var minimumLength: Int
    public init(minimumLength: Int = 12) { self.minimumLength = minimumLength }

    /// The reasons `password` is refused for `username`; empty when it is acceptable.
    public func problems(password: String, username: String) -> [String] {
        var out: [String] = []
        if password.count < minimumLength { out.append("Password must be at least \(minimumLength) characters") }
        if !password.isEmpty, password.allSatisfy(\.isNumber) { out.append("Password must not be only numbers") }
        let lower = password.lowercased()
        let user = username.lowercased()
        if user.count >= 3, lower.contains(user) { out.append("Password must not contain your username") }
        let squeezed = lower.filter { $0.isLetter || $0.isNumber }
        if Self.commonStems.contains(where: { squeezed.hasPrefix($0) && squeezed.count <= $0.count + 4 }) {
            out.append("Password is too easy to guess: choose three or more random words")
        }
        if Set(password).count <= 2, !password.isEmpty { out.append("Password must not repeat one or two characters") }
        return out
    }

    /// Beginnings of the passwords most often tried in guessing attacks.
    static let commonStems = ["password", "qwerty", "letmein", "welcome", "123456", "iloveyou", "admin", "abc123", "football", "monkey", "changeme", "trafford"]
}
