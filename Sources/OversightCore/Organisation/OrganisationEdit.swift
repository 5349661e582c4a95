/// An administrator's entry or correction of the organisation in the product: one worker's spell
/// in a team, or one child's allocation, checked against what is stored and written as a one-row
/// file of the documented local format (`workers-local`, `allocations-local`), which is then
/// imported like any other, so it passes the same checks and is kept, and can be undone, in the
/// import history.
///
/// A spell with the same worker, team and start date as a stored one replaces it (to give a leave
/// date, or correct the name, role, FTE, employment or service); an allocation of the same child
/// from the same day replaces the stored one (to end it, or correct the worker).
public enum OrganisationEdit {
    /// What is wrong with entering `spell` given the stored `workers`, by field (`start_date`,
    /// `leave_date`, `team`): a leave date before the start, or dates overlapping another of the
    /// worker's spells (a worker is in one team at a time; the spell it replaces aside).
    public static func problems(_ spell: WorkerRecord, stored workers: [WorkerRecord]) -> [String: String] {
        var out: [String: String] = [:]
        guard let start = spell.start.day else { return ["start_date": "Enter the first day in the team"] }
        if let leave = spell.leave.day, leave < start { out["leave_date"] = "The leave date must be on or after the start date" }
        for w in workers where w.id == spell.id && !(w.team == spell.team && w.start.day == start) {
            guard let s = w.start.day else { continue }
            if overlaps(start, spell.leave.day, s, w.leave.day) {
                out["start_date"] =
                    "\(spell.id) is in \(w.team) from \(s.iso)\(w.leave.day.map { " to \($0.iso)" } ?? " with no leave date"); a worker is in one team at a time, so end that spell first (enter it again with its leave date)"
                break
            }
        }
        return out
    }

    /// What is wrong with entering `allocation` given the stored `allocations` and `workers`, by
    /// field (`worker_id`, `from_date`, `to_date`): a worker with no spell in a team, an end before
    /// the start, or dates overlapping another of the child's allocations (the one it replaces
    /// aside).
    public static func problems(_ allocation: Allocation, stored allocations: [Allocation], workers: [WorkerRecord]) -> [String: String] {
        var out: [String: String] = [:]
        if !workers.contains(where: { $0.id == allocation.worker }) {
            out["worker_id"] = "No worker \(allocation.worker) is in any team: add the worker first"
        }
        guard let from = allocation.from.day else { return out.merging(["from_date": "Enter the first day of the allocation"]) { a, _ in a } }
        if let to = allocation.to.day, to < from { out["to_date"] = "The last day must be on or after the first day" }
        for a in allocations where a.child == allocation.child && a.from.day != from {
            guard let s = a.from.day else { continue }
            if overlaps(from, allocation.to.day, s, a.to.day) {
                out["from_date"] =
                    "\(allocation.child.rawValue) is allocated to \(a.worker) from \(s.iso)\(a.to.day.map { " to \($0.iso)" } ?? " with no end"); a child has one allocated worker at a time, so end that allocation first (enter it again with its last day)"
                break
            }
        }
        return out
    }

    /// Whether two spans (a missing end: open) share a day.
    public static func overlaps(_ s1: Day, _ e1: Day?, _ s2: Day, _ e2: Day?) -> Bool {
        (e2.map { s1 <= $0 } ?? true) && (e1.map { s2 <= $0 } ?? true)
    }

    /// `spell` as a `workers-local` file: the header and one row.
    public static func csv(_ spell: WorkerRecord) -> String {
        let header = "worker_id,name,role,fte,employment,team,service,start_date,leave_date"
        let fte = spell.fte.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? ""
        let row = [
            spell.id, spell.name ?? "", spell.role ?? "", fte, spell.employment ?? "", spell.team, spell.service ?? "",
            spell.start.day?.iso ?? "", spell.leave.day?.iso ?? "",
        ]
        return header + "\n" + row.map(field).joined(separator: ",") + "\n"
    }

    /// `allocation` as an `allocations-local` file: the header and one row.
    public static func csv(_ allocation: Allocation) -> String {
        let row = [allocation.child.rawValue, allocation.worker, allocation.from.day?.iso ?? "", allocation.to.day?.iso ?? ""]
        return "child_id,worker_id,from_date,to_date\n" + row.map(field).joined(separator: ",") + "\n"
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
