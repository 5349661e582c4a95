import OversightCore

extension SSDA903RuleBook {
    /// Pairs of consecutive episodes (by start date) of each child that `predicate` flags; the
    /// later episode of the pair is reported unless `reportEarlier`.
    private static func pairs(
        _ c: SSDA903Context, reportEarlier: Bool = false,
        _ predicate: @escaping (SSDA903Episode, SSDA903Episode) -> Bool
    ) -> [SSDA903Hit] {
        c.episodesPerChild { _, eps in
            guard eps.count > 1 else { return [] }
            var out: [SSDA903Episode] = []
            for k in 1..<eps.count where predicate(eps[k - 1], eps[k]) { out.append(reportEarlier ? eps[k - 1] : eps[k]) }
            return out
        }
    }

    /// Rules on each child's sequence of episodes: overlaps, gaps, continuation codes.
    static let episodeSequenceRules: [SSDA903Rule] = [
        SSDA903Rule("142", [.episodes], ["DEC", "REC"], "A new episode has started but the previous episode has not ended") { c in
            pairs(c, reportEarlier: true) { prev, next in
                prev.decom != nil && next.decom != nil && (prev.decText.isEmpty || prev.rec.isEmpty)
            }
        },
        SSDA903Rule("501", [.episodes], ["DECOM", "DEC"], "A new episode starts before the previous episode ended (episodes overlap)") { c in
            pairs(c) { prev, next in
                guard let s = next.decom, let d = prev.dec else { return false }
                return s < d
            }
        },
        SSDA903Rule("357", [.episodes], ["RNE"], "The child's first episode starts in this year but its reason for new episode is not S (started to be looked after)") { c in
            c.episodesPerChild { _, eps in
                guard let first = eps.first, let s = first.decom, s >= c.start, first.rne != "S" else { return [] }
                return [first]
            }
        },
        SSDA903Rule(
            "388", [.episodes], ["REC"],
            "Reason episode ceased does not agree with the next episode: X1 needs a next episode starting the same day, and any other reason must not have one"
        ) { c in
            c.episodesPerChild { _, eps in
                var out: [SSDA903Episode] = []
                for (k, e) in eps.enumerated() {
                    guard let d = e.dec, !e.rec.isEmpty else { continue }
                    if k + 1 < eps.count, let nextStart = eps[k + 1].decom {
                        if e.rec == "X1" && d != nextStart { out.append(e) }
                        if e.rec != "X1" && d == nextStart { out.append(e) }
                    } else if k + 1 == eps.count && e.rec == "X1" {
                        out.append(e)
                    }
                }
                return out
            }
        },
        SSDA903Rule("431", [.episodes], ["RNE", "DECOM"], "Reason for new episode is 'started to be looked after' (S) but the previous episode ended the same day") { c in
            pairs(c) { prev, next in
                guard next.rne == "S", let s = next.decom, let d = prev.dec else { return false }
                return s <= d
            }
        },
        SSDA903Rule("432", [.episodes], ["RNE"], "The previous episode ended the child's care, so this episode should start a new period of care (RNE S)") { c in
            pairs(c) { prev, next in !prev.rec.isEmpty && prev.rec != "X1" && SSDA903CodeLists.rec.contains(prev.rec) && next.rne != "S" }
        },
        SSDA903Rule("433", [.episodes], ["RNE", "DECOM"], "Reason for new episode says this continues care, but it does not start the day the previous episode ceased") { c in
            pairs(c) { prev, next in
                ["P", "L", "T", "U", "B"].contains(next.rne) && (prev.dec == nil || next.decom == nil || prev.dec != next.decom)
            }
        },
        SSDA903Rule(
            "434", [.episodes], ["RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
            "Reason for new episode is a change of legal status only (L), but the legal status did not change or the placement did"
        ) { c in
            pairs(c) { prev, next in
                next.rne == "L"
                    && (next.ls == prev.ls || next.place != prev.place || next.plPost != prev.plPost
                        || next.urn != prev.urn || next.provider != prev.provider)
            }
        },
        SSDA903Rule(
            "435", [.episodes], ["RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
            "Reason for new episode is a change of placement only (P or T), but the legal status changed or the placement did not"
        ) { c in
            pairs(c) { prev, next in
                ["P", "T"].contains(next.rne)
                    && (next.ls != prev.ls
                        || (next.place == prev.place && next.plPost == prev.plPost
                            && next.urn == prev.urn && next.provider == prev.provider))
            }
        },
        SSDA903Rule(
            "436", [.episodes], ["RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
            "Reason for new episode is a change of both placement and legal status (B or U), but one of them did not change"
        ) { c in
            pairs(c) { prev, next in
                ["B", "U"].contains(next.rne)
                    && (next.ls == prev.ls
                        || (next.place == prev.place && next.plPost == prev.plPost
                            && next.urn == prev.urn && next.provider == prev.provider))
            }
        },
        SSDA903Rule("504", [.episodes], ["CIN"], "Category of need differs from the one reported at the start of this period of care") { c in
            pairs(c) { prev, next in prev.rec == "X1" && prev.dec != nil && prev.dec == next.decom && prev.cin != next.cin }
        },
        SSDA903Rule("225", [.episodes], ["REASON_PLACE_CHANGE"], "Reason for placement change must be recorded when the placement changes") { c in
            pairs(c, reportEarlier: true) { prev, next in
                prev.rec == "X1" && prev.reasonChange.isEmpty && !SSDA903CodeLists.temporary.contains(prev.place)
                    && ["P", "B", "T", "U"].contains(next.rne) && !SSDA903CodeLists.temporary.contains(next.place)
            }
        },
        SSDA903Rule(
            "383", [.episodes], ["PLACE", "RNE", "PL_POST"], "After a temporary placement the child must return to the placement before it (same type and postcode, RNE P)"
        ) { c in
            c.episodesPerChild { _, eps in
                guard eps.count > 2 else { return [] }
                var out: [SSDA903Episode] = []
                for k in 2..<eps.count where SSDA903CodeLists.temporary.contains(eps[k - 1].place) {
                    let e = eps[k], before = eps[k - 2]
                    if e.rne != "P" || e.place != before.place || (c.year >= 2026 && e.plPost != before.plPost) { out.append(e) }
                }
                return out
            }
        },
        SSDA903Rule("426", [.episodes], ["LS"], "A child on short breaks cannot have both V3 and V4 legal status in the year") { c in
            c.episodesPerChild { _, eps in
                let v = eps.filter { $0.ls == "V3" || $0.ls == "V4" }
                return v.contains { $0.ls == "V3" } && v.contains { $0.ls == "V4" } ? v : []
            }
        },
    ]
}
