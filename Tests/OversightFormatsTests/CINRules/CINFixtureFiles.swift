import Foundation

/// CIN census XML files written for the tests (invented children), read through `CINXMLReader`
/// as uploads are.
enum CINFixtureFiles {
    /// A 2023-24 return (reference date 31 March 2024, census year 1 April 2023 to 31 March 2024)
    /// of two children who break rules on purpose, both giving `Sex` where 2023-24 wants
    /// `GenderCurrent`.
    ///
    /// Child 1 (OVX4417): UPN B999123456787, whose LA code 999 is no authority's and whose check
    /// letter should be Q; one episode referred 19 July 2022 and closed 30 January 2023 (before the
    /// year), with an assessment started in 2029 but authorised 20 May 2021 (factor QX is not on
    /// the list), a CIN plan 3-29 November 2022 (ended before the year, started while the
    /// protection plan was open), and a section 47 enquiry (26 April 2022), its conference
    /// (10 May 2022) and a protection plan (10 May 2022 to 22 March 2023) all before the referral.
    ///
    /// Child 2 (OVX5902): referred 14 May 2024, after the reference date, and closed 21 May 2024;
    /// an assessment started 9 January 2024, before the referral, and authorised in the year with
    /// no factors.
    ///
    /// Between them they record two disability codes (VIS, LD), and neither has `GenderCurrent`.
    static let smallReturn2024 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Message>
          <Header>
            <CollectionDetails>
              <Collection>CIN</Collection>
              <Year>2024</Year>
              <ReferenceDate>2024-03-31</ReferenceDate>
            </CollectionDetails>
            <Source>
              <SourceLevel>L</SourceLevel>
              <LEA>358</LEA>
              <SoftwareCode>Oversight tests</SoftwareCode>
              <Release>1</Release>
              <SerialNo>7</SerialNo>
              <DateTime>2024-04-19T09:30:00</DateTime>
            </Source>
          </Header>
          <Children>
            <Child>
              <ChildIdentifiers>
                <LAchildID>OVX4417</LAchildID>
                <UPN>B999123456787</UPN>
                <FormerUPN>H35800000042A</FormerUPN>
                <PersonBirthDate>2013-11-08</PersonBirthDate>
                <Sex>2</Sex>
              </ChildIdentifiers>
              <ChildCharacteristics>
                <Ethnicity>APKN</Ethnicity>
                <Disabilities>
                  <Disability>VIS</Disability>
                  <Disability>LD</Disability>
                </Disabilities>
              </ChildCharacteristics>
              <CINdetails>
                <CINreferralDate>2022-07-19</CINreferralDate>
                <ReferralSource>5A</ReferralSource>
                <PrimaryNeedCode>N2</PrimaryNeedCode>
                <CINclosureDate>2023-01-30</CINclosureDate>
                <ReasonForClosure>RC4</ReasonForClosure>
                <DateOfInitialCPC>2022-09-14</DateOfInitialCPC>
                <Assessments>
                  <AssessmentActualStartDate>2029-02-12</AssessmentActualStartDate>
                  <AssessmentAuthorisationDate>2021-05-20</AssessmentAuthorisationDate>
                  <FactorsIdentifiedAtAssessment>
                    <AssessmentFactors>4A</AssessmentFactors>
                    <AssessmentFactors>QX</AssessmentFactors>
                    <AssessmentFactors>9A</AssessmentFactors>
                  </FactorsIdentifiedAtAssessment>
                </Assessments>
                <CINPlanDates>
                  <CINPlanStartDate>2022-11-03</CINPlanStartDate>
                  <CINPlanEndDate>2022-11-29</CINPlanEndDate>
                </CINPlanDates>
                <Section47>
                  <S47ActualStartDate>2022-04-26</S47ActualStartDate>
                  <InitialCPCtarget>2022-05-13</InitialCPCtarget>
                  <DateOfInitialCPC>2022-05-10</DateOfInitialCPC>
                  <ICPCnotRequired>false</ICPCnotRequired>
                </Section47>
                <ReferralNFA>0</ReferralNFA>
                <ChildProtectionPlans>
                  <CPPstartDate>2022-05-10</CPPstartDate>
                  <CPPendDate>2023-03-22</CPPendDate>
                  <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
                  <LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>
                  <NumberOfPreviousCPP>2</NumberOfPreviousCPP>
                  <Reviews>
                    <CPPreviewDate>2022-08-01</CPPreviewDate>
                  </Reviews>
                </ChildProtectionPlans>
              </CINdetails>
            </Child>
            <Child>
              <ChildIdentifiers>
                <LAchildID>OVX5902</LAchildID>
                <UPNunknown>UN1</UPNunknown>
                <PersonBirthDate>2022-12-02</PersonBirthDate>
                <Sex>F</Sex>
              </ChildIdentifiers>
              <ChildCharacteristics>
                <Ethnicity>MWBA</Ethnicity>
                <Disabilities>
                  <Disability>NONE</Disability>
                </Disabilities>
              </ChildCharacteristics>
              <CINdetails>
                <CINreferralDate>2024-05-14</CINreferralDate>
                <ReferralSource>3C</ReferralSource>
                <PrimaryNeedCode>N6</PrimaryNeedCode>
                <CINclosureDate>2024-05-21</CINclosureDate>
                <ReasonForClosure>RC8</ReasonForClosure>
                <Assessments>
                  <AssessmentActualStartDate>2024-01-09</AssessmentActualStartDate>
                  <AssessmentAuthorisationDate>2024-02-15</AssessmentAuthorisationDate>
                  <FactorsIdentifiedAtAssessment/>
                </Assessments>
                <ReferralNFA>false</ReferralNFA>
              </CINdetails>
            </Child>
          </Children>
        </Message>

        """

    /// A 2023-24 return of `count` children, `OVL1000` onwards, built by rule so that which child
    /// breaks which rule can be counted by hand.
    ///
    /// Every child is born 17 September 2012, has a UPN (LA code 358), `GenderCurrent`, ethnicity
    /// WBRI and disability NONE. Child `i`'s UPN has the wrong check letter when `i % 3 == 0`.
    /// Its episode depends on `i % 10`:
    ///
    /// | `i % 10` | episode |
    /// |---|---|
    /// | 0 | no further action, referred 10 March 2023 (before the year), with an assessment |
    /// | 1 | no further action, referred 10 March 2023, nothing else |
    /// | 2 | referred 12 June 2023 with a completed assessment, closed 15 April 2024 (after the year, RC1) |
    /// | 3 | the same, closed 20 February 2024 because the child died (RC2), with no date of death |
    /// | 4 | the same, closed 22 January 2024 after assessment (RC8) but with a section 47 enquiry |
    /// | 5 | two episodes one after the other: 17 April to 30 May 2023 (RC1), then from 3 July 2023, open |
    /// | 6-9 | referred 12 June 2023 with a completed assessment, open: breaks no rule |
    static func largerReturn2024(count: Int) -> String {
        var x = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2024</Year><ReferenceDate>2024-03-31</ReferenceDate>\
            </CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>358</LEA></Source></Header><Children>

            """
        for i in 0..<count {
            x += "<Child><ChildIdentifiers><LAchildID>\(childID(i))</LAchildID><UPN>\(upn(serial: i, rightCheckLetter: i % 3 != 0))</UPN>"
            x += "<PersonBirthDate>2012-09-17</PersonBirthDate><GenderCurrent>\(i % 2 == 0 ? 1 : 2)</GenderCurrent></ChildIdentifiers>"
            x += "<ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>\n"
            let assessment = assessmentXML(start: "2023-06-13", authorised: "2023-07-20")
            switch i % 10 {
            case 0: x += episodeXML(referral: "2023-03-10", nfa: "1", inner: assessmentXML(start: "2023-03-13", authorised: "2023-04-20"))
            case 1: x += episodeXML(referral: "2023-03-10", nfa: "1")
            case 2: x += episodeXML(referral: "2023-06-12", closure: ("2024-04-15", "RC1"), inner: assessment)
            case 3: x += episodeXML(referral: "2023-06-12", closure: ("2024-02-20", "RC2"), inner: assessment)
            case 4:
                x += episodeXML(
                    referral: "2023-06-12", closure: ("2024-01-22", "RC8"),
                    inner: assessment
                        + "<Section47><S47ActualStartDate>2023-06-20</S47ActualStartDate><ICPCnotRequired>1</ICPCnotRequired></Section47>")
            case 5:
                x += episodeXML(referral: "2023-04-17", closure: ("2023-05-30", "RC1"), inner: assessmentXML(start: "2023-04-18", authorised: "2023-05-25"))
                x += episodeXML(referral: "2023-07-03")
            default: x += episodeXML(referral: "2023-06-12", inner: assessment)
            }
            x += "</Child>\n"
        }
        return x + "</Children></Message>\n"
    }

    static func childID(_ i: Int) -> String { "OVL\(1000 + i)" }

    static func episodeXML(referral: String, nfa: String = "0", closure: (date: String, reason: String)? = nil, inner: String = "") -> String {
        var x = "<CINdetails><CINreferralDate>\(referral)</CINreferralDate><ReferralSource>1B</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>"
        if let closure { x += "<CINclosureDate>\(closure.date)</CINclosureDate><ReasonForClosure>\(closure.reason)</ReasonForClosure>" }
        return x + "<ReferralNFA>\(nfa)</ReferralNFA>\(inner)</CINdetails>\n"
    }

    static func assessmentXML(start: String, authorised: String) -> String {
        "<Assessments><AssessmentActualStartDate>\(start)</AssessmentActualStartDate><AssessmentAuthorisationDate>\(authorised)</AssessmentAuthorisationDate>"
            + "<FactorsIdentifiedAtAssessment><AssessmentFactors>3A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>"
    }

    /// A UPN for LA 358: check letter, `358`, eight digits from `serial`, and a final digit. The
    /// check letter is the DfE's (characters 2-13 weighted by their positions 2-13, summed modulo
    /// 23, read in ABCDEFGHJKLMNPQRTUVWXYZ), or the letter after it when `rightCheckLetter` is false.
    static func upn(serial: Int, rightCheckLetter: Bool) -> String {
        let digits = "358" + String(String(40_000_000 + serial).suffix(8)) + String(serial % 10)
        let letters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")
        var sum = 0
        for (k, ch) in digits.enumerated() { sum += (ch.wholeNumberValue ?? 0) * (k + 2) }
        return String(letters[(sum + (rightCheckLetter ? 0 : 1)) % 23]) + digits
    }
}
