import Foundation

/// A progress update on a plan action: what was done, the evidence for it and the names of the
/// files attached as evidence (their bytes are kept by the store).
public struct ActionUpdate: Hashable, Sendable, Codable {
    /// The progress in the owner's words.
    public var text: String
    /// The evidence in words (where it is, what it shows); may be empty when files are attached.
    public var evidence: String
    /// File names of the attachments, in the order they were added.
    public var attachments: [String]
    /// The status the action was given with this update (nil when unchanged).
    public var status: ActionStatus?
    public var by: String
    public var at: Date

    public init(text: String, evidence: String = "", attachments: [String] = [], status: ActionStatus? = nil, by: String, at: Date) {
        self.text = text; self.evidence = evidence; self.attachments = attachments; self.status = status; self.by = by; self.at = at
    }
}
