import Foundation
import Testing

extension StoreTests {
    /// `oversight users`: API tokens made with a lifetime and a scope, listed and revoked one by
    /// one; an administrator's reset asks for a change at the next sign-in.
    @Suite struct UsersCommandTests {
        static func oversight(_ arguments: [String], database: String, password: String? = nil) throws -> CommandLineTests.Run {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: ImportFaultTests.binary)
            p.arguments = arguments
            var env = ProcessInfo.processInfo.environment
            env.removeValue(forKey: "DATABASE_URL")
            env["OVERSIGHT_DATABASE"] = database
            if let password { env["OVERSIGHT_PASSWORD"] = password }
            p.environment = env
            let out = Pipe(), err = Pipe()
            p.standardOutput = out; p.standardError = err
            try p.run()
            let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return CommandLineTests.Run(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
        }

        @Test func tokensAreListedAndRevokedOneByOne() throws {
            try #require(FileManager.default.isExecutableFile(atPath: ImportFaultTests.binary), "build the oversight executable first (swift build)")
            let folder = TempFolder()
            let db = folder.path("o.sqlite")
            #expect(try Self.oversight(["users", "add", "ben", "--role", "performance-analyst", "--la", "358"], database: db, password: "copper kettle meadow").status == 0)
            let made = try Self.oversight(["users", "token", "ben", "--la", "358", "--name", "export", "--days", "10", "--read-only"], database: db)
            #expect(made.status == 0 && made.out.hasPrefix("ovt_"), "\(made.err)")
            _ = try Self.oversight(["users", "token", "ben", "--la", "358", "--name", "dashboard"], database: db)
            let list = try Self.oversight(["users", "tokens", "list", "--la", "358"], database: db)
            let lines = list.out.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
            #expect(lines.count == 2 && lines[0][1] == "ben" && lines[0][2] == "export" && lines[0][5] == "active" && lines[0][6] == "read-only", "\(list.out)")
            #expect(lines.count == 2 && lines[1][6] == "read-write", "\(list.out)")
            #expect(try Self.oversight(["users", "tokens", "revoke", lines[0][0], "--la", "358"], database: db).status == 0)
            let after = try Self.oversight(["users", "tokens", "list", "--la", "358"], database: db)
            #expect(after.out.split(separator: "\n").map { $0.split(separator: "\t")[5] } == ["revoked", "active"], "\(after.out)")
            #expect(try Self.oversight(["users", "tokens", "revoke", "9", "--la", "358"], database: db).status == 2)
            #expect(try Self.oversight(["users", "token", "ben", "--la", "358", "--days", "400"], database: db).status == 2)

            #expect(try Self.oversight(["users", "reset-password", "ben", "--la", "358"], database: db, password: "pebble orchard falcon").status == 0)
            #expect(try Self.oversight(["users", "list", "--la", "358"], database: db).out.contains("must change password"))
            #expect(try Self.oversight(["users", "reset-password", "ben", "--la", "358", "--permanent"], database: db, password: "river lantern biscuit").status == 0)
            #expect(!(try Self.oversight(["users", "list", "--la", "358"], database: db).out.contains("must change password")))
        }
    }
}
