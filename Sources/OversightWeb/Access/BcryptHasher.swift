import OversightStore
import Vapor

/// bcrypt password hashes (Vapor's implementation), at a chosen cost.
public struct BcryptHasher: PasswordHashing {
    public var cost: Int
    public let decoyHash: String

    /// A bcrypt hash at cost 12 of 32 random bytes that were then thrown away: no password
    /// matches it, and checking one against it takes as long as against a real hash.
    static let decoyAtCost12 = "$2b$12$LdQJKWAD9mHq3A54LI593e3uLPUF3Aopt9Yqc7LEIfqJs65cDGrky"

    /// At any cost but 12 the decoy is made here, once, from a random password.
    public init(cost: Int = 12) {
        self.cost = cost
        if cost == 12 {
            decoyHash = Self.decoyAtCost12
        } else {
            let secret = Data([UInt8].random(count: 32)).base64EncodedString()
            decoyHash = (try? Bcrypt.hash(secret, cost: cost)) ?? Self.decoyAtCost12
        }
    }
    public func hash(_ password: String) throws -> String { try Bcrypt.hash(password, cost: cost) }
    public func verify(_ password: String, against hash: String) throws -> Bool {
        guard hash.hasPrefix("$2") else { return false }
        return try Bcrypt.verify(password, created: hash)
    }
}
