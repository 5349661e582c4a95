import OversightCore

/// One row of the Episodes table, parsed once for the episode rules.
struct SSDA903Episode {
    let index: Int
    let child: ChildID?
    let decom: Day?
    let dec: Day?
    let rne, ls, cin, place, provider, rec, reasonChange, homePost, plPost, urn: String
    let decomText, decText: String
}
