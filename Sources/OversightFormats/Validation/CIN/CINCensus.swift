import OversightCore

/// A CIN census return indexed once for the rules: every date parsed, every flag read, each
/// child's identifier normalised.
struct CINCensus: Sendable {
    let raw: CINRawReturn
    let context: CINContext
    let children: [CINChildView]
    /// Last year's return, when given, for the checks that compare the two.
    let previous: CINRawReturn?

    init(_ raw: CINRawReturn, previous: CINRawReturn?, context: CINContext) {
        self.raw = raw
        self.previous = previous
        self.context = context
        children = raw.children.map(CINChildView.init)
    }
}
