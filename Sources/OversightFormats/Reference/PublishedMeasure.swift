/// How one of our measures is read from the DfE's published files.
public struct PublishedMeasure: Hashable, Sendable {
    /// How the published figure is made.
    public enum Formula: Hashable, Sendable {
        /// The column as published.
        case column(String)
        /// 100 x the sum of `numerators` / `denominator`, all columns of the same row.
        case percentOf(numerators: [String], denominator: String)
        /// The column per 10,000 children aged 0-17: ONS mid-year estimate of the calendar year
        /// before the reporting year ends.
        case ratePer10k(String)
        /// The sum of `column` over the rows whose `over` column holds each of `values` (and
        /// the mapping's filters): breakdowns published as rows of their own.
        case sumOf(column: String, over: String, values: [String])
    }

    /// Our measure id.
    public var measure: String
    /// The published file's name.
    public var file: String
    /// Columns that must hold exactly this text (breakdown filters).
    public var filters: [String: String]
    public var formula: Formula
    /// Where the published figure differs from our definition, in plain words; empty when it matches.
    public var note: String
    /// The published year (`time_period`) compared with our reporting year Y is Y + this: -1 for
    /// the workforce census, whose year Y-1 is the census of 30 September Y-1, the one taken in
    /// our year Y (1 April Y-1 to 31 March Y).
    public var yearOffset: Int

    public init(measure: String, file: String, filters: [String: String] = [:], formula: Formula, note: String = "", yearOffset: Int = 0) {
        self.measure = measure; self.file = file; self.filters = filters; self.formula = formula; self.note = note
        self.yearOffset = yearOffset
    }

    /// Every column the formula reads.
    public var columns: [String] {
        switch formula {
        case .column(let c), .ratePer10k(let c): return [c]
        case .percentOf(let n, let d): return n + [d]
        case .sumOf(let c, let over, _): return [over, c]
        }
    }
}

/// Our measures and their published equivalents. `docs/comparators.md` lists the same table for users.
public enum PublishedMeasures {
    public static let referralsFile = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
    public static let cinFile = "b1_children_in_need_2013_to_2025.csv"
    public static let factorsFile = "c3_factors_identified_at_end_of_assessment_2018_to_2025.csv"
    public static let subsequentPlansFile = "d3_cpps_subsequent_plan_2013_to_2025.csv"
    public static let plansByDurationFile = "d5_cpps_at31march_by_duration_2013_to_2025.csv"
    public static let claFile = "cla_number_and_rate_per_10k_children.csv"
    public static let stabilityFile = "la_cla_placement_stability.csv"
    public static let socialWorkersFile = "la_cla_swcount.csv"
    public static let careLeaverActivityFile = "la_care_leavers_activity.csv"
    public static let careLeaverAccommodationFile = "la_care_leavers_accommodation_suitability.csv"
    public static let workforceFile = "csww_indicators_2017_to_2025.csv"
    public static let newPlacementsFile = "la_cla_during_year_new_placements.csv"
    public static let populationFile = "ons_mid-year_population_estimates_2012_to_2024.csv"
    public static let neighbours2021File = "New_Statistical_Neighbour_Groupings_April_2021.csv"
    public static let neighbours2025File = "sn_model_2025_wide.csv"

    /// The tidy files the mapping reads (the population file too).
    public static let tidyFiles = [
        referralsFile, cinFile, factorsFile, subsequentPlansFile, plansByDurationFile, claFile, stabilityFile,
        socialWorkersFile, careLeaverActivityFile, careLeaverAccommodationFile, workforceFile, populationFile, newPlacementsFile,
    ]

    /// The published columns of `c3` for each `assessment_factor_pct_{group}`.
    static let factorColumns: [(group: String, columns: [String])] = [
        ("da", ["Domestic_Abuse_child", "Domestic_Abuse_parent", "Domestic_Abuse_person"]),
        ("neglect", ["Neglect"]),
        ("cse", ["Child_sexual_exploitation"]),
        ("cce", ["Child_criminal_exploitation"]),
        ("missing", ["Going_missing"]),
        ("gangs", ["Gangs"]),
        ("trafficking", ["Trafficking"]),
    ]

    public static let all: [PublishedMeasure] = {
        let cla31 = ["population_type": "Children looked after on 31 March each year"]
        var m: [PublishedMeasure] = [
            .init(measure: "referrals", file: referralsFile, formula: .column("referral_count")),
            .init(measure: "rereferrals_12m_pct", file: referralsFile, formula: .column("rereferral_percent")),
            .init(measure: "referrals_nfa_pct", file: referralsFile, formula: .column("no_further_action_percent")),
            .init(
                measure: "cin_at_end", file: cinFile, formula: .column("At31_episodes"),
                note: "The DfE counts episodes open at 31 March; we count distinct children (a child rarely has two open episodes)."),
            .init(
                measure: "cin_rate_per_10k", file: cinFile, formula: .ratePer10k("At31_episodes"),
                note: "Computed from the published count and the ONS population; the DfE's own rate counts children and may differ slightly."),
        ]
        for f in factorColumns {
            m.append(
                .init(
                    measure: "assessment_factor_pct_\(f.group)", file: factorsFile,
                    formula: .percentOf(numerators: f.columns, denominator: "Episodes_with_assessment_factor"),
                    note: f.columns.count > 1
                        ? "The DfE counts each of 3A, 3B and 3C separately; their sum counts an episode with two of them twice, so it is an upper bound of our figure."
                        : ""))
        }
        m += [
            .init(measure: "cpp_at_end", file: plansByDurationFile, formula: .column("CPP_At31")),
            .init(
                measure: "cpp_rate_per_10k", file: plansByDurationFile, formula: .ratePer10k("CPP_At31"),
                note: "Computed from the published count and the ONS population."),
            .init(measure: "cpp_second_subsequent_pct", file: subsequentPlansFile, formula: .column("CPP_subsequent_percent")),
            .init(measure: "cpp_2y_plus_pct", file: plansByDurationFile, formula: .column("2_years_or_more_percent")),
            .init(measure: "cla_at_end", file: claFile, filters: cla31, formula: .column("children_count")),
            .init(measure: "cla_rate_per_10k", file: claFile, filters: cla31, formula: .column("rate_per_10000")),
            .init(
                measure: "cla_starts", file: claFile, filters: ["population_type": "Children starting to be looked after each year"],
                formula: .column("children_count")),
            .init(
                measure: "cla_starts_rate_per_10k", file: claFile, filters: ["population_type": "Children starting to be looked after each year"],
                formula: .column("rate_per_10000")),
            .init(
                measure: "cla_ceased", file: claFile, filters: ["population_type": "Children ceasing to be looked after each year"],
                formula: .column("children_count")),
            .init(
                measure: "placement_stability_short_pct", file: stabilityFile,
                filters: ["cla_group": "CLA on 31 March", "placement_stability": "With 3 or more placements during the year"],
                formula: .column("children_percent"), note: "Published as a whole percentage."),
            .init(
                measure: "placement_stability_long_pct", file: stabilityFile,
                filters: [
                    "cla_group": "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
                    "placement_stability": "Living with the same carer for at least 2 years",
                ],
                formula: .column("children_percent"), note: "Published as a whole percentage."),
            .init(
                measure: "sw_changes_3plus_pct", file: socialWorkersFile,
                filters: ["cla_group": "CLA on 31 March", "sw_stability": "3 or more social workers during the year"],
                formula: .column("percentage"), note: "Published as a whole percentage; the file holds 2023-24 only."),
            .init(
                measure: "care_leavers_eet_pct", file: careLeaverActivityFile,
                filters: ["care_leaver_age": "19 to 21 years", "breakdown": "Total in education, employment or training"],
                formula: .column("care_leaver_percent"), note: "Published as a whole percentage."),
            .init(
                measure: "care_leavers_suitable_accom_pct", file: careLeaverAccommodationFile,
                filters: ["care_leaver_age": "19 to 21 years", "breakdown": "Accommodation considered suitable"],
                formula: .column("care_leaver_percent"), note: "Published as a whole percentage."),
            .init(
                measure: "hand_sw_vacancy_rate", file: workforceFile, formula: .column("vacancy_rate_fte"),
                note:
                    "The children and family social worker vacancy rate (FTE) from the workforce census, taken at 30 September; compare with the hand-entered rate for the same date."
            ),
            .init(
                measure: "placements_over_20_miles_pct", file: newPlacementsFile,
                filters: ["characteristic": "Location of new placements during the year"],
                formula: .sumOf(
                    column: "children_percent", over: "breakdown",
                    values: ["Placed inside LA boundary more than 20 miles from home", "Placed outside LA boundary more than 20 miles from home"]),
                note:
                    "The sum of two whole percentages (inside and outside the authority's boundary), of all new placements including those whose distance is not known; the DfE measures between full postcodes, Oversight between postcode districts' centres."
            ),
            .init(
                measure: "sw_vacancy_rate_pct", file: workforceFile, formula: .column("vacancy_rate_fte"),
                note: "The census of 30 September in the period (the DfE's year before ours): the same definition.", yearOffset: -1),
            .init(
                measure: "sw_agency_rate_pct", file: workforceFile, formula: .column("agency_rate_fte"),
                note: "The census of 30 September in the period (the DfE's year before ours): the same definition.", yearOffset: -1),
            .init(
                measure: "sw_turnover_rate_pct", file: workforceFile, formula: .column("turnover_rate_fte"),
                note: "The census of 30 September in the period (the DfE's year before ours): the same definition.", yearOffset: -1),
            .init(
                measure: "sw_average_caseload", file: workforceFile, formula: .column("caseload_fte"),
                note: "The census of 30 September in the period (the DfE's year before ours): the same definition.", yearOffset: -1),
        ]
        return m
    }()

    /// The mapping for a measure id, if it has one.
    public static func mapping(for measure: String) -> PublishedMeasure? {
        all.first { $0.measure == measure }
    }
}
