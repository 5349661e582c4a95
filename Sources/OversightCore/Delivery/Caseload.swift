/// One worker's caseload for a performance clinic: the children a worker was allocated to (an
/// SSDA903 social worker episode open at some point in the period), and the case data limited to
/// them.
public enum Caseload {
    /// The children whose social worker episode with `worker` overlaps `period` (an episode with
    /// no end date is open; one an earlier return left open that a later one shows ended before
    /// its year, `CaseData.leftOpen`, only up to its last open day).
    public static func children(of worker: String, in data: CaseData, period: Period) -> Set<ChildID> {
        var out: Set<ChildID> = []
        for e in data.socialWorkerEpisodes where e.workerID == worker {
            guard let start = e.start.day, start <= period.end else { continue }
            if let end = e.end.day, end < period.start { continue }
            if let last = data.leftOpen.lastOpenDay(of: e), last < period.start { continue }
            out.insert(e.child)
        }
        return out
    }

    /// `data` with only the records of `children` (and the supervision sessions of `worker`);
    /// the files and years are kept, so measures know which sources were loaded.
    public static func restrict(_ data: CaseData, to children: Set<ChildID>, worker: String) -> CaseData {
        var d = data
        d.cinChildren = data.cinChildren.filter { children.contains($0.key) }
        d.cinEpisodes = data.cinEpisodes.filter { children.contains($0.child) }
        d.claHeaders = data.claHeaders.filter { children.contains($0.key) }
        d.claEpisodes = data.claEpisodes.filter { children.contains($0.child) }
        d.claReviews = data.claReviews.filter { children.contains($0.child) }
        d.claMissing = data.claMissing.filter { children.contains($0.child) }
        d.careLeavers = data.careLeavers.filter { children.contains($0.child) }
        d.socialWorkerEpisodes = data.socialWorkerEpisodes.filter { children.contains($0.child) }
        d.missingEpisodes = data.missingEpisodes.filter { children.contains($0.child) }
        d.visits = data.visits.filter { children.contains($0.child) }
        d.supervisions = data.supervisions.filter { $0.worker == worker }
        return d
    }
}
