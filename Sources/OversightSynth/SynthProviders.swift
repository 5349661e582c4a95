/// Synthetic Ofsted unique reference numbers (URNs) of the providers children are placed with:
/// the authority's own fostering service, adoption agency and children's homes, and pools of
/// independent fostering agencies, voluntary adoption agencies and private children's homes.
enum SynthProviders {
    static func laFostering(_ la: Int) -> String { "SC" + SynthCodes.pad(la % 1000, 3) + "001" }
    static func laAdoptionAgency(_ la: Int) -> String { "SC" + SynthCodes.pad(la % 1000, 3) + "002" }
    static func laHomes(_ la: Int) -> [String] { (101...104).map { "SC" + SynthCodes.pad(la % 1000, 3) + String($0) } }
    static let fosteringAgencies: [String] = (0..<14).map { "SC" + SynthCodes.pad(410_203 + 7_919 * $0, 6) }
    static let adoptionAgencies: [String] = (0..<5).map { "SC" + SynthCodes.pad(052_117 + 3_571 * $0, 6) }
    static let supportedAccommodation: [String] = (0..<12).map { "SC" + SynthCodes.pad(620_041 + 4_001 * $0, 6) }
    static let privateHomes: [String] = (0..<36).map { "SC" + SynthCodes.pad(480_011 + 5_003 * $0, 6) }
}
