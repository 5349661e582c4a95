import Foundation
import OversightCore
@testable import OversightStore
import Testing

extension StoreTests {
    /// Record blocks give back every field of every record, and notice damage.
    @Suite struct BinaryRecordCodecTests {
        static let o = RecordOrigin(file: 0, row: 7)

        /// One source file's records with every field set (values, invalid text, absent).
        static func fullData() -> CaseData {
            var d = CaseData()
            let c = ChildID("C1"), day = DateField.value(Day(ordinal: 19_876)), bad = DateField.invalid("31/02/2024")
            d.cinChildren[c] = CINChild(
                id: c, upn: "A123456789012", birthDate: day, expectedBirthDate: bad, deathDate: .missing, sex: "F",
                ethnicity: "WBRI", disabilities: ["HAND", "VIS"], collectionYear: 2025, origin: o)
            d.cinChildren[ChildID("C2")] = CINChild(id: ChildID("C2"), origin: RecordOrigin(file: 0, row: 9))
            d.cinEpisodes = [
                CINEpisode(
                    child: c, referralDate: day, referralSource: "1A", primaryNeedCode: "N4", closureDate: bad, reasonForClosure: "RC1",
                    initialCPCDate: .missing, referralNFA: false,
                    assessments: [Assessment(startDate: day, internalReviewDate: bad, authorisationDate: .missing, factors: ["2A", "3B"], origin: o)],
                    cinPlans: [CINPlan(startDate: day, endDate: bad, origin: o)],
                    section47s: [Section47(startDate: day, initialCPCTarget: bad, initialCPCDate: .missing, icpcNotRequired: true, origin: o)],
                    protectionPlans: [
                        ProtectionPlan(
                            startDate: day, endDate: .missing, initialCategory: "NEG", latestCategory: nil,
                            numberOfPreviousPlans: -3, reviewDates: [day, bad, .missing], origin: o)
                    ],
                    collectionYear: nil, origin: o)
            ]
            d.claHeaders[c] = CLAHeader(child: c, sex: "2", birthDate: day, ethnicity: "WBRI", upn: "UPN", collectionYear: 2024, origin: o)
            d.claEpisodes = [
                CLAEpisode(
                    child: c, start: day, reasonNewEpisode: "S", legalStatus: "C2", categoryOfNeed: "N1", placement: "U1",
                    provider: "PR1", end: bad, reasonEnded: "E11", reasonPlaceChange: "CARPL", homePostcode: "M1 1AA",
                    placementPostcode: "M2 2BB", urn: "SC1", collectionYear: 2025, origin: o)
            ]
            d.claReviews = [CLAReview(child: c, date: day, participationCode: "PN1", collectionYear: 2025, origin: o)]
            d.claMissing = [CLAMissing(child: c, kind: "M", start: day, end: .missing, collectionYear: 2025, origin: o)]
            d.careLeavers = [
                CareLeaverRecord(
                    child: c, birthDate: day, inTouch: "YES", activity: "F1", accommodation: "X",
                    collectionYear: 2025, origin: o)
            ]
            d.socialWorkerEpisodes = [
                SocialWorkerEpisode(
                    child: c, workerID: "W é 1", start: day, end: .missing, reason: "SW1",
                    collectionYear: nil, origin: o)
            ]
            d.missingEpisodes = [
                MissingEpisode(
                    child: c, kind: "A", start: .value(DayTime(minutes: 28_000_000)), returned: .invalid("soon"),
                    rhiOffered: .missing, rhiAccepted: true, rhiCompleted: .value(DayTime(minutes: -5)), origin: o)
            ]
            d.supervisions = [
                SupervisionSession(worker: "W1", date: day, kind: "formal", reflective: nil, child: nil, origin: o),
                SupervisionSession(worker: "W2", date: bad, kind: nil, reflective: false, child: c, origin: o),
            ]
            d.workers = [
                WorkerRecord(
                    id: "W1", name: "Sam Jones", role: "social worker", fte: 0.8, employment: "agency", team: "Assessment 1",
                    service: "Front door", start: day, leave: bad, origin: o),
                WorkerRecord(id: "W2", team: "CIN 2", start: day, origin: o),
            ]
            d.allocations = [Allocation(child: c, worker: "W1", from: day, to: bad, origin: o), Allocation(child: c, worker: "W2", from: bad, origin: o)]
            d.visits = [Visit(child: c, date: day, worker: "W1", origin: o), Visit(child: c, date: bad, worker: nil, origin: o)]
            d.services.contacts = [Contact(child: c, date: day, source: "1A", origin: o), Contact(child: c, date: bad, origin: o)]
            d.services.earlyHelp = [
                EarlyHelpEpisode(
                    child: c, start: day, completed: bad, organisation: "School", leadAgency: nil, closed: .missing, closureReason: "met",
                    factors: ["3A", "neglect"], tafMeetings: [day, bad], gcp2Completed: day, origin: o)
            ]
            d.services.workforceWorkers = [
                WorkforceWorker(
                    censusDate: day, id: "SW1", agency: true, fte: 0.8, role: "5", start: day, end: bad, reasonLeave: "2", fteAtCensus: 0.5,
                    cases: 12, daysLost: 3.5, origin: o)
            ]
            d.services.workforceVacancies = [WorkforceVacancies(censusDate: day, vacancies: 4.5, agencyFTE: nil, agencyHeadcount: 3, origin: o)]
            d.services.training = [TrainingCompletion(worker: "W1", course: "RRP", completed: bad, origin: o)]
            d.services.fosteringHouseholds = [FosteringHousehold(id: "FH1", approved: day, deregistered: bad, places: 2, type: "mainstream", origin: o)]
            d.services.specialGuardianships = [SpecialGuardianship(child: c, orderDate: day, ended: .missing, origin: o)]
            d.services.careProceedings = [CareProceeding(child: c, issued: day, factors: ["16A"], concluded: bad, origin: o)]
            d.services.pathways = [PathwayEpisode(child: c, pathway: "MARAC", start: day, end: bad, outcome: "de-escalated", origin: o)]
            return d
        }

        /// `d` written as blocks and read back as source file 0 of a new builder.
        static func roundTrip(_ d: CaseData) throws -> CaseData {
            var b = CaseDataBuilder()
            _ = b.addFile(SourceFile(path: "x.csv", format: "ssda903", table: "Episodes", collectionYear: nil))
            for kind in RecordKind.allCases {
                if let block = BinaryRecordCodec.encode(kind, d) { try BinaryRecordCodec.add(kind, blob: block, file: 0, to: &b) }
            }
            return b.build()
        }

        @Test func everyFieldSurvives() throws {
            let d = Self.fullData(), back = try Self.roundTrip(d)
            #expect(back.cinChildren == d.cinChildren)
            #expect(back.cinEpisodes == d.cinEpisodes)
            #expect(back.claHeaders == d.claHeaders)
            #expect(back.claEpisodes == d.claEpisodes)
            #expect(back.claReviews == d.claReviews)
            #expect(back.claMissing == d.claMissing)
            #expect(back.careLeavers == d.careLeavers)
            #expect(back.socialWorkerEpisodes == d.socialWorkerEpisodes)
            #expect(back.missingEpisodes == d.missingEpisodes)
            #expect(back.supervisions == d.supervisions)
            #expect(back.workers == d.workers)
            #expect(back.allocations == d.allocations)
            #expect(back.visits == d.visits)
            #expect(back.services.contacts == d.services.contacts && back.services.earlyHelp == d.services.earlyHelp)
            #expect(back.services.workforceWorkers == d.services.workforceWorkers && back.services.workforceVacancies == d.services.workforceVacancies)
            #expect(back.services.training == d.services.training && back.services.fosteringHouseholds == d.services.fosteringHouseholds)
            #expect(back.services.specialGuardianships == d.services.specialGuardianships && back.services.careProceedings == d.services.careProceedings)
            #expect(back.services.pathways == d.services.pathways && back.services.count == 10)
        }

        /// The codec writes the fields listed here; a record type with more has gained a field
        /// the codec would drop: add it to `BinaryRecordCodec` (and bump its version) first.
        @Test func recordTypesHaveTheFieldsTheCodecWrites() {
            let d = Self.fullData()
            let c = d.cinEpisodes[0]
            let counts: [(String, Any, Int)] = [
                ("CINChild", d.cinChildren.first!.value, 10), ("CINEpisode", c, 14), ("Assessment", c.assessments[0], 5),
                ("CINPlan", c.cinPlans[0], 3), ("Section47", c.section47s[0], 5), ("ProtectionPlan", c.protectionPlans[0], 7),
                ("CLAHeader", d.claHeaders.first!.value, 7), ("CLAEpisode", d.claEpisodes[0], 15), ("CLAReview", d.claReviews[0], 5),
                ("CLAMissing", d.claMissing[0], 6), ("CareLeaverRecord", d.careLeavers[0], 7),
                ("SocialWorkerEpisode", d.socialWorkerEpisodes[0], 7), ("MissingEpisode", d.missingEpisodes[0], 8),
                ("SupervisionSession", d.supervisions[0], 6), ("WorkerRecord", d.workers[0], 10), ("Allocation", d.allocations[0], 5),
                ("Visit", d.visits[0], 4),
            ]
            for (name, value, n) in counts {
                #expect(Mirror(reflecting: value).children.count == n, "\(name) has \(Mirror(reflecting: value).children.count) stored properties; the codec writes \(n)")
            }
        }

        /// Rows encoded a chunk at a time, chunks crossing from one kind of record to the next,
        /// are the rows encoded at once.
        @Test func rowsEncodedInChunksAreTheRowsEncodedAtOnce() {
            let d = Self.fullData()
            let chunks = RecordCodec.Chunks(d)
            let whole = RecordCodec.encode(d)
            #expect(chunks.count == RecordCodec.count(d) && whole.count == chunks.count && whole.count > 5)
            func describe(_ r: [EncodedRecord]) -> [String] {
                r.map { "\($0.kind)|\($0.child ?? "-")|\($0.naturalKey)|\($0.collectionYear ?? 0)|\($0.origin.file):\($0.origin.row)|\($0.seq)" }
            }
            for size in [1, 2, 3, 7, whole.count, whole.count + 5] {
                var joined: [EncodedRecord] = []
                var start = 0
                while start < chunks.count {
                    joined += chunks.records(start..<min(start + size, chunks.count))
                    start += size
                }
                #expect(describe(joined) == describe(whole))
            }
            #expect(chunks.records(whole.count..<whole.count).isEmpty)
        }

        @Test func damagedBlocksAreAClearError() throws {
            let block = try #require(BinaryRecordCodec.encode(.claEpisode, Self.fullData()))
            var b = CaseDataBuilder()
            _ = b.addFile(SourceFile(path: "x.csv", format: "ssda903", table: "Episodes", collectionYear: nil))
            #expect(throws: StoreError.self) { try BinaryRecordCodec.add(.claEpisode, blob: Array(block.dropLast(3)), file: 0, to: &b) }
            #expect(throws: StoreError.self) { try BinaryRecordCodec.add(.claEpisode, blob: block + [0], file: 0, to: &b) }
            #expect(throws: StoreError.self) { try BinaryRecordCodec.add(.claEpisode, blob: [9] + block.dropFirst(), file: 0, to: &b) }
            #expect(BinaryRecordCodec.encode(.claReview, CaseData()) == nil)
        }
    }
}
