/// The e-mail that tells an action's owner which of their actions are overdue: one message per
/// owner with an address, listing each overdue action with its ambition, due date and status.
public struct OverdueReminder: Hashable, Sendable {
    public var to: String
    public var name: String
    public var subject: String
    public var body: String
    /// The ids of the actions listed.
    public var actions: [Int]

    /// Whether `address` can be used as an e-mail address: one `@` with text either side, a dot in
    /// the domain, at most 254 characters, and nothing that could end a mail header (no spaces,
    /// control characters, commas, semicolons, quotes or angle brackets).
    public static func isValidAddress(_ address: String) -> Bool {
        guard address.count <= 254, address.filter({ $0 == "@" }).count == 1 else { return false }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return address.unicodeScalars.allSatisfy { s in
            s.value > 32 && s.value < 127 && !",;<>\"()[]\\".unicodeScalars.contains(s)
        }
    }

    /// The reminders for `today`: for each owner (`owners`: display name and address) whose
    /// actions include overdue ones (`PlanAction.isOverdue`), one message. Owners are matched to
    /// actions by name, ignoring case, as the overview's "Your actions" does; an owner with no
    /// valid address gets none. `link` is where the plan is seen (the site's address).
    public static func make(actions: [PlanAction], owners: [(name: String, email: String)], today: Day, link: String?) -> [OverdueReminder] {
        var out: [OverdueReminder] = []
        for owner in owners where isValidAddress(owner.email) {
            let mine = actions.filter { $0.owner.lowercased() == owner.name.lowercased() && $0.isOverdue(on: today) }
                .sorted { ($0.due ?? today, $0.id ?? 0) < ($1.due ?? today, $1.id ?? 0) }
            guard !mine.isEmpty else { continue }
            var lines = [
                "Dear \(owner.name),", "",
                "\(mine.count == 1 ? "This action" : "These \(mine.count) actions") of the improvement plan \(mine.count == 1 ? "is" : "are") past \(mine.count == 1 ? "its" : "their") due date:",
                "",
            ]
            for a in mine {
                let late = a.due.map { $0.days(to: today) } ?? 0
                lines.append("- \(a.text)")
                lines.append("  Ambition \(a.ambition); due \(a.due?.uk ?? "-") (\(late) day\(late == 1 ? "" : "s") ago); \(a.status.label.lowercased()).")
            }
            lines += ["", "Please give each a progress update or a new due date in Oversight\(link.map { ": \($0)" } ?? ".")", "", "This message names no child."]
            out.append(
                OverdueReminder(
                    to: owner.email, name: owner.name, subject: "Oversight: \(mine.count) overdue action\(mine.count == 1 ? "" : "s")",
                    body: lines.joined(separator: "\n"), actions: mine.compactMap(\.id)))
        }
        return out
    }
}
