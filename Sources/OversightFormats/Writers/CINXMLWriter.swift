import Foundation
import OversightCore

/// The `Header` of a CIN census file.
public struct CINXMLHeader: Sendable, Hashable {
    /// The collection year (2025 = 1 April 2024 to 31 March 2025).
    public var collectionYear: Int
    /// `ReferenceDate`: 31 March of the collection year.
    public var referenceDate: Day
    /// The DfE's 3-digit local authority number.
    public var lea: String
    public var softwareCode: String
    /// `DateTime` of the file, ISO 8601 (`2025-04-01T09:00:00`).
    public var dateTime: String

    public init(collectionYear: Int, lea: String, softwareCode: String = "Oversight", dateTime: String? = nil) {
        self.collectionYear = collectionYear
        referenceDate = Day(year: collectionYear, month: 3, day: 31)!
        self.lea = lea
        self.softwareCode = softwareCode
        self.dateTime = dateTime ?? "\(Day(year: collectionYear, month: 4, day: 30)!.iso)T09:00:00"
    }
}

/// Writes a CIN census XML file (`Message` > `Header`, `Children` > `Child`...) one child at a
/// time, each block's elements in the order of the DfE schema (CIN_schema_2024/2025/2026.xsd).
///
/// Children are given as `CINRawChild` values, the same shape the reader produces: a leaf absent
/// from a block's `fields` is not written; `Disability`, `AssessmentFactors` and `CPPreviewDate`
/// come from the blocks' `lists` and are wrapped in `Disabilities`, `FactorsIdentifiedAtAssessment`
/// and `Reviews`. Whether the identifiers carry `GenderCurrent` (to 2024) or `Sex` (from 2025) is
/// the caller's choice: whichever is present is written.
public final class CINXMLWriter {
    private let file: BufferedTextFile
    /// `Child` elements written so far: the 1-based position of the last one.
    public private(set) var childCount = 0

    static let identifierOrder = [
        "LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate",
        "GenderCurrent", "Sex", "PersonDeathDate",
    ]
    static let detailsOrder = ["CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure", "DateOfInitialCPC"]
    static let assessmentOrder = ["AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate"]
    static let cinPlanOrder = ["CINPlanStartDate", "CINPlanEndDate"]
    static let section47Order = ["S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"]
    static let planOrder = ["CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP"]

    /// Creates the file and writes the header.
    public init(url: URL, header: CINXMLHeader) throws {
        file = try BufferedTextFile(url: url)
        var s = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Message>\n  <Header>\n    <CollectionDetails>\n"
        s += "      <Collection>CIN</Collection>\n      <Year>\(header.collectionYear)</Year>\n"
        s += "      <ReferenceDate>\(header.referenceDate.iso)</ReferenceDate>\n    </CollectionDetails>\n    <Source>\n"
        s += "      <SourceLevel>L</SourceLevel>\n      <LEA>\(xmlEscaped(header.lea))</LEA>\n"
        s += "      <SoftwareCode>\(xmlEscaped(header.softwareCode))</SoftwareCode>\n      <Release>1</Release>\n"
        s += "      <SerialNo>1</SerialNo>\n      <DateTime>\(xmlEscaped(header.dateTime))</DateTime>\n    </Source>\n  </Header>\n  <Children>\n"
        file.write(s)
    }

    /// Writes one `Child`; returns its 1-based position in the file.
    @discardableResult
    public func write(_ child: CINRawChild) -> Int {
        var s = "    <Child>\n      <ChildIdentifiers>"
        s += leaves(child.identifiers, CINXMLWriter.identifierOrder)
        s += "</ChildIdentifiers>\n      <ChildCharacteristics>"
        s += leaves(child.characteristics, ["Ethnicity"])
        if let d = child.characteristics.lists["Disability"], !d.isEmpty {
            s += "<Disabilities>" + d.map { xmlLeaf("Disability", $0) }.joined() + "</Disabilities>"
        }
        s += "</ChildCharacteristics>\n"
        for ep in child.episodes {
            s += "      <CINdetails>"
            s += leaves(ep.details, CINXMLWriter.detailsOrder)
            for a in ep.assessments {
                s += "<Assessments>" + leaves(a, CINXMLWriter.assessmentOrder)
                if let f = a.lists["AssessmentFactors"], !f.isEmpty {
                    s += "<FactorsIdentifiedAtAssessment>" + f.map { xmlLeaf("AssessmentFactors", $0) }.joined() + "</FactorsIdentifiedAtAssessment>"
                }
                s += "</Assessments>"
            }
            for p in ep.cinPlans { s += "<CINPlanDates>" + leaves(p, CINXMLWriter.cinPlanOrder) + "</CINPlanDates>" }
            for e in ep.section47s { s += "<Section47>" + leaves(e, CINXMLWriter.section47Order) + "</Section47>" }
            s += leaves(ep.details, ["ReferralNFA"])
            for p in ep.protectionPlans {
                s += "<ChildProtectionPlans>" + leaves(p, CINXMLWriter.planOrder)
                if let r = p.lists["CPPreviewDate"], !r.isEmpty {
                    s += "<Reviews>" + r.map { xmlLeaf("CPPreviewDate", $0) }.joined() + "</Reviews>"
                }
                s += "</ChildProtectionPlans>"
            }
            s += "</CINdetails>\n"
        }
        s += "    </Child>\n"
        file.write(s)
        childCount += 1
        return childCount
    }

    private func leaves(_ block: CINRawBlock, _ order: [String]) -> String {
        var s = ""
        for name in order { if let v = block.fields[name] { s += xmlLeaf(name, v) } }
        return s
    }

    /// Closes `Children` and `Message`, and the file.
    public func close() throws {
        file.write("  </Children>\n</Message>\n")
        try file.close()
    }
}
