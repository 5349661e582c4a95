import Foundation
@testable import OversightStore
import Synchronization
import Testing

extension StoreTests {
    /// Background jobs kept in the store: each is claimed by one process, a job whose process
    /// stopped is taken up by another when its lease runs out (and its first owner can no longer
    /// change it), a job given up on after its starts is ended as failed, a job due once is added
    /// once, and the scheduler runs in one process at a time.
    @Suite struct JobTests {
        /// A clock tests move by hand.
        final class Clock: Sendable {
            private let now = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
            func read() -> Date { now.withLock { $0 } }
            func advance(_ seconds: TimeInterval) { now.withLock { $0 += seconds } }
        }

        @Test(arguments: TestBackend.all) func aJobIsClaimedRunAndEndedByItsOwner(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let clock = Clock()
            let jobs = store.jobs(clock: clock.read)
            let first = try await jobs.enqueue(kind: "import", authority: "358", by: "analyst", payload: #"{"paths":[]}"#)
            #expect(first.isNew)
            #expect(try await jobs.claim(owner: "a:1", lease: 30, kinds: ["board-pack"]) == nil, "a kind the process cannot run is left")
            let claimed = try #require(try await jobs.claim(owner: "a:1", lease: 30, kinds: ["import"]))
            #expect(claimed.id == first.id && claimed.state == .running && claimed.attempts == 1 && claimed.owner == "a:1")
            #expect(claimed.payload == #"{"paths":[]}"# && claimed.createdBy == "analyst" && claimed.authority == "358")
            #expect(try await jobs.claim(owner: "b:2", lease: 30) == nil, "a running job under its lease is nobody else's")
            #expect(try await jobs.progress(first.id, owner: "a:1", message: "Reading", done: 1, total: 3))
            #expect(!(try await jobs.progress(first.id, owner: "b:2", message: "Reading", done: 2, total: 3)))
            #expect(try await jobs.finish(first.id, owner: "a:1", state: .done, message: "Imported", result: #"{"importID":4}"#))
            let ended = try #require(try await jobs.job(first.id, authority: "358"))
            #expect(ended.state == .done && ended.message == "Imported" && ended.result == #"{"importID":4}"# && ended.done == 1 && ended.total == 3)
            #expect(ended.finishedAt == clock.read() && ended.leaseUntil == nil)
            #expect(try await jobs.job(first.id, authority: "999") == nil, "another authority's job is not found")
            #expect(try await jobs.claim(owner: "b:2", lease: 30) == nil, "an ended job is not run again")
            await store.close()
        }

        @Test(arguments: TestBackend.all) func aJobDueOnceIsAddedOnce(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let jobs = store.jobs()
            let a = try await jobs.enqueue(kind: "reminders", authority: "358", by: "oversight", payload: "{}", uniqueKey: "reminders:358:2026-12-08")
            let b = try await jobs.enqueue(kind: "reminders", authority: "358", by: "oversight", payload: "{}", uniqueKey: "reminders:358:2026-12-08")
            let c = try await jobs.enqueue(kind: "reminders", authority: "358", by: "oversight", payload: "{}", uniqueKey: "reminders:358:2026-12-09")
            #expect(a.isNew && !b.isNew && b.id == a.id && c.isNew && c.id != a.id)
            // Jobs without a key are each new.
            let d = try await jobs.enqueue(kind: "import", authority: "358", by: "x", payload: "{}")
            let e = try await jobs.enqueue(kind: "import", authority: "358", by: "x", payload: "{}")
            #expect(d.isNew && e.isNew && d.id != e.id)
            #expect(try await jobs.list(authority: "358").map(\.id) == [e.id, d.id, c.id, a.id])
            await store.close()
        }

        @Test(arguments: TestBackend.all) func aJobWhoseProcessStoppedIsFinishedByAnother(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let clock = Clock()
            let jobs = store.jobs(clock: clock.read)
            let id = try await jobs.enqueue(kind: "import", authority: "358", by: "x", payload: "{}", maxAttempts: 2).id
            _ = try #require(try await jobs.claim(owner: "killed:1", lease: 30))
            clock.advance(20)
            #expect(try await jobs.renew(id, owner: "killed:1", lease: 30), "the owner renews while it works")
            clock.advance(31)
            // The lease ran out: another process takes it up, and the first can no longer change it.
            let again = try #require(try await jobs.claim(owner: "other:2", lease: 30))
            #expect(again.id == id && again.attempts == 2 && again.owner == "other:2" && again.message.contains("Started again"))
            #expect(!(try await jobs.renew(id, owner: "killed:1", lease: 30)))
            #expect(!(try await jobs.finish(id, owner: "killed:1", state: .failed, message: "late")))
            // Its last start allowed also stops: the job is ended as failed, saying why.
            clock.advance(31)
            #expect(try await jobs.claim(owner: "third:3", lease: 30) == nil, "no more starts than allowed")
            #expect(try await jobs.failAbandoned() == [id])
            let failed = try #require(try await jobs.job(id, authority: nil))
            #expect(failed.state == .failed && failed.message.contains("ended 2 times"))
            await store.close()
        }

        /// Two processes (two stores on one database) claiming at the same time: every job is
        /// run once, by one of them.
        @Test(arguments: TestBackend.all) func twoProcessesClaimingAtOnceRunEachJobOnce(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let configuration = try await backend.freshConfiguration(in: folder)
            let a = try await Store.open(configuration)
            let b = try await Store.open(configuration)
            var ids: Set<Int> = []
            for i in 0..<40 { ids.insert(try await a.jobs().enqueue(kind: "import", authority: "358", by: "x", payload: "{\"n\":\(i)}").id) }
            func drain(_ store: Store, _ owner: String) async throws -> [Int] {
                var mine: [Int] = []
                while let job = try await store.jobs().claim(owner: owner, lease: 60) {
                    mine.append(job.id)
                    #expect(try await store.jobs().finish(job.id, owner: owner, state: .done, message: "done"))
                }
                return mine
            }
            async let byA = drain(a, "a:1")
            async let byB = drain(b, "b:2")
            let (ranA, ranB) = try await (byA, byB)
            #expect(Set(ranA).isDisjoint(with: ranB), "a job ran in both processes")
            #expect(Set(ranA).union(ranB) == ids && ranA.count + ranB.count == ids.count)
            #expect(try await a.jobs().list(limit: 100).allSatisfy { $0.state == .done && $0.attempts == 1 })
            await a.close()
            await b.close()
        }

        /// While one process schedules (holds the advisory lock), another skips its turn; on
        /// SQLite, which one process serves, every turn runs.
        @Test(arguments: TestBackend.all) func theSchedulerRunsInOneProcessAtATime(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let configuration = try await backend.freshConfiguration(in: folder)
            let a = try await Store.open(configuration)
            let b = try await Store.open(configuration)
            let (entered, enteredSignal) = AsyncStream<Void>.makeStream()
            let (release, releaseSignal) = AsyncStream<Void>.makeStream()
            let first = Task {
                try await a.jobs().whileScheduling { s in
                    try await s.enqueue(kind: "board-pack", authority: "358", payload: "{}", uniqueKey: "board-pack:358:x")
                    enteredSignal.yield()
                    for await _ in release { break }
                    return 1
                }
            }
            for await _ in entered { break }
            if backend == .postgres {
                let second = try await b.jobs().whileScheduling { _ in 2 }
                #expect(second == nil, "another process scheduled while the first held the lock")
            }
            releaseSignal.yield()
            #expect(try await first.value == 1)
            #expect(try await b.jobs().whileScheduling { _ in 2 } == 2, "the lock ends with the first's transaction")
            #expect(try await b.jobs().list().map(\.kind) == ["board-pack"], "the job added under the lock was stored with its transaction")
            await a.close()
            await b.close()
        }
    }
}
