import Foundation
import OversightStore

/// An upload being imported in the background.
struct ImportJob: Sendable {
    enum State: String, Sendable { case running, imported, unchanged, failed }
    var id: Int
    var authority: String
    var user: String
    var fileName: String
    var size: Int
    var startedAt: Date
    var state: State
    /// Plain words on what is happening or what went wrong.
    var message: String
    /// The import it became, once stored.
    var importID: Int?
    /// Files read and checked so far, and in all.
    var done = 0
    var total = 0
}

/// The background imports of uploaded files, by job number. Jobs are kept in memory: a restart
/// forgets finished jobs, but their imports are in the store's list.
actor ImportJobs {
    private var jobs: [Int: ImportJob] = [:]
    private var next = 1
    /// Where finished imports are counted.
    let metrics: WebMetrics

    init(metrics: WebMetrics = WebMetrics()) { self.metrics = metrics }

    /// Registers a running job; returns its number.
    func start(authority: String, user: String, fileName: String, size: Int, at: Date) -> Int {
        let id = next
        next += 1
        jobs[id] = ImportJob(
            id: id, authority: authority, user: user, fileName: fileName, size: size, startedAt: at,
            state: .running, message: "Checking the file against the DfE's rules and storing it", importID: nil)
        return id
    }

    func update(_ id: Int, state: ImportJob.State, message: String, importID: Int? = nil) {
        if state != .running {
            metrics.importFinished(outcome: state.rawValue)
            metrics.job(kind: "import", outcome: state == .failed ? "failed" : "done")
        }
        jobs[id]?.state = state
        jobs[id]?.message = message
        if let importID { jobs[id]?.importID = importID }
    }

    /// Records how far a running job has got, in words and numbers.
    func progress(_ id: Int, _ p: ImportProgress) {
        guard jobs[id]?.state == .running else { return }
        switch p.phase {
        case .hashing, .reading:
            // Units are files in these steps.
            jobs[id]?.message = p.phase == .hashing ? "Reading the files" : "Checking the files against the DfE's rules"
            jobs[id]?.done = p.done
            jobs[id]?.total = p.total
        case .storing:
            // Read before writing: `jobs[id]?.done = jobs[id]?.total` would overlap two accesses to `jobs`.
            let files = jobs[id]?.total ?? 0
            jobs[id]?.message = "Storing the records (\(p.done) of \(p.total))"
            jobs[id]?.done = files
        case .finished:
            jobs[id]?.message = "Finishing"
        }
    }

    /// The job, when it belongs to `authority`.
    func job(_ id: Int, authority: String) -> ImportJob? {
        guard let j = jobs[id], j.authority == authority else { return nil }
        return j
    }
}
