import Foundation
import OversightCore
import Testing

@Suite struct AccessTests {
    @Test func passwordPolicyExplainsEachProblem() {
        let policy = PasswordPolicy()
        #expect(policy.problems(password: "river lantern biscuit", username: "amira").isEmpty)
        #expect(policy.problems(password: "short", username: "amira").contains("Password must be at least 12 characters"))
        #expect(policy.problems(password: "123456789012345", username: "amira").contains("Password must not be only numbers"))
        #expect(policy.problems(password: "amira-is-my-name", username: "amira").contains("Password must not contain your username"))
        #expect(!policy.problems(password: "Password2024!", username: "x").isEmpty)
        #expect(!policy.problems(password: "aaaaaaaaaaaaaaaa", username: "x").isEmpty)
    }

    @Test func boardMembersAndPartnersNeverSeeChildren() {
        #expect(Role.allCases.filter { !$0.seesChildLevelData } == [.boardMember, .partnerAuditor, .regional])
        #expect(Role.allCases.filter(\.seesRegion) == [.regional] && !Role.regional.seesDashboards)
        #expect(Role.parse("Performance analyst") == .analyst)
        #expect(Role.parse("board_member") == .boardMember)
        #expect(Role.parse("janitor") == nil)
    }

    @Test func throttleLocksOnTheFifthFailure() {
        let t = SignInThrottle()
        let now = Date(timeIntervalSince1970: 0)
        #expect(t.afterFailure(failures: 3, now: now).lockedUntil == nil)
        let fifth = t.afterFailure(failures: 4, now: now)
        #expect(fifth.lockedUntil == now.addingTimeInterval(900) && fifth.failures == 0)
        #expect(t.isLocked(lockedUntil: fifth.lockedUntil, now: now.addingTimeInterval(899)))
        #expect(!t.isLocked(lockedUntil: fifth.lockedUntil, now: now.addingTimeInterval(900)))
    }
}

/// Issue 16, finding 7: the demo's passwords had about 20 bits (three words from 24, and two
/// digits); Oversight's own passwords (the demo's, an administrator's temporary ones) now have
/// about 79.
@Suite struct RandomPasswordTests {
    @Test func passwordsOversightMakesAreLongAndRandom() {
        #expect(RandomPassword.entropyBits > 78 && RandomPassword.entropyBits < 80)
        let made = (0..<200).map { _ in RandomPassword.make() }
        #expect(Set(made).count == 200)
        for p in made {
            #expect(p.count == 19 && p.split(separator: "-").count == 4)
            #expect(PasswordPolicy().problems(password: p, username: "demo-administrator").isEmpty, "\(p)")
        }
    }
}
