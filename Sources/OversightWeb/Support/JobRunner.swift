import Foundation
import OversightStore
import Synchronization
import Vapor

/// How a job ended, as its handler says.
struct JobEnding: Sendable {
    var state: JobState
    var message: String
    /// What it made, as JSON of the kind's own shape.
    var result: String?
    /// The outcome counted in `oversight_jobs_total` ("done", "done-without-pdf", "failed").
    var outcome: String

    static func done(_ message: String, result: String? = nil, outcome: String = "done") -> JobEnding {
        JobEnding(state: .done, message: message, result: result, outcome: outcome)
    }

    static func failed(_ message: String) -> JobEnding {
        JobEnding(state: .failed, message: message, result: nil, outcome: "failed")
    }
}

/// What a job's handler may tell while it works: how far it has got. Written to the store at
/// most twice a second (and at once when the words change), only while the job is still this
/// process's.
final class JobProgress: Sendable {
    let job: Job
    let repository: JobRepository
    let owner: String
    private let last = Mutex<(message: String, at: Date, done: Int, total: Int)>(("", .distantPast, 0, 0))

    init(job: Job, repository: JobRepository, owner: String) {
        self.job = job; self.repository = repository; self.owner = owner
    }

    /// Records `message` with `done` of `total` steps; without numbers, every step of the last
    /// total is done (a job past its counted steps).
    func report(_ message: String, done: Int? = nil, total: Int? = nil) async {
        let now = Date()
        let due = last.withLock { l -> (Int, Int)? in
            let total = total ?? l.total
            let done = done ?? total
            guard l.message != message || now.timeIntervalSince(l.at) >= 0.5 else { return nil }
            l = (message, now, done, total)
            return (done, total)
        }
        if let (done, total) = due { _ = try? await repository.progress(job.id, owner: owner, message: message, done: done, total: total) }
    }
}

/// Runs the store's background jobs in this process: `slots` loops each claim the oldest job
/// of a kind this process has a handler for (`JobRepository.claim`, under a lease renewed while
/// the job runs), run it, and record how it ended. Any process serving the same store runs
/// them, each job once; a job whose process was killed is taken up by another when its lease
/// runs out. Idle loops look again every `pollInterval`, or at once when `wake()` is called
/// (this process has just added a job).
final class JobRunner: Sendable {
    typealias Handler = @Sendable (Job, JobProgress) async throws -> JobEnding

    let repository: JobRepository
    /// This process, as jobs record it: "HOST:PID".
    let owner: String
    let lease: TimeInterval
    let pollInterval: Duration
    let slots: Int
    let metrics: WebMetrics
    let logger: Logger
    private let handlers = Mutex<[String: Handler]>([:])
    private let loops = Mutex<[Task<Void, Never>]>([])
    private let bell = Bell()
    /// The jobs this process is running now: a job whose lease ran out while it was still running
    /// here (its renewals late) and that this process claims again is not run twice.
    private let running = Mutex<Set<Int>>([])
    /// Where jobs' own work runs: threads of its own, not Swift's few shared ones, so a long
    /// import neither holds up requests nor the renewal of its own lease.
    private let executor = JobThreads()

    init(
        repository: JobRepository, metrics: WebMetrics, lease: TimeInterval = JobRunner.leaseFromEnvironment(), pollInterval: Duration = .seconds(1),
        slots: Int = 2, logger: Logger = Logger(label: "oversight.jobs")
    ) {
        self.repository = repository; self.metrics = metrics; self.lease = lease; self.pollInterval = pollInterval
        self.slots = slots; self.logger = logger
        // "HOST:PID"; a second runner in one process (tests serving one store twice) adds "/N".
        let n = Self.made.withLock { n in
            n += 1
            return n
        }
        owner = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)\(n > 1 ? "/\(n)" : "")"
    }

    /// Runners made in this process.
    private static let made = Mutex(0)

    /// The lease from `OVERSIGHT_JOB_LEASE_SECONDS` (5 to 3600), else 30 seconds.
    static func leaseFromEnvironment() -> TimeInterval {
        ProcessInfo.processInfo.environment["OVERSIGHT_JOB_LEASE_SECONDS"].flatMap(Double.init).map { min(3600, max(5, $0)) } ?? 30
    }

    /// Runs jobs of `kind` with `handler`.
    func register(_ kind: String, _ handler: @escaping Handler) {
        handlers.withLock { $0[kind] = handler }
    }

    /// Starts the loops (once).
    func start() {
        loops.withLock { loops in
            guard loops.isEmpty else { return }
            let bell = bell, interval = pollInterval
            loops = (0..<slots).map { _ in Task { [self] in await self.loop() } }
            loops.append(
                Task {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: interval)
                        await bell.ringAll()
                    }
                })
        }
    }

    /// Tells idle loops to look for a job now.
    func wake() {
        let bell = bell
        Task { await bell.ring() }
    }

    /// Stops the loops, waiting for jobs running to end.
    func stop() async {
        let tasks = loops.withLock { l in
            let t = l
            l = []
            return t
        }
        for t in tasks { t.cancel() }
        await bell.close()
        for t in tasks { await t.value }
    }

    private func loop() async {
        var failing = false
        while !Task.isCancelled {
            let kinds = handlers.withLock { Array($0.keys) }
            let job: Job?
            do {
                job = try await repository.claim(owner: owner, lease: lease, kinds: kinds)
                if failing { logger.notice("looking for jobs again") }
                failing = false
            } catch {
                // The store does not answer (restarting, say): look again later; said once.
                if !failing { logger.warning("could not look for jobs", metadata: ["error": "\(type(of: error))"]) }
                failing = true
                job = nil
            }
            if let job {
                let mine = running.withLock { $0.insert(job.id).inserted }
                // Already running here: the claim only renewed its lease.
                guard mine else { continue }
                await run(job)
                _ = running.withLock { $0.remove(job.id) }
            } else if await !bell.wait() {
                return
            }
        }
    }

    /// Runs one claimed job, renewing its lease meanwhile, and records how it ended.
    func run(_ job: Job) async {
        guard let handler = handlers.withLock({ $0[job.kind] }) else { return }
        logger.info("job started", metadata: ["job": "\(job.id)", "kind": "\(job.kind)", "attempt": "\(job.attempts)"])
        let repository = repository, owner = owner, lease = lease, logger = logger
        let renewal = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(lease / 3))
                if Task.isCancelled { return }
                if (try? await repository.renew(job.id, owner: owner, lease: lease)) == false {
                    logger.warning("job taken over by another process", metadata: ["job": "\(job.id)"])
                    return
                }
            }
        }
        let ending: JobEnding
        do {
            let progress = JobProgress(job: job, repository: repository, owner: owner)
            ending = try await withTaskExecutorPreference(executor) { try await handler(job, progress) }
        } catch {
            logger.error("job failed", metadata: ["job": "\(job.id)", "kind": "\(job.kind)", "error": "\(type(of: error))"])
            ending = .failed("The job could not be finished. Nothing was changed. Try again, or ask your administrator.")
        }
        renewal.cancel()
        let recorded = (try? await repository.finish(job.id, owner: owner, state: ending.state, message: ending.message, result: ending.result)) ?? false
        if recorded { metrics.job(kind: job.kind, outcome: ending.outcome) }
        logger.info("job ended", metadata: ["job": "\(job.id)", "kind": "\(job.kind)", "state": "\(ending.state.rawValue)", "recorded": "\(recorded)"])
        wake()
    }
}

/// Threads for jobs' work (a dispatch queue's), as a task executor.
final class JobThreads: TaskExecutor, @unchecked Sendable {
    private let queue = DispatchQueue(label: "oversight.jobs", qos: .utility, attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

/// Wakes idle job loops: `ring` wakes one (or the next to wait), `ringAll` every one waiting.
actor Bell {
    private var waiters: [CheckedContinuation<Bool, Never>] = []
    private var pending = 0
    private var closed = false

    func ring() {
        if waiters.isEmpty { pending = min(pending + 1, 8) } else { waiters.removeFirst().resume(returning: !closed) }
    }

    func ringAll() {
        for w in waiters { w.resume(returning: !closed) }
        waiters = []
    }

    func close() {
        closed = true
        ringAll()
    }

    /// Waits for a ring; false once closed.
    func wait() async -> Bool {
        if closed { return false }
        if pending > 0 {
            pending -= 1
            return true
        }
        return await withCheckedContinuation { waiters.append($0) }
    }
}

/// Starts the job runner when the application boots and stops it, jobs ended, when it shuts down.
struct JobRunnerLifecycle: LifecycleHandler {
    let runner: JobRunner

    // The synchronous boot, which servers and tests' in-memory testers both call.
    func didBoot(_ application: Application) throws { runner.start() }

    func shutdownAsync(_ application: Application) async { await runner.stop() }
}

extension JSONEncoder {
    /// JSON for jobs' payloads and results: keys sorted, so equal payloads are equal text.
    static let jobs: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()
}

extension Job {
    /// The payload as `T`.
    func payload<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(payload.utf8))
    }

    /// The result as `T`, when there is one.
    func result<T: Decodable>(_ type: T.Type) -> T? {
        result.flatMap { try? JSONDecoder().decode(T.self, from: Data($0.utf8)) }
    }
}
