@testable import OversightCore

/// Small builders for hand-checked worked examples.
func day(_ s: String) -> Day { Day.parseISO(s)! }
func df(_ s: String?) -> DateField { s.map { DateField.value(day($0)) } ?? .missing }
func cid(_ s: String) -> ChildID { ChildID(s) }

func referral(
    _ child: String, _ date: String, closed: String? = nil, source: String? = "1A", nfa: Bool? = false,
    assessments: [Assessment] = [], s47: [Section47] = [], plans: [ProtectionPlan] = []
) -> CINEpisode {
    CINEpisode(
        child: cid(child), referralDate: df(date), referralSource: source, closureDate: df(closed), referralNFA: nfa,
        assessments: assessments, section47s: s47, protectionPlans: plans)
}

func assessment(start: String?, authorised: String?, factors: [String] = []) -> Assessment {
    Assessment(startDate: df(start), authorisationDate: df(authorised), factors: factors)
}

func plan(_ start: String, _ end: String? = nil, category: String? = "NEG", previous: Int? = 0) -> ProtectionPlan {
    ProtectionPlan(startDate: df(start), endDate: df(end), initialCategory: category, numberOfPreviousPlans: previous)
}

func episode(
    _ child: String, _ start: String, _ end: String? = nil, rne: String = "P", ls: String = "C2", place: String = "U1",
    provider: String = "PR1", rec: String? = nil, urn: String? = "SC000001", postcode: String? = nil, rpc: String? = nil
) -> CLAEpisode {
    CLAEpisode(
        child: cid(child), start: df(start), reasonNewEpisode: rne, legalStatus: ls, placement: place, provider: provider,
        end: df(end), reasonEnded: rec ?? (end == nil ? nil : "X1"), reasonPlaceChange: rpc, placementPostcode: postcode, urn: urn)
}

/// Builds case data as if read from one CIN file and one SSDA903 file of collection year `year`.
func caseData(
    cin: [CINEpisode] = [], cla: [CLAEpisode] = [], headers: [CLAHeader] = [], missing: [CLAMissing] = [],
    reviews: [CLAReview] = [], oc3: [CareLeaverRecord] = [], sw: [SocialWorkerEpisode] = [],
    localMissing: [MissingEpisode] = [], supervision: [SupervisionSession] = [], year: Int? = 2025
) -> CaseData {
    var b = CaseDataBuilder()
    let c = b.addFile(SourceFile(path: "cin.xml", format: "cin", table: "CINdetails", collectionYear: year))
    b.add(cinEpisodes: cin, file: c)
    let e = b.addFile(SourceFile(path: "episodes.csv", format: "ssda903", table: "Episodes", collectionYear: year))
    b.add(claEpisodes: cla, file: e)
    b.add(claHeaders: headers, file: e)
    b.add(claMissing: missing, file: e)
    b.add(claReviews: reviews, file: e)
    b.add(careLeavers: oc3, file: e)
    b.add(socialWorkerEpisodes: sw, file: e)
    let m = b.addFile(SourceFile(path: "missing.csv", format: "missing-local", table: "MissingEpisodes", collectionYear: nil))
    b.add(missingEpisodes: localMissing, file: m)
    let s = b.addFile(SourceFile(path: "supervision.csv", format: "supervision-local", table: "Supervision", collectionYear: nil))
    b.add(supervisions: supervision, file: s)
    return b.build()
}

let year2025 = Period.reportingYear(2025)

/// A period from two ISO dates.
func period(_ start: String, _ end: String) -> Period { Period(start: day(start), end: day(end))! }

/// Builds case data from several returns, each `(collection year, CIN episodes, SSDA903 episodes)`,
/// applied in the order given (the builder sorts them by year).
func returns(_ files: [(year: Int?, cin: [CINEpisode], cla: [CLAEpisode])], sw: [(year: Int?, episodes: [SocialWorkerEpisode])] = []) -> CaseData {
    var b = CaseDataBuilder()
    for f in files {
        let c = b.addFile(SourceFile(path: "\(f.year.map(String.init) ?? "undated")/cin.xml", format: "cin", table: "CINdetails", collectionYear: f.year))
        b.add(cinEpisodes: f.cin, file: c)
        let e = b.addFile(SourceFile(path: "\(f.year.map(String.init) ?? "undated")/episodes.csv", format: "ssda903", table: "Episodes", collectionYear: f.year))
        b.add(claEpisodes: f.cla, file: e)
    }
    for f in sw {
        let s = b.addFile(SourceFile(path: "\(f.year.map(String.init) ?? "undated")/sw.csv", format: "ssda903", table: "SWEpisodes", collectionYear: f.year))
        b.add(socialWorkerEpisodes: f.episodes, file: s)
    }
    return b.build()
}

func measure(_ id: String, _ data: CaseData, _ period: Period = year2025, population: Int? = nil) -> MeasureResult {
    MeasureEngine(data: data).compute(id, period: period, parameters: MeasureParameters(population: population, includeRecords: true))!
}
