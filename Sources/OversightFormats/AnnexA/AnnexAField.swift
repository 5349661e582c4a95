/// A column of an Annex A list: its canonical name (the key in `AnnexARow.values`), the header
/// Ofsted's template gives it, the kind of value it holds, whether the list is unusable without
/// it, and the other spellings local authorities use for its header.
public struct AnnexAField: Hashable, Sendable {
    /// The kind of value a column holds.
    public enum Kind: String, Hashable, Sendable {
        /// Free text or a code from a drop-down list (`a) Yes`, `q) 6: Police`).
        case text
        /// A date: read from date cells, Excel serial numbers or `dd/mm/yyyy` / `yyyy-mm-dd` text.
        case date
        /// A yes/no answer.
        case flag
        /// A count or other number.
        case number
    }

    /// Stable snake_case name: `child_id`, `referral_date`, `rhi_offered`.
    public var name: String
    /// The header as Ofsted's template writes it.
    public var header: String
    /// What the column holds; decides how the reader converts it.
    public var kind: Kind
    /// When true, a sheet without this column is reported (`OV-ANNEXA-REQUIRED`).
    public var isRequired: Bool
    /// Other headers that mean this column (matched after `AnnexAHeader.normalise`).
    public var synonyms: [String]

    public init(_ name: String, _ header: String, _ kind: Kind = .text, required: Bool = false, synonyms: [String] = []) {
        self.name = name
        self.header = header
        self.kind = kind
        self.isRequired = required
        self.synonyms = synonyms
    }

    /// The header and every synonym, normalised.
    public var normalisedHeaders: Set<String> {
        Set(([header] + synonyms).map(AnnexAHeader.normalise).filter { !$0.isEmpty })
    }
}
