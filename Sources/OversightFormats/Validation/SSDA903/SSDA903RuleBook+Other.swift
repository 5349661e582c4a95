import OversightCore

extension SSDA903RuleBook {
    /// Rules on the UASC table (unaccompanied asylum-seeking children).
    static let uascRules: [SSDA903Rule] = [
        SSDA903Rule("104", [.uasc], ["DUC"], "Date UASC status ceased (DUC) is not a valid date or is before the collection year") { c in
            c.rows(.uasc) { t, i in t.isInvalidDate(i, "DUC") || (t.date(i, "DUC").map { $0 < c.start } ?? false) }
        },
        SSDA903Rule("304", [.uasc], ["DUC", "DOB"], "Date UASC status ceased is after the child's 18th birthday") { c in
            c.rows(.uasc) { t, i in
                guard let d = t.date(i, "DUC"), let dob = t.date(i, "DOB") else { return false }
                return d > dob.adding(years: 18)
            }
        },
    ]

    /// Rules on PrevPerm, the child's previous permanence arrangement.
    static let permanenceRules: [SSDA903Rule] = [
        SSDA903Rule("631", [.prevPerm], ["PREV_PERM"], "Previous permanence option (PREV_PERM) is not a valid code") { c in
            c.rows(.prevPerm) { t, i in !t.isBlank(i, "PREV_PERM") && !["P1", "P2", "P3", "P4", "Z1"].contains(t.code(i, "PREV_PERM")) }
        },
        SSDA903Rule(
            "635", [.prevPerm], ["LA_PERM", "DATE_PERM", "PREV_PERM"], "Date or authority of a previous permanence order is given but the previous permanence option is blank"
        ) { c in
            c.rows(.prevPerm) { t, i in (!t.isBlank(i, "LA_PERM") || !t.isBlank(i, "DATE_PERM")) && t.isBlank(i, "PREV_PERM") }
        },
        SSDA903Rule(
            "632", [.prevPerm, .episodes], ["DATE_PERM", "DECOM"], "Date of the previous permanence order is not a valid date or is not before the child started to be looked after"
        ) { c in
            c.rows(.prevPerm) { t, i in
                let text = t.text(i, "DATE_PERM")
                guard !text.isEmpty else { return false }
                guard let d = permanenceDate(text) else { return true }
                guard let child = t.children[i], let first = c.episodesByChild[child]?.first?.decom else { return false }
                return d >= first
            }
        },
    ]

    /// A previous permanence date: `dd/mm/yyyy`, where the DfE lets an unknown day or month be
    /// written as `zz` (the earliest possible day is used).
    static func permanenceDate(_ text: String) -> Day? {
        let parts = text.uppercased().split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, let y = Int(parts[2]), parts[2].count == 4 else { return nil }
        let m = parts[1] == "ZZ" ? 1 : Int(parts[1])
        let d = parts[0] == "ZZ" ? 1 : Int(parts[0])
        guard let m, let d else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// Rules on SWEpisodes, the child's social workers (collected from 2023-24).
    static let socialWorkerRules: [SSDA903Rule] = [
        SSDA903Rule("SW02STG1", [.swEpisodes], ["SW_ID"], "Social worker ID does not begin with SW or XX") { c in
            c.rows(.swEpisodes) { t, i in
                let id = t.code(i, "SW_ID")
                return !(id.hasPrefix("SW") || id.hasPrefix("XX")) || (c.year >= 2026 && id.count < 4)
            }
        },
        SSDA903Rule(
            "SW01aSTG1", [.swEpisodes], ["SW_DECOM", "SW_ID"], "Social worker episode information is incomplete (start date, or social worker ID for episodes before April 2023)",
            years: 2025...2025
        ) { c in
            let cutoff = Day(year: 2023, month: 4, day: 1)!
            return c.rows(.swEpisodes) { t, i in
                guard let s = t.date(i, "SW_DECOM") else { return true }
                return s < cutoff && t.isBlank(i, "SW_ID")
            }
        },
        SSDA903Rule(
            "SW01bSTG1", [.swEpisodes], ["SW_DECOM", "SW_ID", "SW_REASON"],
            "Social worker episode information is incomplete (start date, social worker ID or reason from April 2023)", years: 2025...2025
        ) { c in
            let cutoff = Day(year: 2023, month: 4, day: 1)!
            return c.rows(.swEpisodes) { t, i in
                guard let s = t.date(i, "SW_DECOM") else { return true }
                return s >= cutoff && (t.isBlank(i, "SW_ID") || t.isBlank(i, "SW_REASON"))
            }
        },
        SSDA903Rule("SW03STG1", [.swEpisodes], ["SW_ID", "SW_DECOM", "SW_REASON"], "Social worker episode information is incomplete", years: 2024...2024) { c in
            c.rows(.swEpisodes) { t, i in t.isBlank(i, "SW_ID") || t.isBlank(i, "SW_DECOM") || t.isBlank(i, "SW_REASON") }
        },
        SSDA903Rule("SW04STG1", [.swEpisodes], ["SW_DECOM"], "Date the social worker episode began (SW_DECOM) is not a valid date") { c in
            c.rows(.swEpisodes) { t, i in t.isInvalidDate(i, "SW_DECOM") }
        },
        SSDA903Rule("SW05STG1", [.swEpisodes], ["SW_DEC"], "Date the social worker episode ended (SW_DEC) is not a valid date") { c in
            c.rows(.swEpisodes) { t, i in t.isInvalidDate(i, "SW_DEC") }
        },
        SSDA903Rule("SW13STG1", [.swEpisodes], ["SW_REASON"], "Reason for social worker change is blank or not a valid code", years: 2024...2024) { c in
            c.rows(.swEpisodes) { t, i in !SSDA903CodeLists.swReason.contains(t.code(i, "SW_REASON")) }
        },
        SSDA903Rule(
            "SW13STG1", [.swEpisodes], ["SW_REASON"], "Reason for social worker change is not a valid code, or is blank for an episode starting from April 2023",
            years: 2025...lastYear
        ) { c in
            let cutoff = Day(year: 2023, month: 4, day: 1)!
            return c.rows(.swEpisodes) { t, i in
                if t.isBlank(i, "SW_REASON") { return t.date(i, "SW_DECOM").map { $0 >= cutoff } ?? false }
                return !SSDA903CodeLists.swReason.contains(t.code(i, "SW_REASON"))
            }
        },
        SSDA903Rule("SW06STG2", [.swEpisodes], ["SW_DECOM"], "Social worker episode starts after the end of the collection year") { c in
            c.rows(.swEpisodes) { t, i in t.date(i, "SW_DECOM").map { $0 > c.end } ?? false }
        },
        SSDA903Rule("SW07STG2", [.swEpisodes], ["SW_DEC"], "Social worker episode end date is before the social worker reporting period or after the collection year") { c in
            let earliest = c.year <= 2024 ? c.start : c.start.adding(years: -1)
            return c.rows(.swEpisodes) { t, i in t.date(i, "SW_DEC").map { $0 < earliest || $0 > c.end } ?? false }
        },
        SSDA903Rule("SW08STG2", [.swEpisodes], ["SW_DEC"], "A new social worker episode has started but the previous one has not ended") { c in
            swPairs(c) { prev, _ in prev.end == nil }
        },
        SSDA903Rule("SW10STG2", [.swEpisodes], ["SW_DECOM"], "A new social worker episode starts more than 7 days from the end of the previous one", years: 2024...2025) { c in
            swPairs(c, reportLater: true) { prev, next in
                // From 2024-25 a first contact (FCONTA) may start any time after the previous episode.
                guard let e = prev.end, c.year == 2024 || next.reason != "FCONTA" else { return false }
                return next.start < e.adding(days: -7) || next.start > e.adding(days: 7)
            }
        },
        SSDA903Rule("SW10aSTG2", [.swEpisodes], ["SW_DECOM"], "A new social worker episode starts more than 7 days from the end of the previous one", years: 2026...lastYear) { c in
            swPairs(c, reportLater: true) { prev, next in
                guard let e = prev.end, next.reason != "FCONTA" else { return false }
                return next.start < e.adding(days: -7) || next.start > e.adding(days: 7)
            }
        },
        SSDA903Rule("SW09STG2", [.swEpisodes], ["SW_DECOM", "SW_DEC"], "Social worker episode appears to have lasted less than 24 hours") { c in
            c.rows(.swEpisodes) { t, i in
                guard let s = t.date(i, "SW_DECOM"), let e = t.date(i, "SW_DEC") else { return false }
                // From 2025-26 the DfE allows for weekends: an episode must last 3 days or more.
                return c.year >= 2026 ? (0..<3).contains(s.days(to: e)) : s == e
            }
        },
        SSDA903Rule(
            "SW10bSTG2", [.swEpisodes], ["SW_DECOM", "SW_REASON"], "A social worker episode for a first contact (FCONTA) starts before the previous episode ended",
            years: 2026...lastYear
        ) { c in
            swPairs(c, reportLater: true) { prev, next in
                guard next.reason == "FCONTA", let e = prev.end else { return false }
                return next.start <= e
            }
        },
        SSDA903Rule("SW14STG2", [.swEpisodes], ["SW_DEC"], "Social worker episode end date is blank but it is not the child's latest episode", years: 2024...2024) { c in
            swPairs(c) { prev, _ in prev.end == nil }
        },
        SSDA903Rule(
            "SW11aSTG2", [.swEpisodes, .episodes], ["SW_DEC"], "Social worker episode ended before the last days of the year and no next episode starts within 5 days",
            years: 2024...2024
        ) { c in
            // A child who left care when the social worker episode ended needs no next episode.
            swFollowUps(c) { child, ended, next in
                guard ended <= c.end.adding(days: -5) else { return false }
                return next.map { abs(ended.days(to: $0)) > 5 } ?? c.isLookedAfter(child, on: ended)
            }
        },
        SSDA903Rule("SW11bSTG2", [.swEpisodes, .episodes], ["SW_DEC"], "Social worker episode ended in the last 5 days of the year and no next episode is reported") { c in
            swFollowUps(c) { child, ended, next in
                ended >= c.end.adding(days: -5) && ended <= c.end && next == nil && c.isLookedAfter(child, on: ended)
            }
        },
        SSDA903Rule("SW18STG2", [.swEpisodes], ["SW_DEC", "SW_DECOM"], "Social worker episode ends on or before the day it starts", years: 2026...lastYear) { c in
            c.rows(.swEpisodes) { t, i in
                guard let s = t.date(i, "SW_DECOM"), let e = t.date(i, "SW_DEC") else { return false }
                return e <= s
            }
        },
        SSDA903Rule("SW19STG2", [.swEpisodes], ["SW_DECOM"], "Two social worker episodes for the child start on the same date", years: 2026...lastYear) { c in
            guard let t = c.table(.swEpisodes) else { return [] }
            var hits: [SSDA903Hit] = []
            for (_, rows) in t.rowsByChild where rows.count > 1 {
                var seen = Set<String>()
                for i in rows where !seen.insert(t.text(i, "SW_DECOM")).inserted { hits.append(SSDA903Hit(table: .swEpisodes, index: i)) }
            }
            return hits
        },
        SSDA903Rule(
            "SW17STG2", [.swEpisodes], ["SW_DEC", "SW_DECOM"], "There is no social worker episode open at 31 March (the latest one has an end date)", years: 2026...lastYear
        ) { c in
            guard let t = c.table(.swEpisodes) else { return [] }
            var hits: [SSDA903Hit] = []
            for (_, rows) in t.rowsByChild {
                let latest = rows.compactMap { i in t.date(i, "SW_DECOM").map { (i, $0) } }.max { ($0.1, $0.0) < ($1.1, $1.0) }
                if let latest, !t.isBlank(latest.0, "SW_DEC") { hits.append(SSDA903Hit(table: .swEpisodes, index: latest.0)) }
            }
            return hits
        },
        SSDA903Rule("SW01STG1", [.swEpisodes, .episodes], ["DEC"], "Child is looked after on 31 March but no social worker episode is reported", years: 2024...2024) { c in
            guard let sw = c.table(.swEpisodes) else { return [] }
            return c.episodesPerChild { child, eps in
                guard sw.rowsByChild[child] == nil,
                    let open = eps.first(where: { $0.decom != nil && $0.decText.isEmpty && $0.ls != "V3" && $0.ls != "V4" })
                else { return [] }
                return [open]
            }
        },
    ]

    /// Social worker episodes that ended, with the start of the child's next episode (nil when
    /// none), flagged when `predicate(end, nextStart)` holds.
    private static func swFollowUps(_ c: SSDA903Context, _ predicate: (ChildID, Day, Day?) -> Bool) -> [SSDA903Hit] {
        guard let t = c.table(.swEpisodes) else { return [] }
        var hits: [SSDA903Hit] = []
        for (child, rows) in t.rowsByChild {
            let eps = rows.compactMap { i in
                t.date(i, "SW_DECOM").map { SWEpisode(index: i, start: $0, end: t.date(i, "SW_DEC"), reason: t.code(i, "SW_REASON")) }
            }.sorted { ($0.start, $0.index) < ($1.start, $1.index) }
            for (k, e) in eps.enumerated() {
                guard let end = e.end else { continue }
                let next = k + 1 < eps.count ? eps[k + 1].start : nil
                if predicate(child, end, next) { hits.append(SSDA903Hit(table: .swEpisodes, index: e.index)) }
            }
        }
        return hits
    }

    private struct SWEpisode { let index: Int; let start: Day; let end: Day?; let reason: String }

    /// Consecutive social worker episodes of each child by start date that `predicate` flags;
    /// the earlier is reported unless `reportLater`.
    private static func swPairs(
        _ c: SSDA903Context, reportLater: Bool = false,
        _ predicate: (SWEpisode, SWEpisode) -> Bool
    ) -> [SSDA903Hit] {
        guard let t = c.table(.swEpisodes) else { return [] }
        var hits: [SSDA903Hit] = []
        for (_, rows) in t.rowsByChild where rows.count > 1 {
            let eps = rows.compactMap { i in
                t.date(i, "SW_DECOM").map { SWEpisode(index: i, start: $0, end: t.date(i, "SW_DEC"), reason: t.code(i, "SW_REASON")) }
            }.sorted { ($0.start, $0.end ?? Day(ordinal: .max), $0.index) < ($1.start, $1.end ?? Day(ordinal: .max), $1.index) }
            for k in eps.indices.dropFirst() where predicate(eps[k - 1], eps[k]) {
                hits.append(SSDA903Hit(table: .swEpisodes, index: reportLater ? eps[k].index : eps[k - 1].index))
            }
        }
        return hits
    }

    /// Rules on DoLo, deprivation of liberty orders (collected from 2026-27).
    static let dolRules: [SSDA903Rule] = [
        SSDA903Rule("700", [.dolo], ["DOLO_START"], "Start date of the deprivation of liberty order is not a valid date", years: 2027...lastYear) { c in
            c.rows(.dolo) { t, i in t.date(i, "DOLO_START") == nil }
        },
        SSDA903Rule("701", [.dolo], ["DOLO_END"], "End date of the deprivation of liberty order is not a valid date", years: 2027...lastYear) { c in
            c.rows(.dolo) { t, i in t.isInvalidDate(i, "DOLO_END") }
        },
        SSDA903Rule("702", [.dolo], ["DOLO_START", "DOLO_END"], "The deprivation of liberty order ended before it started", years: 2027...lastYear) { c in
            c.rows(.dolo) { t, i in
                guard let s = t.date(i, "DOLO_START"), let e = t.date(i, "DOLO_END") else { return false }
                return e < s
            }
        },
        SSDA903Rule("703", [.dolo], ["DOLO_START"], "The deprivation of liberty order starts after the end of the collection year", years: 2027...lastYear) { c in
            c.rows(.dolo) { t, i in t.date(i, "DOLO_START").map { $0 > c.end } ?? false }
        },
        SSDA903Rule("704", [.dolo], ["DOLO_END"], "The deprivation of liberty order ends before the start or after the end of the collection year", years: 2027...lastYear) { c in
            c.rows(.dolo) { t, i in t.date(i, "DOLO_END").map { $0 < c.start || $0 > c.end } ?? false }
        },
        SSDA903Rule("708", [.dolo], ["DOLO_START", "DOB"], "The deprivation of liberty order starts before the child's date of birth", years: 2027...lastYear) { c in
            c.rows(.dolo) { t, i in
                guard let s = t.date(i, "DOLO_START"), let dob = t.date(i, "DOB") else { return false }
                return s < dob
            }
        },
        SSDA903Rule("705", [.dolo], ["DOLO_START", "DOLO_END"], "A deprivation of liberty order starts while the previous one is still open", years: 2027...lastYear) { c in
            guard let t = c.table(.dolo) else { return [] }
            var hits: [SSDA903Hit] = []
            for (_, rows) in t.rowsByChild where rows.count > 1 {
                let dated = rows.compactMap { i in t.date(i, "DOLO_START").map { (i, $0) } }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
                for k in dated.indices.dropFirst() {
                    let prevEnd = t.date(dated[k - 1].0, "DOLO_END")
                    if prevEnd == nil || dated[k].1 < prevEnd! { hits.append(SSDA903Hit(table: .dolo, index: dated[k].0)) }
                }
            }
            return hits
        },
        SSDA903Rule("707", [.dolo, .episodes], ["DOLO_END"], "Child ceased to be looked after but a deprivation of liberty order has no end date", years: 2027...lastYear) { c in
            c.rows(.dolo) { t, i in
                guard t.isBlank(i, "DOLO_END"), let child = t.children[i], let eps = c.episodesByChild[child], !eps.isEmpty else { return false }
                return !eps.contains { $0.decom != nil && $0.decText.isEmpty }
            }
        },
    ]
}
