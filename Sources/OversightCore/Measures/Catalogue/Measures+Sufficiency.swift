/// Fostering households, special guardianship, care proceedings and local pathways, from the
/// local files; and the placement mix at a date, from the SSDA903 return. docs/measures.md
/// defines each, with worked examples.
extension Measures {
    /// `fostering_households_recruited`: in-house fostering households approved in the period.
    public static let fosteringHouseholdsRecruited = Measure(
        "fostering_households_recruited", .count, .high, "Fostering households recruited", reads: [.fostering],
        result: { e, period, p in
            e.service(.fostering, e.data.hasFile(format: ["fostering-local"]), "fostering_households_recruited", .count, period) {
                e.households(period, p) { $0.approved }
            }
        }, series: nil)

    /// `fostering_households_deregistered`: households deregistered in the period.
    public static let fosteringHouseholdsDeregistered = Measure(
        "fostering_households_deregistered", .count, .low, "Fostering households deregistered", reads: [.fostering],
        result: { e, period, p in
            e.service(.fostering, e.data.hasFile(format: ["fostering-local"]), "fostering_households_deregistered", .count, period) {
                e.households(period, p) { $0.deregistered }
            }
        }, series: nil)

    /// `fostering_households_net_change`: recruited less deregistered in the period (may be negative).
    public static let fosteringHouseholdsNetChange = Measure(
        "fostering_households_net_change", .count, .high, "Net change in fostering households", reads: [.fostering],
        result: { e, period, p in e.householdsNetChange(period, p) }, series: nil)

    /// `fostering_households_at_end`: households approved on the period's last day.
    public static let fosteringHouseholdsAtEnd = Measure(
        "fostering_households_at_end", .count, .high, "Fostering households at period end", reads: [.fostering],
        result: { e, period, p in
            e.service(.fostering, e.data.hasFile(format: ["fostering-local"]), "fostering_households_at_end", .count, period) {
                e.householdsAtEnd(period, p, places: false)
            }
        }, series: nil)

    /// `fostering_places_at_end`: the places of the households approved on the period's last day.
    public static let fosteringPlacesAtEnd = Measure(
        "fostering_places_at_end", .count, .high, "In-house fostering places at period end", reads: [.fostering],
        result: { e, period, p in
            e.service(.fostering, e.data.hasFile(format: ["fostering-local"]), "fostering_places_at_end", .count, period) {
                e.householdsAtEnd(period, p, places: true)
            }
        }, series: nil)

    /// `sgo_living_children`: children living with special guardians on the period's last day.
    public static let sgoLivingChildren = Measure(
        "sgo_living_children", .count, .high, "Children living with special guardians", reads: [.specialGuardianship],
        result: { e, period, p in
            e.service(.specialGuardianship, e.data.hasFile(format: ["sgo-local"]), "sgo_living_children", .count, period) {
                e.specialGuardians(period, p)
            }
        }, series: nil)

    /// `care_proceedings_issued`: care proceedings issued in the period.
    public static let careProceedingsIssued = Measure(
        "care_proceedings_issued", .count, .low, "Care proceedings issued", reads: [.careProceedings],
        result: { e, period, p in
            e.service(.careProceedings, e.data.hasFile(format: ["care-proceedings-local"]), "care_proceedings_issued", .count, period) {
                e.proceedings(period, p) { _ in true }
            }
        }, series: nil)

    /// `care_proceedings_neglect`: proceedings issued in the period where neglect is a feature.
    public static let careProceedingsNeglect = Measure(
        "care_proceedings_neglect", .count, .low, "Care proceedings issued where neglect is a feature", reads: [.careProceedings],
        result: { e, period, p in
            e.service(.careProceedings, e.data.hasFile(format: ["care-proceedings-local"]), "care_proceedings_neglect", .count, period) {
                e.proceedings(period, p, FactorWords.isNeglect)
            }
        }, series: nil)

    /// `care_proceedings_da`: proceedings issued in the period where domestic abuse is a feature.
    public static let careProceedingsDA = Measure(
        "care_proceedings_da", .count, .low, "Care proceedings issued where domestic abuse is a feature", reads: [.careProceedings],
        result: { e, period, p in
            e.service(.careProceedings, e.data.hasFile(format: ["care-proceedings-local"]), "care_proceedings_da", .count, period) {
                e.proceedings(period, p, FactorWords.isDomesticAbuse)
            }
        }, series: nil)

    /// `act_pathway_children`: children on the ACT pathway on the period's last day.
    public static let actPathwayChildren = Measure(
        "act_pathway_children", .count, .none, "Children on the ACT pathway", reads: [.pathways],
        result: { e, period, p in
            e.service(.pathways, e.data.hasFile(format: ["pathways-local"]), "act_pathway_children", .count, period) {
                e.onPathway("ACT", period, p)
            }
        }, series: nil)

    /// `marac_deescalated_pct`: of the MARAC episodes ending in the period, those de-escalated.
    public static let maracDeescalatedPct = Measure(
        "marac_deescalated_pct", .percent, .high, "Families de-escalated from MARAC", reads: [.pathways],
        result: { e, period, p in
            e.service(.pathways, e.data.hasFile(format: ["pathways-local"]), "marac_deescalated_pct", .percent, period) {
                e.maracDeescalated(period, p)
            }
        }, series: nil)

    /// `placements_over_20_miles_pct`: of the new placements in the period, those more than 20
    /// miles from home (between the centres of the home's and the placement's postcode
    /// districts). Placements whose distance is not known count in the base, as the DfE counts them.
    public static let placementsOver20MilesPct = Measure(
        "placements_over_20_miles_pct", .percent, .low, "New placements more than 20 miles from home", reads: [.episodes],
        period: { e, period, p in e.newPlacementsFarFromHome(period, p) }, series: nil)

    /// The placement mix at the period's end: of the children looked after on its last day, those
    /// in each kind of placement (`PlacementKind`).
    static let placementMix: [Measure] = PlacementKind.allCases.map { kind in
        Measure(
            MeasureID("placement_mix_pct_\(kind.rawValue)"), .percent, .none, "Children looked after \(kind.words) at period end",
            reads: [.episodes],
            period: { e, period, p in e.lookedAfterAtEnd(period, p, percent: true) { PlacementKind.of($0.place, $0.provider) == kind } },
            series: { e, pts, _ in e.lookedAfterAtEndSeries(pts) { PlacementKind.of($0.place, $0.provider) == kind } })
    }

    /// The sufficiency measures, in the order docs/measures.md gives them.
    static let sufficiencyMeasures: [Measure] =
        [
            fosteringHouseholdsRecruited, fosteringHouseholdsDeregistered, fosteringHouseholdsNetChange, fosteringHouseholdsAtEnd,
            fosteringPlacesAtEnd, sgoLivingChildren, careProceedingsIssued, careProceedingsNeglect, careProceedingsDA, actPathwayChildren,
            maracDeescalatedPct, placementsOver20MilesPct,
        ] + placementMix
}

/// The kinds of placement of the placement mix, from SSDA903 placement (`PLACE`) and provider
/// (`PLACE_PROVIDER`) codes.
public enum PlacementKind: String, CaseIterable, Sendable {
    /// Foster placements with relatives or friends: U1, U2, U3.
    case kinship
    /// Other foster placements (U4, U5, U6) provided by the authority itself (PR1).
    case inhouseFostering = "inhouse_fostering"
    /// Other foster placements provided by private or voluntary agencies (PR4, PR5).
    case agencyFostering = "agency_fostering"
    /// Children's homes: K1 (secure) and K2.
    case childrensHomes = "childrens_homes"
    /// Placed with parents or others with parental responsibility: P1.
    case placedWithParents = "placed_with_parents"
    /// Supported accommodation and independent living: H5, P2.
    case supportedAccommodation = "supported_accommodation"
    /// Everything else (adoption placements, other foster providers, residential schools, ...).
    case other

    public var words: String {
        switch self {
        case .kinship: "in kinship foster care"
        case .inhouseFostering: "in the authority's own foster care"
        case .agencyFostering: "in agency foster care"
        case .childrensHomes: "in children's homes"
        case .placedWithParents: "placed with parents"
        case .supportedAccommodation: "in supported accommodation or living independently"
        case .other: "in other placements"
        }
    }

    /// The kind of a placement with codes `place` and `provider`.
    public static func of(_ place: String?, _ provider: String?) -> PlacementKind {
        switch place?.uppercased() ?? "" {
        case "U1", "U2", "U3": return .kinship
        case "U4", "U5", "U6":
            switch provider?.uppercased() ?? "" {
            case "PR1": return .inhouseFostering
            case "PR4", "PR5": return .agencyFostering
            default: return .other
            }
        case "K1", "K2": return .childrensHomes
        case "P1": return .placedWithParents
        case "H5", "P2": return .supportedAccommodation
        default: return .other
        }
    }
}

extension MeasureEngine {
    fileprivate func households(_ period: Period, _ p: MeasureParameters, _ date: (FosteringHousehold) -> DateField) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var invalid = 0
        for h in data.services.fosteringHouseholds {
            let d = date(h)
            if d.isInvalid { invalid += 1; continue }
            if period.contains(d.day) { t.countOnly(Self.householdRecord(h)) }
        }
        t.warn(invalid, "households with an invalid date were left out")
        return t
    }

    fileprivate func householdsNetChange(_ period: Period, _ p: MeasureParameters) -> MeasureResult? {
        let id = "fostering_households_net_change"
        guard data.hasFile(format: ["fostering-local"]) else {
            return MeasureResult(id: id, unit: .count, period: period, numerator: nil, denominator: nil, value: nil)
        }
        let added = households(period, p) { $0.approved }, left = households(period, p) { $0.deregistered }
        let net = Double(added.numerator - left.numerator)
        return MeasureResult(
            id: id, unit: .count, period: period, numerator: net, denominator: nil, value: net,
            warnings: Array(Set(added.warnings + left.warnings)).sorted() + ["\(added.numerator) recruited, \(left.numerator) deregistered"],
            numeratorRecords: added.numeratorRecords, denominatorRecords: [])
    }

    fileprivate func householdsAtEnd(_ period: Period, _ p: MeasureParameters, places: Bool) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var invalid = 0, noPlaces = 0
        for h in data.services.fosteringHouseholds {
            if h.approved.isInvalid || h.deregistered.isInvalid { invalid += 1; continue }
            guard h.approved(on: period.end) else { continue }
            if places {
                guard let n = h.places else { noPlaces += 1; continue }
                for _ in 0..<max(n, 0) { t.countOnly(Self.householdRecord(h)) }
            } else {
                t.countOnly(Self.householdRecord(h))
            }
        }
        t.warn(invalid, "households with an invalid date were left out")
        t.warn(noPlaces, "households with no number of places were left out")
        return t
    }

    fileprivate func specialGuardians(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var counted = Set<ChildID>()
        var invalid = 0
        for s in data.services.specialGuardianships {
            if s.orderDate.isInvalid || s.ended.isInvalid { invalid += 1; continue }
            guard let d = s.orderDate.day, d <= period.end, s.ended.day.map({ $0 > period.end }) ?? true else { continue }
            if counted.insert(s.child).inserted {
                t.countOnly(DrillRecord(child: s.child.rawValue, kind: "special_guardianship", key: d.iso, start: d, end: s.ended.day, origin: s.origin))
            }
        }
        t.warn(invalid, "special guardianship records with an invalid date were left out")
        return t
    }

    fileprivate func proceedings(_ period: Period, _ p: MeasureParameters, _ factor: (String) -> Bool) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var invalid = 0
        for c in data.services.careProceedings {
            if c.issued.isInvalid { invalid += 1; continue }
            guard let d = c.issued.day, period.contains(d), c.factors.contains(where: factor) || c.factors.isEmpty && factor("") else { continue }
            t.countOnly(DrillRecord(child: c.child.rawValue, kind: "care_proceedings", key: d.iso, start: d, end: c.concluded.day, origin: c.origin))
        }
        t.warn(invalid, "care proceedings with an invalid issue date were left out")
        return t
    }

    fileprivate func onPathway(_ name: String, _ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var counted = Set<ChildID>()
        var invalid = 0
        for e in data.services.pathways where e.pathway.trimmed.lowercased() == name.lowercased() {
            if e.start.isInvalid || e.end.isInvalid { invalid += 1; continue }
            guard let s = e.start.day, s <= period.end, e.end.day.map({ $0 > period.end }) ?? true else { continue }
            if counted.insert(e.child).inserted { t.countOnly(Self.pathwayRecord(e)) }
        }
        t.warn(invalid, "pathway records with an invalid date were left out")
        return t
    }

    /// Whether a pathway's outcome says it was de-escalated.
    static func isDeescalated(_ outcome: String?) -> Bool {
        let t = (outcome ?? "").lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: " ", with: "")
        return t.contains("deescalat")
    }

    fileprivate func maracDeescalated(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var invalid = 0
        for e in data.services.pathways where e.pathway.trimmed.lowercased() == "marac" {
            if e.end.isInvalid { invalid += 1; continue }
            guard let d = e.end.day, period.contains(d) else { continue }
            t.count(Self.isDeescalated(e.outcome), Self.pathwayRecord(e))
        }
        t.warn(invalid, "pathway records with an invalid end date were left out")
        return t
    }

    /// Whether an episode starts a placement: every reason for a new episode but a change of
    /// legal status alone (`L`).
    static func startsPlacement(_ e: CLAEpisode) -> Bool { (e.reasonNewEpisode ?? "").uppercased() != "L" }

    fileprivate func newPlacementsFarFromHome(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var invalid = 0, unknown = 0
        for (i, e) in data.claEpisodes.enumerated() where Self.startsPlacement(e) && !e.isShortBreak {
            if e.start.isInvalid { invalid += 1; continue }
            guard let s = e.start.day, period.contains(s) else { continue }
            let miles = PostcodeDistricts.miles(e.homePostcode ?? "", e.placementPostcode ?? "")
            if miles == nil { unknown += 1 }
            t.count((miles ?? 0) > 20, episodeRecord(e.child, i))
        }
        t.warn(invalid, "episodes with an invalid start date were left out")
        t.warn(unknown, "new placements whose distance is not known (a postcode blank or not in the district table) count as not over 20 miles")
        return t
    }

    static func householdRecord(_ h: FosteringHousehold) -> DrillRecord {
        DrillRecord(child: h.id, kind: "fostering_household", key: h.approved.day?.iso ?? "", start: h.approved.day, end: h.deregistered.day, origin: h.origin)
    }

    static func pathwayRecord(_ e: PathwayEpisode) -> DrillRecord {
        DrillRecord(child: e.child.rawValue, kind: e.pathway.lowercased(), key: e.start.day?.iso ?? "", start: e.start.day, end: e.end.day, origin: e.origin)
    }
}
