import Foundation
import Testing
@testable import OversightFormats

/// Issue 16: the CIN census and SSDA903 XML readers refuse a document type declaration, so a file
/// can neither expand entities without end ("billion laughs") nor make the reader fetch another
/// file (an external entity). The DfE's schemas have none, and no return carries one.
@Suite struct XMLDoctypeTests {
    static let laughs = "<!DOCTYPE lol [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
    static let external = "<!DOCTYPE x [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"

    static func cin(_ doctype: String, value: String) -> Data {
        Data(
            """
            <?xml version="1.0" encoding="utf-8"?>
            \(doctype)
            <Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year><ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>358</LEA><SoftwareCode>t</SoftwareCode><Release>1</Release><SerialNo>1</SerialNo><DateTime>2025-04-01T00:00:00</DateTime></Source></Header>
            <Children><Child><ChildIdentifiers><LAchildID>\(value)</LAchildID></ChildIdentifiers></Child></Children></Message>
            """.utf8)
    }

    static func ssda903(_ doctype: String, value: String) -> Data {
        Data(
            """
            <?xml version="1.0" encoding="utf-8"?>
            \(doctype)
            <EXPSSDA903><CHILD><HEADER><CHILDID>\(value)</CHILDID><SEX>1</SEX><DOB>2015-01-01</DOB></HEADER></CHILD></EXPSSDA903>
            """.utf8)
    }

    @Test(arguments: [(laughs, "&c;"), (external, "&secret;")])
    func theCensusReaderRefusesADoctype(_ doctype: String, _ value: String) {
        let error = #expect(throws: UnusableFileError.self) { try CINXMLReader.read(data: Self.cin(doctype, value: value), file: "cin.xml", pathYear: 2025) }
        #expect(error?.file == "cin.xml" && error?.reason.contains("DOCTYPE") == true, "\(String(describing: error))")
    }

    @Test(arguments: [(laughs, "&c;"), (external, "&secret;")])
    func theLookedAfterReaderRefusesADoctype(_ doctype: String, _ value: String) {
        let error = #expect(throws: UnusableFileError.self) {
            try SSDA903XMLReader.read(data: Self.ssda903(doctype, value: value), file: "903.xml", collectionYear: 2025)
        }
        #expect(error?.file == "903.xml" && error?.reason.contains("DOCTYPE") == true, "\(String(describing: error))")
    }

    @Test func withoutOneBothRead() throws {
        #expect(try CINXMLReader.read(data: Self.cin("", value: "C1"), file: "cin.xml", pathYear: 2025).0.children.count == 1)
        #expect(try SSDA903XMLReader.read(data: Self.ssda903("", value: "C1"), file: "903.xml", collectionYear: 2025).tables.isEmpty == false)
    }
}
