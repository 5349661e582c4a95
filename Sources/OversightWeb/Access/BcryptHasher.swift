import OversightStore
import Vapor

/// bcrypt password hashes (Vapor's implementation), at a chosen cost.
public struct BcryptHasher: PasswordHashing {
    public var cost: Int
    public init(cost: Int = 12) { self.cost = cost }
    public func hash(_ password: String) throws -> String { try Bcrypt.hash(password, cost: cost) }
    public func verify(_ password: String, against hash: String) throws -> Bool {
        guard hash.hasPrefix("$2") else { return false }
        return try Bcrypt.verify(password, created: hash)
    }
}
